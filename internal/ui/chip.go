package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// Chip is a small rounded label of a state ("You're going") or a kind (a
// forum category), in the colour of its importance on the entry
// background: a status, not a button or a selected filter.
type Chip struct {
	Surface
	Label *widget.Label
	data  bool // shows the business's text
}

// NewChip returns a chip of interface text.
func NewChip(d bidi.Dir, text string, imp widget.Importance) *Chip {
	l := NewText(d, text)
	l.Wrapping = fyne.TextWrapOff
	l.Truncation = fyne.TextTruncateOff
	l.Importance = imp
	l.TextStyle.Bold = imp != widget.MediumImportance
	l.SizeName = theme.SizeNameCaptionText
	c := &Chip{Label: l}
	c.Content = Compact(l)
	c.Fill = theme.ColorNameInputBackground
	c.Inset = theme.Size(theme.SizeNamePadding)
	c.ExtendBaseWidget(c)
	return c
}

// SetText shows interface text, hiding the chip when it is empty.
func (c *Chip) SetText(d bidi.Dir, text string) {
	SetLine(d, c.Label, text)
	c.showIf(text)
}

func (c *Chip) showIf(text string) {
	if text == "" {
		c.Hide()
	} else {
		c.Show()
	}
}

// SetData shows the business's text (a category's name), in its own
// direction; the pseudo-locale test skips it.
func (c *Chip) SetData(d bidi.Dir, text string) {
	c.data = true
	c.Label.SetText(bidi.Visual(bidi.Content(d, text), text))
	c.showIf(text)
}

// IsUserData reports whether the chip shows the business's text (SetData).
func (c *Chip) IsUserData() bool { return c.data }
