package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"golang.org/x/text/unicode/bidi"

	uibidi "github.com/regulars-app/regulars/internal/ui/bidi"
)

// runeWidth measures a text as one unit a rune.
func runeWidth(s string) float32 { return float32(utf8.RuneCountInString(s)) }

func TestBreakLines(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"fits", "one two", 10, []string{"one two"}},
		{"greedy on spaces", "one two three four", 9, []string{"one two", "three", "four"}},
		{"newlines", "one\ntwo three", 20, []string{"one", "two three"}},
		{"long word by rune", "abcdefghij xy", 4, []string{"abcd", "efgh", "ij", "xy"}},
		{"no width: hard lines only", "one two\nthree", 0, []string{"one two", "three"}},
		// UAX #14: a Latin name stays whole between ideographs, and "。",
		// "！" and small kana never start a line.
		{"japanese keeps a latin name whole", "ようこそAmira Haddadさん", 11, []string{"ようこそAmira", "Haddadさん"}},
		{"japanese full stop stays on its line", "ユキです。抹茶", 4, []string{"ユキで", "す。抹茶"}},
		{"japanese exclamation and small kana", "よろしくお願いします！ちょっと", 10, []string{"よろしくお願いしま", "す！ちょっと"}},
		{"arabic", "ابتداءً من ١ ديسمبر تفتح الساعة ٧:٣٠.", 16, []string{"ابتداءً من ١", "ديسمبر تفتح", "الساعة ٧:٣٠."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := breakLines(c.text, c.width, runeWidth); !slices.Equal(got, c.want) {
				t.Errorf("breakLines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

// TestBreakLines_LongWordIsLinear: a paragraph without spaces (Japanese)
// is one long word, broken rune by rune; the characters measured grow with
// its length, not with its square (the rest of the word was measured again
// for every line).
func TestBreakLines_LongWordIsLinear(t *testing.T) {
	measured := func(n int) int {
		total := 0
		count := func(s string) float32 { total += utf8.RuneCountInString(s); return runeWidth(s) }
		lines := breakLines(strings.Repeat("珈", n), 25, count)
		if len(lines) != (n+24)/25 {
			t.Fatalf("%d characters in %d lines, want %d", n, len(lines), (n+24)/25)
		}
		return total
	}
	small, large := measured(1_000), measured(10_000)
	if large > 12*small {
		t.Errorf("10,000 characters measured %d runes, 1,000 measured %d: %.1fx for 10x the text", large, small, float64(large)/float64(small))
	}
}

func TestTruncateLine(t *testing.T) {
	if got := truncateLine("one two three", 9, runeWidth); got != "one two…" {
		t.Errorf("truncateLine = %q", got)
	}
	if got := truncateLine("one two", 20, runeWidth); got != "one two" {
		t.Errorf("truncateLine = %q", got)
	}
}

// screenOrder is the order, left to right, in which Fyne shows a line from
// bidi.VisualLine: the groups of right-to-left letters between marks are shaped
// right to left, the rest drawn as it stands.
func screenOrder(vis string) string {
	var b strings.Builder
	for _, seg := range strings.Split(vis, uibidi.LRM) {
		rs := []rune(seg)
		if len(rs) > 0 && uibidi.IsRTLLetter(rs[0]) {
			slices.Reverse(rs)
		}
		b.WriteString(string(rs))
	}
	return b.String()
}

// readRTL reads a line shown left to right as a reader of a right-to-left
// paragraph does: from the right, but each number or Latin word (with the
// separators inside a number) from its left.
func readRTL(screen string) string {
	rs := []rune(screen)
	slices.Reverse(rs)
	ltr := func(i int) bool {
		p, _ := bidi.LookupRune(rs[i])
		switch p.Class() {
		case bidi.L, bidi.EN, bidi.AN:
			return true
		case bidi.CS, bidi.ES, bidi.ET:
			if i > 0 && i+1 < len(rs) {
				a, _ := bidi.LookupRune(rs[i-1])
				b, _ := bidi.LookupRune(rs[i+1])
				num := func(c bidi.Class) bool { return c == bidi.EN || c == bidi.AN }
				return num(a.Class()) && num(b.Class())
			}
		}
		return false
	}
	for i := 0; i < len(rs); {
		if !ltr(i) {
			i++
			continue
		}
		j := i
		for j < len(rs) && ltr(j) {
			j++
		}
		slices.Reverse(rs[i:j])
		i = j
	}
	return string(rs)
}

func TestParagraph_BreaksThenReorders(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name  string
		text  string
		rtl   bool
		width float32
	}{
		{"arabic with digits and a full stop", "ابتداءً من ١ ديسمبر تفتح الساعة ٧:٣٠ وتغلق الساعة ١٩:٠٠. أيام الأحد كما هي.", true, 200},
		{"arabic with latin digits", "نفتح في 8 صباحاً ونغلق في 20 مساءً كل يوم ما عدا يوم الجمعة 25.", true, 160},
		{"ltr text unchanged", "From 1 December we open at 7:30 and close at 19:00. Sundays stay the same.", false, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := NewParagraph(c.text, c.rtl)
			p.Resize(fyne.NewSize(c.width, p.MinSize().Height))
			r := test.TempWidgetRenderer(t, p)
			r.Layout(p.Size())
			lines := p.lineStrings(c.width)
			if len(lines) < 2 {
				t.Fatalf("%d line(s) at %v: %q", len(lines), c.width, lines)
			}
			if got := strings.Join(lines, " "); got != c.text {
				t.Errorf("the lines join to %q, want the text", got)
			}
			objs := r.Objects()
			if len(objs) != len(lines) {
				t.Fatalf("%d texts for %d lines", len(objs), len(lines))
			}
			pad := theme.Size(theme.SizeNameInnerPadding)
			for i, o := range objs {
				txt := o.(*canvas.Text)
				if c.rtl {
					if got := readRTL(screenOrder(txt.Text)); got != lines[i] {
						t.Errorf("line %d reads %q from the right, want %q", i, got, lines[i])
					}
					if right := txt.Position().X + txt.Size().Width; right < c.width-pad-1 || right > c.width-pad+1 {
						t.Errorf("line %d ends at %v, want %v (trailing)", i, right, c.width-pad)
					}
				} else {
					if txt.Text != lines[i] {
						t.Errorf("line %d is %q, want %q", i, txt.Text, lines[i])
					}
					if txt.Position().X != pad {
						t.Errorf("line %d starts at %v, want %v (leading)", i, txt.Position().X, pad)
					}
				}
			}
			if h := p.MinSize().Height; h < float32(len(lines))*objs[0].Size().Height {
				t.Errorf("min height %v is less than %d lines", h, len(lines))
			}
		})
	}
}

func TestParagraph_IsUserData(t *testing.T) {
	var o fyne.CanvasObject = NewParagraph("نص", true)
	if u, ok := o.(UserData); !ok || !u.IsUserData() {
		t.Error("a paragraph is not user data")
	}
}

func TestParagraph_Center(t *testing.T) {
	test.NewTempApp(t)
	p := NewParagraph("コードを見せてください", false)
	p.Center = true
	p.Resize(fyne.NewSize(400, p.MinSize().Height))
	r := test.TempWidgetRenderer(t, p)
	r.Layout(p.Size())
	txt := r.Objects()[0].(*canvas.Text)
	left, right := txt.Position().X, 400-(txt.Position().X+txt.Size().Width)
	if d := left - right; d < -1 || d > 1 {
		t.Errorf("line at %v..%v of 400 is not centred", left, 400-right)
	}
}
