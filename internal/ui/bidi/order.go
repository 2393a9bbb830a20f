package bidi

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

// Levels returns the embedding level of each rune of one line s in a
// paragraph of the given direction, by UAX #9 for text without explicit
// embeddings or isolates (the app never writes them; a user's are shown, not
// obeyed): x/text resolves the direction of every rune (rules W, N and I,
// L1), and the numbers that rule I1 lifts to level 2 in a left-to-right
// paragraph (European digits after right-to-left letters, Arabic-Indic
// digits) are found by the weak rules W1 to W7 here, since x/text only
// reports directions.
func Levels(s string, rtl bool) []int {
	rs := []rune(s)
	if len(rs) == 0 {
		return nil
	}
	dirs, ok := directions(rs, rtl)
	levels := make([]int, len(rs))
	if !ok {
		for i := range levels {
			levels[i] = base(rtl)
		}
		return levels
	}
	weak := weakTypes(rs)
	for i := range rs {
		switch {
		case rtl && dirs[i]:
			levels[i] = 1
		case rtl:
			levels[i] = 2
		case dirs[i]:
			levels[i] = 1
		case weak[i] == bidi.EN || weak[i] == bidi.AN:
			levels[i] = 2
		}
	}
	return levels
}

func base(rtl bool) int {
	if rtl {
		return 1
	}
	return 0
}

// directions reports, rune by rune, whether x/text's bidi algorithm shows s
// right to left in a paragraph of the given direction.
func directions(rs []rune, rtl bool) ([]bool, bool) {
	s := string(rs)
	if rtl {
		s = RLM + s // x/text takes the paragraph's direction from the first letter
	} else {
		s = LRM + s
	}
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		return nil, false
	}
	o, err := p.Order()
	if err != nil {
		return nil, false
	}
	out := make([]bool, 0, len(rs)+1)
	for i := range o.NumRuns() {
		r := o.Run(i)
		n := len([]rune(r.String()))
		for range n {
			out = append(out, r.Direction() == bidi.RightToLeft)
		}
	}
	if len(out) != len(rs)+1 {
		return nil, false
	}
	return out[1:], true
}

// weakTypes resolves the weak types of rs by rules W1 to W7 of UAX #9 in a
// left-to-right paragraph (sos is L): what is EN or AN afterwards is a
// number, raised to level 2 by I1.
func weakTypes(rs []rune) []bidi.Class {
	t := make([]bidi.Class, len(rs))
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		t[i] = p.Class()
	}
	// W1: a mark takes the type of what it marks.
	for i := range t {
		if t[i] == bidi.NSM {
			if i == 0 {
				t[i] = bidi.L
			} else {
				t[i] = t[i-1]
			}
		}
	}
	// W2: European digits after Arabic letters are Arabic numbers. W3: AL
	// is R.
	last := bidi.L
	for i := range t {
		switch t[i] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[i]
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i := range t {
		if t[i] == bidi.AL {
			t[i] = bidi.R
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < len(t); i++ {
		switch {
		case t[i] == bidi.ES && t[i-1] == bidi.EN && t[i+1] == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && t[i-1] == t[i+1] && (t[i-1] == bidi.EN || t[i-1] == bidi.AN):
			t[i] = t[i-1]
		}
	}
	// W5: terminators next to European digits are European digits.
	for i := 0; i < len(t); {
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if i > 0 && t[i-1] == bidi.EN || j < len(t) && t[j] == bidi.EN {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
	// W6: other separators and terminators are neutral.
	for i := range t {
		switch t[i] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[i] = bidi.ON
		}
	}
	// W7: European digits after Latin letters (or at the start of a
	// left-to-right paragraph) are Latin.
	last = bidi.L
	for i := range t {
		switch t[i] {
		case bidi.L, bidi.R:
			last = t[i]
		case bidi.EN:
			if last == bidi.L {
				t[i] = bidi.L
			}
		}
	}
	return t
}

// Display returns one line s as the bidi algorithm shows it in a paragraph
// of the given direction: its characters left to right on the screen (rule
// L2), brackets in right-to-left runs mirrored (L4), the marks LRM and RLM
// left out. It is the reference the toolkit's reordering and its tests are
// checked against.
func Display(s string, rtl bool) string {
	out := make([]rune, 0, len(s))
	for _, g := range Glyphs(s, rtl) {
		out = append(out, g.R)
	}
	return string(out)
}

// Glyph is a rune where the bidi algorithm shows it.
type Glyph struct {
	R     rune // mirrored at an odd level
	Level int
	Index int // of the rune in the line
}

// Glyphs is Display with the level and the logical index of every rune.
func Glyphs(s string, rtl bool) []Glyph {
	rs := []rune(s)
	levels := Levels(s, rtl)
	idx := make([]int, len(rs))
	for i := range idx {
		idx[i] = i
	}
	hi, lowOdd := 0, 99
	for _, l := range levels {
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// sequence of runes at that level or higher.
	for lvl := hi; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(idx); {
			if levels[idx[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(idx) && levels[idx[j]] >= lvl {
				j++
			}
			slices.Reverse(idx[i:j])
			i = j
		}
	}
	out := make([]Glyph, 0, len(rs))
	for _, i := range idx {
		r := rs[i]
		if string(r) == LRM || string(r) == RLM {
			continue
		}
		if levels[i]%2 == 1 {
			r = mirror(r)
		}
		out = append(out, Glyph{R: r, Level: levels[i], Index: i})
	}
	return out
}
