package emulators

import (
	"encoding/json"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestAuth_SignUpIssuesTokensFirestoreAccepts(t *testing.T) {
	ctx := testContext(t)
	a := AuthFor(t)
	if err := a.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := a.SignUp(ctx, "ada@example.com", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if u.UID == "" || u.IDToken == "" {
		t.Fatalf("SignUp = %+v, want a uid and an idToken", u)
	}
	claims := decodeSegment(t, strings.Split(u.IDToken, ".")[1])
	if claims["aud"] != ProjectID || claims["user_id"] != u.UID {
		t.Fatalf("token claims = %v, want aud %s and user_id %s", claims, ProjectID, u.UID)
	}

	// The Firestore emulator takes the Auth emulator's token as that user.
	fs := ownDocEmulator(t, ctx)
	c := newClient(t, ctx, fs, u.IDToken)
	if _, err := c.Doc("t/"+u.UID).Set(ctx, map[string]any{"n": 1}); err != nil {
		t.Fatalf("write own document with the signed-up user's token: %v", err)
	}
	if _, err := c.Doc("t/someone-else").Set(ctx, map[string]any{"n": 1}); status.Code(err) != codes.PermissionDenied {
		t.Fatalf("write someone else's document = %v, want PermissionDenied", err)
	}
}

func TestAuth_CustomClaimsAndReset(t *testing.T) {
	ctx := testContext(t)
	a := AuthFor(t)
	if err := a.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := a.SignUp(ctx, "owner@example.com", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetCustomClaims(ctx, u.UID, map[string]any{"role": "owner"}); err != nil {
		t.Fatal(err)
	}
	again, err := a.SignIn(ctx, "owner@example.com", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	claims := decodeSegment(t, strings.Split(again.IDToken, ".")[1])
	if claims["role"] != "owner" {
		b, _ := json.Marshal(claims)
		t.Fatalf("claims after SetCustomClaims = %s, want role owner", b)
	}

	if err := a.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SignIn(ctx, "owner@example.com", "correct horse"); err == nil || !strings.Contains(err.Error(), "EMAIL_NOT_FOUND") {
		t.Fatalf("SignIn after Reset = %v, want EMAIL_NOT_FOUND", err)
	}
}
