package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/segmenter"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// Paragraph is a wrapping paragraph of user content laid out the way the
// Unicode bidi algorithm (UAX #9) says: the logical text is broken into lines
// that fit the width first, then each line is put in visual order (see
// bidi.VisualLine) and drawn from the paragraph's reading start. A widget.Label
// wraps after the text is reordered, which bidi.Visual can only do for short texts,
// so a long Arabic paragraph with digits or Latin words would show them (and
// its final full stop) in the wrong place.
type Paragraph struct {
	widget.BaseWidget

	Text      string
	TextStyle fyne.TextStyle
	// Spans, when set, are the text in styles (bold and italic words of a
	// Markdown body): Text is their concatenation.
	Spans []Span
	// RTL is the paragraph's direction: right to left reads from the right.
	RTL bool
	// MaxLines, when 1, keeps the paragraph on one line cut with an ellipsis
	// (for list rows). 0 wraps every line.
	MaxLines int
	// Secondary draws the text in the secondary text colour.
	Secondary bool
	// SizeName is the theme size of the text; empty is the text size.
	SizeName fyne.ThemeSizeName
	// Center centres every line instead of aligning it to the reading start.
	Center bool
	// Interface marks the text as translated interface text, not user
	// content (see IsUserData).
	Interface bool

	width float32 // the width of the last layout, for MinSize's height
}

// Span is a piece of a paragraph's text in one style.
type Span struct {
	Text  string
	Style fyne.TextStyle
}

// NewParagraph returns a paragraph of text in the given direction.
func NewParagraph(text string, rtl bool) *Paragraph {
	p := &Paragraph{Text: text, RTL: rtl}
	p.ExtendBaseWidget(p)
	return p
}

// IsUserData marks the paragraph as user content, unless it is Interface text.
func (p *Paragraph) IsUserData() bool { return !p.Interface }

// SetText changes the text and its direction.
func (p *Paragraph) SetText(text string, rtl bool) {
	p.Text, p.RTL, p.Spans = text, rtl, nil
	p.Refresh()
}

// SetSpans changes the text to styled spans in direction rtl.
func (p *Paragraph) SetSpans(spans []Span, rtl bool) {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	p.Text, p.RTL, p.Spans = b.String(), rtl, spans
	p.Refresh()
}

// styled is the text as runes with the style of each.
func (p *Paragraph) styled() ([]rune, []fyne.TextStyle) {
	if len(p.Spans) == 0 {
		rs := []rune(p.Text)
		st := make([]fyne.TextStyle, len(rs))
		for i := range st {
			st[i] = p.TextStyle
		}
		return rs, st
	}
	var rs []rune
	var st []fyne.TextStyle
	for _, sp := range p.Spans {
		for _, r := range sp.Text {
			rs = append(rs, r)
			style := sp.Style
			style.Bold = style.Bold || p.TextStyle.Bold
			style.Italic = style.Italic || p.TextStyle.Italic
			st = append(st, style)
		}
	}
	return rs, st
}

// measureRange measures runes rs[i:j], piece by piece where the style
// changes.
func (p *Paragraph) measureRange(rs []rune, st []fyne.TextStyle, i, j int) float32 {
	var w float32
	for k := i; k < j; {
		e := k
		for e < j && st[e] == st[k] {
			e++
		}
		w += fyne.MeasureText(string(rs[k:e]), p.textSize(), st[k]).Width
		k = e
	}
	return w
}

// CreateRenderer lays the lines out.
func (p *Paragraph) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	return &paragraphRenderer{p: p}
}

// textSize is the theme's text size.
func (p *Paragraph) textSize() float32 {
	if p.SizeName != "" {
		return p.Theme().Size(p.SizeName)
	}
	return p.Theme().Size(theme.SizeNameText)
}

func (p *Paragraph) measure(s string) float32 {
	return fyne.MeasureText(s, p.textSize(), p.TextStyle).Width
}

// lines breaks the text for a width of w (the whole widget) and returns the
// lines in logical order, as ranges of the text's runes (an ellipsis is
// added to a cut line by the renderer).
func (p *Paragraph) lines(w float32) (lines []lineRange, rs []rune, st []fyne.TextStyle) {
	rs, st = p.styled()
	pad := p.Theme().Size(theme.SizeNameInnerPadding)
	avail := w - 2*pad
	if w <= 0 {
		avail = 0 // not laid out yet: one line per hard line
	}
	measure := func(i, j int) float32 { return p.measureRange(rs, st, i, j) }
	if p.MaxLines == 1 {
		return []lineRange{truncateRunes(rs, avail, measure, p.measure("…"))}, rs, st
	}
	return breakRunes(rs, avail, measure), rs, st
}

// lineStrings is the text of each line at width w, in logical order.
func (p *Paragraph) lineStrings(w float32) []string {
	lines, rs, _ := p.lines(w)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = string(rs[l.start:l.end])
	}
	return out
}

// lineRange is a line: the runes [start, end) of the text, cut with an
// ellipsis when cut is set.
type lineRange struct {
	start, end int
	cut        bool
}

