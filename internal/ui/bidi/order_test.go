package bidi

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xbidi "golang.org/x/text/unicode/bidi"
)

// displayCases are lines and how the bidi algorithm shows them, left to
// right, in a paragraph of each direction (the expected strings are written
// out by hand from UAX #9).
var displayCases = []struct {
	name     string
	in       string
	ltr, rtl string
}{
	{"latin", "Hello, Amira", "Hello, Amira", "Hello, Amira"},
	{"arabic word", "مرحبا", "ابحرم", "ابحرم"},
	{"arabic sentence in english", "Say مرحبا بك please", "Say كب ابحرم please", "please كب ابحرم Say"},
	// European digits after Arabic letters are numbers at level 2 (I1): in
	// a left-to-right paragraph the Arabic words on both sides swap places.
	{"number between arabic words", "آخر 90 يومًا", "اًموي 90 رخآ", "اًموي 90 رخآ"},
	{"number after arabic at the end", "مرحبا 123", "123 ابحرم", "123 ابحرم"},
	{"digits after latin stay latin", "abc 123 مرحبا", "abc 123 ابحرم", "ابحرم abc 123"},
	{"arabic-indic digits", "نقطة ٧٤٠", "٧٤٠ ةطقن", "٧٤٠ ةطقن"},
	{"brackets mirrored", "مؤشر (NPS)", "رشؤم (NPS)", "(NPS) رشؤم"},
	{"minus and range", "من −100 إلى 100", "100 ىلإ 100− نم", "100 ىلإ 100− نم"},
	{"final punctuation", "مرحبا!", "ابحرم!", "!ابحرم"},
	{"marks left out", LRM + "abc" + RLM, "abc", "abc"},
}

func TestDisplay(t *testing.T) {
	for _, c := range displayCases {
		t.Run(c.name, func(t *testing.T) {
			if got := Display(c.in, false); got != c.ltr {
				t.Errorf("Display(%q, ltr) = %q, want %q", c.in, got, c.ltr)
			}
			if got := Display(c.in, true); got != c.rtl {
				t.Errorf("Display(%q, rtl) = %q, want %q", c.in, got, c.rtl)
			}
		})
	}
}

// TestDisplay_MatchesXText checks Display against x/text's bidi algorithm
// for a right-to-left paragraph, where x/text's runs give the levels
// directly (right to left 1, left to right 2).
func TestDisplay_MatchesXText(t *testing.T) {
	for _, c := range append(visualCasesIn(), "كتبت (مرة) أمس", "٧:٠٠ م – ٩:٠٠ م", "Amira Haddad · ٤ ردود · قبل ٢٠ يومًا") {
		if got, want := Display(c, true), displayOrder(c, true); got != want {
			t.Errorf("Display(%q, rtl) = %q, x/text shows %q", c, got, want)
		}
	}
}

func visualCasesIn() []string {
	var out []string
	for _, c := range visualCases {
		out = append(out, c.in)
	}
	return out
}

// TestLine checks both paragraph directions: what Fyne draws from Line's
// result (its direction runs left to right in logical order) is what the
// bidi algorithm shows, and every right-to-left run Fyne gets is letters
// and spaces only, which it shapes whole whatever the fonts.
func TestLine(t *testing.T) {
	for _, c := range displayCases {
		for _, d := range []Direction{LeftToRight, RightToLeft} {
			checkLine(t, d, c.in)
		}
	}
}

func checkLine(t *testing.T, d Direction, s string) {
	t.Helper()
	got := Line(d, s)
	if drawn, want := displayOrder(got, false), Display(s, d.RTL()); drawn != want {
		t.Errorf("rtl=%v Line(%q) = %q is drawn as %q, want %q", d, s, got, drawn, want)
	}
	runs, _ := runsOf(got, false)
	for _, r := range runs {
		if r.rtl && !pureRTL(r.text) && strings.TrimSpace(r.text) != "" && len(runs) > 1 {
			t.Errorf("rtl=%v Line(%q) = %q has the right-to-left run %q", d, s, got, r.text)
		}
	}
}

func isLetter(r rune) bool {
	p, _ := xbidi.LookupRune(r)
	return p.Class() == xbidi.L
}

// FuzzLine checks Line on any one line without explicit embeddings.
func FuzzLine(f *testing.F) {
	for _, c := range displayCases {
		f.Add(c.in)
	}
	for _, c := range visualCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c\n\r\u2029\u001c\u001d\u001e\u0085\u000b\u001f\t") {
			return
		}
		prev := ' '
		for _, r := range s {
			// Control characters, and a mark on no letter (Fyne draws it
			// on its own), are not text the app shows.
			if unicode.IsControl(r) || isNSM(r) && !IsRTLLetter(prev) && !isLetter(prev) {
				return
			}
			prev = r
		}
		checkLine(t, LeftToRight, s)
		checkLine(t, RightToLeft, s)
	})
}
