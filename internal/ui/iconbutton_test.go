package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestNewIconButton_IconAtTheReadingStart: the icon is drawn left of the
// text for left to right and right of it for right to left.
func TestNewIconButton_IconAtTheReadingStart(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name      string
		d         bidi.Dir
		text      string
		iconFirst bool // icon left of the text
	}{
		{"ltr", bidi.LeftToRight, "Join the waitlist", true},
		{"rtl", bidi.RightToLeft, "الانضمام إلى قائمة الانتظار", false},
	} {
		b := NewIconButton(tc.d, tc.text, theme.ConfirmIcon(), nil)
		b.Resize(fyne.NewSize(300, 44))
		var iconX, textX float32 = -1, -1
		var walk func(o fyne.CanvasObject, at fyne.Position)
		walk = func(o fyne.CanvasObject, at fyne.Position) {
			p := at.Add(o.Position())
			switch x := o.(type) {
			case *canvas.Image:
				iconX = p.X
			case *canvas.Text:
				if x.Text != "" {
					textX = p.X
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(x).Objects() {
					walk(c, p)
				}
			case *fyne.Container:
				for _, c := range x.Objects {
					walk(c, p)
				}
			}
		}
		for _, c := range test.WidgetRenderer(b).Objects() {
			walk(c, fyne.Position{})
		}
		if iconX < 0 || textX < 0 {
			t.Fatalf("%s: icon at %v, text at %v", tc.name, iconX, textX)
		}
		if got := iconX < textX; got != tc.iconFirst {
			t.Errorf("%s: icon at x=%v, text at x=%v: icon left of the text = %v, want %v", tc.name, iconX, textX, got, tc.iconFirst)
		}
	}
}
