package bidi

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	xbidi "golang.org/x/text/unicode/bidi"
)

const lrm = LRM

var visualCases = []struct {
	name string
	rtl  Direction
	in   string
	want string
}{
	{"ltr language untouched", LeftToRight, "Hello, Amira", "Hello, Amira"},
	{"pure arabic is one run", RightToLeft, "مواعيد الشتاء", "مواعيد الشتاء"},
	{"arabic with final punctuation", RightToLeft, "تم الحفظ.", lrm + "." + lrm + "تم الحفظ" + lrm},
	{"date: number between arabic words", RightToLeft, "الجمعة، ٢٧ نوفمبر", lrm + "نوفمبر" + lrm + " ٢٧ ،" + lrm + "الجمعة" + lrm},
	{"latin paragraph in rtl ui reads from the right", RightToLeft, "Café Lumen, bar counter.", lrm + ".Café Lumen, bar counter"},
	{"latin name in arabic", RightToLeft, "مرحبا Amira!", lrm + "!Amira " + lrm + "مرحبا" + lrm},
	// The space between "يا" and the name stays between them, the "!" ends
	// the sentence on the left.
	{"birthday greeting", RightToLeft, "عيد ميلاد سعيد يا Amira Haddad!", lrm + "!Amira Haddad " + lrm + "عيد ميلاد سعيد يا" + lrm},
	// "·" is not in the Arabic font: each Arabic word is a run of its own.
	{"name first, then arabic and numbers", RightToLeft, "Amira Haddad · ٤ ردود · قبل ٢٠ يومًا", lrm + "يومًا" + lrm + " ٢٠ " + lrm + "قبل" + lrm + " · " + lrm + "ردود" + lrm + " ٤ · Amira Haddad"},
	{"time range", RightToLeft, "٧:٠٠ م – ٩:٠٠ م", ""},
	{"latin digits in arabic", RightToLeft, "أميرة · 4 ردود", ""},
	{"brackets", RightToLeft, "كتبت (مرة) أمس", ""},
	{"empty", RightToLeft, "", ""},
}

func TestVisual(t *testing.T) {
	for _, c := range visualCases {
		t.Run(c.name, func(t *testing.T) {
			got := Visual(c.rtl, c.in)
			if c.want != "" && got != c.want {
				t.Errorf("Visual(%q) = %q, want %q", c.in, got, c.want)
			}
			if !c.rtl {
				return
			}
			// What Fyne draws, left to right, is what the bidi algorithm
			// shows for a right-to-left paragraph.
			if drawn, want := displayOrder(got, false), displayOrder(c.in, true); drawn != want {
				t.Errorf("Visual(%q) = %q is drawn as %q, want %q", c.in, got, drawn, want)
			}
			// Fyne turns a right-to-left run piece by piece where its font
			// changes: each run must be letters and spaces only.
			runs, _ := runsOf(got, false)
			for _, r := range runs {
				if r.rtl && !pureRTL(r.text) && len(runs) > 1 {
					t.Errorf("Visual(%q) = %q has the right-to-left run %q", c.in, got, r.text)
				}
			}
		})
	}
}

func TestVisual_LongTextUntouched(t *testing.T) {
	long := strings.Repeat("مرحبا Amira! ", 10)
	if got := Visual(RightToLeft, long); got != long {
		t.Errorf("Visual reordered a text longer than a line: %q", got)
	}
	if got := VisualLine(long); got == long {
		t.Errorf("VisualLine left a mixed line as it was")
	}
}

func TestContent(t *testing.T) {
	cases := []struct {
		ui   Direction
		in   string
		want string
	}{
		{RightToLeft, "Cupping: Ethiopian naturals", "Cupping: Ethiopian naturals"}, // its own direction: left to right
		{LeftToRight, "مرحبا Amira!", lrm + "!Amira " + lrm + "مرحبا" + lrm},        // Arabic content on an English screen
		{LeftToRight, "Hello", "Hello"},
		{RightToLeft, "١٢٣", "١٢٣"}, // no letters: the interface's direction
	}
	for _, c := range cases {
		if got := Visual(Content(c.ui, c.in), c.in); got != c.want {
			t.Errorf("rtl=%v Visual(Content(%q)) = %q, want %q", c.ui, c.in, got, c.want)
		}
	}
}

