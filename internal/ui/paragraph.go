package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	// RTL is the paragraph's direction: right to left reads from the right.
	RTL bool
	// MaxLines, when 1, keeps the paragraph on one line cut with an ellipsis
	// (for list rows). 0 wraps every line.
	MaxLines int
	// Secondary draws the text in the secondary text colour.
	Secondary bool

	width float32 // the width of the last layout, for MinSize's height
	// laid is the last line breaking, reused while nothing it depends on
	// changed: MinSize and Layout ask for it many times a frame.
	laid layoutCache
}

type layoutCache struct {
	text          string
	width, size   float32
	style         fyne.TextStyle
	maxLines      int
	lines         []string
	minWidth      float32 // the longest word, measured
	minWidthFor   string  // the text minWidth was measured for
	minWidthSize  float32
	minWidthStyle fyne.TextStyle
}

// NewParagraph returns a paragraph of text in the given direction.
func NewParagraph(text string, rtl bool) *Paragraph {
	p := &Paragraph{Text: text, RTL: rtl}
	p.ExtendBaseWidget(p)
	return p
}

// IsUserData marks the paragraph as user content.
func (p *Paragraph) IsUserData() bool { return true }

// SetText changes the text and its direction.
func (p *Paragraph) SetText(text string, rtl bool) {
	p.Text, p.RTL = text, rtl
	p.Refresh()
}

// CreateRenderer lays the lines out.
func (p *Paragraph) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	return &paragraphRenderer{p: p}
}

// textSize is the theme's text size.
func (p *Paragraph) textSize() float32 {
	return p.Theme().Size(theme.SizeNameText)
}

func (p *Paragraph) measure(s string) float32 {
	return fyne.MeasureText(s, p.textSize(), p.TextStyle).Width
}

// lines breaks the text for a width of w (the whole widget) and returns the
// lines in logical order.
func (p *Paragraph) lines(w float32) []string {
	c := &p.laid
	size := p.textSize()
	if c.lines != nil && c.text == p.Text && c.width == w && c.size == size && c.style == p.TextStyle && c.maxLines == p.MaxLines {
		return c.lines
	}
	lines := p.breakText(w)
	*c = layoutCache{text: p.Text, width: w, size: size, style: p.TextStyle, maxLines: p.MaxLines, lines: lines,
		minWidth: c.minWidth, minWidthFor: c.minWidthFor, minWidthSize: c.minWidthSize, minWidthStyle: c.minWidthStyle}
	return lines
}

// longestWord is the width of the widest word of the text.
func (p *Paragraph) longestWord() float32 {
	c := &p.laid
	size := p.textSize()
	if c.minWidthFor == p.Text && c.minWidthSize == size && c.minWidthStyle == p.TextStyle && p.Text != "" {
		return c.minWidth
	}
	var w float32
	for _, word := range strings.Fields(p.Text) {
		w = max(w, p.measure(word))
	}
	c.minWidth, c.minWidthFor, c.minWidthSize, c.minWidthStyle = w, p.Text, size, p.TextStyle
	return w
}

func (p *Paragraph) breakText(w float32) []string {
	pad := p.Theme().Size(theme.SizeNameInnerPadding)
	avail := w - 2*pad
	if w <= 0 {
		avail = 0 // not laid out yet: one line per hard line
	}
	if p.MaxLines == 1 {
		return []string{truncateLine(p.Text, avail, p.measure)}
	}
	return breakLines(p.Text, avail, p.measure)
}

