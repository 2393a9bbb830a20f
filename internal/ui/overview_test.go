package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestOverview_SetFigures: the figures show in reading order (the first at
// the left for left to right, at the right for right to left), the next
// line under them, and the action button does the list's main action.
func TestOverview_SetFigures(t *testing.T) {
	test.NewTempApp(t)
	figs := []Figure{{"3", "Upcoming events"}, {"12", "Seats taken"}, {"1", "On waitlists"}}
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		added := 0
		o := NewOverview(d, "Choose an event", "New event", func() { added++ })
		o.SetFigures(figs, "Next: Latte art, Fri 12 Dec")
		w := test.NewWindow(o)
		w.Resize(fyne.NewSize(600, 400))
		got := o.Figures()
		if len(got) != 3 || got[0] != figs[0] || got[2] != figs[2] {
			t.Errorf("rtl %v: figures %v, want %v", d, got, figs)
		}
		first, last := o.figures.Objects[0], o.figures.Objects[2]
		if d.RTL() != (first.(*figureTile).f == figs[2]) {
			t.Errorf("rtl %v: the leftmost tile is %v", d, first.(*figureTile).f)
		}
		if first.Position().X >= last.Position().X {
			t.Errorf("rtl %v: tiles not side by side: %v, %v", d, first.Position(), last.Position())
		}
		all := texts(o)
		want := map[string]bool{"3": false, "Seats taken": false, "Next: Latte art, Fri 12 Dec": false, "Choose an event": false, "New event": false}
		for _, s := range all {
			if _, ok := want[s]; ok {
				want[s] = true
			}
		}
		for s, ok := range want {
			if !ok && !d.RTL() { // right to left reorders the Latin test strings' punctuation
				t.Errorf("%q not shown (texts %q)", s, all)
			}
		}
		test.Tap(findButton(t, test.WidgetRenderer(o).Objects()[0]))
		if added != 1 {
			t.Errorf("rtl %v: the action ran %d times", d, added)
		}
		w.Close()
	}
}
