package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// percent and count write ticks as a Localizer would (in ASCII here).
func percent(v float64) string { return strconv.Itoa(int(math.Round(v*100))) + "%" }
func count(v float64) string   { return strconv.Itoa(int(math.Round(v))) }

// chartCases are bar charts as the app draws them: shares of seats on a
// fixed 0..100 % axis, counts on an axis rounded out to its ticks, a poll's
// shares over tracks with the member's vote marked; names long enough to
// wrap on a phone, in Latin, Arabic and Japanese.
var chartCases = []struct {
	name     string
	points   []ChartPoint
	min, max float64
	axis     ChartAxis
	tracks   bool
}{
	{name: "seats", min: 0, max: 1, axis: ChartAxis{Unit: "seats filled", Format: percent}, points: []ChartPoint{
		{Label: "Espresso basics workshop for beginners and the curious", Value: 0.7, Text: "70% (7/10)"},
		{Label: "أمسية حلويات ديوالي مع العائلة والأصدقاء", Value: 0.52, Text: "52% (13/25)"},
		{Label: "Harvest brunch", Value: 0.4, Text: "40% (12/30)"},
		{Label: "秋のハンドドリップ教室とコーヒー豆の試飲会", Value: 0, Text: "0% (0/12)"},
	}},
	{name: "counts", axis: ChartAxis{Unit: "members", Format: count, Whole: true}, points: []ChartPoint{
		{Label: "Newcomer", Value: 10, Text: "10"}, {Label: "Regular", Value: 20, Text: "20"}, {Label: "Local Legend", Value: 2, Text: "2"},
	}},
	{name: "poll", min: 0, max: 1, tracks: true, points: []ChartPoint{
		{Label: "Cardamom latte (your vote)", Value: 7.0 / 16, Text: "7 votes (44%)", Mark: true},
		{Label: "Simit with cheese for breakfast, warm from the oven", Value: 3.0 / 16, Text: "3 votes (19%)"},
		{Label: "Yuzu honey tea", Value: 0, Text: "0 votes (0%)"},
	}},
}

// TestChart_BarsMeasureWhatTheirTextSays: every bar's length is its value
// on the chart's axis (grown from zero at the reading start), and every bar
// carries its text, just past its end, and its whole name over it, at a
// phone's width and a desktop's, in both directions.
func TestChart_BarsMeasureWhatTheirTextSays(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range chartCases {
		for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
			for _, w := range []float32{220, 360, 620} {
				t.Run(fmt.Sprintf("%s/rtl=%v/%v", tc.name, d, w), func(t *testing.T) {
					c := NewChart(BarChart, tc.points, d)
					c.Min, c.Max, c.Axis, c.Tracks = tc.min, tc.max, tc.axis, tc.tracks
					r := layoutChart(t, c, w)
					for _, p := range barProblems(c, r, w) {
						t.Error(p)
					}
				})
			}
		}
	}
}

// layoutChart lays c out at width w, then again at the height it asks for
// there (its names wrap to the width).
func layoutChart(t *testing.T, c *Chart, w float32) *chartRenderer {
	r := test.TempWidgetRenderer(t, c).(*chartRenderer)
	c.Resize(fyne.NewSize(w, 10))
	r.Layout(c.Size())
	c.Resize(fyne.NewSize(w, r.MinSize().Height))
	r.Layout(c.Size())
	return r
}

