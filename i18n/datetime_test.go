package i18n

import (
	"testing"
	"time"
	_ "time/tzdata" // America/New_York for the daylight-saving case, on any machine
)

// day is 2026-03-05 14:07 UTC, a Thursday.
var day = time.Date(2026, 3, 5, 14, 7, 0, 0, time.UTC)

// tokyo and losAngeles are fixed zones, so the tests need no tzdata.
var (
	tokyo      = time.FixedZone("JST", 9*3600)
	losAngeles = time.FixedZone("PST", -8*3600)
)

func TestLocalizer_Date(t *testing.T) {
	late := time.Date(2026, 3, 5, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		code string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"en", day, nil, "Mar 5, 2026"},
		{"de", day, nil, "05.03.2026"},
		{"ar", day, nil, "٠٥\u200f/٠٣\u200f/٢٠٢٦"},
		{"hi", day, nil, "5 मार्च 2026"},
		{"ja", day, nil, "2026/03/05"},
		{"fr", day, nil, "5 mars 2026"},
		{"ko", day, nil, "2026. 3. 5."},
		{"fa", day, nil, "۱۴ اسفند ۱۴۰۴"}, // Solar Hijri
		{"he", day, nil, "5 במרץ 2026"},
		{"ur", day, nil, "5 مارچ، 2026"},
		{"ru", day, nil, "5 мар. 2026 г."},
		{"pl", day, nil, "5 mar 2026"},
		{"uk", day, nil, "5 бер. 2026 р."},
		{"id", day, nil, "5 Mar 2026"},
		// The member's zone decides the calendar day.
		{"ja", late, tokyo, "2026/03/06"},
		{"ja", late, time.UTC, "2026/03/05"},
		{"en", late.In(tokyo), nil, "Mar 6, 2026"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Date(tt.t, tt.loc); got != tt.want {
			t.Errorf("%s Date(%v, %v) = %q, want %q", tt.code, tt.t, tt.loc, got, tt.want)
		}
	}
}

