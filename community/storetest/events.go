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