// barProblems checks a laid-out bar chart w wide: the scale that the axis
// shows (pixels per unit between two ticks, where zero is) measures every
// bar; every bar has its text beside its end and its whole name.
func barProblems(c *Chart, r *chartRenderer, w float32) []string {
	var out []string
	n := len(c.points)
	if len(r.bars) != n || len(r.values) != n || len(r.labels) != n || len(r.names) != n {
		return []string{fmt.Sprintf("%d points drew %d bars, %d texts, %d names", n, len(r.bars), len(r.values), len(r.labels))}
	}
	// The scale: from the axis when the chart has one, else from the range
	// (a track is the whole range).
	zero, perUnit := float32(0), float32(0)
	if c.Axis.Format != nil {
		if len(r.ticks) < 2 {
			return []string{fmt.Sprintf("axis with %d ticks", len(r.ticks))}
		}
		a, b := r.ticks[0], r.ticks[len(r.ticks)-1]
		perUnit = (b.grid.Position1.X - a.grid.Position1.X) / float32(b.value-a.value)
		zero = a.grid.Position1.X - float32(a.value)*perUnit
		for _, tk := range r.ticks {
			if want := c.Axis.Format(tk.value); tk.text == nil || tk.text.Text != bidi.Line(bidi.Content(bidi.Direction(c.rtl), want), want) {
				out = append(out, fmt.Sprintf("tick %v has no text %q", tk.value, c.Axis.Format(tk.value)))
			}
		}
		if c.Axis.Unit != "" && (r.unit == nil || r.unit.Text != c.Axis.Unit) {
			out = append(out, fmt.Sprintf("the axis does not say its unit %q", c.Axis.Unit))
		}
	} else {
		track := r.tracks[0]
		perUnit = track.Size().Width / float32(c.Max-c.Min)
		zero = track.Position().X
		if c.rtl {
			perUnit, zero = -perUnit, track.Position().X+track.Size().Width
		}
	}
	inset := r.style().pad // the chart's names and ticks line up with the labels around it
	if start := map[bool]float32{false: inset, true: w - inset}[c.rtl]; abs32(zero-start) > 0.5 {
		out = append(out, fmt.Sprintf("zero at x=%v, want the reading start %v", zero, start))
	}
	if (perUnit < 0) != c.rtl {
		out = append(out, fmt.Sprintf("bars grow the wrong way: %v px per unit", perUnit))
	}
	for i, p := range c.points {
		bar, txt := r.bars[i], r.values[i]
		from, to := bar.Position().X, bar.Position().X+bar.Size().Width
		if c.rtl {
			from, to = to, from
		}
		if want := zero + float32(p.Value)*perUnit; abs32(from-zero) > 0.5 || abs32(to-want) > 0.5 {
			out = append(out, fmt.Sprintf("bar %q (%s) runs from %.1f to %.1f, want %.1f to %.1f", p.Label, p.Text, from, to, zero, want))
		}
		// Its text, past its end (or its track's) on the bar's row.
		if !txt.Visible() || strings.TrimSpace(txt.Text) == "" || txt.Text != bidi.Line(bidi.Content(bidi.Direction(c.rtl), p.Text), p.Text) {
			out = append(out, fmt.Sprintf("bar %q is labelled %q, want %q", p.Label, txt.Text, p.Text))
		}
		end := to
		if c.Tracks {
			end = zero + float32(c.Max)*perUnit
		}
		tl, tr := txt.Position().X, txt.Position().X+txt.MinSize().Width
		beside := tl >= end-0.5 && tl-end <= 8 // right of the end
		if c.rtl {
			beside = tr <= end+0.5 && end-tr <= 8 // left of it
		}
		mid := bar.Position().Y + bar.Size().Height/2
		if !beside || mid < txt.Position().Y || mid > txt.Position().Y+txt.MinSize().Height || tl < -0.5 || tr > w+0.5 {
			out = append(out, fmt.Sprintf("bar %q ends at %.1f, its text %q is at %.1f..%.1f, y %.1f (bar's middle %.1f)", p.Label, end, txt.Text, tl, tr, txt.Position().Y, mid))
		}
		// Its whole name, over the bar, line by line in the chart.
		if strings.ReplaceAll(strings.Join(r.names[i], ""), " ", "") != strings.ReplaceAll(p.Label, " ", "") {
			out = append(out, fmt.Sprintf("bar %q is named %q", p.Label, r.names[i]))
		}
		if len(r.labels[i]) != len(r.names[i]) {
			out = append(out, fmt.Sprintf("bar %q: %d lines drawn of %d", p.Label, len(r.labels[i]), len(r.names[i])))
			continue
		}
		for j, l := range r.labels[i] {
			if l.Text != bidi.Line(bidi.Content(bidi.Direction(c.rtl), p.Label), r.names[i][j]) || strings.Contains(l.Text, "…") {
				out = append(out, fmt.Sprintf("bar %q: line %d drawn as %q", p.Label, j, l.Text))
			}
			if lw := l.MinSize().Width; lw > w-2*inset+0.5 || l.Position().Y+l.Size().Height > bar.Position().Y {
				out = append(out, fmt.Sprintf("bar %q: line %q is %.0f wide at y %.0f, the bar at %.0f", p.Label, l.Text, lw, l.Position().Y, bar.Position().Y))
			}
		}
	}
	return out
}

