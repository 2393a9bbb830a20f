package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// NewChip is a small rounded label of a state ("You're going", a forum
// category), in the colour of its importance on the entry background: a
// status, not a button or a selected filter.
func NewChip(d bidi.Dir, text string, imp widget.Importance) fyne.CanvasObject {
	l := NewText(d, text)
	l.Wrapping = fyne.TextWrapOff
	l.Importance = imp
	l.TextStyle.Bold = imp != widget.MediumImportance
	l.SizeName = theme.SizeNameCaptionText
	s := NewSurface(Compact(l))
	s.Fill = theme.ColorNameInputBackground
	s.Inset = theme.Size(theme.SizeNamePadding)
	return s
}
