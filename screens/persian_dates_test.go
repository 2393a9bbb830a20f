package screens

import (
	"testing"

	"github.com/regulars-app/regulars/community/demo"
)

// TestEvents_PersianMemberSeesSolarHijri: the events list and an event's page
// show a Persian member the Solar Hijri date (the latte art night, Friday 27
// November 2026, is ۶ آذر ۱۴۰۵), because every screen formats dates through
// the Localizer, which knows the locale's calendar.
func TestEvents_PersianMemberSeesSolarHijri(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "fa")
	for _, sc := range []struct {
		name string
		show func()
	}{
		{"events", func() { f.show(NewEvents(env), phoneSize) }},
		{"event detail", func() { f.show(NewEventDetail(env, "ev-latte"), phoneSize) }},
	} {
		name := sc.name
		sc.show()
		// Right-to-left lines are stored in visual order, so look for the
		// parts of the date, not the whole phrase.
		for _, want := range []string{"آذر", "۱۴۰۵"} {
			if !shows(f.win, want) {
				t.Errorf("%s: no %q (Solar Hijri) on screen: %q", name, want, shownTexts(f.win))
			}
		}
		for _, gregorian := range []string{"نوامبر", "۲۰۲۶", "2026"} {
			if shows(f.win, gregorian) {
				t.Errorf("%s: shows the Gregorian %q to a Persian member", name, gregorian)
			}
		}
	}
	if !shows(f.win, "جمعه") { // the event page names the weekday
		t.Errorf("event detail: no weekday: %q", shownTexts(f.win))
	}
}