// breakLines breaks text into lines at most width wide as measured (see
// breakRunes).
func breakLines(text string, width float32, measure func(string) float32) []string {
	rs := []rune(text)
	var out []string
	for _, l := range breakRunes(rs, width, func(i, j int) float32 { return measure(string(rs[i:j])) }) {
		out = append(out, string(rs[l.start:l.end]))
	}
	return out
}

// breakRunes breaks rs into lines at most width wide as measured: at
// newlines, and greedily at the line-break opportunities of UAX #14
// (go-text's segmenter): after spaces, between ideographs, never inside a
// Latin word, never before "。", "、", "！" or a small kana, never after an
// opening bracket. A piece longer than a line is broken by rune. Spaces at
// the end of a line are left out of it. A width of 0 or less breaks at
// newlines only.
func breakRunes(rs []rune, width float32, measure func(i, j int) float32) []lineRange {
	var out []lineRange
	start := 0
	for start <= len(rs) {
		end := start
		for end < len(rs) && rs[end] != '\n' {
			end++
		}
		out = append(out, breakHard(rs, start, end, width, measure)...)
		start = end + 1
	}
	return out
}

// breakHard breaks the hard line rs[start:end] (no newline in it).
func breakHard(rs []rune, start, end int, width float32, measure func(i, j int) float32) []lineRange {
	if width <= 0 || measure(start, end) <= width {
		return []lineRange{{start: start, end: trimEnd(rs, start, end)}}
	}
	var seg segmenter.Segmenter
	seg.Init(rs[start:end])
	it := seg.LineIterator()
	var out []lineRange
	line := start // start of the current line
	for it.Next() {
		piece := it.Line()
		ps, pe := start+piece.Offset, start+piece.Offset+len(piece.Text)
		if measure(line, trimEnd(rs, line, pe)) <= width {
			continue // the piece fits on the line
		}
		if ps > line {
			out = append(out, lineRange{start: line, end: trimEnd(rs, line, ps)})
			line = ps
		}
		// The piece alone: break it by rune while it is too wide.
		for measure(line, trimEnd(rs, line, pe)) > width && trimEnd(rs, line, pe)-line > 1 {
			n := line + 1
			for n < pe && measure(line, n+1) <= width {
				n++
			}
			out = append(out, lineRange{start: line, end: n})
			line = n
		}
	}
	return append(out, lineRange{start: line, end: trimEnd(rs, line, end)})
}

// trimEnd is end moved back over the spaces that end rs[start:end].
func trimEnd(rs []rune, start, end int) int {
	for end > start && rs[end-1] == ' ' {
		end--
	}
	return end
}

// truncateRunes is the first line of rs that fits width, cut (to leave room
// for an ellipsis ell wide) when the rest does not fit.
func truncateRunes(rs []rune, width float32, measure func(i, j int) float32, ell float32) lineRange {
	end := 0
	for end < len(rs) && rs[end] != '\n' {
		end++
	}
	if width <= 0 || measure(0, end) <= width && end == len(rs) {
		return lineRange{start: 0, end: end}
	}
	lines := breakHard(rs, 0, end, width-ell, measure)
	return lineRange{start: 0, end: lines[0].end, cut: true}
}

// truncateLine is the first line of text that fits width, cut with an
// ellipsis when the rest does not fit.
func truncateLine(text string, width float32, measure func(string) float32) string {
	rs := []rune(text)
	l := truncateRunes(rs, width, func(i, j int) float32 { return measure(string(rs[i:j])) }, measure("…"))
	if l.cut {
		return string(rs[l.start:l.end]) + "…"
	}
	return string(rs[l.start:l.end])
}

// paragraphMinEms is a small minimum width, in text sizes: a paragraph breaks long words anyway.
const paragraphMinEms = 6

type paragraphRenderer struct {
	p     *Paragraph
	texts []*canvas.Text // the pieces of every line, left to right
	lines int            // lines of the last layout
	size  fyne.Size
}

func (r *paragraphRenderer) lineHeight() float32 {
	return fyne.MeasureText("M", r.p.textSize(), r.p.TextStyle).Height
}

func (r *paragraphRenderer) height(n int) float32 {
	th := r.p.Theme()
	if n < 1 {
		n = 1
	}
	return float32(n)*r.lineHeight() + 2*th.Size(theme.SizeNameInnerPadding)
}

// MinSize is the longest word wide (at most a few ems, or an ellipsis for one
// line) and as high as the lines at the last laid-out width.
func (r *paragraphRenderer) MinSize() fyne.Size {
	p := r.p
	pad := p.Theme().Size(theme.SizeNameInnerPadding)
	var w float32
	if p.MaxLines == 1 {
		w = p.measure("…")
	} else {
		for _, word := range strings.Fields(p.Text) {
			w = max(w, p.measure(word))
		}
		w = min(w, paragraphMinEms*p.textSize())
	}
	lines, _, _ := p.lines(p.width)
	return fyne.NewSize(w+2*pad, r.height(len(lines)))
}

