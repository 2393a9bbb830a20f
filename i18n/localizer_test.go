package i18n

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/currency"
)

func TestLocalizer_New(t *testing.T) {
	tests := []struct {
		code, want string
		rtl        bool
	}{
		{"en", "en", false},
		{"de", "de", false},
		{"pt_BR", "pt-BR", false},
		{"ar", "ar", true},
		{"klingon", "en", false},
		{"", "en", false},
		{"x-pseudo", PseudoCode, false},
	}
	for _, tt := range tests {
		l := New(tt.code)
		if l.Code() != tt.want || l.Locale().Code != tt.want || l.RTL() != tt.rtl {
			t.Errorf("New(%q): Code %q, Locale %q, RTL %v; want %q, %v", tt.code, l.Code(), l.Locale().Code, l.RTL(), tt.want, tt.rtl)
		}
	}
}

// testLocalizer builds a Localizer over catalogs given as TOML text, to test
// fallbacks that the shipped, complete catalogs never need.
func testLocalizer(t *testing.T, code string, files map[string]string) *Localizer {
	t.Helper()
	fsys := fstest.MapFS{}
	for c, text := range files {
		fsys["locales/active."+c+".toml"] = &fstest.MapFile{Data: []byte(text)}
	}
	b, err := loadBundle(fsys)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := Lookup(code)
	return newLocalizer(loc, i18n.NewLocalizer(b, code), false)
}

func TestLocalizer_T(t *testing.T) {
	files := map[string]string{
		"en": "Hello = \"Hello, {{.Name}}\"\nOnlyEnglish = \"English only\"\nBroken = \"{{.Name\"\n",
		"es": "Hello = \"Hola, {{.Name}}\"\n",
	}
	es := testLocalizer(t, "es", files)
	tests := []struct {
		name string
		l    *Localizer
		id   string
		data []map[string]any
		want string
	}{
		{"translated", es, "Hello", []map[string]any{{"Name": "Ana"}}, "Hola, Ana"},
		{"falls back to English", es, "OnlyEnglish", nil, "English only"},
		{"missing everywhere gives the id", es, "Nowhere", nil, "Nowhere"},
		{"broken template gives the id", es, "Broken", []map[string]any{{"Name": "x"}}, "Broken"},
		{"data is never template text", es, "Hello", []map[string]any{{"Name": "{{.Name}} {{printf \"%s\" 1}}"}}, "Hola, {{.Name}} {{printf \"%s\" 1}}"},
		{"later data wins", es, "Hello", []map[string]any{{"Name": "A"}, {"Name": "B"}}, "Hola, B"},
		{"shipped catalog", New("de"), "TabEvents", nil, "Events"},
		{"shipped catalog ar", New("ar"), "TabHome", nil, "الرئيسية"},
		{"shipped missing gives the id", New("ja"), "NoSuchMessage", nil, "NoSuchMessage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.T(tt.id, tt.data...); got != tt.want {
				t.Errorf("T(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

func FuzzLocalizer_T(f *testing.F) {
	f.Add("Ana")
	f.Add("{{.Time}}")
	f.Add("{{template \"x\"}}")
	f.Add("<b>&amp;</b>")
	l := New("en")
	f.Fuzz(func(t *testing.T, s string) {
		// User text passed as data comes out exactly as given.
		if got, want := l.T("DateTime", map[string]any{"Date": s, "Time": "T"}), s+", T"; got != want {
			t.Fatalf("T(DateTime, Date=%q) = %q, want %q", s, got, want)
		}
		_ = l.T(s, map[string]any{"Count": s})
		_ = l.Reason(s)
	})
}

func TestLocalizer_N(t *testing.T) {
	tests := []struct {
		code  string
		id    string
		count int
		want  string
	}{
		{"en", "Points", 0, "0 points"},
		{"en", "Points", 1, "1 point"},
		{"en", "Points", 1234, "1,234 points"},
		{"fr", "Points", 0, "0 point"},
		{"fr", "Points", 1_000_000, "1\u00a0000\u00a0000 de points"},
		{"pt-BR", "Points", 0, "0 ponto"},
		{"es", "Points", 1_000_000, "1.000.000 de puntos"},
		{"de", "Points", 2, "2 Punkte"},
		{"ar", "Points", 0, "لا نقاط"},
		{"ar", "Points", 1, "نقطة واحدة"},
		{"ar", "Points", 2, "نقطتان"},
		{"ar", "Points", 3, "٣ نقاط"},
		{"ar", "Points", 11, "١١ نقطة"},
		{"ar", "Points", 100, "١٠٠ نقطة"},
		{"hi", "Points", 150000, "1,50,000 पॉइंट"},
		{"ja", "Points", 1, "1ポイント"},
		{"de", "RelativeDaysAgo", 1, "vor 1 Tag"},
		{"de", "RelativeDaysAgo", 5, "vor 5 Tagen"},
		{"ar", "RelativeDaysAgo", 2, "قبل يومين"},
	}
	for _, tt := range tests {
		if got := New(tt.code).N(tt.id, tt.count); got != tt.want {
			t.Errorf("%s N(%s, %d) = %q, want %q", tt.code, tt.id, tt.count, got, tt.want)
		}
	}
	// Count always wins over a caller's "Count".
	if got := New("en").N("Points", 2, map[string]any{"Count": "{{x}}"}); got != "2 points" {
		t.Errorf("N with data Count = %q", got)
	}
}

func TestLocalizer_Reason(t *testing.T) {
	tests := []struct {
		code, reason, want string
	}{
		{"en", "required", "Please fill this in."},
		{"en", "too_long", "That's a little too long. Please shorten it."},
		{"de", "date_order", "Das Ende muss nach dem Beginn liegen."},
		{"ja", "not_found", "見つかりませんでした。削除された可能性があります。"},
		{"en", "no_such_reason", "That doesn't look right. Please check it and try again."},
		{"es", "", "Algo no cuadra. Revísalo e inténtalo de nuevo."},
	}
	for _, tt := range tests {
		if got := New(tt.code).Reason(tt.reason); got != tt.want {
			t.Errorf("%s Reason(%q) = %q, want %q", tt.code, tt.reason, got, tt.want)
		}
	}
	// Every reason the domain reports has its own message.
	for _, r := range []string{"required", "too_long", "invalid_utf8", "control_chars", "date_order", "forbidden", "not_found", "conflict", "unavailable"} {
		if got := New("en").T(ReasonID(r)); got == ReasonID(r) {
			t.Errorf("no message %s for reason %q", ReasonID(r), r)
		}
	}
}

func TestReasonID(t *testing.T) {
	for in, want := range map[string]string{
		"required": "ReasonRequired", "too_long": "ReasonTooLong", "invalid_utf8": "ReasonInvalidUtf8",
		"control_chars": "ReasonControlChars", "not__found_": "ReasonNotFound", "": "Reason",
	} {
		if got := ReasonID(in); got != want {
			t.Errorf("ReasonID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLocalizer_Concurrent shares one Localizer between goroutines; run with
// -race.
func TestLocalizer_Concurrent(t *testing.T) {
	l := New("ar")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				_ = l.N("Points", i*j)
				_ = l.Money(int64(i*j), currency.EUR)
				_ = l.T("TabHome")
				l.SortNames([]string{"b", "a"})
			}
		})
	}
	wg.Wait()
	if s := l.Points(3); !strings.Contains(s, "٣") {
		t.Errorf("Points(3) = %q", s)
	}
}
