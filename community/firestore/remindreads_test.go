package firestore

import (
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// TestStore_RemindReadsBounded counts the documents one reminder check
// reads (the app makes one every quarter of an hour while it runs) for a
// regular going to community.ReminderScan events: with none of them within
// a day, the next RSVP only; a day before the first, the RSVP list, that
// event and the member (for their mutes), bounded whatever their history.
func TestStore_RemindReadsBounded(t *testing.T) {
	ctx := t.Context()
	s, reads, svc := seededCounted(t, "remind")
	owner := community.Actor{ID: demo.OwnerID, Role: community.RoleOwner}
	noor, err := svc.Join(ctx, "mem-noor", community.Profile{Name: "Noor", Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	first := demo.Now.Add(30 * time.Hour)
	for i := range community.ReminderScan {
		start := first.Add(time.Duration(i) * 24 * time.Hour)
		e, err := svc.CreateEvent(ctx, owner, community.EventInput{Title: fmt.Sprintf("Tasting %d", i+1), Place: "Bar",
			StartsAt: start, EndsAt: start.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.RSVP(ctx, noor.Actor(), e.ID); err != nil {
			t.Fatal(err)
		}
	}
	check := func(label string, at time.Time, limit, wantNotes int) {
		t.Helper()
		later := community.NewService(s, community.WithClock(func() time.Time { return at }))
		reads.Reset()
		notes, err := later.Remind(ctx, noor.Actor())
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		n := reads.Reads()
		t.Logf("%s: %d documents read %v, %d reminders", label, n, reads.ByMethod(), len(notes))
		if n > limit || len(notes) != wantNotes {
			t.Errorf("%s: %d documents read and %d reminders, want at most %d and %d", label, n, len(notes), limit, wantNotes)
		}
	}
	check("no event within a day", demo.Now, 1, 0)
	// The RSVP list, the first event and the member.
	check("a day before the first", first.Add(-23*time.Hour), community.ReminderScan+2+1, 1)
	check("the same check again", first.Add(-22*time.Hour), community.ReminderScan+2+1, 1)
}