func TestLocalizer_DateLong(t *testing.T) {
	tests := []struct{ code, want string }{
		{"en", "Thursday, March 5, 2026"},
		{"de", "Donnerstag, 5. März 2026"},
		{"ar", "الخميس، ٥ مارس ٢٠٢٦"},
		{"ja", "2026年3月5日木曜日"},
	}
	for _, tt := range tests {
		if got := New(tt.code).DateLong(day, time.UTC); got != tt.want {
			t.Errorf("%s DateLong = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLocalizer_Time(t *testing.T) {
	tests := []struct {
		code string
		loc  *time.Location
		want string
	}{
		{"en", time.UTC, "2:07 pm"}, // go-playground's CLDR data writes "pm" for en
		{"de", time.UTC, "14:07"},
		{"de", tokyo, "23:07"},
		{"en", losAngeles, "6:07 am"},
		{"ar", time.UTC, "٢:٠٧ م"},
		{"ko", time.UTC, "PM 2:07"},
		{"zh-Hans", time.UTC, "下午2:07"},
		{"fa", time.UTC, "۱۴:۰۷"},
		{"he", time.UTC, "14:07"},
		// A left-to-right mark keeps "2:07 PM" in order inside Urdu text.
		{"ur", time.UTC, "\u200e2:07 PM"},
		{"ru", time.UTC, "14:07"},
		{"id", time.UTC, "14.07"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Time(day, tt.loc); got != tt.want {
			t.Errorf("%s Time(%v) = %q, want %q", tt.code, tt.loc, got, tt.want)
		}
	}
}

func TestLocalizer_DateTime(t *testing.T) {
	tests := []struct{ code, want string }{
		{"en", "Mar 5, 2026, 2:07 pm"},
		{"de", "05.03.2026, 14:07"},
		{"fr", "5 mars 2026 14:07"},
		{"ja", "2026/03/05 14:07"},
		{"vi", "14:07, 5 thg 3, 2026"},
		{"ar", "٠٥\u200f/٠٣\u200f/٢٠٢٦، ٢:٠٧ م"},
	}
	for _, tt := range tests {
		if got := New(tt.code).DateTime(day, time.UTC); got != tt.want {
			t.Errorf("%s DateTime = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLocalizer_Weekday(t *testing.T) {
	tests := []struct {
		code string
		loc  *time.Location
		want string
	}{
		{"en", time.UTC, "Thursday"},
		{"de", time.UTC, "Donnerstag"},
		{"ar", time.UTC, "الخميس"},
		{"ja", time.UTC, "木曜日"},
		{"en", time.FixedZone("+14", 14*3600), "Friday"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Weekday(day, tt.loc); got != tt.want {
			t.Errorf("%s Weekday(%v) = %q, want %q", tt.code, tt.loc, got, tt.want)
		}
	}
}

func TestLocalizer_Relative(t *testing.T) {
	now := time.Date(2026, 3, 8, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		code string
		t    time.Time
		want string
	}{
		{"en", now.Add(-30 * time.Second), "just now"},
		{"en", now.Add(30 * time.Second), "just now"},
		{"en", now.Add(-time.Minute), "1 minute ago"},
		{"en", now.Add(-59 * time.Minute), "59 minutes ago"},
		{"en", now.Add(5 * time.Minute), "in 5 minutes"},
		{"en", now.Add(-2 * time.Hour), "2 hours ago"},
		{"en", now.Add(23 * time.Hour), "in 23 hours"},
		{"en", now.Add(-25 * time.Hour), "yesterday"},
		{"en", now.Add(-36 * time.Hour), "yesterday"},
		{"en", now.Add(-37 * time.Hour), "2 days ago"},
		{"en", now.Add(25 * time.Hour), "tomorrow"},
		{"en", day, "3 days ago"},
		{"en", now.AddDate(0, 0, 3), "in 3 days"},
		{"en", now.AddDate(0, 0, -27), "27 days ago"},
		{"en", now.AddDate(0, -1, 0), "1 month ago"},
		{"en", time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC), "1 month ago"},
		{"en", time.Date(2026, 2, 9, 12, 0, 0, 0, time.UTC), "27 days ago"},
		{"en", now.AddDate(0, -5, 0), "5 months ago"},
		{"en", now.AddDate(0, 2, 0), "in 2 months"},
		{"en", now.AddDate(-1, 0, 0), "1 year ago"},
		{"en", now.AddDate(-3, -1, 0), "3 years ago"},
		{"en", now.AddDate(1, 3, 0), "in 1 year"},
		{"de", day, "vor 3 Tagen"},
		{"de", now.Add(-time.Hour), "vor 1 Stunde"},
		{"ar", now.Add(-2 * time.Hour), "قبل ساعتين"},
		{"ar", day, "قبل ٣ أيام"},
		{"ja", now.AddDate(0, 0, 3), "3日後"},
		{"ja", now.Add(-25 * time.Hour), "昨日"},
		{"es", now.AddDate(0, 0, 3), "dentro de 3 días"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Relative(tt.t, now); got != tt.want {
			t.Errorf("%s Relative(%v) = %q, want %q", tt.code, tt.t, got, tt.want)
		}
	}
	// Calendar days are counted in now's zone: 25.5 hours back is
	// yesterday in UTC but two days ago in Tokyo, where now is past midnight.
	now = time.Date(2026, 3, 7, 15, 30, 0, 0, time.UTC)
	then := now.Add(-25*time.Hour - 30*time.Minute)
	if got := New("en").Relative(then, now); got != "yesterday" {
		t.Errorf("Relative in UTC = %q, want yesterday", got)
	}
	if got := New("en").Relative(then, now.In(tokyo)); got != "2 days ago" {
		t.Errorf("Relative in Tokyo = %q, want 2 days ago", got)
	}
	// The day daylight saving time ends in New York has 25 hours.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	start, end := time.Date(2026, 11, 1, 0, 10, 0, 0, ny), time.Date(2026, 11, 1, 23, 50, 0, 0, ny)
	if got := New("en").Relative(start, end); got != "24 hours ago" {
		t.Errorf("Relative across the DST change = %q, want 24 hours ago", got)
	}
}

func TestLocalizer_Since(t *testing.T) {
	now := time.Date(2026, 3, 8, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		code   string
		joined time.Time
		want   string
	}{
		{"en", now.Add(-2 * time.Hour), "joined today"},
		{"en", now.Add(time.Hour), "joined today"},
		{"en", now.Add(-13 * time.Hour), "member for 1 day"},
		{"en", now.AddDate(0, 0, -27), "member for 27 days"},
		{"en", now.AddDate(0, -1, 0), "member for 1 month"},
		{"en", now.AddDate(0, -2, 0), "member for 2 months"},
		{"en", time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC), "member for 11 months"},
		{"en", now.AddDate(-1, 0, 0), "member for 1 year"},
		{"en", time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC), "member for 3 years"},
		{"de", time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC), "seit 3 Jahren dabei"},
		{"ar", time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC), "عضو منذ ٣ سنوات"},
		{"ja", time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC), "会員歴3年"},
		{"fr", now.AddDate(0, -1, 0), "membre depuis 1 mois"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Since(tt.joined, now); got != tt.want {
			t.Errorf("%s Since(%v) = %q, want %q", tt.code, tt.joined, got, tt.want)
		}
	}
}
