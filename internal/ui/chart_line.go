package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-text/typesetting/segmenter"
)

// The geometry of a line chart: the unit of the axis over it at the reading
// start; the ticks' texts in a column at the reading start (the left, or
// the right in right to left), each with its grid line across the plot;
// the points in one slot each, in the reading direction, the value over
// each point and its name, wrapped to the slot, under the plot.

// linePlotMin is the least height of the plot itself.
const linePlotMin = 100

// lineMetrics are the sizes a line chart is laid out with.
type lineMetrics struct {
	st          chartStyle
	capH, gap   float32
	top         float32 // where the plot's room begins (under the unit)
	tickW       float32 // the column of the ticks' texts
	slot, plotW float32
}

func (r *chartRenderer) lineMetrics(w float32) lineMetrics {
	st := r.style()
	m := lineMetrics{st: st, gap: st.pad / 2, capH: fyne.MeasureText("M", st.caption, fyne.TextStyle{}).Height}
	if r.c.Axis.Format != nil {
		if r.c.Axis.Unit != "" {
			m.top = m.capH + m.gap
		}
		// The column is as wide as the widest of the range's ends and zero:
		// the ticks between are no wider.
		lo, hi, _ := r.span()
		for _, v := range []float64{lo, hi, 0} {
			m.tickW = max(m.tickW, textWidth(r.c.Axis.Format(v), st.caption, fyne.TextStyle{}))
		}
		m.tickW += st.pad
	}
	m.plotW = max(w-m.tickW, 0)
	m.slot = m.plotW / float32(len(r.c.points))
	return m
}

// labelLines is each point's name broken into the lines its slot holds.
func (m lineMetrics) labelLines(points []ChartPoint) (lines [][]string, most int) {
	for _, p := range points {
		l := balanced(p.Label, m.slot-m.gap, m.st.caption)
		lines = append(lines, l)
		most = max(most, len(l))
	}
	return lines, most
}

// lineHeight is the least height of the chart at width w.
func (r *chartRenderer) lineHeight(w float32) float32 {
	m := r.lineMetrics(w)
	_, most := m.labelLines(r.c.points)
	return m.top + m.capH + linePlotMin + m.gap + float32(most)*m.capH
}

