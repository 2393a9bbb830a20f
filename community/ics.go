package community

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is an iCalendar (RFC 5545) feed of a community's events.
type Calendar struct {
	Name   string    // X-WR-CALNAME
	Domain string    // right-hand side of event UIDs, e.g. "regulars.app"
	Stamp  time.Time // DTSTAMP of every event: when the feed was written
	Events []Event
}

// WriteICS writes cal as an RFC 5545 calendar: CRLF line ends, lines folded at
// 75 octets without splitting a character, TEXT values escaped, and one
// VTIMEZONE per zone used, built from the Go time zone database, so that
// calendar apps place each event at its local wall-clock time.
func WriteICS(w io.Writer, cal Calendar) error {
	bw := bufio.NewWriter(w)
	l := icsWriter{w: bw}
	domain := cal.Domain
	if domain == "" {
		domain = "regulars.app"
	}
	l.prop("BEGIN", "VCALENDAR")
	l.prop("VERSION", "2.0")
	l.prop("PRODID", "-//Regulars//Regulars//EN")
	l.prop("CALSCALE", "GREGORIAN")
	l.prop("METHOD", "PUBLISH")
	if cal.Name != "" {
		l.prop("X-WR-CALNAME", escapeText(cal.Name))
	}
	for _, z := range zonesOf(cal.Events) {
		l.timezone(z.loc, z.from, z.to)
	}
	for _, e := range cal.Events {
		l.prop("BEGIN", "VEVENT")
		l.prop("UID", escapeText(e.ID+"@"+domain))
		l.prop("DTSTAMP", cal.Stamp.UTC().Format("20060102T150405Z"))
		l.dateTime("DTSTART", e.StartsAt, e.Location())
		l.dateTime("DTEND", e.EndsAt, e.Location())
		l.prop("SUMMARY", escapeText(e.Title))
		if e.Place != "" {
			l.prop("LOCATION", escapeText(e.Place))
		}
		if e.Description != "" {
			l.prop("DESCRIPTION", escapeText(e.Description))
		}
		status := "CONFIRMED"
		if e.Cancelled {
			status = "CANCELLED"
		}
		l.prop("STATUS", status)
		if !e.UpdatedAt.IsZero() {
			l.prop("LAST-MODIFIED", e.UpdatedAt.UTC().Format("20060102T150405Z"))
		}
		l.prop("END", "VEVENT")
	}
	l.prop("END", "VCALENDAR")
	if l.err != nil {
		return fmt.Errorf("write ics: %w", l.err)
	}
	return bw.Flush()
}

type zoneSpan struct {
	loc      *time.Location
	from, to time.Time
}

// zonesOf returns each non-UTC zone used by events with the span of time it must cover.
func zonesOf(events []Event) []zoneSpan {
	byName := map[string]*zoneSpan{}
	for _, e := range events {
		loc := e.Location()
		if loc == time.UTC {
			continue
		}
		z, ok := byName[loc.String()]
		if !ok {
			z = &zoneSpan{loc: loc, from: e.StartsAt, to: e.EndsAt}
			byName[loc.String()] = z
		}
		if e.StartsAt.Before(z.from) {
			z.from = e.StartsAt
		}
		if e.EndsAt.After(z.to) {
			z.to = e.EndsAt
		}
	}
	out := make([]zoneSpan, 0, len(byName))
	for _, z := range byName {
		out = append(out, *z)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].loc.String() < out[j].loc.String() })
	return out
}

type icsWriter struct {
	w   *bufio.Writer
	err error
}

// prop writes one content line, folded: no line longer than 75 octets, and
// continuation lines start with a space (RFC 5545 §3.1).
func (l *icsWriter) prop(name, value string) {
	if l.err != nil {
		return
	}
	line := name + ":" + value
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if _, l.err = l.w.WriteString(line[:cut] + "\r\n "); l.err != nil {
			return
		}
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	_, l.err = l.w.WriteString(line + "\r\n")
}

