package firestore_test

import (
	"errors"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// TestStore_RulesApply dials the emulator as members carrying unsigned ID
// tokens, the way the app connects: requests are judged by
// deploy/firebase/firestore.rules, and a refusal reads as ErrForbidden.
// Whatever else the rules allow, a stranger may not post an announcement,
// and a member may not vote in another member's name.
func TestStore_RulesApply(t *testing.T) {
	ctx := t.Context()
	e := emulators.FirestoreFor(t)
	admin := dialAdmin(t, firestore.Config{})
	cid := admin.CommunityID()
	now := time.Now().Truncate(time.Second)
	if err := admin.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana", Role: community.RoleMember, Since: now}); err != nil {
		t.Fatal(err)
	}
	if err := admin.CreatePoll(ctx, community.Poll{ID: "q", Question: "Oat or almond?", Status: community.PollOpen, CreatedAt: now,
		Options: []community.Option{{ID: "oat", Text: "Oat", Status: community.IdeaOpen}}}); err != nil {
		t.Fatal(err)
	}
	as := func(uid, role string) *firestore.Store {
		token := emulators.UnsignedIDToken(e.ProjectID, uid, map[string]any{"role": role})
		s, err := firestore.Dial(ctx, firestore.Config{ProjectID: e.ProjectID, CommunityID: cid, Endpoint: e.Host,
			IDToken: staticToken(token), Timeout: 20 * time.Second})
		if err != nil {
			t.Fatalf("dial as %s: %v", uid, err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	stranger := as("stranger", "")
	err := stranger.SaveAnnouncement(ctx, community.Announcement{ID: "spam", PublishAt: now,
		Texts: map[string]community.AnnouncementText{"en": {Title: "Free coffee", Body: "Not really."}}})
	if !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a stranger posting an announcement: %v, want ErrForbidden", err)
	}
	ana := as("ana", "member")
	err = ana.CastVote(ctx, community.Vote{PollID: "q", MemberID: "bob", OptionID: "oat", At: now})
	if !errors.Is(err, community.ErrForbidden) {
		t.Errorf("ana voting as bob: %v, want ErrForbidden", err)
	}
	if n, err := admin.CountVotes(ctx, "q"); err != nil || n != 0 {
		t.Errorf("after refused votes the poll has %d votes (%v), want 0", n, err)
	}
}
