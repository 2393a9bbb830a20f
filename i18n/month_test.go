package i18n

import (
	"testing"
	"time"
)

func TestLocalizer_MonthYear(t *testing.T) {
	july := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		code string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"en", july, nil, "Jul 2026"},
		{"de", july, nil, "Juli 2026"},
		{"fr", july, nil, "juil. 2026"},
		{"ar", july, nil, "يوليو ٢٠٢٦"},
		{"hi", july, nil, "जुल॰ 2026"},
		{"ja", july, nil, "2026年7月"},
		{"zh-Hans", july, nil, "2026年7月"},
		{"ru", july, nil, "июль 2026 г."},
		{"pl", july, nil, "lip 2026"},
		{"uk", july, nil, "лип. 2026 р."},
		{"fa", july, nil, "ژوئیهٔ ۲۰۲۶"},
		{"he", july, nil, "יולי 2026"},
		// The zone decides the month: 1 July 00:00 UTC is still June in Los Angeles.
		{"en", july, losAngeles, "Jun 2026"},
	}
	for _, tt := range tests {
		if got := New(tt.code).MonthYear(tt.t, tt.loc); got != tt.want {
			t.Errorf("%s MonthYear(%v, %v) = %q, want %q", tt.code, tt.t, tt.loc, got, tt.want)
		}
	}
}

func TestLocalizer_MonthName(t *testing.T) {
	tests := []struct {
		code string
		m    time.Month
		want string
	}{
		{"en", time.July, "July"},
		{"de", time.March, "März"},
		{"ru", time.December, "Декабрь"},
		{"pl", time.December, "Grudzień"},
		{"uk", time.December, "Грудень"},
		{"ar", time.July, "يوليو"},
		{"hi", time.January, "जनवरी"},
		{"ja", time.July, "7月"},
	}
	for _, tt := range tests {
		if got := New(tt.code).MonthName(tt.m); got != tt.want {
			t.Errorf("%s MonthName(%v) = %q, want %q", tt.code, tt.m, got, tt.want)
		}
	}
}
