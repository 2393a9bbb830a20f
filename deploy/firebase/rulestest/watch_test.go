package rulestest

import (
	"context"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// TestRules_WatchAsMember checks the store's snapshot listeners pass the rules
// for a member: a refused listener fails silently (Watch just never tells the
// screen), so each kind another client writes must reach the member's Watch.
func TestRules_WatchAsMember(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx, cancel := context.WithTimeout(testContext(t), 90*time.Second)
	defer cancel()
	fs := emulators.FirestoreFor(t)
	m := e.actors[member]
	tok := emulators.UnsignedIDToken(fs.ProjectID, m.id, map[string]any{"email_verified": true})
	s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: e.cid, Endpoint: fs.Host, MemberID: m.id,
		IDToken: func(context.Context) (string, error) { return tok, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	changes := s.Watch(ctx)
	time.Sleep(2 * time.Second) // let the listeners connect and take their first snapshot

	// Another client (the owner's desktop, here the admin) writes one of each.
	now := time.Now()
	e.event(t, 5)
	e.poll(t)
	e.thread(t, other)
	e.story(t, other, community.StoryPublished)
	if err := e.admin.SaveAnnouncement(ctx, community.Announcement{ID: community.NewID(), PublishAt: now, CreatedAt: now,
		CreatedBy: e.id(owner), Texts: map[string]community.AnnouncementText{"en": {Title: "Hi", Body: "Hello"}}}); err != nil {
		t.Fatal(err)
	}
	e.award(t, member, 10) // the member document changes
	if err := e.admin.Notify(ctx, community.Notification{ID: community.NewID(), MemberID: m.id, Kind: "points", Amount: 10, At: now}); err != nil {
		t.Fatal(err)
	}

	want := map[community.Kind]bool{community.KindEvent: true, community.KindPoll: true, community.KindThread: true,
		community.KindStory: true, community.KindAnnouncement: true, community.KindMember: true, community.KindNotification: true}
	for len(want) > 0 {
		select {
		case c, ok := <-changes:
			if !ok {
				t.Fatalf("Watch closed; still waiting for %v", want)
			}
			if c.Kind == community.KindConnection && c.ID == "offline" {
				t.Logf("a listener went offline")
			}
			delete(want, c.Kind)
		case <-ctx.Done():
			t.Fatalf("no change of kinds %v reached the member's Watch: a listener refused by the rules?", want)
		}
	}
}
