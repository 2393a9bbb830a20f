package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

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
		return uitheme.SecondaryTextColor(t.base(), v)
	}
	return t.base().Color(n, v)
}

func (t secondaryTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t secondaryTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t secondaryTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// Secondary is a label of secondary text (a thread's author and replies, an
// announcement's date, a card's subtitle) in uitheme.ColorNameSecondaryText.
type Secondary struct {
	widget.BaseWidget
	Label   *widget.Label
	content fyne.CanvasObject // Label, or the DataLabel that holds it
}

// NewSecondary returns secondary text; set its Label's wrapping, truncation
// and alignment as for any label.
func NewSecondary(text string) *Secondary {
	return SecondaryOf(widget.NewLabel(text))
}

// SecondaryOf shows an interface label as secondary text.
func SecondaryOf(l *widget.Label) *Secondary {
	s := &Secondary{Label: l, content: l}
	s.ExtendBaseWidget(s)
	return s
}

// SecondaryData shows user content (a place, a community's name) as
// secondary text; the pseudo-locale test still sees it as content.
func SecondaryData(d *DataLabel) *Secondary {
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
