package emulators

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"time"

	"google.golang.org/grpc/credentials"
)

// UnsignedIDToken returns a Firebase ID token for uid in projectID, signed with
// alg "none". The emulators accept such tokens, so a test can act as any member,
// owner or stranger without signing anyone in. claims adds custom claims (such as
// "role"); it cannot replace the standard ones. The token is valid for an hour.
func UnsignedIDToken(projectID, uid string, claims map[string]any) string {
	now := time.Now().Unix()
	body := make(map[string]any, len(claims)+8)
	for k, v := range claims {
		body[k] = v
	}
	body["sub"] = uid
	body["user_id"] = uid
	body["aud"] = projectID
	body["iss"] = "https://securetoken.google.com/" + projectID
	body["iat"] = now
	body["exp"] = now + 3600
	body["auth_time"] = now
	body["firebase"] = map[string]any{"sign_in_provider": "password", "identities": map[string]any{}}

	header := map[string]string{"alg": "none", "typ": "JWT"}
	return encodeSegment(header) + "." + encodeSegment(body) + "."
}

func encodeSegment(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		// Only maps of JSON values reach here; a custom claim that cannot be
		// encoded is a bug in the test that passed it.
		panic("emulators: encode token: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(data)
}

// BearerToken is a gRPC per-RPC credential that sends an ID token as
// "authorization: Bearer <token>" over plain (loopback) connections.
type BearerToken string

var _ credentials.PerRPCCredentials = BearerToken("")

// GetRequestMetadata implements credentials.PerRPCCredentials.
func (t BearerToken) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(t)}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials: the
// emulators listen on loopback without TLS.
func (BearerToken) RequireTransportSecurity() bool { return false }
