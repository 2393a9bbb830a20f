package community_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/regulars-app/regulars/community"
)

func icsEvents() []community.Event {
	madrid, _ := time.LoadLocation("Europe/Madrid")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	return []community.Event{
		{ID: "e1", Title: "Latte art night; milk, foam & you", Place: "Café Lumen, Calle Mayor 3", TimeZone: "Europe/Madrid",
			Description: "Bring a friend.\nWe'll supply the cups, \\ the milk.",
			StartsAt:    time.Date(2026, 3, 28, 19, 0, 0, 0, madrid), EndsAt: time.Date(2026, 3, 28, 21, 0, 0, 0, madrid)},
		{ID: "e2", Title: "Summer cupping", Place: "Roastery", TimeZone: "Europe/Madrid",
			StartsAt: time.Date(2026, 7, 2, 18, 30, 0, 0, madrid), EndsAt: time.Date(2026, 7, 2, 20, 0, 0, 0, madrid)},
		{ID: "e3", Title: strings.Repeat("抹茶ラテの試飲会 ", 12), Place: "東京", TimeZone: "Asia/Tokyo",
			StartsAt: time.Date(2026, 12, 5, 10, 0, 0, 0, tokyo), EndsAt: time.Date(2026, 12, 5, 12, 0, 0, 0, tokyo)},
		{ID: "e4", Title: "UTC meetup", Place: "Online", Cancelled: true,
			StartsAt: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC), EndsAt: time.Date(2026, 12, 6, 11, 0, 0, 0, time.UTC)},
	}
}

func TestWriteICS_ParsesWithEveryEvent(t *testing.T) {
	evs := icsEvents()
	var buf bytes.Buffer
	if err := community.WriteICS(&buf, community.Calendar{Name: "Café Lumen", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Events: evs}); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	for i, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a character: %q", i, line)
		}
	}
	cal, err := ical.NewDecoder(strings.NewReader(raw)).Decode()
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, raw)
	}
	got := cal.Events()
	if len(got) != len(evs) {
		t.Fatalf("got %d events, want %d", len(got), len(evs))
	}
	for i, want := range evs {
		ev := got[i]
		start, err := ev.DateTimeStart(time.UTC)
		if err != nil {
			t.Fatalf("event %s start: %v", want.ID, err)
		}
		end, err := ev.DateTimeEnd(time.UTC)
		if err != nil {
			t.Fatalf("event %s end: %v", want.ID, err)
		}
		if !start.Equal(want.StartsAt) || !end.Equal(want.EndsAt) {
			t.Errorf("event %s: %v-%v, want %v-%v", want.ID, start, end, want.StartsAt, want.EndsAt)
		}
		if s, _ := ev.Props.Text(ical.PropSummary); s != want.Title {
			t.Errorf("summary %q, want %q", s, want.Title)
		}
		if s, _ := ev.Props.Text(ical.PropLocation); s != want.Place {
			t.Errorf("location %q, want %q", s, want.Place)
		}
		if s, _ := ev.Props.Text(ical.PropDescription); s != want.Description {
			t.Errorf("description %q, want %q", s, want.Description)
		}
		if want.TimeZone != "" {
			if p := ev.Props.Get(ical.PropDateTimeStart); p.Params.Get(ical.ParamTimezoneID) != want.TimeZone {
				t.Errorf("event %s TZID %q, want %q", want.ID, p.Params.Get(ical.ParamTimezoneID), want.TimeZone)
			}
		}
	}
	// Each zone used has its VTIMEZONE, with summer and winter offsets for Madrid.
	zones := map[string]*ical.Component{}
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			id, _ := c.Props.Text(ical.PropTimezoneID)
			zones[id] = c
		}
	}
	if len(zones) != 2 || zones["Europe/Madrid"] == nil || zones["Asia/Tokyo"] == nil {
		t.Fatalf("VTIMEZONEs: %v", zones)
	}
	offsets := map[string]bool{}
	for _, c := range zones["Europe/Madrid"].Children {
		offsets[c.Name+c.Props.Get(ical.PropTimezoneOffsetTo).Value] = true
	}
	if !offsets["DAYLIGHT+0200"] || !offsets["STANDARD+0100"] {
		t.Errorf("Madrid observances: %v", offsets)
	}
	if !strings.Contains(raw, "STATUS:CANCELLED") {
		t.Error("cancelled event not marked")
	}
}

func TestEscapeText_ViaWriteICS(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a,b;c", `a\,b\;c`},
		{`back\slash`, `back\\slash`},
		{"two\nlines", `two\nlines`},
		{"crlf\r\nline", `crlf\nline`},
		{"bell\x07", "bell"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		ev := community.Event{ID: "x", Title: tt.in, StartsAt: time.Unix(0, 0), EndsAt: time.Unix(3600, 0)}
		if err := community.WriteICS(&buf, community.Calendar{Events: []community.Event{ev}}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "SUMMARY:"+tt.want+"\r\n") {
			t.Errorf("%q: want SUMMARY:%s in\n%s", tt.in, tt.want, buf.String())
		}
	}
}

func FuzzWriteICS(f *testing.F) {
	for _, e := range icsEvents() {
		f.Add(e.Title, e.Place, e.Description, e.TimeZone)
	}
	f.Add("a,b;c\\", "\r\n\x00", "ü\u202e", "Bogus/Zone")
	f.Fuzz(func(t *testing.T, title, place, desc, tz string) {
		ev := community.Event{ID: "f", Title: title, Place: place, Description: desc, TimeZone: tz,
			StartsAt: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC), EndsAt: time.Date(2026, 5, 1, 11, 0, 0, 0, time.UTC)}
		var buf bytes.Buffer
		if err := community.WriteICS(&buf, community.Calendar{Name: title, Events: []community.Event{ev}}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\r\n") {
			if len(line) > 75 {
				t.Fatalf("long line %q", line)
			}
		}
		if !utf8.ValidString(title + place + desc) {
			return // invalid input is not round-tripped, only must not break the file
		}
		cal, err := ical.NewDecoder(&buf).Decode()
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if n := len(cal.Events()); n != 1 {
			t.Fatalf("%d events", n)
		}
	})
}
