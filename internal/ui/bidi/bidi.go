// Package bidi puts right-to-left text in the order Fyne must be given it to
// show it the way the Unicode bidirectional algorithm (UAX #9) says. It is
// pure Go, with no Fyne: the widgets of package ui call it.
//
// Fyne 2.7 draws the direction runs of a text left to right in logical order:
// it resolves directions with a left-to-right paragraph and shapes each run in
// its own direction, but does not reorder the runs. For a right-to-left
// paragraph with numbers, Latin names or punctuation in it, Visual returns the
// text with its runs already in visual order.
package bidi

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Dir is anything that knows the reading direction of the interface: an
// i18n.Localizer, a screen's Env, or a Direction.
type Dir interface {
	RTL() bool
}

// Direction is a fixed reading direction.
type Direction bool

// The two directions.
const (
	LeftToRight Direction = false
	RightToLeft Direction = true
)

// RTL reports whether d is right to left.
func (d Direction) RTL() bool { return bool(d) }

// IsRTL reports whether the paragraph direction of s is right to left, by the
// Unicode bidi rules P2 and P3: its first strong character, skipping what lies
// inside isolates, is of class R or AL (Arabic, Hebrew letters, but also the
// right-to-left mark RLM). A text with no strong character takes dflt.
//
// It is the one right-to-left test of the toolkit: the alignment of user
// content, the direction of a Paragraph and the reordering all use it.
func IsRTL(s string, dflt bool) bool {
	isolates := 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			isolates++
		case bidi.PDI:
			if isolates > 0 {
				isolates--
			}
		case bidi.L:
			if isolates == 0 {
				return false
			}
		case bidi.R, bidi.AL:
			if isolates == 0 {
				return true
			}
		}
	}
	return dflt
}

// Content is the direction of a piece of user content (a name, a title, a
// story): its own, from its first strong character (see IsRTL), whatever the
// language of the interface; a text without one takes the interface's, d.
func Content(d Dir, s string) Direction {
	return Direction(IsRTL(s, d.RTL()))
}

// visualMax is the longest text Visual reorders: Fyne wraps a label's text
// before it draws it, so a long paragraph reordered as one line would wrap
// with its end first. Short texts (dates, counts, buttons, headers) fit on
// one line, where the reordering is right; a Paragraph breaks long texts into
// lines first and reorders each with VisualLine.
const visualMax = 60

// Visual returns text shown in direction d (a translated message, perhaps
// with names or numbers in it) with its direction runs in visual order, so
// that Fyne shows "الجمعة، ٢٧ نوفمبر" or "عيد ميلاد سعيد يا Amira!" the way
// Arabic reads, and an Arabic name inside an English sentence the way the
// bidi algorithm shows it. With d right to left the paragraph is right to
// left, even when the text starts with a Latin name ("Amira Haddad · ٤
// ردود"). Text without right-to-left letters in a left-to-right paragraph
// and texts longer than a line are returned as they are: a Paragraph breaks
// long texts into lines first and reorders each with Line. For user
// content, pass Content(d, s) as the direction.
func Visual(d Dir, s string) string {
	if len([]rune(s)) > visualMax {
		return s
	}
	return Line(d, s)
}

// VisualLine is Line(RightToLeft, s).
func VisualLine(s string) string { return Line(RightToLeft, s) }

// Line reorders one line s, read as a paragraph of direction d, for Fyne,
// whatever its length: the characters in the order the bidi algorithm shows
// them (Display), left to right, except that each group of right-to-left
// letters (with the spaces between them) is kept in logical order for Fyne
// to shape and turn.
//
// Fyne 2.7 resolves every text as a left-to-right paragraph and draws its
// direction runs in logical order, turning a right-to-left run only piece by
// piece where its font changes (a "!" or "·" the Arabic font lacks splits
// it). So every group is fenced with left-to-right marks to make it a run of
// its own, and a mark first makes Fyne's paragraph left to right: the
// spaces, punctuation and numbers between the groups are then drawn where
// they stand. A left-to-right line without right-to-left letters is
// returned as it is.
func Line(d Dir, s string) string {
	rtl := d.RTL()
	if s == "" || !rtl && !hasRTLOrAN(s) {
		return s
	}
	if rtl && pureRTL(s) {
		return s
	}
	pixels := Glyphs(s, rtl)
	if !HasRTL(s) && glyphsString(pixels) == s && !numbersApart(pixels) {
		return s // a right-to-left line that shows as it is written
	}
	return Fence(pixels)
}