func (r *chartRenderer) layoutLine(size fyne.Size) {
	w := size.Width
	m := r.lineMetrics(w)
	st := m.st
	names, most := m.labelLines(r.c.points)
	plotTop := m.top + m.capH // room for the value over the highest point
	plotBottom := max(size.Height, r.lineHeight(w)) - float32(most)*m.capH - m.gap
	plotH := plotBottom - plotTop
	lo, hi, ticks := r.scale(func(lo, hi float64, ts []float64) bool {
		return len(ts) < 2 || float32((ts[1]-ts[0])/(hi-lo))*plotH >= m.capH*1.25
	})
	y := func(v float64) float32 { return plotBottom - float32((v-lo)/(hi-lo))*plotH }
	// The plot lies after the ticks' column: right of it, or left of it
	// right to left, where the first point is at the right.
	plotX := m.tickW
	if r.c.rtl {
		plotX = 0
	}
	x := func(i int) float32 {
		if r.c.rtl {
			i = len(r.c.points) - 1 - i
		}
		return plotX + m.slot*float32(i) + m.slot/2
	}

	if r.c.Axis.Format != nil && r.c.Axis.Unit != "" {
		r.unit = r.newText(r.c.Axis.Unit, r.c.Axis.Unit, st.caption, st.faint, fyne.TextStyle{})
		align := fyne.TextAlignLeading
		if r.c.rtl {
			align = fyne.TextAlignTrailing
		}
		place(r.unit, 0, 0, w, m.capH, align)
	}
	texts := r.tickTexts(ticks)
	for i, v := range ticks {
		g := canvas.NewLine(st.grid)
		g.StrokeWidth = 1
		g.Position1, g.Position2 = fyne.NewPos(plotX, y(v)), fyne.NewPos(plotX+m.plotW, y(v))
		r.objects = append(r.objects, g)
		t := r.newText(texts[i], texts[i], st.caption, st.faint, fyne.TextStyle{})
		// Beside the plot, centred on the grid line.
		if r.c.rtl {
			place(t, plotX+m.plotW+st.pad, y(v)-m.capH/2, m.tickW-st.pad, m.capH, fyne.TextAlignLeading)
		} else {
			place(t, 0, y(v)-m.capH/2, m.tickW-st.pad, m.capH, fyne.TextAlignTrailing)
		}
		r.ticks = append(r.ticks, drawnTick{value: v, text: t, grid: g})
	}
	if len(ticks) == 0 { // no axis: the zero line alone
		g := canvas.NewLine(st.grid)
		g.StrokeWidth = 1
		z := y(max(lo, min(0, hi)))
		g.Position1, g.Position2 = fyne.NewPos(plotX, z), fyne.NewPos(plotX+m.plotW, z)
		r.objects = append(r.objects, g)
	}

	var prev fyne.Position
	for i, p := range r.c.points {
		pos := fyne.NewPos(x(i), y(max(lo, min(p.Value, hi))))
		if i > 0 {
			seg := canvas.NewLine(st.accent)
			seg.StrokeWidth = 2
			seg.Position1, seg.Position2 = prev, pos
			r.objects = append(r.objects, seg)
			r.segs = append(r.segs, seg)
		}
		prev = pos
	}
	for i, p := range r.c.points {
		cx, cy := x(i), y(max(lo, min(p.Value, hi)))
		dot := canvas.NewCircle(st.accent)
		dot.Move(fyne.NewPos(cx-3, cy-3))
		dot.Resize(fyne.NewSize(6, 6))
		r.objects = append(r.objects, dot)
		r.dots = append(r.dots, dot)

		v := r.newText(p.Text, p.Text, st.caption, st.fg, fyne.TextStyle{})
		place(v, cx-m.slot/2, max(m.top, cy-m.capH-3), m.slot, m.capH, fyne.TextAlignCenter)
		r.values = append(r.values, v)

		var row []*canvas.Text
		for j, line := range names[i] {
			t := r.newText(line, p.Label, st.caption, st.fg, fyne.TextStyle{})
			place(t, cx-m.slot/2, plotBottom+m.gap+float32(j)*m.capH, m.slot, m.capH, fyne.TextAlignCenter)
			row = append(row, t)
		}
		r.labels, r.names = append(r.labels, row), append(r.names, names[i])
	}
	r.height = r.lineHeight(w)
}

// balanced wraps a name under its point into as few lines as fit w, as
// even as they can be: "Oct" over "2026" and "2026年" over "10月", not
// "2026年10" over "月". It narrows the width while the name keeps as many
// lines, each starting where UAX #14 allows a break (not inside a word
// broken by rune because it no longer fits).
func balanced(s string, w, size float32) []string {
	lines := wrap(s, w, size, fyne.TextStyle{})
	if len(lines) < 2 {
		return lines
	}
	legal := lineStarts(joinCounters(s))
	ok := func(ls []string) bool {
		if len(ls) != len(lines) {
			return false
		}
		rs, at := []rune(s), 0
		for i, l := range ls {
			for at < len(rs) && rs[at] == ' ' {
				at++
			}
			if i > 0 && !legal[at] {
				return false
			}
			at += len([]rune(l))
		}
		return true
	}
	lo, hi := float32(1), w // the narrowest width found to keep the lines
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ok(wrap(s, mid, size, fyne.TextStyle{})) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(s, hi, size, fyne.TextStyle{})
}

// lineStarts are the rune offsets of s (without its word joiners) where
// UAX #14 lets a line start.
func lineStarts(s string) map[int]bool {
	rs := []rune(s)
	var seg segmenter.Segmenter
	seg.Init(rs)
	it := seg.LineIterator()
	out := map[int]bool{}
	for it.Next() {
		l := it.Line()
		// The offset without the joiners before it.
		n := 0
		for _, r := range rs[:l.Offset] {
			if string(r) != wordJoiner {
				n++
			}
		}
		out[n] = true
	}
	return out
}
