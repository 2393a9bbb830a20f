package emulators

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func decodeSegment(t *testing.T, seg string) map[string]any {
	t.Helper()
	data, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatalf("decode %q: %v", seg, err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("unmarshal %s: %v", data, err)
	}
	return m
}

func TestUnsignedIDToken(t *testing.T) {
	tests := []struct {
		name   string
		claims map[string]any
		want   map[string]any
	}{
		{"member", nil, map[string]any{"sub": "alice", "user_id": "alice"}},
		{"custom claim", map[string]any{"role": "owner"}, map[string]any{"role": "owner", "sub": "alice"}},
		{"standard claims win", map[string]any{"sub": "mallory", "aud": "other"}, map[string]any{"sub": "alice", "aud": "demo-x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := UnsignedIDToken("demo-x", "alice", tt.claims)
			parts := strings.Split(tok, ".")
			if len(parts) != 3 || parts[2] != "" {
				t.Fatalf("token %q: want header.claims. with an empty signature", tok)
			}
			header := decodeSegment(t, parts[0])
			if header["alg"] != "none" || header["typ"] != "JWT" {
				t.Errorf("header = %v, want alg none, typ JWT", header)
			}
			claims := decodeSegment(t, parts[1])
			for k, v := range tt.want {
				if claims[k] != v {
					t.Errorf("claim %s = %v, want %v", k, claims[k], v)
				}
			}
			if claims["aud"] != "demo-x" || claims["iss"] != "https://securetoken.google.com/demo-x" {
				t.Errorf("aud, iss = %v, %v; want the project's", claims["aud"], claims["iss"])
			}
			now := float64(time.Now().Unix())
			iat, _ := claims["iat"].(float64)
			exp, _ := claims["exp"].(float64)
			if iat > now || iat < now-60 || exp <= now {
				t.Errorf("iat, exp = %v, %v; want issued now and not expired", iat, exp)
			}
			fb, _ := claims["firebase"].(map[string]any)
			if fb["sign_in_provider"] != "password" {
				t.Errorf("firebase claim = %v, want sign_in_provider password", claims["firebase"])
			}
		})
	}
}
