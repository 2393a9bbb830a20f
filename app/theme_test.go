package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// contrast is the WCAG contrast ratio of two opaque colours.
var contrast = uitheme.Contrast

func TestTheme_SecondaryTextContrast(t *testing.T) {
	th := NewTheme("en")
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		fg := th.Color(uitheme.ColorNameSecondaryText, v)
		if _, _, _, a := fg.RGBA(); a != 0xffff {
			t.Fatalf("variant %d: secondary text %v is not opaque", v, fg)
		}
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground} {
			if c := contrast(fg, th.Color(bg, v)); c < 4.5 {
				t.Errorf("variant %d: secondary text on %s: contrast %.2f, want at least 4.5", v, bg, c)
			}
		}
		if got := uitheme.SecondaryTextColor(th, v); got != fg {
			t.Errorf("variant %d: screens use %v, the theme has %v", v, got, fg)
		}
	}
}

func TestSecondaryTextColor_Fallback(t *testing.T) {
	base := theme.DefaultTheme() // has no secondary text colour
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		c := uitheme.SecondaryTextColor(base, v)
		if r := contrast(c, base.Color(theme.ColorNameBackground, v)); r < 4.5 {
			t.Errorf("variant %d: fallback %v has contrast %.2f", v, c, r)
		}
	}
}