// Fence returns glyphs shown left to right (a line from Glyphs, or a piece
// of one) as the string Fyne must be given to draw them in that order: each
// group of right-to-left letters (with the spaces between them) back in
// logical order for Fyne to shape and turn, fenced with left-to-right
// marks; everything else as it stands, after a mark that makes Fyne's
// paragraph left to right.
func Fence(pixels []Glyph) string {
	var b strings.Builder
	b.WriteString(LRM)
	// inGroup reports whether the glyph at i belongs to a group: a
	// right-to-left letter, or a mark or space shown right to left.
	inGroup := func(i int) bool {
		g := pixels[i]
		return g.Level%2 == 1 && (IsRTLLetter(g.R) || g.R == ' ')
	}
	for i := 0; i < len(pixels); {
		if !inGroup(i) || !IsRTLLetter(pixels[i].R) {
			b.WriteRune(pixels[i].R)
			i++
			// Fyne would take the spaces between two Arabic-Indic numbers
			// as a right-to-left run: a mark after a number keeps them in
			// place.
			if isAN(pixels[i-1].R) && anAfterNeutrals(pixels[i:]) {
				b.WriteString(LRM)
			}
			continue
		}
		// A group: right-to-left letters and the spaces between them.
		j, end := i, i
		for j < len(pixels) && inGroup(j) {
			if IsRTLLetter(pixels[j].R) {
				end = j + 1
			}
			j++
		}
		group := pixels[i:end]
		if !strings.HasSuffix(b.String(), LRM) {
			b.WriteString(LRM)
		}
		for k := len(group) - 1; k >= 0; k-- {
			b.WriteRune(group[k].R)
		}
		b.WriteString(LRM)
		i = end
	}
	return b.String()
}

// anAfterNeutrals reports whether gs starts with neutrals (at least one)
// followed by an Arabic number.
func anAfterNeutrals(gs []Glyph) bool {
	for i, g := range gs {
		if isAN(g.R) {
			return i > 0
		}
		p, _ := bidi.LookupRune(g.R)
		switch p.Class() {
		case bidi.WS, bidi.ON, bidi.CS, bidi.ES, bidi.ET, bidi.BN:
		default:
			return false
		}
	}
	return false
}

// numbersApart reports whether two Arabic numbers in gs have only neutrals
// between them, which Fyne would show as a right-to-left run.
func numbersApart(gs []Glyph) bool {
	for i, g := range gs {
		if isAN(g.R) && anAfterNeutrals(gs[i+1:]) {
			return true
		}
	}
	return false
}

func glyphsString(gs []Glyph) string {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.R
	}
	return string(rs)
}

// isAN reports whether r is an Arabic number (Arabic-Indic digits and their
// separators).
func isAN(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.AN
}

// hasRTLOrAN reports whether s has a right-to-left letter or an Arabic
// number in it: the characters that make a left-to-right line show other
// than in logical order.
func hasRTLOrAN(s string) bool {
	for _, r := range s {
		if IsRTLLetter(r) || isAN(r) {
			return true
		}
	}
	return false
}

// HasRTL reports whether s has a right-to-left letter in it.
func HasRTL(s string) bool {
	for _, r := range s {
		if IsRTLLetter(r) {
			return true
		}
	}
	return false
}

// IsRTLLetter reports whether r is a right-to-left letter or a mark on one.
func IsRTLLetter(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL, bidi.NSM:
		return true
	}
	return false
}

// pureRTL reports whether s is right-to-left letters and the spaces between
// them only, which Fyne draws right as it is.
func pureRTL(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 || !IsRTLLetter(rs[0]) || !IsRTLLetter(rs[len(rs)-1]) {
		return false
	}
	for _, r := range rs {
		if !IsRTLLetter(r) && r != ' ' {
			return false
		}
	}
	return true
}

// LRM and RLM are the left-to-right and right-to-left marks: invisible,
// strong characters of their direction.
const (
	LRM = "\u200e"
	RLM = "\u200f"
)

// run is a run of one direction, in logical order.
type run struct {
	text string
	rtl  bool
}

// runsOf splits s into its direction runs, in logical order: in a right to
// left paragraph with rtl, else in the paragraph direction its first letter
// gives (left to right without one), as Fyne's shaper splits it.
func runsOf(s string, rtl bool) ([]run, bool) {
	if rtl {
		s = RLM + s // x/text takes the paragraph's direction from the first letter
	}
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		return nil, false
	}
	o, err := p.Order()
	if err != nil {
		return nil, false
	}
	runs := make([]run, 0, o.NumRuns())
	for i := range o.NumRuns() {
		r := o.Run(i)
		text := r.String()
		if rtl && i == 0 {
			text = strings.TrimPrefix(text, RLM)
		}
		if text != "" {
			runs = append(runs, run{text: text, rtl: r.Direction() == bidi.RightToLeft})
		}
	}
	return runs, true
}

// mirrorReverse returns s backwards with brackets mirrored: how a run reads
// inside right-to-left text.
func mirrorReverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	for i, r := range rs {
		rs[i] = mirror(r)
	}
	return string(rs)
}

// mirror returns the mirrored form of a paired bracket, r for anything else.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '«':
		return '»'
	case '»':
		return '«'
	case '<':
		return '>'
	case '>':
		return '<'
	}
	return r
}

// displayOrder is the order, left to right, in which the characters of s
// appear on screen: with rtl, as the bidi algorithm shows a right-to-left
// paragraph (runs in reverse order); without, as Fyne draws a label (runs in
// logical order, whatever the paragraph's direction). The characters of a
// right-to-left run are reversed and mirrored; marks are invisible and left
// out.
func displayOrder(s string, rtl bool) string {
	runs, ok := runsOf(s, rtl)
	if !ok {
		return s
	}
	if rtl {
		for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
			runs[i], runs[j] = runs[j], runs[i]
		}
	}
	var b strings.Builder
	for _, r := range runs {
		if r.rtl {
			b.WriteString(mirrorReverse(r.text))
		} else {
			b.WriteString(r.text)
		}
	}
	return strings.NewReplacer(LRM, "", RLM, "").Replace(b.String())
}
