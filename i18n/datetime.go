package i18n

import (
	"strings"
	"time"
	"unicode"
)

// Dates and times come from github.com/go-playground/locales, generated from
// CLDR; x/text has no calendar formatting. Its output uses ASCII digits, so
// they are rewritten into the locale's digits to match Number (Arabic-Indic
// for ar, as CLDR's default numbering system for ar). Known quirk of its CLDR
// data: en writes "pm" where CLDR now has "PM".

// in returns t in loc, or t unchanged when loc is nil.
func in(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t
	}
	return t.In(loc)
}

// Dates are shown in the Localizer's calendar (see Calendar): Gregorian
// through go-playground/locales, Persian through calendar.go's conversion
// and CLDR fa's Persian-calendar patterns.

// Date formats the calendar date of t in loc (nil: t's own location) in the
// locale's CLDR medium style: en "Mar 5, 2026", de "05.03.2026", ja
// "2026/03/05", ar "٠٥‏/٠٣‏/٢٠٢٦", fa (Solar Hijri) "۱۶ آذر ۱۴۰۵".
func (l *Localizer) Date(t time.Time, loc *time.Location) string {
	return l.mark(l.date(in(t, loc)))
}

func (l *Localizer) date(t time.Time) string {
	if l.cal == Persian {
		return l.localDigits(formatCalendar(l.cal, persianFormats, persianFormats.medium, t, ""))
	}
	return l.localDigits(l.dates.FmtDateMedium(t))
}

// DateLong formats t in loc in the locale's CLDR full style, with the
// weekday: en "Thursday, March 5, 2026", de "Donnerstag, 5. März 2026",
// fa "یکشنبه ۱۶ آذر ۱۴۰۵".
func (l *Localizer) DateLong(t time.Time, loc *time.Location) string {
	t = in(t, loc)
	if l.cal == Persian {
		return l.mark(l.localDigits(formatCalendar(l.cal, persianFormats, persianFormats.full, t, l.dates.WeekdayWide(t.Weekday()))))
	}
	return l.mark(l.localDigits(l.dates.FmtDateFull(t)))
}

// DateNumeric formats the date of t in loc in digits only, for tables and
// forms: the locale's CLDR short date ("3/5/26", "05.03.26"), and for the
// Persian calendar the year/month/day form Iran writes, "۱۴۰۵/۰۹/۱۶".
func (l *Localizer) DateNumeric(t time.Time, loc *time.Location) string {
	t = in(t, loc)
	if l.cal == Persian {
		return l.mark(l.localDigits(formatCalendar(l.cal, persianFormats, persianFormats.numeric, t, "")))
	}
	return l.mark(l.localDigits(l.dates.FmtDateShort(t)))
}

// Time formats the time of day of t in loc in the locale's CLDR short style:
// en "2:07 pm", de "14:07", ko "PM 2:07".
func (l *Localizer) Time(t time.Time, loc *time.Location) string {
	return l.mark(l.time(in(t, loc)))
}

func (l *Localizer) time(t time.Time) string {
	s := l.localDigits(l.dates.FmtTimeShort(t))
	if l.loc.RTL() && strings.IndexFunc(s, isLatinLetter) >= 0 {
		// ur writes "8:00 PM": in a right-to-left sentence the bidi
		// algorithm would show "PM 8:00". A leading left-to-right mark
		// makes the digits left to right too, so the time stays one run.
		s = "\u200e" + s
	}
	return s
}

func isLatinLetter(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r)
}

// DateTime formats date and time of t in loc, joined by the "DateTime"
// message so each language orders and punctuates them itself: en
// "Mar 5, 2026, 2:07 pm", de "05.03.2026, 14:07".
func (l *Localizer) DateTime(t time.Time, loc *time.Location) string {
	t = in(t, loc)
	return l.T("DateTime", map[string]any{"Date": l.date(t), "Time": l.time(t)})
}

// Weekday returns the full name of t's weekday in loc: en "Thursday", de
// "Donnerstag", ar "الخميس".
func (l *Localizer) Weekday(t time.Time, loc *time.Location) string {
	return l.mark(l.dates.WeekdayWide(in(t, loc).Weekday()))
}

// Relative describes t relative to now through plural messages: "just now"
// within a minute either way, then minutes and hours, "yesterday" and
// "tomorrow" for the neighbouring calendar days, then days until a whole
// calendar month has passed, then months and years, e.g. "2 hours ago", "in 3 days". Calendar days
// are counted in now's location: pass now in the member's time zone.
func (l *Localizer) Relative(t, now time.Time) string {
	d := t.Sub(now)
	future := d > 0
	if d < 0 {
		d = -d
	}
	pick := func(ago, ahead string) string {
		if future {
			return ahead
		}
		return ago
	}
	switch {
	case d < time.Minute:
		return l.T("RelativeJustNow")
	case d < time.Hour:
		return l.N(pick("RelativeMinutesAgo", "RelativeInMinutes"), int(d/time.Minute))
	case d < 24*time.Hour:
		return l.N(pick("RelativeHoursAgo", "RelativeInHours"), int(d/time.Hour))
	}
	a, b := civil(now, now.Location()), civil(t, now.Location())
	days := b.days() - a.days()
	switch {
	case days == 0: // a 25-hour day when daylight saving time ends
		return l.N(pick("RelativeHoursAgo", "RelativeInHours"), int(d/time.Hour))
	case days == 1:
		return l.T("RelativeTomorrow")
	case days == -1:
		return l.T("RelativeYesterday")
	}
	if future {
		a, b = b, a
	}
	switch months := monthsBetween(b, a); {
	case months < 1:
		return l.N(pick("RelativeDaysAgo", "RelativeInDays"), abs(days))
	case months < 12:
		return l.N(pick("RelativeMonthsAgo", "RelativeInMonths"), months)
	default:
		return l.N(pick("RelativeYearsAgo", "RelativeInYears"), months/12)
	}
}

// Since describes how long a member has belonged, from the day they joined
// (t) to now: "joined today", then days until a whole calendar month has
// passed, then months and years, e.g. "member for 3 years". Calendar days are counted in now's
// location. A join time after now counts as today.
func (l *Localizer) Since(t, now time.Time) string {
	joined, today := civil(t, now.Location()), civil(now, now.Location())
	days := today.days() - joined.days()
	if days <= 0 {
		return l.T("MemberSinceToday")
	}
	switch months := monthsBetween(joined, today); {
	case months < 1:
		return l.N("MemberForDays", days)
	case months < 12:
		return l.N("MemberForMonths", months)
	default:
		return l.N("MemberForYears", months/12)
	}
}

// civilDate is a calendar date without a time of day.
type civilDate struct {
	y int
	m time.Month
	d int
}

func civil(t time.Time, loc *time.Location) civilDate {
	y, m, d := t.In(loc).Date()
	return civilDate{y, m, d}
}

// days numbers calendar days so that subtracting two gives the days between
// them, whatever daylight-saving changes lie between.
func (c civilDate) days() int {
	return int(time.Date(c.y, c.m, c.d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// monthsBetween counts whole calendar months from a to the later b.
func monthsBetween(a, b civilDate) int {
	m := (b.y-a.y)*12 + int(b.m) - int(a.m)
	if b.d < a.d {
		m--
	}
	return m
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
