package storetest

import (
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

func testRSVP(t *testing.T, newStore NewStore, opts Options) {
	t.Run("WaitlistAndCancel", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.event("ev", 24, 2)
		for _, m := range []string{"m1", "m2", "m3", "m4"} {
			f.member(m, "Name "+m)
		}
		r1, r2, r3, r4 := f.rsvp("ev", "m1", 1), f.rsvp("ev", "m2", 2), f.rsvp("ev", "m3", 3), f.rsvp("ev", "m4", 4)
		if r1.Status != community.StatusGoing || r2.Status != community.StatusGoing || r3.Status != community.StatusWaiting ||
			r4.Status != community.StatusWaiting || r3.Position != 1 || r4.Position != 2 {
			t.Errorf("statuses %s %s %s(%d) %s(%d), want going going waiting(1) waiting(2)",
				r1.Status, r2.Status, r3.Status, r3.Position, r4.Status, r4.Position)
		}
		if !(r1.Seq < r2.Seq && r2.Seq < r3.Seq && r3.Seq < r4.Seq) {
			t.Errorf("Seq not in arrival order: %d %d %d %d", r1.Seq, r2.Seq, r3.Seq, r4.Seq)
		}
		if r1.EventID != "ev" || r1.MemberID != "m1" || r1.Name != "Name m1" || !r1.At.Equal(t0.Add(time.Second)) {
			t.Errorf("rsvp = %+v", r1)
		}
		f.counters("ev", 2, 2, 0)
		// Idempotent: answering again returns the current RSVP.
		if again := f.rsvp("ev", "m1", 9); again.Status != community.StatusGoing || again.Seq != r1.Seq {
			t.Errorf("repeat RSVP = %+v, want the first one", again)
		}
		if again := f.rsvp("ev", "m3", 9); again.Status != community.StatusWaiting || again.Seq != r3.Seq || again.Position != 1 {
			t.Errorf("repeat RSVP of a waiter = %+v, want waiting at 1", again)
		}
		f.counters("ev", 2, 2, 0)
		if r, err := f.s.RSVPOf(f.ctx, "ev", "m4"); err != nil || r.Position != 2 || r.Status != community.StatusWaiting {
			t.Errorf("RSVPOf m4 = %+v, %v; want waiting at 2", r, err)
		}
		_, err := f.s.RSVPOf(f.ctx, "ev", "nobody")
		f.is(err, community.ErrNotFound, "RSVPOf without an RSVP")
		f.order("ev", []string{"m1", "m2", "m3", "m4"})

		promoted, err := f.s.CancelRSVP(f.ctx, "ev", "m1", at(1))
		f.ok(err, "cancel m1")
		if promoted == nil || promoted.MemberID != "m3" || promoted.Status != community.StatusGoing {
			t.Fatalf("cancel promoted %+v, want m3 going", promoted)
		}
		if r, _ := f.s.RSVPOf(f.ctx, "ev", "m1"); r.Status != community.StatusCancelled {
			t.Errorf("m1 after cancel: %s", r.Status)
		}
		if r, _ := f.s.RSVPOf(f.ctx, "ev", "m4"); r.Position != 1 {
			t.Errorf("m4 position after promotion = %d, want 1", r.Position)
		}
		f.counters("ev", 2, 1, 0)
		f.order("ev", []string{"m2", "m3", "m4"})
		promoted, err = f.s.CancelRSVP(f.ctx, "ev", "m4", at(1))
		f.ok(err, "cancel a waiter")
		if promoted != nil {
			t.Errorf("cancelling a waiter promoted %+v", promoted)
		}
		f.counters("ev", 2, 0, 0)
		_, err = f.s.CancelRSVP(f.ctx, "ev", "nobody", at(1))
		f.is(err, community.ErrNotFound, "cancel without an RSVP")
		// Back after cancelling: the end of the line, with a new Seq.
		back := f.rsvp("ev", "m1", 10)
		if back.Status != community.StatusWaiting || back.Position != 1 || back.Seq <= r4.Seq {
			t.Errorf("m1 back = %+v, want waiting at 1 with a new Seq", back)
		}
		f.counters("ev", 2, 1, 0)
		_, err = f.s.RSVP(f.ctx, "nope", community.RSVP{MemberID: "m1", At: t0})
		f.is(err, community.ErrNotFound, "RSVP to an unknown event")
	})
	t.Run("CapacityGrowthPromotes", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.event("ev", 24, 1)
		for i, m := range []string{"m1", "m2", "m3", "m4"} {
			f.member(m, m)
			f.rsvp("ev", m, i)
		}
		_, promoted, err := f.s.UpdateEvent(f.ctx, "ev", func(e *community.Event) error { e.Capacity = 3; return nil })
		f.ok(err, "grow capacity")
		var ids []string
		for _, r := range promoted {
			ids = append(ids, r.MemberID)
			if r.Status != community.StatusGoing {
				t.Errorf("promoted %s is %s", r.MemberID, r.Status)
			}
		}
		if !equal(ids, []string{"m2", "m3"}) {
			t.Errorf("promoted %v, want [m2 m3] first in first out", ids)
		}
		f.counters("ev", 3, 1, 0)
		f.order("ev", []string{"m1", "m2", "m3", "m4"})
		if r, _ := f.s.RSVPOf(f.ctx, "ev", "m4"); r.Position != 1 {
			t.Errorf("m4 position = %d, want 1", r.Position)
		}
	})
	t.Run("CancelledEventRefused", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.event("ev", 24, 5)
		f.member("m1", "One")
		f.member("m2", "Two")
		f.rsvp("ev", "m1", 0)
		_, _, err := f.s.UpdateEvent(f.ctx, "ev", func(e *community.Event) error { e.Cancelled = true; return nil })
		f.ok(err, "cancel event")
		_, err = f.s.RSVP(f.ctx, "ev", community.RSVP{EventID: "ev", MemberID: "m2", At: t0})
		f.reason(err, community.ReasonCancelled, "RSVP to a cancelled event")
		f.counters("ev", 1, 0, 0)
	})
	t.Run("MemberRSVPs", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.member("m1", "One")
		for i, id := range []string{"a", "b", "c"} {
			f.event(id, 24*(i+1), 0)
			f.rsvp(id, "m1", 10*i)
		}
		rs, err := f.s.MemberRSVPs(f.ctx, "m1", 0)
		f.ok(err, "member rsvps")
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.EventID)
		}
		if !equal(ids, []string{"c", "b", "a"}) {
			t.Errorf("MemberRSVPs = %v, want newest first [c b a]", ids)
		}
		if rs, _ := f.s.MemberRSVPs(f.ctx, "m1", 2); len(rs) != 2 || rs[0].EventID != "c" {
			t.Errorf("MemberRSVPs with limit 2 = %+v", rs)
		}
	})
}

