package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseError(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   string
		want   error
	}{
		{"email exists", 400, `{"error":{"code":400,"message":"EMAIL_EXISTS"}}`, "EMAIL_EXISTS", ErrEmailTaken},
		{"invalid password", 400, `{"error":{"code":400,"message":"INVALID_PASSWORD"}}`, "INVALID_PASSWORD", ErrBadCredentials},
		{"login credentials", 400, `{"error":{"code":400,"message":"INVALID_LOGIN_CREDENTIALS"}}`, "INVALID_LOGIN_CREDENTIALS", ErrBadCredentials},
		{"user not found", 400, `{"error":{"code":400,"message":"USER_NOT_FOUND"}}`, "USER_NOT_FOUND", ErrBadCredentials},
		{"weak with detail", 400, `{"error":{"code":400,"message":"WEAK_PASSWORD : Password should be at least 6 characters"}}`, "WEAK_PASSWORD", ErrWeakPassword},
		{"rate limited", 400, `{"error":{"code":400,"message":"TOO_MANY_ATTEMPTS_TRY_LATER : Access disabled"}}`, "TOO_MANY_ATTEMPTS_TRY_LATER", ErrRateLimited},
		{"429 without code", 429, `busy`, "TOO_MANY_ATTEMPTS_TRY_LATER", ErrRateLimited},
		{"refresh grant", 400, `{"error":"invalid_grant","error_description":"bad"}`, "INVALID_REFRESH_TOKEN", ErrSessionExpired},
		{"server error", 503, `<html>`, "HTTP_503", ErrUnavailable},
		{"oob", 400, `{"error":{"message":"INVALID_OOB_CODE"}}`, "INVALID_OOB_CODE", ErrInvalidCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parseError(tt.status, []byte(tt.body))
			var ae *Error
			if !errors.As(err, &ae) || ae.Code != tt.code {
				t.Fatalf("parseError = %v, want code %s", err, tt.code)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want)
			}
			if tt.want != ErrEmailTaken && errors.Is(err, ErrEmailTaken) {
				t.Errorf("%v matches ErrEmailTaken too", err)
			}
		})
	}
}

func FuzzParseError(f *testing.F) {
	f.Add(400, `{"error":{"code":400,"message":"EMAIL_EXISTS"}}`)
	f.Add(400, `{"error":"invalid_grant"}`)
	f.Add(500, ``)
	f.Fuzz(func(t *testing.T, status int, body string) {
		err := parseError(status, []byte(body))
		var ae *Error
		if !errors.As(err, &ae) || ae.Code == "" {
			t.Fatalf("parseError(%d, %q) = %v, want an *Error with a code", status, body, err)
		}
	})
}

// tokenClaims decodes the claims of a JWT without checking it.
func tokenClaims(t *testing.T, tok string) map[string]any {
	t.Helper()
	parts := strings.Split(tok, ".")
	if len(parts) < 2 {
		t.Fatalf("token %q is not a JWT", tok)
	}
	data, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{parseError(400, []byte(`{"error":{"message":"EMAIL_EXISTS"}}`)), "email_taken"},
		{parseError(400, []byte(`{"error":{"message":"INVALID_LOGIN_CREDENTIALS"}}`)), "bad_credentials"},
		{parseError(400, []byte(`{"error":{"message":"USER_DISABLED"}}`)), "user_disabled"},
		{parseError(400, []byte(`{"error":{"message":"WEAK_PASSWORD : short"}}`)), "weak_password"},
		{parseError(400, []byte(`{"error":{"message":"TOO_MANY_ATTEMPTS_TRY_LATER"}}`)), "rate_limited"},
		{parseError(400, []byte(`{"error":"invalid_grant"}`)), "session_expired"},
		{parseError(502, nil), "unavailable"},
		{fmt.Errorf("sign in: %w", ErrUnavailable), "unavailable"},
		{errors.New("boom"), "unknown"},
	}
	for _, tt := range tests {
		if got := Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestSession_NeverPrintsTokens: a session or token source printed by
// mistake, with any verb, inside a struct or a panic, shows no token.
// Before the review %v of a Session printed both tokens.
func TestSession_NeverPrintsTokens(t *testing.T) {
	s := Session{UID: "u1", Email: "a@example.com", IDToken: "eyJ-id-secret", RefreshToken: "AMf-refresh-secret",
		ExpiresAt: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	ts := NewClient("key").TokenSource(s)
	type holder struct {
		Sess Session
		TS   *TokenSource
	}
	var printed []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		printed = append(printed, fmt.Sprintf(verb, s), fmt.Sprintf(verb, &s), fmt.Sprintf(verb, ts),
			fmt.Sprintf(verb, holder{s, ts}), fmt.Sprintf(verb, []any{s, ts}))
	}
	printed = append(printed, fmt.Errorf("sign in as %v: %w", s, ErrSessionExpired).Error())
	func() {
		defer func() { printed = append(printed, fmt.Sprint(recover())) }()
		panic(s)
	}()
	for _, p := range printed {
		if strings.Contains(p, "secret") {
			t.Errorf("printed a token: %s", p)
		}
	}
	if !strings.Contains(printed[0], "u1") {
		t.Errorf("a printed session should still say whose it is: %s", printed[0])
	}
}
