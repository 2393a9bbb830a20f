package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
)

// Cancelling an event from its Manage tab (after the confirmation) tells
// every member going and waiting, each in their own language, and nobody
// else.
func TestEventSeries_CancelTellsGoingAndWaiting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owner := f.env(demo.OwnerID, "en")
	rsvps, err := f.store.RSVPs(ctx, "ev-latte") // 6 going, 3 waiting
	if err != nil || len(rsvps) == 0 {
		t.Fatalf("the demo's latte night: %d RSVPs, %v", len(rsvps), err)
	}
	s := newEventSeries(owner, "ev-latte")
	f.show(s.root, phoneSize)
	f.capture("event-manage-en")
	test.Tap(s.cance)
	settle()
	test.Tap(button(t, f.win, "Cancel the event")) // the dialog's, found first
	settle()
	if !strings.Contains(s.note.Text, "Members going or waiting were told") || !s.cance.Disabled() {
		t.Fatalf("after cancelling: note %q, cancel button disabled %v", s.note.Text, s.cance.Disabled())
	}
	going := map[string]bool{}
	for _, r := range rsvps {
		going[r.MemberID] = true
		m, _ := f.store.Member(ctx, r.MemberID)
		notes, _ := f.store.Notifications(ctx, r.MemberID, 0)
		told := ""
		for _, n := range notes {
			if n.Kind == "cancelled" && n.Ref == "ev-latte" {
				told = notificationText(i18n.New(m.Lang), n)
			}
		}
		want := i18n.New(m.Lang).T("MeNoteCancelled", map[string]any{"Title": "Latte art night"})
		if told != want {
			t.Errorf("%s (%s, %s) was told %q, want %q", r.MemberID, r.Status, m.Lang, told, want)
		}
	}
	ms, _ := f.store.SearchMembers(ctx, "", 0)
	for _, m := range ms {
		if going[m.ID] {
			continue
		}
		notes, _ := f.store.Notifications(ctx, m.ID, 0)
		for _, n := range notes {
			if n.Ref == "ev-latte" && n.Kind == "cancelled" {
				t.Errorf("%s, not going nor waiting, was told", m.ID)
			}
		}
	}
}
