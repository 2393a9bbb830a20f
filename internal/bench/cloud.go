// Package bench measures Regulars against the official Firestore emulator, the
// embedded store, the Fyne test driver and a virtual X display. cmd/bench runs
// it; docs/performance.md explains what each figure means.
package bench

import (
	"context"

	"google.golang.org/api/option"

	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// Project is the emulator project every measurement uses.
const Project = emulators.ProjectID

// AdminStore dials the community on the emulator at host as an admin (no
// rules): for arranging and inspecting data only.
func AdminStore(ctx context.Context, host, cid string, opts ...option.ClientOption) (*firestore.Store, error) {
	return firestore.Dial(ctx, firestore.Config{ProjectID: Project, CommunityID: cid, Endpoint: host, Admin: true,
		ClientOptions: opts})
}

// MemberStore dials the community as member uid with an unsigned ID token, so
// that security rules apply to every request, as on a member's phone.
func MemberStore(ctx context.Context, host, cid, uid string, opts ...option.ClientOption) (*firestore.Store, error) {
	tok := MemberToken(uid)
	return firestore.Dial(ctx, firestore.Config{ProjectID: Project, CommunityID: cid, Endpoint: host,
		IDToken: func(context.Context) (string, error) { return tok, nil }, MemberID: uid, ClientOptions: opts})
}

// MemberToken is an ID token of uid the emulator accepts.
func MemberToken(uid string) string {
	return emulators.UnsignedIDToken(Project, uid, map[string]any{
		"email": uid + "@example.com", "email_verified": true})
}

// tokenKey carries a per-call ID token in a context (many voters, one client).
type tokenKey struct{}

// withToken makes calls under ctx carry uid's ID token.
func withToken(ctx context.Context, uid string) context.Context {
	return context.WithValue(ctx, tokenKey{}, MemberToken(uid))
}

// EmulatorHeapMB is the Java heap of the emulators the bench starts (see
// emulators.Heap). With the tests' 512 MB, the day, which runs after the
// home section's 47,000-document seed in the same emulator, found the JVM
// collecting garbage on both cores: 254 operations timed out and only 7
// member writes went through, on an otherwise idle machine.
const EmulatorHeapMB = 4096
