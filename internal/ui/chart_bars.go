package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The geometry of a bar chart: for each point its name, wrapped to the
// width, then its bar from the axis's zero, its text just past the bar's
// end; under the bars the ticks of the axis, under them its unit. Grid lines
// run from each tick up through the bars. Right to left, everything is the
// mirror image: the bars grow from the right, the names read from the right.

// barMetrics are the sizes a bar chart is laid out with.
type barMetrics struct {
	st            chartStyle
	lineH, capH   float32 // a line of a name or a text, a line of the axis
	indent        float32 // room for the check mark before a marked name
	gap           float32 // between a name and its bar, a bar and its text
	axis, unitRow bool
}

func (r *chartRenderer) barMetrics() barMetrics {
	st := r.style()
	m := barMetrics{st: st, gap: st.pad / 2,
		lineH: fyne.MeasureText("M", st.text, fyne.TextStyle{}).Height,
		capH:  fyne.MeasureText("M", st.caption, fyne.TextStyle{}).Height,
		axis:  r.c.Axis.Format != nil, unitRow: r.c.Axis.Format != nil && r.c.Axis.Unit != ""}
	for _, p := range r.c.points {
		if p.Mark {
			m.indent = m.lineH + m.gap
		}
	}
	return m
}

// nameLines is a point's name broken into the lines it takes at width w.
func (m barMetrics) nameLines(p ChartPoint, w float32) []string {
	if p.Label == "" {
		return nil
	}
	return wrap(p.Label, w-m.indent, m.st.text, fyne.TextStyle{Bold: p.Mark})
}

// barsHeight is the height of the chart at width w.
func (r *chartRenderer) barsHeight(w float32) float32 {
	m := r.barMetrics()
	var h float32
	for i, p := range r.c.points {
		if i > 0 {
			h += m.st.pad
		}
		if n := len(m.nameLines(p, w)); n > 0 {
			h += float32(n)*m.lineH + m.gap
		}
		h += m.lineH
	}
	if m.axis {
		h += m.gap + m.capH
	}
	if m.unitRow {
		h += m.capH
	}
	return h
}

