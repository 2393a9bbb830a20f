package emulators

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ownDocRules lets a signed-in user write /t/{uid} for their own uid only.
const ownDocRules = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /t/{uid} {
      allow read, write: if request.auth != null && request.auth.uid == uid;
    }
  }
}
`

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// newClient connects to e as the holder of idToken ("" for nobody).
func newClient(t *testing.T, ctx context.Context, e *FirestoreEmulator, idToken string) *firestore.Client {
	t.Helper()
	c, err := firestore.NewClient(ctx, e.ProjectID, e.ClientOptions(idToken)...)
	if err != nil {
		t.Fatalf("firestore.NewClient: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// ownDocEmulator starts an emulator of its own enforcing ownDocRules.
func ownDocEmulator(t *testing.T, ctx context.Context) *FirestoreEmulator {
	t.Helper()
	rules := filepath.Join(t.TempDir(), "firestore.rules")
	if err := os.WriteFile(rules, []byte(ownDocRules), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := Firestore(ctx, Rules(rules))
	if err != nil {
		t.Fatalf("Firestore: %v", err)
	}
	t.Cleanup(e.Stop)
	return e
}

func TestFirestore_Answers(t *testing.T) {
	ctx := testContext(t)
	e := FirestoreFor(t)
	if err := e.probe(ctx); err != nil {
		t.Fatal(err)
	}
	if e.ProjectID != ProjectID {
		t.Errorf("ProjectID = %q, want %q", e.ProjectID, ProjectID)
	}
}

func TestFirestore_RulesApplyToIDTokens(t *testing.T) {
	ctx := testContext(t)
	e := ownDocEmulator(t, ctx)
	alice := newClient(t, ctx, e, UnsignedIDToken(e.ProjectID, "alice", nil))
	admin := newClient(t, ctx, e, AdminToken)
	nobody := newClient(t, ctx, e, "")

	tests := []struct {
		name   string
		client *firestore.Client
		path   string
		want   codes.Code
	}{
		{"own document", alice, "t/alice", codes.OK},
		{"someone else's document", alice, "t/bob", codes.PermissionDenied},
		{"outside the rules", alice, "other/alice", codes.PermissionDenied},
		{"no token", nobody, "t/alice", codes.PermissionDenied},
		{"admin bypasses rules", admin, "t/bob", codes.OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.client.Doc(tt.path).Set(ctx, map[string]any{"n": 1})
			if got := status.Code(err); got != tt.want {
				t.Fatalf("Set(%s) = %v (%v), want %v", tt.path, got, err, tt.want)
			}
		})
	}

	// Alice's accepted write is stored.
	snap, err := admin.Doc("t/alice").Get(ctx)
	if err != nil {
		t.Fatalf("read back t/alice: %v", err)
	}
	if n := snap.Data()["n"]; n != int64(1) {
		t.Fatalf("t/alice n = %v, want 1", n)
	}
}

func TestFirestore_RepoRulesDenyUnknownPaths(t *testing.T) {
	// The shared emulator enforces deploy/firebase/firestore.rules, whatever
	// they become: a collection the app does not have must stay closed.
	ctx := testContext(t)
	e := FirestoreFor(t)
	c := newClient(t, ctx, e, UnsignedIDToken(e.ProjectID, "alice", map[string]any{"role": "owner"}))
	_, err := c.Doc("emulators-selftest/alice").Set(ctx, map[string]any{"n": 1})
	if status.Code(err) != codes.PermissionDenied {
		t.Fatalf("Set outside the app's collections = %v, want PermissionDenied", err)
	}
}

func TestFirestore_Reset(t *testing.T) {
	ctx := testContext(t)
	e := FirestoreFor(t)
	admin := newClient(t, ctx, e, AdminToken)
	doc := admin.Doc("emulators-selftest/reset")
	if _, err := doc.Set(ctx, map[string]any{"n": 1}); err != nil {
		t.Fatalf("admin Set: %v", err)
	}
	if err := e.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := doc.Get(ctx); status.Code(err) != codes.NotFound {
		t.Fatalf("Get after Reset = %v, want NotFound", err)
	}
}

func TestFirestore_StopEndsProcess(t *testing.T) {
	ctx := testContext(t)
	e := ownDocEmulator(t, ctx)
	e.Stop()
	if !e.proc.exited() {
		t.Fatal("process still running after Stop")
	}
	if err := e.probe(ctx); err == nil {
		t.Fatal("emulator still answers after Stop")
	}
	e.Stop() // a second Stop is harmless
}
