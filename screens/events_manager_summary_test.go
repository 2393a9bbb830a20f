package screens

import (
	"slices"
	"strings"
	"testing"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
)

// TestAttendeeSummary_NoLimit: an event without a seat limit has its own
// line; "No limit" is no capacity to count seats against ("5 of No limit
// seats taken", issue 16).
func TestAttendeeSummary_NoLimit(t *testing.T) {
	tests := []struct {
		code     string
		capacity int
		want     string
	}{
		{"en", 0, "5 going, no seat limit · 2 checked in"},
		{"en", 20, "5 of 20 seats taken · 2 checked in · 1 waiting"},
		{"de", 0, "5 Zusagen, ohne Platzbegrenzung · 2 eingecheckt"},
		{"ru", 20, "Занято мест: 5 из 20 · Приход отмечен: 2 · В листе ожидания: 1"},
	}
	for _, tt := range tests {
		l := i18n.New(tt.code)
		e := community.Event{Capacity: tt.capacity, Going: 5, CheckedIn: 2, Waiting: 1}
		got := attendeeSummary(l, e)
		if got != tt.want {
			t.Errorf("%s capacity %d: %q, want %q", tt.code, tt.capacity, got, tt.want)
		}
		if unlimited := l.T("OwnerEventsCapacityUnlimited"); strings.Contains(got, unlimited) {
			t.Errorf("%s: %q counts seats against %q", tt.code, got, unlimited)
		}
	}
}

// TestEventsManager_PastUnderItsHeading: the staff's list has the upcoming
// events under one heading and the past ones under another, not mixed
// (issue 15, desktop).
func TestEventsManager_PastUnderItsHeading(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newEventsManager(env)
	f.show(s.root, desktopSize)
	if s.nUp == 0 || s.nUp == len(s.events) {
		t.Fatalf("the demo should have upcoming and past events: %d of %d upcoming", s.nUp, len(s.events))
	}
	for id, e := range s.events {
		if past := id >= s.nUp; past != !e.EndsAt.After(demo.Now) && !e.Cancelled {
			t.Errorf("%q (ends %v) listed as past=%v", e.Title, e.EndsAt, past)
		}
		want := ""
		switch id {
		case 0:
			want = "Upcoming events"
		case s.nUp:
			want = "Past events"
		}
		if got := s.heading(id); got != want {
			t.Errorf("row %d (%q): heading %q, want %q", id, e.Title, got, want)
		}
	}
	if !slices.Contains(shownTexts(f.win), "Upcoming events") {
		t.Errorf("no heading over the upcoming events: %q", shownTexts(f.win))
	}
	s.list.ScrollToBottom()
	settle()
	if !slices.Contains(shownTexts(f.win), "Past events") {
		t.Errorf("no heading over the past events: %q", shownTexts(f.win))
	}
}
