package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// ChartKind is how a chart draws its points.
type ChartKind int

const (
	BarChart  ChartKind = iota // one bar per point, from the zero line
	LineChart                  // points joined by lines, with dots
)

// ChartPoint is one value of a chart with its label on the axis and the
// text written over it (already formatted in the user's language).
type ChartPoint struct {
	Label string
	Value float64
	Text  string
}

// Chart is a small bar or line chart drawn with canvas rectangles and lines
// in the theme's colours. Every value is also written as text, so the chart
// reads without the picture. Points run left to right, or right to left when
// rtl is set (time flows with the reading direction).
type Chart struct {
	widget.BaseWidget
	kind   ChartKind
	points []ChartPoint
	// Min and Max are the value range; when equal it is taken from the
	// points (and zero).
	Min, Max float64
	rtl      bool
}

// NewChart returns a chart of points, running in the reading direction of d.
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
	r := &chartRenderer{c: c}
	r.rebuild()
	return r
}

type chartRenderer struct {
	c       *Chart
	axis    *canvas.Line
	marks   []fyne.CanvasObject // bars, or segments and dots
	values  []*canvas.Text
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *chartRenderer) colors() (fg, accent, grid color.Color, size float32) {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	return th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePrimary, v),
		th.Color(theme.ColorNameSeparator, v), th.Size(theme.SizeNameCaptionText)
}

// rebuild makes the canvas objects for the current points.
func (r *chartRenderer) rebuild() {
	fg, accent, grid, size := r.colors()
	r.axis = canvas.NewLine(grid)
	r.axis.StrokeWidth = 1
	r.marks, r.values, r.labels = nil, nil, nil
	r.objects = []fyne.CanvasObject{r.axis}
	for i, p := range r.c.points {
		if r.c.kind == BarChart {
			bar := canvas.NewRectangle(accent)
			bar.CornerRadius = 2
			r.marks = append(r.marks, bar)
		} else {
			if i > 0 {
				seg := canvas.NewLine(accent)
				seg.StrokeWidth = 2
				r.marks = append(r.marks, seg)
			}
			dot := canvas.NewCircle(accent)
			r.marks = append(r.marks, dot)
		}
		v := canvas.NewText(p.Text, fg)
		v.TextSize = size
		v.Alignment = fyne.TextAlignCenter
		l := canvas.NewText(p.Label, fg)
		l.TextSize = size
		l.Alignment = fyne.TextAlignCenter
		r.values = append(r.values, v)
		r.labels = append(r.labels, l)
	}
	r.objects = append(r.objects, r.marks...)
	for i := range r.values {
		r.objects = append(r.objects, r.values[i], r.labels[i])
	}
}

// span returns the value range the chart shows, always including zero.
func (r *chartRenderer) span() (lo, hi float64) {
	lo, hi = r.c.Min, r.c.Max
	if lo == hi {
		lo, hi = 0, 0
		for _, p := range r.c.points {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	return lo, hi
}

func (r *chartRenderer) Layout(size fyne.Size) {
	n := len(r.c.points)
	if n == 0 {
		r.axis.Hide()
		return
	}
	r.axis.Show()
	_, _, _, textSize := r.colors()
	lineH := fyne.MeasureText("0", textSize, fyne.TextStyle{}).Height
	top, bottom := lineH, size.Height-lineH-2
	plotH := bottom - top
	lo, hi := r.span()
	y := func(v float64) float32 { return bottom - float32((v-lo)/(hi-lo))*plotH }
	slot := size.Width / float32(n)
	x := func(i int) float32 {
		if r.c.rtl {
			i = n - 1 - i
		}
		return slot*float32(i) + slot/2
	}
	zero := y(0)
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(0, zero), fyne.NewPos(size.Width, zero)

	m := 0
	var prev fyne.Position
	for i, p := range r.c.points {
		cx, cy := x(i), y(p.Value)
		switch r.c.kind {
		case BarChart:
			w := float32(math.Min(float64(slot*0.6), 48))
			bar := r.marks[m]
			m++
			topY, h := cy, zero-cy
			if h < 0 {
				topY, h = zero, -h
			}
			bar.Move(fyne.NewPos(cx-w/2, topY))
			bar.Resize(fyne.NewSize(w, float32(math.Max(float64(h), 1))))
		case LineChart:
			pos := fyne.NewPos(cx, cy)
			if i > 0 {
				seg := r.marks[m].(*canvas.Line)
				m++
				seg.Position1, seg.Position2 = prev, pos
			}
			dot := r.marks[m]
			m++
			dot.Move(pos.SubtractXY(3, 3))
			dot.Resize(fyne.NewSize(6, 6))
			prev = pos
		}
		vy := cy - lineH
		if p.Value < 0 && r.c.kind == BarChart {
			vy = zero - lineH
		}
		r.values[i].Move(fyne.NewPos(cx-slot/2, float32(math.Max(0, float64(vy)))))
		r.values[i].Resize(fyne.NewSize(slot, lineH))
		r.labels[i].Text = chartText(r.c.rtl, fit(p.Label, slot-4, textSize))
		r.values[i].Text = chartText(r.c.rtl, fit(p.Text, slot-2, textSize))
		r.labels[i].Move(fyne.NewPos(cx-slot/2, size.Height-lineH))
		r.labels[i].Resize(fyne.NewSize(slot, lineH))
	}
}

// MinSize leaves room for a short label under each point; longer labels
// are cut to their slot with an ellipsis when the chart is narrow.
func (r *chartRenderer) MinSize() fyne.Size {
	_, _, _, textSize := r.colors()
	slot := fyne.MeasureText("0000…", textSize, fyne.TextStyle{}).Width
	return fyne.NewSize(slot*float32(len(r.c.points)), 140)
}

// fit cuts text to width with an ellipsis.
func fit(text string, width, textSize float32) string {
	if fyne.MeasureText(text, textSize, fyne.TextStyle{}).Width <= width {
		return text
	}
	r := []rune(text)
	for n := len(r) - 1; n > 0; n-- {
		if s := string(r[:n]) + "…"; fyne.MeasureText(s, textSize, fyne.TextStyle{}).Width <= width {
			return s
		}
	}
	return "…"
}

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// chartText is a label or value, cut to fit, in visual order by its own
// direction (the chart's when it has no letters): "نوفمبر ٢٠٢٦" shows the
// year left of the month.
func chartText(rtl bool, s string) string {
	return bidi.Line(bidi.Content(bidi.Direction(rtl), s), s)
}
