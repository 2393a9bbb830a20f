package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestProgressBar_FillsFromTheReadingStart: a quarter full bar fills its
// left quarter in left to right, its right quarter in right to left.
func TestProgressBar_FillsFromTheReadingStart(t *testing.T) {
	test.NewTempApp(t)
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		p := NewProgressBar(d)
		p.SetValue(0.25)
		p.SetText("25 / 100")
		p.Resize(fyne.NewSize(200, 20))
		r := test.TempWidgetRenderer(t, p)
		r.Layout(p.Size())
		fill := r.Objects()[1].(*canvas.Rectangle)
		wantX := float32(0)
		if d.RTL() {
			wantX = 150
		}
		if fill.Size().Width != 50 || fill.Position().X != wantX {
			t.Errorf("rtl=%v: fill at %v width %v, want at %v width 50", d, fill.Position().X, fill.Size().Width, wantX)
		}
		// Right to left the text is in bidi order: "25" read first, on the
		// right.
		if txt := r.Objects()[2].(*canvas.Text); txt.Text != bidi.Line(d, "25 / 100") || bidi.Display("25 / 100", d.RTL()) != map[bool]string{false: "25 / 100", true: "100 / 25"}[d.RTL()] {
			t.Errorf("text %q", txt.Text)
		}
	}
	p := NewProgressBar(bidi.LeftToRight)
	if p.SetValue(3); p.Value() != 1 {
		t.Errorf("value %v, want clamped to 1", p.Value())
	}
	if p.SetValue(-1); p.Value() != 0 {
		t.Errorf("value %v, want clamped to 0", p.Value())
	}
}
