package i18n

import (
	"testing"
	"time"
)

// persianPairs are Gregorian dates and their Solar Hijri dates. The Nowruz
// dates (1 Farvardin) and the last days of leap years (30 Esfand) are those
// of Iran's official calendar; each pair was checked against ICU's
// "persian" calendar (node's Intl.DateTimeFormat "en-u-ca-persian"), an
// independent implementation, which agrees with calendar.go on every day
// from 1925-01-01 to 2124-03-19.
var persianPairs = []struct {
	g       string
	y, m, d int
}{
	{"1979-02-11", 1357, 11, 22}, // 22 Bahman 1357, the revolution's anniversary
	{"2000-01-01", 1378, 10, 11},
	{"2016-03-20", 1395, 1, 1},
	{"2017-03-20", 1395, 12, 30},
	{"2017-03-21", 1396, 1, 1},
	{"2020-03-19", 1398, 12, 29},
	{"2020-03-20", 1399, 1, 1},
	{"2021-03-20", 1399, 12, 30}, // 1399 is a leap year
	{"2021-03-21", 1400, 1, 1},
	{"2023-03-21", 1402, 1, 1},
	{"2024-03-20", 1403, 1, 1},
	{"2025-03-20", 1403, 12, 30}, // 1403 is a leap year
	{"2025-03-21", 1404, 1, 1},
	{"2025-09-22", 1404, 6, 31}, // the last 31-day month ends
	{"2025-09-23", 1404, 7, 1},
	{"2026-03-21", 1405, 1, 1},
	{"2026-12-07", 1405, 9, 16},
	{"2028-03-20", 1407, 1, 1},
	{"2029-03-19", 1407, 12, 29}, // 1407 is not a leap year: the next is 1408, five years after 1403
	{"2029-03-20", 1408, 1, 1},
	{"2030-03-20", 1408, 12, 30},
	{"2030-03-21", 1409, 1, 1},
}

func TestCalendar_Persian(t *testing.T) {
	for _, tt := range persianPairs {
		g, err := time.Parse(time.DateOnly, tt.g)
		if err != nil {
			t.Fatal(err)
		}
		want := calendarDate{tt.y, tt.m, tt.d}
		if got := Persian.date(g); got != want {
			t.Errorf("Persian date of %s = %v, want %v", tt.g, got, want)
		}
		if back := gregorianFromPersian(want); back != civil(g, time.UTC) {
			t.Errorf("Gregorian date of %v = %v, want %s", want, back, tt.g)
		}
	}
}

func TestCalendar_PersianLeap(t *testing.T) {
	leap := map[int]bool{1387: true, 1391: true, 1395: true, 1399: true, 1403: true, 1408: true, 1412: true}
	for y := 1386; y <= 1413; y++ {
		if got := PersianLeap(y); got != leap[y] {
			t.Errorf("PersianLeap(%d) = %v, want %v", y, got, leap[y])
		}
	}
}

// TestCalendar_PersianRoundTrip converts every day of two centuries there
// and back, and checks that days follow each other without gaps.
func TestCalendar_PersianRoundTrip(t *testing.T) {
	prev := Persian.date(time.Date(1925, 1, 1, 0, 0, 0, 0, time.UTC))
	for d := time.Date(1925, 1, 2, 0, 0, 0, 0, time.UTC); d.Year() < 2125; d = d.AddDate(0, 0, 1) {
		p := Persian.date(d)
		if back := gregorianFromPersian(p); back != civil(d, time.UTC) {
			t.Fatalf("%s -> %v -> %v", d.Format(time.DateOnly), p, back)
		}
		next := calendarDate{prev.year, prev.month, prev.day + 1}
		monthLen := 31
		switch {
		case prev.month > 6 && prev.month < 12:
			monthLen = 30
		case prev.month == 12 && PersianLeap(prev.year):
			monthLen = 30
		case prev.month == 12:
			monthLen = 29
		}
		if next.day > monthLen {
			next = calendarDate{prev.year, prev.month + 1, 1}
			if next.month > 12 {
				next = calendarDate{prev.year + 1, 1, 1}
			}
		}
		if p != next {
			t.Fatalf("%s is %v, want %v after %v", d.Format(time.DateOnly), p, next, prev)
		}
		prev = p
	}
}

// TestLocalizer_PersianDates shows what a Persian reader sees: Solar Hijri
// dates in Persian digits, on every date formatter screens use, and the
// Gregorian calendar when asked for.
func TestLocalizer_PersianDates(t *testing.T) {
	l := New("fa")
	if l.Calendar() != Persian {
		t.Fatalf("fa calendar = %v, want persian", l.Calendar())
	}
	at := time.Date(2026, 12, 7, 18, 30, 0, 0, time.UTC)
	tests := []struct {
		name, got, want string
	}{
		{"Date", l.Date(at, nil), "۱۶ آذر ۱۴۰۵"},
		{"DateLong", l.DateLong(at, nil), "دوشنبه ۱۶ آذر ۱۴۰۵"},
		{"DateNumeric", l.DateNumeric(at, nil), "۱۴۰۵/۰۹/۱۶"},
		{"DateTime", l.DateTime(at, nil), "۱۶ آذر ۱۴۰۵، ساعت ۱۸:۳۰"},
		// Nowruz in Tehran begins while it is still the evening before in UTC.
		{"zone", l.Date(time.Date(2026, 3, 20, 21, 0, 0, 0, time.UTC), time.FixedZone("IRST", 3*3600+1800)), "۱ فروردین ۱۴۰۵"},
		{"Gregorian", l.WithCalendar(Gregorian).Date(at, nil), "۷ دسامبر ۲۰۲۶"},
		{"other locales", New("en").Date(at, nil), "Dec 7, 2026"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	for _, loc := range registry {
		if want := loc.Code == "fa"; (loc.Calendar == Persian) != want {
			t.Errorf("%s calendar = %v", loc.Code, loc.Calendar)
		}
	}
}
