package uitheme

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// withSecondary is Fyne's default theme with its own secondary colour.
type withSecondary struct{ fyne.Theme }

var own = color.NRGBA{R: 1, G: 2, B: 3, A: 0xff}

func (t withSecondary) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == ColorNameSecondaryText {
		return own
	}
	return t.Theme.Color(n, v)
}

func (withSecondary) HasColor(n fyne.ThemeColorName) bool { return n == ColorNameSecondaryText }

func TestSecondaryTextColor(t *testing.T) {
	test.NewTempApp(t)
	if got := SecondaryTextColor(withSecondary{theme.DefaultTheme()}, theme.VariantLight); got != own {
		t.Errorf("a theme's own secondary colour: got %v, want %v", got, own)
	}
	// Without one: between the foreground and the background, nearer the
	// foreground.
	th := theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		got := color.NRGBAModel.Convert(SecondaryTextColor(th, v)).(color.NRGBA)
		fg := color.NRGBAModel.Convert(th.Color(theme.ColorNameForeground, v)).(color.NRGBA)
		bg := color.NRGBAModel.Convert(th.Color(theme.ColorNameBackground, v)).(color.NRGBA)
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		if d(got.R, fg.R) > d(got.R, bg.R) || got == fg {
			t.Errorf("variant %v: %v is not a little towards the background %v from the foreground %v", v, got, bg, fg)
		}
	}
}