// order checks RSVPs lists the members in this order (when want is not nil),
// seats then waitlist, each by Seq, with positions 1.. on the waitlist, and
// returns the list.
func (f *fx) order(eventID string, want []string) []community.RSVP {
	f.t.Helper()
	rs, err := f.s.RSVPs(f.ctx, eventID)
	f.ok(err, "rsvps")
	var ids []string
	pos, lastSeq, seated := 0, int64(0), true
	for _, r := range rs {
		ids = append(ids, r.MemberID)
		waiting := r.Status == community.StatusWaiting
		if waiting && seated {
			seated, lastSeq = false, 0
		} else if !waiting && !seated {
			f.t.Errorf("%s holds a seat after the waitlist began", r.MemberID)
		}
		if r.Seq <= lastSeq {
			f.t.Errorf("%s: Seq %d not after %d", r.MemberID, r.Seq, lastSeq)
		}
		lastSeq = r.Seq
		if waiting {
			if pos++; r.Position != pos {
				f.t.Errorf("%s: position %d, want %d", r.MemberID, r.Position, pos)
			}
		}
	}
	if want != nil && !equal(ids, want) {
		f.t.Errorf("RSVPs = %v, want %v", ids, want)
	}
	return rs
}

func testCheckIn(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.event("ev", 24, 1)
	for _, m := range []string{"m1", "m2", "m3"} {
		f.member(m, m)
	}
	f.rsvp("ev", "m1", 0)
	f.rsvp("ev", "m3", 1) // waiting: the event is full
	entry := func(m string) community.LedgerEntry {
		return community.LedgerEntry{ID: "checkin-ev-" + m, MemberID: m, Delta: 50, Reason: community.ReasonCheckIn, Ref: "ev", At: at(24), By: "staff"}
	}
	checkIn := func(m string) (community.RSVP, bool) {
		t.Helper()
		r, applied, err := f.s.CheckIn(f.ctx, "ev", community.RSVP{EventID: "ev", MemberID: m, Name: m, At: at(24)}, entry(m))
		f.ok(err, "check in %s", m)
		return r, applied
	}
	points := func(m string) int64 {
		mm, err := f.s.Member(f.ctx, m)
		f.ok(err, "member")
		return mm.Points
	}
	r, applied := checkIn("m1")
	if !applied || r.Status != community.StatusCheckedIn || points("m1") != 50 {
		t.Errorf("check in: %+v applied %v points %d", r, applied, points("m1"))
	}
	f.counters("ev", 1, 1, 1)
	r, applied = checkIn("m1")
	if applied || r.Status != community.StatusCheckedIn || points("m1") != 50 {
		t.Errorf("second check in: applied %v, points %d; want false, 50", applied, points("m1"))
	}
	f.counters("ev", 1, 1, 1)
	// A walk-in on a full event: staff may check in over capacity.
	if _, applied = checkIn("m2"); !applied || points("m2") != 50 {
		t.Errorf("walk-in: applied %v points %d", applied, points("m2"))
	}
	f.counters("ev", 2, 1, 2)
	// A waiter who turns up leaves the waitlist.
	if r, applied = checkIn("m3"); !applied || r.Status != community.StatusCheckedIn {
		t.Errorf("waiter check in: %+v %v", r, applied)
	}
	f.counters("ev", 3, 0, 3)
	if es, _ := f.s.Ledger(f.ctx, "m1", 0); len(es) != 1 || es[0].ID != "checkin-ev-m1" {
		t.Errorf("m1 ledger = %+v, want the one check-in entry", es)
	}

	f.event("gone", 48, 5)
	f.rsvp("gone", "m1", 0)
	_, _, err := f.s.UpdateEvent(f.ctx, "gone", func(e *community.Event) error { e.Cancelled = true; return nil })
	f.ok(err, "cancel event")
	_, _, err = f.s.CheckIn(f.ctx, "gone", community.RSVP{EventID: "gone", MemberID: "m1", At: at(48)},
		community.LedgerEntry{ID: "checkin-gone-m1", MemberID: "m1", Delta: 50, Reason: community.ReasonCheckIn, At: at(48)})
	f.reason(err, community.ReasonCancelled, "check in at a cancelled event")
	if points("m1") != 50 {
		t.Errorf("a refused check-in changed the points to %d", points("m1"))
	}
	f.counters("gone", 1, 0, 0)
}

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