func (r *paragraphRenderer) Layout(s fyne.Size) {
	r.size = s
	before := r.lines
	r.p.width = s.Width
	r.build()
	if r.lines != before {
		// The height follows the width, as a wrapping label's does: the
		// refresh has the canvas check the minimum size again.
		canvas.Refresh(r.p)
	}
}

// piece is a part of a line in one style, in the order it is shown.
type piece struct {
	text  string // for Fyne (see bidi.Fence)
	style fyne.TextStyle
}

// pieces puts line l in visual order by the bidi algorithm and cuts it
// where the style changes.
func (p *Paragraph) pieces(rs []rune, st []fyne.TextStyle, l lineRange) []piece {
	line := string(rs[l.start:l.end])
	styles := st[l.start:l.end]
	if l.cut {
		line += "…"
		last := p.TextStyle
		if len(styles) > 0 {
			last = styles[len(styles)-1]
		}
		styles = append(styles[:len(styles):len(styles)], last)
	}
	if line == "" {
		return nil
	}
	gs := bidi.Glyphs(line, p.RTL)
	var out []piece
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && styles[gs[j].Index] == styles[gs[i].Index] {
			j++
		}
		text := bidi.Fence(gs[i:j])
		if !p.RTL && !bidi.HasRTL(line) && len(out) == 0 && j == len(gs) {
			text = line // left-to-right text without right-to-left letters: as it is
		}
		out = append(out, piece{text: text, style: styles[gs[i].Index]})
		i = j
	}
	return out
}

// build makes canvas texts for the pieces of every line, in visual order,
// aligned to the reading start.
func (r *paragraphRenderer) build() {
	p := r.p
	th := p.Theme()
	v := theme.VariantLight
	if a := fyne.CurrentApp(); a != nil {
		v = a.Settings().ThemeVariant()
	}
	col := th.Color(theme.ColorNameForeground, v)
	if p.Secondary {
		col = uitheme.SecondaryTextColor(th, v)
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	step := r.lineHeight() // as a wrapping label spaces its lines
	lines, rs, st := p.lines(r.size.Width)
	r.lines = len(lines)
	n := 0
	for i, l := range lines {
		ps := p.pieces(rs, st, l)
		first := n
		var x float32
		for _, pc := range ps {
			if n == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", col))
			}
			t := r.texts[n]
			n++
			t.Text = pc.text
			t.Color = col
			t.TextSize = p.textSize()
			t.TextStyle = pc.style
			min := t.MinSize()
			t.Move(fyne.NewPos(x, pad+float32(i)*step))
			t.Resize(min)
			x += fyne.MeasureText(pc.text, t.TextSize, pc.style).Width
		}
		// Align the line to the reading start.
		off := pad
		switch {
		case p.Center:
			off = (r.size.Width - x) / 2
		case p.RTL:
			off = r.size.Width - pad - x
		}
		for _, t := range r.texts[first:n] {
			t.Move(t.Position().AddXY(off, 0))
			t.Refresh()
		}
	}
	r.texts = r.texts[:n]
}

func (r *paragraphRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.p)
}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.texts))
	for i, t := range r.texts {
		objs[i] = t
	}
	return objs
}

func (r *paragraphRenderer) Destroy() {}

// NewContentText is a wrapping paragraph of user content (a story's body,
// an event's description) aligned to the start of its own direction: a
// Paragraph where the interface is right to left or the text needs the
// toolkit's layout (right-to-left letters, Arabic-Indic digits, CJK: see
// needsLayout), so that a long text is broken by UAX #14 and reordered line
// by line, else a content label.
func NewContentText(d bidi.Dir, text string) fyne.CanvasObject {
	if !d.RTL() && !needsLayout(text) {
		return NewContentLabel(d, text, false)
	}
	return NewParagraph(text, bidi.IsRTL(text, d.RTL()))
}

// NewContentRow is the one-line excerpt of a list row: a Paragraph cut with
// an ellipsis, in the direction of its text, so that an Arabic excerpt on an
// English screen is cut at its logical end and reads in order. Set it with
// SetRowContent.
func NewContentRow(d bidi.Dir) fyne.CanvasObject {
	p := NewParagraph("", d.RTL())
	p.MaxLines = 1
	return p
}

// NewFaintLine is one line of secondary interface text in the reading
// direction, cut with an ellipsis at its logical end: a list row's meta line
// ("Lucía Fernández · 4 replies · 20 days ago"). A label cut after the bidi
// reordering loses the start of an Arabic line instead ("… – Lucía Ferná").
// Set it with SetLine.
func NewFaintLine(d bidi.Dir) *Paragraph {
	p := NewParagraph("", d.RTL())
	p.MaxLines, p.Secondary, p.Interface = 1, true, true
	return p
}

// SetRowContent sets the text of a NewContentRow, by its own direction.
func SetRowContent(d bidi.Dir, o fyne.CanvasObject, text string) {
	o.(*Paragraph).SetText(text, bidi.IsRTL(text, d.RTL()))
}
