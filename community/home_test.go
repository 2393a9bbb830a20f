package community_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// TestService_HomeNextEventAndUnread checks Home's next event and unread count
// on the demo community against what reading every RSVP, event and
// notification of the member gives, as the member answers, cancels and staff
// move or call off events.
func TestService_HomeNextEventAndUnread(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	wantNext := func() string { // the soonest event not cancelled nor ended that the member holds or waits for
		t.Helper()
		rs, err := s.MemberRSVPs(ctx, member.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var best community.Event
		for _, r := range rs {
			if r.Status == community.StatusCancelled {
				continue
			}
			e, err := s.Event(ctx, r.EventID)
			if err != nil {
				t.Fatal(err)
			}
			if !e.Cancelled && e.EndsAt.After(demo.Now) && (best.ID == "" || e.StartsAt.Before(best.StartsAt)) {
				best = e
			}
		}
		return best.ID
	}
	wantUnread := func() int {
		t.Helper()
		ns, err := s.Notifications(ctx, member.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, x := range ns {
			if !x.Read {
				n++
			}
		}
		return n
	}
	check := func(when string, wantStatus community.RSVPStatus) community.Home {
		t.Helper()
		h, err := svc.Home(ctx, member)
		if err != nil {
			t.Fatalf("%s: home: %v", when, err)
		}
		want := wantNext()
		switch {
		case want == "" && h.NextEvent != nil:
			t.Errorf("%s: next event %s, want none", when, h.NextEvent.ID)
		case want != "" && (h.NextEvent == nil || h.NextRSVP == nil):
			t.Errorf("%s: no next event, want %s", when, want)
		case want != "" && (h.NextEvent.ID != want || h.NextRSVP.EventID != want || h.NextRSVP.Status != wantStatus):
			t.Errorf("%s: next event %s (RSVP %s %s), want %s %s", when, h.NextEvent.ID, h.NextRSVP.EventID, h.NextRSVP.Status, want, wantStatus)
		}
		if n := wantUnread(); h.Unread != n {
			t.Errorf("%s: %d unread, want %d", when, h.Unread, n)
		}
		return h
	}
	first := check("the demo", community.StatusGoing)
	if first.NextEvent == nil {
		t.Fatal("the demo member has no next event")
	}

	// A waitlist place on a full event that starts sooner.
	full, err := s.Event(ctx, "ev-latte")
	if err != nil || !full.Full() || !full.StartsAt.Before(first.NextEvent.StartsAt) {
		t.Fatalf("the demo's latte night should be full and sooner than %s: %+v, %v", first.NextEvent.ID, full, err)
	}
	if _, err := svc.RSVP(ctx, member, full.ID); err != nil {
		t.Fatal(err)
	}
	if h := check("waiting for the latte night", community.StatusWaiting); h.NextRSVP != nil && h.NextRSVP.Position != full.Waiting+1 {
		t.Errorf("waiting at %d, want %d", h.NextRSVP.Position, full.Waiting+1)
	}
	if _, err := svc.CancelEvent(ctx, owner, full.ID); err != nil {
		t.Fatal(err)
	}
	check("after the latte night was called off", community.StatusGoing)

	// Staff move the member's event to a day that has gone.
	moved := *first.NextEvent
	_, err = svc.EditEvent(ctx, owner, moved.ID, community.EventInput{Title: moved.Title, Description: moved.Description,
		Place: moved.Place, StartsAt: demo.Now.Add(-3 * time.Hour), EndsAt: demo.Now.Add(-time.Hour), TimeZone: moved.TimeZone,
		Capacity: moved.Capacity})
	if err != nil {
		t.Fatal(err)
	}
	check("after the event moved into the past", community.StatusGoing)

	// Unread: all of them, not only the latest few.
	for i := range 12 {
		n := community.Notification{ID: "n" + string(rune('a'+i)), MemberID: member.ID, Kind: "points", Amount: 5,
			At: demo.Now.Add(-time.Duration(i) * time.Minute)}
		if err := s.Notify(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if h := check("after 12 notifications", community.StatusGoing); h.Unread < 12 {
		t.Errorf("%d unread after 12 notifications", h.Unread)
	}
	if err := svc.MarkRead(ctx, member, "na"); err != nil {
		t.Fatal(err)
	}
	check("after reading one", community.StatusGoing)
	if _, err := svc.Home(ctx, community.Actor{ID: "nobody", Role: community.RoleMember}); !errors.Is(err, community.ErrNotFound) {
		t.Errorf("home of no member: %v, want ErrNotFound", err)
	}
}
