package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestChart_RunsWithTheReadingDirection: the first point is at the left in
// left to right, at the right in right to left.
func TestChart_RunsWithTheReadingDirection(t *testing.T) {
	test.NewTempApp(t)
	points := []ChartPoint{{Label: "Jan", Value: 1, Text: "1"}, {Label: "Feb", Value: 3, Text: "3"}}
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		c := NewChart(BarChart, points, d)
		w := test.NewTempWindow(t, c)
		w.Resize(fyne.NewSize(300, 200))
		name := "chart_bar_ltr.xml"
		if d.RTL() {
			name = "chart_bar_rtl.xml"
		}
		test.AssertRendersToMarkup(t, name, w.Canvas())
		r := test.TempWidgetRenderer(t, c).(*chartRenderer)
		jan, feb := r.labels[0].Position().X, r.labels[1].Position().X
		if d.RTL() != (jan > feb) {
			t.Errorf("rtl=%v: Jan at %v, Feb at %v", d, jan, feb)
		}
	}
	c := NewChart(LineChart, nil, bidi.LeftToRight)
	c.SetPoints(points)
	if len(c.Points()) != 2 || !c.IsUserData() {
		t.Errorf("points %v", c.Points())
	}
}

func TestFit(t *testing.T) {
	test.NewTempApp(t)
	if got := fit("Ethiopian naturals", 30, 12); got == "Ethiopian naturals" || []rune(got)[len([]rune(got))-1] != '…' {
		t.Errorf("fit = %q, want cut with an ellipsis", got)
	}
	if got := fit("Jan", 300, 12); got != "Jan" {
		t.Errorf("fit = %q", got)
	}
}