func (r *chartRenderer) layoutBars(w float32) {
	m := r.barMetrics()
	st := m.st
	// The plot leaves room past the longest bar for its text.
	var textW float32
	for _, p := range r.c.points {
		textW = max(textW, textWidth(p.Text, st.text, fyne.TextStyle{}))
	}
	plotW := max(w-textW-m.gap, w/2)
	var tickW []float32
	lo, hi, ticks := r.scale(func(lo, hi float64, ts []float64) bool {
		tickW = tickW[:0]
		for _, s := range r.tickTexts(ts) {
			tickW = append(tickW, textWidth(s, st.caption, fyne.TextStyle{}))
		}
		return ticksFit(ts, tickW, lo, hi, plotW, w, st.pad)
	})
	// x is where value v lies: its distance from the start, mirrored right
	// to left.
	x := func(v float64) float32 {
		d := float32((v - lo) / (hi - lo) * float64(plotW))
		if r.c.rtl {
			return w - d
		}
		return d
	}
	zero := x(math.Max(lo, math.Min(0, hi)))

	// Grid lines first, under the bars; their ends are known at the end.
	for _, v := range ticks {
		g := canvas.NewLine(st.grid)
		g.StrokeWidth = 1
		r.objects = append(r.objects, g)
		r.ticks = append(r.ticks, drawnTick{value: v, grid: g})
	}
	var y float32
	for i, p := range r.c.points {
		if i > 0 {
			y += st.pad
		}
		lines := m.nameLines(p, w)
		var row []*canvas.Text
		for j, line := range lines {
			t := r.newText(line, p.Label, st.text, st.fg, fyne.TextStyle{Bold: p.Mark})
			ly := y + float32(j)*m.lineH
			if r.c.rtl {
				place(t, 0, ly, w-m.indent, m.lineH, fyne.TextAlignTrailing)
			} else {
				place(t, m.indent, ly, w-m.indent, m.lineH, fyne.TextAlignLeading)
			}
			row = append(row, t)
		}
		if p.Mark {
			icon := canvas.NewImageFromResource(theme.NewPrimaryThemedResource(theme.ConfirmIcon()))
			ix := float32(0)
			if r.c.rtl {
				ix = w - m.lineH
			}
			icon.Move(fyne.NewPos(ix, y))
			icon.Resize(fyne.NewSize(m.lineH, m.lineH))
			r.objects = append(r.objects, icon)
		}
		r.labels, r.names = append(r.labels, row), append(r.names, lines)
		if len(lines) > 0 {
			y += float32(len(lines))*m.lineH + m.gap
		}

		// As thick as the text is tall (not its line: Arabic's is taller).
		thick := float32(math.Round(float64(st.text) * 0.9))
		by := y + (m.lineH-thick)/2
		if r.c.Tracks {
			track := canvas.NewRectangle(st.track)
			track.CornerRadius = 2
			a, b := x(lo), x(hi)
			track.Move(fyne.NewPos(min(a, b), by))
			track.Resize(fyne.NewSize(abs32(b-a), thick))
			r.objects = append(r.objects, track)
			r.tracks = append(r.tracks, track)
		}
		end := x(math.Max(lo, math.Min(p.Value, hi)))
		bar := canvas.NewRectangle(st.accent)
		bar.CornerRadius = 2
		bar.Move(fyne.NewPos(min(zero, end), by))
		bar.Resize(fyne.NewSize(abs32(end-zero), thick))
		r.objects = append(r.objects, bar)
		r.bars = append(r.bars, bar)

		// The text past the bar's end (past its track, when it has one):
		// after it in the reading direction, or before it for a bar that
		// grows the other way (below zero).
		t := r.newText(p.Text, p.Text, st.text, st.fg, fyne.TextStyle{})
		tw := textWidth(t.Text, st.text, fyne.TextStyle{})
		if r.c.Tracks {
			end = x(hi)
		}
		forward := (p.Value >= 0) != r.c.rtl // the text goes right of the end
		if forward {
			place(t, end+m.gap, y, tw, m.lineH, fyne.TextAlignLeading)
		} else {
			place(t, end-m.gap-tw, y, tw, m.lineH, fyne.TextAlignLeading)
		}
		r.values = append(r.values, t)
		y += m.lineH
	}

	if m.axis {
		top, bottom := float32(0), y
		y += m.gap
		texts := r.tickTexts(ticks)
		for i := range r.ticks {
			tk := &r.ticks[i]
			tx := x(tk.value)
			tk.grid.Position1, tk.grid.Position2 = fyne.NewPos(tx, top), fyne.NewPos(tx, bottom)
			tk.text = r.newText(texts[i], texts[i], st.caption, st.faint, fyne.TextStyle{})
			tw := textWidth(tk.text.Text, st.caption, fyne.TextStyle{})
			// Centred under its line, but inside the chart.
			left := max(0, min(w-tw, tx-tw/2))
			place(tk.text, left, y, tw, m.capH, fyne.TextAlignLeading)
		}
		y += m.capH
	}
	if m.unitRow {
		r.unit = r.newText(r.c.Axis.Unit, r.c.Axis.Unit, st.caption, st.faint, fyne.TextStyle{})
		a, b := x(lo), x(hi)
		place(r.unit, min(a, b), y, abs32(b-a), m.capH, fyne.TextAlignCenter)
		y += m.capH
	}
	r.height = y
}

// ticksFit reports whether tick texts as wide as widths, each centred on its
// tick along an axis length px long from the start of a chart total px wide
// (but kept inside it), leave at least gap between them.
func ticksFit(ticks []float64, widths []float32, lo, hi float64, length, total, gap float32) bool {
	var end float32 // where the text before ends
	for i, v := range ticks {
		at := float32((v - lo) / (hi - lo) * float64(length))
		left := max(0, min(total-widths[i], at-widths[i]/2))
		if i > 0 && left < end+gap {
			return false
		}
		end = left + widths[i]
	}
	return true
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
