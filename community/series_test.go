package community_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

func TestOccurrences(t *testing.T) {
	madrid, _ := time.LoadLocation("Europe/Madrid")
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, madrid) }
	tests := []struct {
		name   string
		start  time.Time
		every  community.Repeat
		count  int
		want   []time.Time
		field  string
		reason string
	}{
		{"weekly across the change to winter time keeps 19:00", at(2026, 10, 18, 19), community.Weekly, 2,
			[]time.Time{at(2026, 10, 25, 19), at(2026, 11, 1, 19)}, "", ""},
		{"monthly on the 31st: short months take their last day", at(2026, 1, 31, 18), community.Monthly, 3,
			[]time.Time{at(2026, 2, 28, 18), at(2026, 3, 31, 18), at(2026, 4, 30, 18)}, "", ""},
		{"monthly on the 29th of January in a leap year", at(2028, 1, 29, 10), community.Monthly, 1,
			[]time.Time{at(2028, 2, 29, 10)}, "", ""},
		{"monthly across the year", at(2026, 12, 5, 9), community.Monthly, 1, []time.Time{at(2027, 1, 5, 9)}, "", ""},
		{"daily is not a series", at(2026, 1, 1, 9), community.Repeat("daily"), 1, nil, "repeat", community.ReasonInvalid},
		{"no repeats", at(2026, 1, 1, 9), community.Weekly, 0, nil, "repeat_count", community.ReasonOutOfRange},
		{"more than a year of weeks", at(2026, 1, 1, 9), community.Weekly, community.MaxRepeats + 1, nil, "repeat_count", community.ReasonOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := community.Occurrences(tt.start, madrid, tt.every, tt.count)
			checkReason(t, err, tt.field, tt.reason)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if !got[i].Equal(tt.want[i]) {
					t.Errorf("occurrence %d = %v, want %v", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestService_RepeatAndDuplicateEvent(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	orig, _ := s.Event(ctx, "ev-games")
	evs, err := svc.RepeatEvent(ctx, staff, "ev-games", community.Weekly, 4)
	if err != nil || len(evs) != 4 {
		t.Fatalf("repeat: %d events, %v", len(evs), err)
	}
	for i, e := range evs {
		if e.Title != orig.Title || e.Capacity != orig.Capacity || e.EndsAt.Sub(e.StartsAt) != orig.EndsAt.Sub(orig.StartsAt) ||
			e.Going != 0 || e.ID == orig.ID || !e.StartsAt.Equal(orig.StartsAt.AddDate(0, 0, 7*(i+1))) {
			t.Errorf("copy %d = %+v", i+1, e)
		}
	}
	again, err := svc.RepeatEvent(ctx, staff, "ev-games", community.Weekly, 4)
	if err != nil || again[3].ID != evs[3].ID {
		t.Fatalf("repeating again: %v", err)
	}
	all, _ := s.Events(ctx, orig.StartsAt, time.Time{}, 0, false)
	if len(all) != 5 {
		t.Errorf("%d events from the original on after repeating twice, want 5 (no second copies)", len(all))
	}
	d, err := svc.DuplicateEvent(ctx, owner, "ev-cupping", demo.Now.Add(30*24*time.Hour))
	if err != nil || d.Title != "Cupping: Ethiopian naturals" || d.Going != 0 {
		t.Fatalf("duplicate: %+v %v", d, err)
	}
	_, err = svc.DuplicateEvent(ctx, owner, "ev-cupping", demo.Now.Add(-time.Hour))
	checkReason(t, err, "starts_at", community.ReasonPast)
	if _, err := svc.RepeatEvent(ctx, member, "ev-games", community.Monthly, 2); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member repeating an event: %v", err)
	}
	if _, err := svc.DuplicateEvent(ctx, member, "ev-games", demo.Now.Add(48*time.Hour)); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member duplicating an event: %v", err)
	}
}

func TestService_EditEvent_CapacityBelowGoing(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	e, _ := s.Event(ctx, "ev-cupping") // 9 going, 20 seats
	in := community.EventInput{Title: e.Title, Description: e.Description, Place: e.Place, StartsAt: e.StartsAt, EndsAt: e.EndsAt, Capacity: 8}
	_, err := svc.EditEvent(ctx, staff, e.ID, in)
	checkReason(t, err, "capacity", community.ReasonBelowGoing)
	if v, _ := community.AsValidation(err); v == nil || v.Limit != 9 {
		t.Errorf("the refusal says how many are going: %+v", v)
	}
	if after, _ := s.Event(ctx, e.ID); after.Capacity != 20 {
		t.Errorf("a refused edit changed the capacity to %d", after.Capacity)
	}
	in.Capacity = 9
	if _, err := svc.EditEvent(ctx, staff, e.ID, in); err != nil {
		t.Errorf("capacity equal to the number going: %v", err)
	}
}

func TestService_CancelEvent_TellsGoingAndWaiting(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	rsvps, _ := s.RSVPs(ctx, "ev-latte") // 6 going, 3 waiting
	waiting := 0
	for _, r := range rsvps {
		if r.Status == community.StatusWaiting {
			waiting++
		}
	}
	if waiting == 0 || len(rsvps) == waiting {
		t.Fatalf("the demo's full event has %d RSVPs, %d waiting", len(rsvps), waiting)
	}
	if _, err := svc.CancelEvent(ctx, member, "ev-latte"); !errors.Is(err, community.ErrForbidden) {
		t.Fatalf("a member cancelling: %v", err)
	}
	for range 2 { // cancelling twice tells nobody twice
		if _, err := svc.CancelEvent(ctx, staff, "ev-latte"); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rsvps {
		notes, _ := s.Notifications(ctx, r.MemberID, 0)
		told := 0
		for _, n := range notes {
			if n.Kind == "cancelled" && n.Ref == "ev-latte" && n.Title == "Latte art night" {
				told++
			}
		}
		if told != 1 {
			t.Errorf("%s (%s) was told %d times", r.MemberID, r.Status, told)
		}
	}
	if notes, _ := s.Notifications(ctx, "mem-arjun", 0); len(notes) > 0 && notes[0].Kind == "cancelled" {
		t.Error("a member with no RSVP was told")
	}
}
