package storetest

import (
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

func testEvents(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	e := community.Event{ID: "e2", Title: "Latte art", Description: "Learn", Place: "Bar", StartsAt: at(48), EndsAt: at(50),
		TimeZone: "Europe/Madrid", Capacity: 8, Going: 7, Waiting: 3, CheckedIn: 2, CreatedBy: "owner", UpdatedAt: t0}
	f.ok(f.s.CreateEvent(f.ctx, e), "create")
	got := f.getEvent("e2")
	if got.Title != e.Title || got.Description != e.Description || got.Place != e.Place || !got.StartsAt.Equal(e.StartsAt) ||
		!got.EndsAt.Equal(e.EndsAt) || got.TimeZone != e.TimeZone || got.Capacity != 8 || got.CreatedBy != "owner" || got.Cancelled {
		t.Errorf("event = %+v, want %+v", got, e)
	}
	if got.Going != 0 || got.Waiting != 0 || got.CheckedIn != 0 {
		t.Errorf("new event counters = %d/%d/%d, want 0/0/0 (the store keeps them)", got.Going, got.Waiting, got.CheckedIn)
	}
	f.is(f.s.CreateEvent(f.ctx, e), community.ErrConflict, "create with a taken ID")
	_, err := f.s.Event(f.ctx, "nope")
	f.is(err, community.ErrNotFound, "unknown event")
	_, _, err = f.s.UpdateEvent(f.ctx, "nope", func(*community.Event) error { return nil })
	f.is(err, community.ErrNotFound, "update unknown event")

	f.member("ana", "Ana")
	f.rsvp("e2", "ana", 0)
	up, _, err := f.s.UpdateEvent(f.ctx, "e2", func(e *community.Event) error {
		e.Title, e.Going, e.Waiting, e.CheckedIn = "Latte art II", 99, 99, 99
		return nil
	})
	f.ok(err, "update")
	if up.Title != "Latte art II" || up.Going != 1 || up.Waiting != 0 || up.CheckedIn != 0 {
		t.Errorf("update returned %+v, want new title and counters 1/0/0", up)
	}
	f.counters("e2", 1, 0, 0)
	_, _, err = f.s.UpdateEvent(f.ctx, "e2", func(e *community.Event) error { e.Title = "X"; return errBoom })
	f.is(err, errBoom, "update function error")
	if f.getEvent("e2").Title != "Latte art II" {
		t.Error("an aborted update changed the event")
	}

	f.event("e1", 24, 0)
	f.event("e3", 72, 0)
	f.event("e4", 96, 0)
	ids := func(es []community.Event, err error) []string {
		t.Helper()
		f.ok(err, "events")
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	var zero time.Time
	for _, c := range []struct {
		name     string
		from, to time.Time
		limit    int
		reverse  bool
		want     []string
	}{
		{"all", zero, zero, 10, false, []string{"e1", "e2", "e3", "e4"}},
		{"range", at(48), at(96), 10, false, []string{"e2", "e3"}},
		{"from", at(48), zero, 10, false, []string{"e2", "e3", "e4"}},
		{"limit", zero, zero, 2, false, []string{"e1", "e2"}},
		{"reverse", zero, at(96), 2, true, []string{"e3", "e2"}},
		{"reverse all", zero, zero, 10, true, []string{"e4", "e3", "e2", "e1"}},
		{"reverse range", at(30), at(80), 10, true, []string{"e3", "e2"}},
	} {
		if got := ids(f.s.Events(f.ctx, c.from, c.to, c.limit, c.reverse)); !equal(got, c.want) {
			t.Errorf("Events %s = %v, want %v", c.name, got, c.want)
		}
	}
	// Moving an event moves it in the listing.
	_, _, err = f.s.UpdateEvent(f.ctx, "e1", func(e *community.Event) error { e.StartsAt, e.EndsAt = at(200), at(202); return nil })
	f.ok(err, "move e1")
	if got := ids(f.s.Events(f.ctx, zero, zero, 10, false)); !equal(got, []string{"e2", "e3", "e4", "e1"}) {
		t.Errorf("after moving e1: %v", got)
	}
}

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
