package screens

import (
	"context"
	"testing"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// What another client wrote while the store's listeners were reconnecting
// reaches the open detail screens through the kind-wide change the store
// sends once they are back (Change with no ID), as Firestore does.

func TestThread_ResyncShowsPostsWrittenMeanwhile(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-quiet")
	f.show(s.root, phoneSize)
	n := s.length()
	ctx := context.Background()
	// No watch: the store's own change of the post never reaches the screen.
	if _, err := f.svc.Reply(ctx, f.actor("mem-tom"), "th-quiet", "Written during the reconnect"); err != nil {
		t.Fatal(err)
	}
	env.Dispatch(community.Change{Kind: community.KindThread})
	settle()
	f.win.Content().Refresh()
	settle()
	if s.length() != n+1 || len(s.pages[0]) != n+1 || s.pages[0][n].Body != "Written during the reconnect" {
		t.Fatalf("after the resync: %d posts, page 0 holds %d", s.length(), len(s.pages[0]))
	}
	// Firestore tells another member's reply as a change of the thread
	// itself (no post listener): the loaded page is read again.
	if _, err := f.svc.Reply(ctx, f.actor("mem-tom"), "th-quiet", "And one more"); err != nil {
		t.Fatal(err)
	}
	env.Dispatch(community.Change{Kind: community.KindThread, ID: "th-quiet"})
	settle()
	f.win.Content().Refresh()
	settle()
	if len(s.pages[0]) != n+2 || s.pages[0][n+1].Body != "And one more" {
		t.Fatalf("after the thread's change: page 0 holds %d posts, want %d", len(s.pages[0]), n+2)
	}
}

func TestEventDetail_ResyncShowsWhatChangedMeanwhile(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	f.show(NewEventDetail(env, "ev-calligraphy"), phoneSize)
	if shows(f.win, "You're going") {
		t.Fatal("going before any RSVP")
	}
	// The member's other device takes a place while this one reconnects.
	if _, err := f.svc.RSVP(context.Background(), env.Me(), "ev-calligraphy"); err != nil {
		t.Fatal(err)
	}
	env.Dispatch(community.Change{Kind: community.KindEvent})
	settle()
	if !shows(f.win, "You're going") {
		t.Errorf("the resync did not reload the event: %q", shownTexts(f.win))
	}
}
