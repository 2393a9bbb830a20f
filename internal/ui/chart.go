package ui

import (
	"image/color"
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// ChartKind is how a chart draws its points.
type ChartKind int

const (
	// BarChart draws one horizontal bar per point under its name, growing
	// from the reading start (the right in right to left), with the
	// point's text just past the bar's end.
	BarChart ChartKind = iota
	// LineChart draws points joined by lines over a vertical value axis,
	// in the reading direction (time flows with it), each name under its
	// point and each text over it.
	LineChart
)

// ChartPoint is one value of a chart with its name and the text written
// next to it (already formatted in the user's language). A bar's length is
// proportional to Value: Text must state that value (a count, a share).
type ChartPoint struct {
	Label string
	Value float64
	Text  string
	// Mark is the viewer's own point (their vote): the name in bold, after
	// a check mark in the accent colour.
	Mark bool
}

// ChartAxis is a chart's value axis: ticks at round values, written by
// Format (through the Localizer: its digits, a percent sign), and the unit
// of the values (a translated title: "members", "seats filled"). A chart
// whose axis has no Format draws none.
type ChartAxis struct {
	Unit   string
	Format func(v float64) string
	// Whole keeps the ticks on whole numbers (counts).
	Whole bool
}

// Chart is a small bar or line chart drawn with canvas rectangles and lines
// in the theme's colours, with a value axis and every value also written as
// text, so the chart reads without the picture. Names are shown whole,
// wrapped over as many lines as they need, never cut.
type Chart struct {
	widget.BaseWidget
	kind   ChartKind
	points []ChartPoint
	// Min and Max are the value range; when equal it is taken from the
	// points (and zero) and rounded out to the axis's ticks.
	Min, Max float64
	// Axis is the value axis; see ChartAxis.
	Axis ChartAxis
	// Tracks draws each bar over a track the length of the whole range (a
	// share of a whole, such as a poll's votes).
	Tracks bool
	rtl    bool
	width  float32 // of the last layout: the names wrap to it
}

// NewChart returns a chart of points, laid out in the reading direction of d.
func NewChart(kind ChartKind, points []ChartPoint, d bidi.Dir) *Chart {
	c := &Chart{kind: kind, points: points, rtl: d.RTL()}
	c.ExtendBaseWidget(c)
	return c
}

// IsUserData tells the pseudo-locale test to skip the chart: it writes
// figures (formatted by the Localizer) and names from the data (tiers,
// events, polls), not interface text.
func (c *Chart) IsUserData() bool { return true }

// Points are the chart's points.
func (c *Chart) Points() []ChartPoint { return c.points }

// SetPoints replaces the points and redraws.
func (c *Chart) SetPoints(points []ChartPoint) {
	c.points = points
	c.Refresh()
}

// CreateRenderer builds the chart's renderer.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{c: c}
}

// chartRenderer draws a chart. Layout makes the canvas objects afresh (a
// chart has a few dozen): how many lines a name takes, and which ticks fit,
// depend on the size.
type chartRenderer struct {
	c *Chart
	// What the last layout drew, kept for the tests.
	bars    []*canvas.Rectangle // bar charts: one per point
	tracks  []*canvas.Rectangle // with Tracks: one per point
	dots    []*canvas.Circle    // line charts: one per point
	segs    []*canvas.Line      // line charts: between the dots
	values  []*canvas.Text      // one per point
	labels  [][]*canvas.Text    // each point's name, line by line
	names   [][]string          // the same lines in logical order
	ticks   []drawnTick
	unit    *canvas.Text // the axis's unit, when it has one
	objects []fyne.CanvasObject
	height  float32 // the height the last layout needed
}

// drawnTick is a tick of the value axis: its value, its text and its grid
// line across the plot.
type drawnTick struct {
	value float64
	text  *canvas.Text
	grid  *canvas.Line
}

// chartStyle is what a chart draws with, from its theme.
type chartStyle struct {
	fg, faint, accent, grid, track color.Color
	text, caption, pad             float32
}

func (r *chartRenderer) style() chartStyle {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	return chartStyle{
		fg: th.Color(theme.ColorNameForeground, v), faint: uitheme.SecondaryTextColor(th, v),
		accent: th.Color(theme.ColorNamePrimary, v), grid: th.Color(theme.ColorNameSeparator, v),
		track: th.Color(theme.ColorNameInputBackground, v),
		text:  th.Size(theme.SizeNameText), caption: th.Size(theme.SizeNameCaptionText), pad: th.Size(theme.SizeNameInnerPadding),
	}
}

