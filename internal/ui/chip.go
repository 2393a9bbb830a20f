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
}

// NewChip returns a chip of interface text.
func NewChip(d bidi.Dir, text string, imp widget.Importance) *Chip {
	l := NewText(d, text)
	l.Wrapping = fyne.TextWrapOff
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

// SetText shows text (interface text, or the business's: a category name),
// hiding the chip when it is empty.
func (c *Chip) SetText(d bidi.Dir, text string) {
	SetLine(d, c.Label, text)
	if text == "" {
		c.Hide()
	} else {
		c.Show()
	}
}
