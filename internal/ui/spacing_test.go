package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// TestInsetSides_KeepsTheRowOffItsEdges: a row of buttons keeps Space(step)
// clear at both ends in either direction; the Arabic reaction at the end of
// a post's row ran under the list's scroll bar.
func TestInsetSides_KeepsTheRowOffItsEdges(t *testing.T) {
	test.NewTempApp(t)
	box := func() fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(44, 44))
		return r
	}
	m := Space(Gap)
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		a, b := box(), box()
		row := mirror.Row(d, a, b)
		InsetSides(row, Gap)
		row.Resize(fyne.NewSize(300, row.MinSize().Height))
		first, last := a, b
		if d.RTL() {
			first, last = b, a // drawn from the right: a is the rightmost
		}
		if x := first.Position().X; x < m {
			t.Errorf("rtl=%v: the leftmost button starts at %v, want at least %v", d.RTL(), x, m)
		}
		if end := last.Position().X + last.Size().Width; end > 300-m {
			t.Errorf("rtl=%v: the rightmost button ends at %v, want at most %v", d.RTL(), end, 300-m)
		}
		if w := row.MinSize().Width; w < 2*44+2*m {
			t.Errorf("rtl=%v: min width %v leaves no margins", d.RTL(), w)
		}
	}
}