// TestChart_BarProblemsFindBrokenBars: the checks above fail on a bar that
// is not as long as its value, on one without its text, and on a name cut
// short.
func TestChart_BarProblemsFindBrokenBars(t *testing.T) {
	test.NewTempApp(t)
	tc := chartCases[0]
	for _, breakIt := range []struct {
		name string
		do   func(r *chartRenderer)
	}{
		{"a bar sized by its place", func(r *chartRenderer) { r.bars[2].Resize(fyne.NewSize(r.bars[0].Size().Width/2, 10)) }},
		{"a bar without its text", func(r *chartRenderer) { r.values[1].Text = "" }},
		{"a name cut short", func(r *chartRenderer) { r.names[0] = r.names[0][:1] }},
	} {
		c := NewChart(BarChart, tc.points, bidi.LeftToRight)
		c.Min, c.Max, c.Axis = tc.min, tc.max, tc.axis
		r := layoutChart(t, c, 360)
		breakIt.do(r)
		if len(barProblems(c, r, 360)) == 0 {
			t.Errorf("%s: not found", breakIt.name)
		}
	}
}

// TestChart_LineOnItsAxis: the points of a line chart run in the reading
// direction (the first at the left, or at the right in right to left),
// each at its value on the labelled axis, with its text and whole name;
// the axis's ticks include its ends and zero, and it says its unit.
func TestChart_LineOnItsAxis(t *testing.T) {
	test.NewTempApp(t)
	scores := []ChartPoint{{Label: "Jul 2026", Value: 60, Text: "60"}, {Label: "Aug 2026", Value: 60, Text: "60"},
		{Label: "Sep 2026", Value: 40, Text: "40"}, {Label: "Oct 2026", Value: 33, Text: "33"}, {Label: "Nov 2026", Value: -83, Text: "-83"}}
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		for _, w := range []float32{330, 600} {
			c := NewChart(LineChart, scores, d)
			c.Min, c.Max = -100, 100
			c.Axis = ChartAxis{Unit: "NPS", Format: count, Whole: true}
			r := layoutChart(t, c, w)
			name := fmt.Sprintf("rtl=%v/%v", d, w)
			var got []float64
			for _, tk := range r.ticks {
				got = append(got, tk.value)
				if want := count(tk.value); tk.text.Text != bidi.Line(bidi.Content(d, want), want) {
					t.Errorf("%s: tick %v says %q", name, tk.value, tk.text.Text)
				}
			}
			if !slices.Contains(got, -100) || !slices.Contains(got, 0) || !slices.Contains(got, 100) {
				t.Errorf("%s: ticks %v, want -100, 0 and 100 among them", name, got)
			}
			if r.unit == nil || r.unit.Text != "NPS" {
				t.Errorf("%s: no unit", name)
			}
			a, b := r.ticks[0], r.ticks[len(r.ticks)-1]
			perUnit := (b.grid.Position1.Y - a.grid.Position1.Y) / float32(b.value-a.value)
			for i, p := range scores {
				dot := r.dots[i]
				cy := dot.Position().Y + dot.Size().Height/2
				if want := a.grid.Position1.Y + float32(p.Value-a.value)*perUnit; abs32(cy-want) > 0.5 {
					t.Errorf("%s: %s at y %.1f, want %.1f", name, p.Label, cy, want)
				}
				if r.values[i].Text != bidi.Line(bidi.Content(d, p.Text), p.Text) || strings.Join(r.names[i], " ") != p.Label {
					t.Errorf("%s: %s drawn with %q, named %q", name, p.Label, r.values[i].Text, r.names[i])
				}
			}
			first, second := r.dots[0].Position().X, r.dots[1].Position().X
			if d.RTL() != (first > second) {
				t.Errorf("%s: Jul at %v, Aug at %v", name, first, second)
			}
		}
	}
	c := NewChart(LineChart, nil, bidi.LeftToRight)
	c.SetPoints(scores)
	if len(c.Points()) != 5 || !c.IsUserData() {
		t.Errorf("points %v", c.Points())
	}
}