// span returns the values' range, always including zero (before it is
// rounded out to the ticks), and whether Min and Max fixed it.
func (r *chartRenderer) span() (lo, hi float64, fixed bool) {
	lo, hi = r.c.Min, r.c.Max
	fixed = lo != hi
	if !fixed {
		lo, hi = 0, 0
		for _, p := range r.c.points {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	return lo, hi, fixed
}

// maxIntervals is the most steps between ticks an axis shows.
const maxIntervals = 5

// scale returns the range the chart shows and the ticks of its axis (none
// without an axis): the smallest step of 1, 2 or 5 times a power of ten
// that leaves at most maxIntervals steps and for which fits (the ticks'
// texts have room on the axis) holds. An unfixed range is rounded out to
// whole steps, so that the longest bar ends on a tick or before one.
func (r *chartRenderer) scale(fits func(lo, hi float64, ticks []float64) bool) (lo, hi float64, ticks []float64) {
	lo, hi, fixed := r.span()
	if r.c.Axis.Format == nil {
		return lo, hi, nil
	}
	var last struct {
		lo, hi float64
		ticks  []float64
	}
	for k := math.Floor(math.Log10(hi-lo)) - 2; k <= math.Floor(math.Log10(hi-lo))+1; k++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, k)
			if r.c.Axis.Whole && step < 1 {
				continue
			}
			l, h := lo, hi
			if !fixed {
				l, h = math.Floor(lo/step+1e-9)*step, math.Ceil(hi/step-1e-9)*step
			}
			if (h-l)/step > maxIntervals+1e-9 {
				continue
			}
			var ts []float64
			for i := math.Ceil(l/step - 1e-9); i*step <= h+step*1e-9; i++ {
				ts = append(ts, i*step)
			}
			last.lo, last.hi, last.ticks = l, h, ts
			if fits(l, h, ts) {
				return l, h, ts
			}
		}
	}
	// Nothing fits: the two ends of the largest step tried.
	return last.lo, last.hi, []float64{last.lo, last.hi}
}

// Layout draws the chart inside an inset of the inner padding on either
// side, so that names and ticks line up with the labels around it.
func (r *chartRenderer) Layout(size fyne.Size) {
	before := r.height
	inset := r.style().pad
	inner := max(size.Width-2*inset, 0)
	r.c.width = inner
	r.bars, r.tracks, r.dots, r.segs, r.values, r.labels, r.names, r.ticks, r.unit = nil, nil, nil, nil, nil, nil, nil, nil, nil
	r.objects = nil
	if len(r.c.points) > 0 {
		if r.c.kind == BarChart {
			r.layoutBars(inner)
		} else {
			r.layoutLine(fyne.NewSize(inner, size.Height))
		}
	}
	for _, o := range r.objects {
		if l, ok := o.(*canvas.Line); ok {
			l.Position1.X += inset
			l.Position2.X += inset
		} else {
			o.Move(o.Position().AddXY(inset, 0))
		}
	}
	if r.height != before {
		// The height follows the width (names wrap), as a wrapping label's
		// does: the refresh has the canvas check the minimum size again.
		canvas.Refresh(r.c)
	}
}

// MinSize is a few ems wide (names wrap) and as high as the last layout
// needed: the names wrapped to its width.
func (r *chartRenderer) MinSize() fyne.Size {
	st := r.style()
	if len(r.c.points) == 0 {
		return fyne.NewSize(0, 0)
	}
	if r.c.kind == LineChart {
		slot := fyne.MeasureText("0000", st.caption, fyne.TextStyle{}).Width
		return fyne.NewSize(slot*float32(len(r.c.points)+1)+2*st.pad, r.lineHeight(r.c.width))
	}
	return fyne.NewSize(8*st.text+2*st.pad, r.barsHeight(r.c.width))
}

func (r *chartRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// newText is a canvas text of one line of s: interface text, or a line of a
// name, in visual order by the direction of whole (its own; the chart's
// when it has no letters), so that "نوفمبر ٢٠٢٦" shows the year left of the
// month.
func (r *chartRenderer) newText(s, whole string, size float32, c color.Color, style fyne.TextStyle) *canvas.Text {
	t := canvas.NewText(bidi.Line(bidi.Content(bidi.Direction(r.c.rtl), whole), s), c)
	t.TextSize = size
	t.TextStyle = style
	r.objects = append(r.objects, t)
	return t
}

// place puts t on one line at y, its box from x to x+w, aligned as given.
func place(t *canvas.Text, x, y, w, h float32, align fyne.TextAlign) {
	t.Alignment = align
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(w, h))
}

// textWidth is how wide s is drawn.
func textWidth(s string, size float32, style fyne.TextStyle) float32 {
	return fyne.MeasureText(s, size, style).Width
}

// wrap breaks a name into lines at most w wide (UAX #14, see breakLines),
// keeping a number with the ideograph after it ("2026年", "10月"), which
// UAX #14 would part.
func wrap(s string, w, size float32, style fyne.TextStyle) []string {
	lines := breakLines(joinCounters(s), w, func(x string) float32 {
		return textWidth(strings.ReplaceAll(x, wordJoiner, ""), size, style)
	})
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, wordJoiner, "")
	}
	return lines
}

// wordJoiner forbids a line break where it stands (UAX #14 WJ).
const wordJoiner = "\u2060"

// joinCounters puts a word joiner between a digit and a Han or kana letter
// after it.
func joinCounters(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if unicode.IsDigit(prev) && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			b.WriteString(wordJoiner)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// tickTexts formats ticks.
func (r *chartRenderer) tickTexts(ticks []float64) []string {
	out := make([]string, len(ticks))
	for i, v := range ticks {
		out[i] = r.c.Axis.Format(v)
	}
	return out
}