func (l *icsWriter) dateTime(name string, t time.Time, loc *time.Location) {
	if loc == time.UTC {
		l.prop(name, t.UTC().Format("20060102T150405Z"))
		return
	}
	l.prop(name+";TZID="+loc.String(), t.In(loc).Format("20060102T150405"))
}

// timezone writes a VTIMEZONE for loc that covers [from, to] with a year of
// margin: one observance per offset change found in the Go zone database.
func (l *icsWriter) timezone(loc *time.Location, from, to time.Time) {
	l.prop("BEGIN", "VTIMEZONE")
	l.prop("TZID", loc.String())
	start := from.AddDate(-1, 0, 0)
	end := to.AddDate(1, 0, 0)
	changes := transitions(loc, start, end)
	if len(changes) == 0 {
		name, off := start.In(loc).Zone()
		l.observance("STANDARD", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), off, off, name)
	}
	prevOff := func(t time.Time) int { _, o := t.Add(-time.Second).In(loc).Zone(); return o }
	for _, t := range changes {
		name, off := t.In(loc).Zone()
		kind := "STANDARD"
		if t.In(loc).IsDST() {
			kind = "DAYLIGHT"
		}
		from := prevOff(t)
		// DTSTART of an observance is the local time of the change in the old offset.
		local := t.Add(time.Duration(from) * time.Second).UTC()
		l.observance(kind, local, from, off, name)
	}
	l.prop("END", "VTIMEZONE")
}

func (l *icsWriter) observance(kind string, local time.Time, from, to int, name string) {
	l.prop("BEGIN", kind)
	l.prop("DTSTART", local.Format("20060102T150405"))
	l.prop("TZOFFSETFROM", formatOffset(from))
	l.prop("TZOFFSETTO", formatOffset(to))
	if name != "" && !strings.HasPrefix(name, "+") && !strings.HasPrefix(name, "-") {
		l.prop("TZNAME", escapeText(name))
	}
	l.prop("END", kind)
}

// transitions finds the instants in [from, to] where loc's UTC offset changes,
// by daily steps and then a binary search to the second.
func transitions(loc *time.Location, from, to time.Time) []time.Time {
	var out []time.Time
	offset := func(t time.Time) int { _, o := t.In(loc).Zone(); return o }
	prev := from
	for t := from.Add(24 * time.Hour); !prev.After(to); t = t.Add(24 * time.Hour) {
		if offset(t) != offset(prev) {
			lo, hi := prev, t
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2)
				if offset(mid) == offset(lo) {
					lo = mid
				} else {
					hi = mid
				}
			}
			out = append(out, hi.Truncate(time.Second))
		}
		prev = t
	}
	return out
}

func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11) and drops control
// characters other than newlines, which become "\n".
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\\', r == ';', r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case (r < 0x20 && r != '\t') || r == 0x7f || r == utf8.RuneError:
			// not representable in a content line
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CalendarFeed writes every upcoming event of the community as one .ics feed:
// the file an owner publishes on their website.
func (s *Service) CalendarFeed(ctx context.Context, w io.Writer) error {
	c, err := s.store.Community(ctx)
	if err != nil {
		return fmt.Errorf("calendar feed: %w", err)
	}
	evs, err := s.UpcomingEvents(ctx, 500)
	if err != nil {
		return err
	}
	return WriteICS(w, Calendar{Name: c.Name, Stamp: s.now(), Events: evs})
}

// EventICS writes one event as an .ics file ("add to calendar").
func (s *Service) EventICS(ctx context.Context, eventID string, w io.Writer) error {
	c, err := s.store.Community(ctx)
	if err != nil {
		return fmt.Errorf("event ics: %w", err)
	}
	e, err := s.store.Event(ctx, eventID)
	if err != nil {
		return fmt.Errorf("event ics %s: %w", eventID, err)
	}
	return WriteICS(w, Calendar{Name: c.Name, Stamp: s.now(), Events: []Event{e}})
}
