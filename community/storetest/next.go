package storetest

import (
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// testNextRSVP checks NextRSVP: the member's RSVP (going, waiting or checked
// in) to the soonest event not ended and not cancelled, found by the copies of
// the event's times the store keeps on the RSVP, which follow UpdateEvent.
func testNextRSVP(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	for _, m := range []string{"m1", "m2", "m3"} {
		f.member(m, "Name "+m)
	}
	// next checks the member's next RSVP at now: to wantEvent with the
	// status, carrying the event's current times ("" for ErrNotFound).
	next := func(member string, now time.Time, wantEvent string, wantStatus community.RSVPStatus, when string) community.RSVP {
		t.Helper()
		r, err := f.s.NextRSVP(f.ctx, member, now)
		if wantEvent == "" {
			f.is(err, community.ErrNotFound, when+": NextRSVP of "+member)
			return r
		}
		f.ok(err, "%s: NextRSVP of %s", when, member)
		if r.EventID != wantEvent || r.MemberID != member || r.Status != wantStatus {
			t.Errorf("%s: NextRSVP of %s = %s %s, want %s %s", when, member, r.EventID, r.Status, wantEvent, wantStatus)
			return r
		}
		e := f.getEvent(wantEvent)
		if !r.EventStartsAt.Equal(e.StartsAt) || !r.EventEndsAt.Equal(e.EndsAt) {
			t.Errorf("%s: NextRSVP of %s carries the times %s-%s, the event's are %s-%s",
				when, member, r.EventStartsAt, r.EventEndsAt, e.StartsAt, e.EndsAt)
		}
		return r
	}

	next("m1", t0, "", "", "no RSVP at all")
	f.event("past", -5, 0)   // -5h to -3h
	f.event("now", -1, 0)    // under way: -1h to +1h
	f.event("soon", 24, 0)   // 24h to 26h
	f.event("later", 48, 0)  // 48h to 50h
	f.event("full", 30, 1)   // 30h to 32h, one seat
	f.event("nobody", 12, 0) // no one from the test answers

	r := f.rsvp("later", "m1", 0)
	if !r.EventStartsAt.Equal(at(48)) || !r.EventEndsAt.Equal(at(50)) {
		t.Errorf("RSVP returned the event times %s-%s, want %s-%s (the store copies them)", r.EventStartsAt, r.EventEndsAt, at(48), at(50))
	}
	if got, _ := f.s.RSVPOf(f.ctx, "later", "m1"); !got.EventStartsAt.Equal(at(48)) || !got.EventEndsAt.Equal(at(50)) {
		t.Errorf("RSVPOf has the event times %s-%s, want %s-%s", got.EventStartsAt, got.EventEndsAt, at(48), at(50))
	}
	next("m1", t0, "later", community.StatusGoing, "one RSVP")
	f.rsvp("soon", "m1", 1)
	next("m1", t0, "soon", community.StatusGoing, "soon answered after later")
	f.rsvp("past", "m1", 2)
	next("m1", t0, "soon", community.StatusGoing, "with an RSVP to an event that has ended")
	next("m1", at(-4), "past", community.StatusGoing, "while the past event was under way")
	f.rsvp("now", "m1", 3)
	next("m1", t0, "now", community.StatusGoing, "an event under way starts soonest")
	next("m1", at(1), "soon", community.StatusGoing, "the moment the event under way ends")
	next("m1", at(50), "", "", "after every event ended")
	next("m2", t0, "", "", "another member")

	// A cancelled RSVP is no one's next event.
	_, err := f.s.CancelRSVP(f.ctx, "now", "m1", at(-1))
	f.ok(err, "cancel the RSVP to now")
	next("m1", t0, "soon", community.StatusGoing, "after cancelling the RSVP under way")

	// Moving an event moves it among the member's next events, and the RSVPs
	// to it carry the new times.
	_, _, err = f.s.UpdateEvent(f.ctx, "soon", func(e *community.Event) error { e.StartsAt, e.EndsAt = at(72), at(74); return nil })
	f.ok(err, "move soon after later")
	next("m1", t0, "later", community.StatusGoing, "after soon moved after later")
	if got, _ := f.s.RSVPOf(f.ctx, "soon", "m1"); !got.EventStartsAt.Equal(at(72)) || !got.EventEndsAt.Equal(at(74)) {
		t.Errorf("RSVP to the moved event has the times %s-%s, want %s-%s", got.EventStartsAt, got.EventEndsAt, at(72), at(74))
	}
	_, _, err = f.s.UpdateEvent(f.ctx, "later", func(e *community.Event) error { e.EndsAt = t0.Add(-time.Minute); e.StartsAt = at(-2); return nil })
	f.ok(err, "move later into the past")
	next("m1", t0, "soon", community.StatusGoing, "after later moved into the past")
	_, _, err = f.s.UpdateEvent(f.ctx, "later", func(e *community.Event) error { e.StartsAt, e.EndsAt = at(48), at(50); return nil })
	f.ok(err, "move later back")
	next("m1", t0, "later", community.StatusGoing, "after later moved back")
	// A cancelled event is no one's next event; one edited without moving stays.
	_, _, err = f.s.UpdateEvent(f.ctx, "later", func(e *community.Event) error { e.Title = "Renamed"; return nil })
	f.ok(err, "rename later")
	next("m1", t0, "later", community.StatusGoing, "after later was renamed")
	_, _, err = f.s.UpdateEvent(f.ctx, "later", func(e *community.Event) error { e.Cancelled = true; return nil })
	f.ok(err, "cancel later")
	next("m1", t0, "soon", community.StatusGoing, "after later was cancelled")

	// Waiting counts, with the place in line; a promotion that comes with a
	// move carries the new times.
	f.rsvp("full", "m2", 0)
	f.rsvp("full", "m1", 1)
	w := next("m1", t0, "full", community.StatusWaiting, "waiting for a seat")
	if w.Position != 1 {
		t.Errorf("waiting NextRSVP has position %d, want 1", w.Position)
	}
	_, promoted, err := f.s.UpdateEvent(f.ctx, "full", func(e *community.Event) error {
		e.Capacity, e.StartsAt, e.EndsAt = 2, at(20), at(22)
		return nil
	})
	f.ok(err, "grow and move full")
	if len(promoted) != 1 || promoted[0].MemberID != "m1" || !promoted[0].EventStartsAt.Equal(at(20)) {
		t.Errorf("promoted %+v, want m1 with the new start %s", promoted, at(20))
	}
	next("m1", t0, "full", community.StatusGoing, "promoted as the event moved")
	next("m2", t0, "full", community.StatusGoing, "the other seat of the moved event")
	// Checked in counts until the event ends.
	_, _, err = f.s.CheckIn(f.ctx, "full", community.RSVP{EventID: "full", MemberID: "m2", At: at(20)},
		community.LedgerEntry{ID: "checkin-full-m2", MemberID: "m2", Delta: 10, Reason: community.ReasonCheckIn, Ref: "full", At: at(20)})
	f.ok(err, "check in m2")
	next("m2", at(21), "full", community.StatusCheckedIn, "checked in, under way")
	next("m2", at(22), "", "", "checked in, ended")
	// A walk-in without an RSVP gets one by checking in.
	_, _, err = f.s.CheckIn(f.ctx, "nobody", community.RSVP{EventID: "nobody", MemberID: "m3", At: at(12)}, community.LedgerEntry{})
	f.ok(err, "walk-in m3")
	next("m3", t0, "nobody", community.StatusCheckedIn, "walk-in")
}
