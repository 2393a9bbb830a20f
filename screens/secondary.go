package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ColorNameSecondaryText is the theme colour of secondary text: dates,
// authors, counts, subtitles and empty-state explanations. It must read
// against the background (at least 4.5:1 contrast); the disabled colour
// Fyne gives low-importance labels does not, it is meant for what cannot be
// used. The app's theme defines it; SecondaryTextColor falls back when a
// theme does not.
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

// secondaryTheme is the current theme with secondary text as its foreground.
type secondaryTheme struct{}

func (secondaryTheme) base() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		return a.Settings().Theme()
	}
	return theme.DefaultTheme()
}

func (t secondaryTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return SecondaryTextColor(t.base(), v)
	}
	return t.base().Color(n, v)
}

func (t secondaryTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t secondaryTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t secondaryTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// Secondary is a label of secondary text (a thread's author and replies, an
// announcement's date, a card's subtitle) in ColorNameSecondaryText.
type Secondary struct {
	widget.BaseWidget
	Label   *widget.Label
	content fyne.CanvasObject // Label, or the DataLabel that holds it
}

// NewSecondary returns secondary text; set its Label's wrapping, truncation
// and alignment as for any label.
func NewSecondary(text string) *Secondary {
	return secondaryOf(widget.NewLabel(text))
}

// secondaryOf shows an interface label as secondary text.
func secondaryOf(l *widget.Label) *Secondary {
	s := &Secondary{Label: l, content: l}
	s.ExtendBaseWidget(s)
	return s
}

// secondaryData shows user content (a place, a community's name) as
// secondary text; the pseudo-locale test still sees it as content.
func secondaryData(d *DataLabel) *Secondary {
	s := &Secondary{Label: &d.Label, content: d}
	s.ExtendBaseWidget(s)
	return s
}

// SetText changes the text.
func (s *Secondary) SetText(text string) { s.Label.SetText(text) }

// CreateRenderer draws the label under the secondary colour.
func (s *Secondary) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewThemeOverride(s.content, secondaryTheme{}))
}
