package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// TestSecondary_DrawsInTheSecondaryColour: secondary text is drawn in the
// theme's secondary text colour, not the foreground.
func TestSecondary_DrawsInTheSecondaryColour(t *testing.T) {
	a := test.NewTempApp(t)
	s := NewSecondary("2 days ago")
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(200, 50))
	var got color.Color
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text == "2 days ago" {
				got = x.Color
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(s)
	v := a.Settings().ThemeVariant()
	want := uitheme.SecondaryTextColor(a.Settings().Theme(), v)
	if got == nil || !sameColor(got, want) || sameColor(got, a.Settings().Theme().Color(theme.ColorNameForeground, v)) {
		t.Errorf("secondary text drawn in %v, want %v", got, want)
	}
	d := SecondaryData(NewDataLabel(bidi.LeftToRight, "Café Lumen", false))
	var o fyne.CanvasObject = d.content
	if u, ok := o.(UserData); !ok || !u.IsUserData() {
		t.Error("secondary data is not user data")
	}
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