// TestChart_Scale: an axis's ticks are round steps that cover the values
// (whole for counts), or the fixed range.
func TestChart_Scale(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		values   []float64
		min, max float64
		whole    bool
		want     []float64
	}{
		{values: []float64{24, 8}, whole: true, want: []float64{0, 5, 10, 15, 20, 25}},
		{values: []float64{2, 1}, whole: true, want: []float64{0, 1, 2}},
		{values: []float64{0}, whole: true, want: []float64{0, 1}},
		{values: []float64{0.7}, min: 0, max: 1, want: []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{values: []float64{60, -20}, min: -100, max: 100, whole: true, want: []float64{-100, -50, 0, 50, 100}},
		{values: []float64{1234}, whole: true, want: []float64{0, 500, 1000, 1500}},
	}
	for _, tt := range tests {
		var ps []ChartPoint
		for _, v := range tt.values {
			ps = append(ps, ChartPoint{Value: v})
		}
		c := NewChart(BarChart, ps, bidi.LeftToRight)
		c.Min, c.Max, c.Axis = tt.min, tt.max, ChartAxis{Format: count, Whole: tt.whole}
		r := &chartRenderer{c: c}
		_, _, got := r.scale(func(float64, float64, []float64) bool { return true })
		for i := range got {
			got[i] = math.Round(got[i]*1e6) / 1e6
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("values %v in %v..%v: ticks %v, want %v", tt.values, tt.min, tt.max, got, tt.want)
		}
	}
}

// TestChart_Renders keeps the look of a small bar chart, left to right and
// right to left.
func TestChart_Renders(t *testing.T) {
	test.NewTempApp(t)
	points := []ChartPoint{{Label: "Jan", Value: 1, Text: "1"}, {Label: "Feb", Value: 3, Text: "3"}}
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		c := NewChart(BarChart, points, d)
		c.Axis = ChartAxis{Unit: "members", Format: count, Whole: true}
		w := test.NewTempWindow(t, c)
		w.Resize(fyne.NewSize(300, 200))
		name := "chart_bar_ltr.xml"
		if d.RTL() {
			name = "chart_bar_rtl.xml"
		}
		test.AssertRendersToMarkup(t, name, w.Canvas())
	}
}

// TestWrap_KeepsNumbersWithTheirCounter: "2026年10月" breaks after 年, not
// inside "2026年" or "10月".
func TestWrap_KeepsNumbersWithTheirCounter(t *testing.T) {
	test.NewTempApp(t)
	whole := textWidth("2026年10月", 12, fyne.TextStyle{})
	for _, w := range []float32{whole * 0.9, whole * 0.7} {
		got := wrap("2026年10月", w, 12, fyne.TextStyle{})
		if !slices.Equal(got, []string{"2026年", "10月"}) {
			t.Errorf("at %.0f of %.0f: %q", w, whole, got)
		}
	}
	for s, want := range map[string][]string{"2026年10月": {"2026年", "10月"}, "Oct 2026": {"Oct", "2026"}, "sept. 2026": {"sept.", "2026"}} {
		if got := balanced(s, textWidth(s, 12, fyne.TextStyle{})*0.9, 12); !slices.Equal(got, want) {
			t.Errorf("balanced %q: %q, want %q", s, got, want)
		}
	}
}