// breakLines breaks text into lines at most width wide as measured: greedy
// on spaces, at newlines, and rune by rune inside a word longer than a line.
// A width of 0 or less breaks at newlines only.
func breakLines(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, hard := range strings.Split(text, "\n") {
		if width <= 0 {
			out = append(out, hard)
			continue
		}
		line := ""
		for _, word := range strings.Split(hard, " ") {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if measure(cand) <= width {
				line = cand
				continue
			}
			if line != "" {
				out = append(out, line)
				line = ""
			}
			// The word alone: break it by rune while it is too wide. Only
			// the line being filled is measured, never the rest of the word
			// (a Japanese paragraph is one word): the cost is linear.
			if measure(word) > width {
				rs := []rune(word)
				for len(rs) > 1 {
					n := 1
					for n < len(rs) && measure(string(rs[:n+1])) <= width {
						n++
					}
					if n == len(rs) {
						break // the rest fits
					}
					out = append(out, string(rs[:n]))
					rs = rs[n:]
				}
				word = string(rs)
			}
			line = word
		}
		out = append(out, line)
	}
	return out
}

// truncateLine is the first line of text that fits width, cut with an
// ellipsis when the rest does not fit.
func truncateLine(text string, width float32, measure func(string) float32) string {
	first := text
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	if width <= 0 || measure(first) <= width && len(first) == len(text) {
		return first
	}
	const ell = "…"
	lines := breakLines(first, width-measure(ell), measure)
	if len(lines) == 0 {
		return ell
	}
	return strings.TrimRight(lines[0], " ") + ell
}

// paragraphMinEms is a small minimum width, in text sizes: a paragraph breaks long words anyway.
const paragraphMinEms = 6

type paragraphRenderer struct {
	p     *Paragraph
	texts []*canvas.Text
	lines []string // logical lines of the last layout
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
		w = min(p.longestWord(), paragraphMinEms*p.textSize())
	}
	return fyne.NewSize(w+2*pad, r.height(len(p.lines(p.width))))
}

func (r *paragraphRenderer) Layout(s fyne.Size) {
	r.size = s
	before := len(r.lines)
	r.p.width = s.Width
	r.build()
	if len(r.lines) != before {
		// The height follows the width, as a wrapping label's does: the
		// refresh has the canvas check the minimum size again.
		canvas.Refresh(r.p)
	}
}

// build makes one canvas.Text per line, in visual order, aligned to the
// reading start.
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
	r.lines = p.lines(r.size.Width)
	for len(r.texts) < len(r.lines) {
		r.texts = append(r.texts, canvas.NewText("", col))
	}
	r.texts = r.texts[:len(r.lines)]
	for i, line := range r.lines {
		t := r.texts[i]
		if p.RTL {
			line = bidi.VisualLine(line)
		}
		t.Text = line
		t.Color = col
		t.TextSize = p.textSize()
		t.TextStyle = p.TextStyle
		min := t.MinSize()
		x := pad
		if p.RTL {
			x = r.size.Width - pad - min.Width
		}
		t.Move(fyne.NewPos(x, pad+float32(i)*step))
		t.Resize(min)
		t.Refresh()
	}
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
// Paragraph where the text or the interface is right to left, so that a long
// mixed-direction text is reordered line by line, else a content label.
func NewContentText(d bidi.Dir, text string) fyne.CanvasObject {
	rtl := bidi.IsRTL(text, d.RTL())
	if !rtl && !d.RTL() {
		return NewContentLabel(d, text, false)
	}
	return NewParagraph(text, rtl)
}

// NewContentRow is the one-line excerpt of a list row: a Paragraph cut with
// an ellipsis for a right-to-left interface, else a data line. Set it with
// SetRowContent.
func NewContentRow(d bidi.Dir) fyne.CanvasObject {
	if !d.RTL() {
		return NewDataLine(d, false)
	}
	p := NewParagraph("", true)
	p.MaxLines = 1
	return p
}

// SetRowContent sets the text of a NewContentRow, by its own direction.
func SetRowContent(d bidi.Dir, o fyne.CanvasObject, text string) {
	switch x := o.(type) {
	case *Paragraph:
		x.SetText(text, bidi.IsRTL(text, d.RTL()))
	case *DataLabel:
		x.SetContent(d, text)
	}
}
