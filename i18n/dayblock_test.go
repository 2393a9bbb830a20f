package i18n

import (
	"testing"
	"time"
)

func TestLocalizer_DayBlock(t *testing.T) {
	at := time.Date(2026, 11, 27, 19, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ code, month, day string }{
		{"en", "Nov", "27"},
		{"ar", "", "٢٧"},
		{"fa", "آذر", "۶"},
	} {
		l := New(tt.code)
		if tt.code == "fa" {
			l = l.WithCalendar(Persian)
		}
		m, d := l.DayBlock(at, time.UTC)
		if d != tt.day && stripMarks(d) != tt.day || tt.month != "" && stripMarks(m) != tt.month {
			t.Errorf("%s: DayBlock = %q %q, want %q %q", tt.code, m, d, tt.month, tt.day)
		}
	}
}

func stripMarks(s string) string {
	out := []rune{}
	for _, r := range s {
		if r != '\u200e' && r != '\u200f' && r != '\u061c' {
			out = append(out, r)
		}
	}
	return string(out)
}
