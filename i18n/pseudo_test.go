package i18n

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/currency"
)

func TestPseudo_Pseudoize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Home", "[Ĥóɱé~~]"},
		{"{{.Count}} points", "[{{.Count}} ƥóîñţš~~~]"},
		{"{{.Date}}, {{.Time}}", "[{{.Date}}, {{.Time}}~]"},
		{"", "[~]"},
		{"ÀÉ 1", "[ÀÉ 1~~]"},
		{"{{.Unclosed", "[{{.Unclosed~]"},
	}
	for _, tt := range tests {
		if got := pseudoize(tt.in, "{{", "}}"); got != tt.want {
			t.Errorf("pseudoize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzPseudo_Pseudoize(f *testing.F) {
	for _, s := range []string{"Home", "{{.Count}} points", "{{", "}}{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := pseudoize(s, "{{", "}}")
		if !IsPseudo(got) {
			t.Fatalf("pseudoize(%q) = %q, not bracketed", s, got)
		}
		if strings.Count(got, "{{") != strings.Count(s, "{{") {
			t.Fatalf("pseudoize(%q) = %q changed template actions", s, got)
		}
	})
}

func TestPseudo_IsPseudo(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"[Ĥóɱé~~]", true},
		{" [1,234] ", true},
		{"[]", true},
		{"Home", false},
		{"[", false},
		{"a[b]", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsPseudo(tt.s); got != tt.want {
			t.Errorf("IsPseudo(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestPseudo_NewPseudo(t *testing.T) {
	p, en := NewPseudo(), New("en")
	if p.Code() != PseudoCode || New(PseudoCode).Code() != PseudoCode {
		t.Fatalf("pseudo code = %q", p.Code())
	}
	if _, ok := Lookup(PseudoCode); ok {
		t.Error("the pseudo-locale must not be pickable")
	}
	for _, l := range Locales() {
		if l.Code == PseudoCode {
			t.Error("the pseudo-locale is in Locales()")
		}
	}
	cats, err := readCatalogs(localeFiles)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range cats["en"].Messages {
		for _, n := range []int{1, 7} {
			data := sampleData(m, n)
			got, english := p.T(m.ID, data), en.T(m.ID, data)
			if isPlural(m) {
				got, english = p.N(m.ID, n, data), en.N(m.ID, n, data)
			}
			if !IsPseudo(got) || got == english || len([]rune(got)) <= len([]rune(english)) {
				t.Errorf("pseudo %s = %q (English %q): want bracketed, accented and longer", m.ID, got, english)
			}
		}
	}
	if got := p.T("NoSuchMessage"); IsPseudo(got) {
		t.Errorf("a missing message must not look translated: %q", got)
	}
	now := time.Date(2026, 3, 8, 12, 0, 0, 0, time.UTC)
	for name, s := range map[string]string{
		"Number": p.Number(1234), "Points": p.Points(1234), "Money": p.Money(350, currency.EUR),
		"Date": p.Date(day, nil), "DateLong": p.DateLong(day, nil), "Time": p.Time(day, nil),
		"DateTime": p.DateTime(day, nil), "Weekday": p.Weekday(day, nil),
		"Relative": p.Relative(day, now), "Since": p.Since(day, now), "Reason": p.Reason("required"),
		"DateNumeric": p.DateNumeric(day, nil), "MonthYear": p.MonthYear(day, nil), "MonthName": p.MonthName(day.Month()),
		// The calendar a locale reads in (Solar Hijri for fa) is formatted
		// through the same marked paths.
		"Persian Date": p.WithCalendar(Persian).Date(day, nil), "Persian DateTime": p.WithCalendar(Persian).DateTime(day, nil),
		"Persian DateLong": p.WithCalendar(Persian).DateLong(day, nil),
	} {
		if !IsPseudo(s) || strings.Count(s, "[") != 1 {
			t.Errorf("pseudo %s = %q, want one bracketed text", name, s)
		}
	}
	if got, want := p.Points(1234), "[1,234 ƥóîñţš~~~]"; got != want {
		t.Errorf("pseudo Points = %q, want %q", got, want)
	}
	for _, s := range []string{en.T("TabHome"), en.Number(1), en.Date(day, nil)} {
		if IsPseudo(s) {
			t.Errorf("English %q looks pseudo", s)
		}
	}
}
