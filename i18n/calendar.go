package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Calendar is a calendar system a locale shows dates in. The registry gives
// each locale its default (Persian for fa, Gregorian elsewhere); a new one
// (Hebrew, Islamic civil, Thai Buddhist) is a constant here, a case in
// calendarDate and its month names, and a registry entry that names it.
type Calendar int

const (
	// Gregorian is the civil calendar of most of the world.
	Gregorian Calendar = iota
	// Persian is the Solar Hijri calendar, official in Iran and Afghanistan:
	// the year starts at Nowruz (the March equinox), six months of 31 days,
	// five of 30 and Esfand of 29 or, in leap years, 30.
	Persian
)

// String returns the calendar's CLDR name, "gregorian" or "persian".
func (c Calendar) String() string {
	if c == Persian {
		return "persian"
	}
	return "gregorian"
}

// calendarDate is a date in some calendar: the year, the month from 1 and
// the day of the month from 1.
type calendarDate struct {
	year, month, day int
}

// calendarDate returns t's date (in t's location) in calendar c.
func (c Calendar) date(t time.Time) calendarDate {
	y, m, d := t.Date()
	if c == Persian {
		return persianFromGregorian(civilDate{y, m, d})
	}
	return calendarDate{y, int(m), d}
}

// persianMonths are the Solar Hijri months' names in Persian (CLDR fa,
// calendar "persian", format wide; abbreviated is the same).
var persianMonths = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}

// calendarFormats are the CLDR date patterns of a locale in a calendar other
// than the one go-playground/locales formats (Gregorian): {d} day, {dd}
// two-digit day, {M} month number, {MM} two-digit month, {MMMM} month name,
// {y} year, {EEEE} weekday.
type calendarFormats struct {
	medium, full, numeric string
	months                [12]string
}

// persianFormats are CLDR fa's Persian-calendar patterns: medium "d MMM y",
// full "EEEE d MMMM y"; numeric is the "yyyy/MM/dd" Iranian forms and
// documents use ("1405/09/16").
var persianFormats = calendarFormats{
	medium:  "{d} {MMMM} {y}",
	full:    "{EEEE} {d} {MMMM} {y}",
	numeric: "{y}/{MM}/{dd}",
	months:  persianMonths,
}

// formatCalendar writes t's date in calendar c with pattern, in ASCII
// digits (the caller rewrites them into the locale's).
func formatCalendar(c Calendar, f calendarFormats, pattern string, t time.Time, weekday string) string {
	d := c.date(t)
	two := func(n int) string {
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	}
	return strings.NewReplacer(
		"{EEEE}", weekday,
		"{MMMM}", f.months[d.month-1],
		"{MM}", two(d.month),
		"{M}", strconv.Itoa(d.month),
		"{dd}", two(d.day),
		"{d}", strconv.Itoa(d.day),
		"{y}", strconv.Itoa(d.year),
	).Replace(pattern)
}

// persianBreaks are the Solar Hijri years that start a new run of the
// 33-year leap cycle, from Kazimierz M. Borkowski, "The Persian calendar
// for 3000 years" (Earth, Moon and Planets 74, 1996), as jalaali-js uses
// them. With them the arithmetic agrees with the astronomical calendar Iran
// observes (the year starts on the day whose noon in Tehran follows the
// equinox) for years -61 to 3177.
var persianBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// persianYear returns, for Solar Hijri year jy, the Gregorian year in which
// it starts, the day of March of its Nowruz, and how many years have
// passed since the last leap year (0: jy is a leap year). Years outside
// persianBreaks' range are clamped to it.
func persianYear(jy int) (gy, march, leap int) {
	jy = min(max(jy, persianBreaks[0]), persianBreaks[len(persianBreaks)-1]-1)
	gy = jy + 621
	leapJ := -14
	jp := persianBreaks[0]
	jump := 0
	for _, jm := range persianBreaks[1:] {
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + jump%33/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	leap = ((n+1)%33 - 1) % 4
	if leap == -1 {
		leap = 4
	}
	return gy, march, leap
}

// PersianLeap reports whether Solar Hijri year jy has 366 days.
func PersianLeap(jy int) bool {
	_, _, leap := persianYear(jy)
	return leap == 0
}

// persianFromGregorian converts a Gregorian date to the Solar Hijri
// calendar.
func persianFromGregorian(g civilDate) calendarDate {
	jy := g.y - 621
	gy, march, _ := persianYear(jy)
	k := g.days() - civilDate{gy, time.March, march}.days()
	if k >= 0 {
		if k <= 185 { // the first six months have 31 days
			return calendarDate{jy, 1 + k/31, k%31 + 1}
		}
		k -= 186
	} else { // before Nowruz: the previous year's last months
		jy--
		k += 179
		if PersianLeap(jy) {
			k++
		}
	}
	return calendarDate{jy, 7 + k/30, k%30 + 1}
}

// gregorianFromPersian converts a Solar Hijri date to the Gregorian
// calendar.
func gregorianFromPersian(p calendarDate) civilDate {
	gy, march, _ := persianYear(p.year)
	days := (p.month-1)*31 - p.month/7*(p.month-7) + p.day - 1
	t := time.Date(gy, time.March, march+days, 0, 0, 0, 0, time.UTC)
	return civil(t, time.UTC)
}