// isRTLCases are paragraphs and their direction by UAX #9 rules P2 and P3.
var isRTLCases = []struct {
	name string
	in   string
	dflt bool
	want bool
}{
	{"latin", "Amira", false, false},
	{"arabic", "قهوة صارت عائلة", false, true},
	{"hebrew", "שלום עולם", false, true},
	{"syriac", "ܫܠܡܐ", false, true},
	{"thaana", "ދިވެހި", false, true},
	{"nko", "ߒߞߏ", false, true},
	// RLM is a strong right-to-left character: the paragraph is right to
	// left although its first letter is Latin (the old script test said
	// left to right here).
	{"RLM then latin", RLM + "Amira", false, true},
	{"LRM then arabic", LRM + "مرحبا", true, false},
	{"digits and punctuation then arabic", "١٢٣ - مرحبا", false, true},
	{"digits then latin", "123 Main St", true, false},
	{"markdown markup then arabic", "**مرحبا** بالجميع", false, true},
	{"no strong character takes the default", "١٢٣", true, true},
	{"no strong character, ltr default", "12:30 !", false, false},
	{"empty", "", true, true},
	// What is inside an isolate does not count (P2).
	{"isolated arabic then latin", "\u2067مرحبا\u2069 Amira", false, false},
	{"isolated latin then arabic", "\u2066Amira\u2069 مرحبا", false, true},
	{"unclosed isolate", "\u2068Amira", true, true},
}

func TestIsRTL(t *testing.T) {
	for _, c := range isRTLCases {
		t.Run(c.name, func(t *testing.T) {
			if got := IsRTL(c.in, c.dflt); got != c.want {
				t.Errorf("IsRTL(%q, %v) = %v, want %v", c.in, c.dflt, got, c.want)
			}
		})
	}
}

// FuzzIsRTL checks IsRTL against the paragraph level x/text's bidi algorithm
// gives a text of one line without isolates.
func FuzzIsRTL(f *testing.F) {
	for _, c := range isRTLCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\n\r\u2029\u001c\u001d\u001e\u0085\u000b\u001f\t") {
			return
		}
		// A text right to left by IsRTL reads right to left whatever the
		// default; one left to right (or without strong characters, with a
		// left-to-right default) reads left to right.
		if got, want := IsRTL(s, false), IsRTL(s, true); got != want {
			// No strong character: the default decides, and nothing in s
			// is R, AL or L.
			for _, r := range s {
				if IsRTLLetter(r) && !isNSM(r) {
					t.Fatalf("IsRTL(%q) follows the default, yet %q is a right-to-left letter", s, r)
				}
			}
		}
		if IsRTL(s, false) {
			first := -1
			for i, r := range []rune(s) {
				if IsRTLLetter(r) && !isNSM(r) {
					first = i
					break
				}
			}
			if first < 0 && !strings.Contains(s, RLM) {
				t.Fatalf("IsRTL(%q) is true without a right-to-left character", s)
			}
		}
	})
}

// FuzzVisual checks that reordering never loses or invents a character
// (other than the invisible marks it adds and the brackets it mirrors).
func FuzzVisual(f *testing.F) {
	for _, c := range visualCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.Contains(s, lrm) {
			return
		}
		// Brackets turned around in right-to-left text are mirrored.
		canon := func(s string) []rune {
			rs := []rune(s)
			for i, r := range rs {
				rs[i] = min(r, mirror(r))
			}
			return rs
		}
		got := canon(strings.ReplaceAll(Visual(RightToLeft, s), lrm, ""))
		want := canon(s)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Visual(%q) changed the characters", s)
		}
	})
}

// isNSM reports whether r is a non-spacing mark, which IsRTLLetter counts
// but the paragraph direction does not.
func isNSM(r rune) bool {
	p, _ := xbidi.LookupRune(r)
	return p.Class() == xbidi.NSM
}
