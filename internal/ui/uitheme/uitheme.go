// Package uitheme names the colours the Regulars toolkit adds to Fyne's
// theme. The app's theme (package app) defines them; the widgets of package
// ui read them, and fall back to a colour derived from Fyne's when a theme
// (Fyne's test theme, another app's) does not define them.
package uitheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ColorNameSecondaryText is the theme colour of secondary text: dates,
// authors, counts, subtitles and empty-state explanations. It must read
// against the background (at least 4.5:1 contrast); the disabled colour
// Fyne gives low-importance labels does not, it is meant for what cannot be
// used.
const ColorNameSecondaryText fyne.ThemeColorName = "regulars.secondaryText"

// ColorHaver is a theme that says which colours it defines beyond Fyne's
// (Fyne's test theme logs an error for a colour it lacks).
type ColorHaver interface {
	HasColor(fyne.ThemeColorName) bool
}

// SecondaryTextColor is th's secondary text colour when th has one (see
// ColorHaver), else its foreground blended a sixth of the way towards its
// background.
func SecondaryTextColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	if h, ok := th.(ColorHaver); ok && h.HasColor(ColorNameSecondaryText) {
		return th.Color(ColorNameSecondaryText, v)
	}
	fr, fg, fb, _ := th.Color(theme.ColorNameForeground, v).RGBA()
	br, bg, bb, _ := th.Color(theme.ColorNameBackground, v).RGBA()
	mix := func(f, b uint32) uint8 { return uint8((f*5 + b) / 6 >> 8) }
	return color.NRGBA{R: mix(fr, br), G: mix(fg, bg), B: mix(fb, bb), A: 0xff}
}
