package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Labels of interface text: already translated messages, perhaps with names
// or numbers in them, in visual order (bidi.Visual) and aligned to the
// reading direction's start.

// NewText returns a word-wrapping label of interface text.
func NewText(d bidi.Dir, text string) *widget.Label {
	l := widget.NewLabel(bidi.Visual(d, text))
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = mirror.Start(d)
	return l
}

// NewHeading returns a bold, word-wrapping label for a title.
func NewHeading(d bidi.Dir, text string) *widget.Label {
	l := NewText(d, text)
	l.TextStyle.Bold = true
	return l
}

// NewSectionHeader is a heading over a section, one line in the sub-heading
// size cut with an ellipsis, with a separator under it.
func NewSectionHeader(d bidi.Dir, text string) fyne.CanvasObject {
	l := NewHeading(d, text)
	l.Wrapping = fyne.TextWrapOff
	l.SizeName = theme.SizeNameSubHeadingText
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(l, widget.NewSeparator())
}

// NewFaint returns one line of secondary text for metadata (an author, a
// date), cut with an ellipsis.
func NewFaint(d bidi.Dir, text string) *Secondary {
	s := NewSecondary("")
	s.Label.Truncation = fyne.TextTruncateEllipsis
	SetLine(d, s.Label, text)
	return s
}

// secondaryWrapped returns word-wrapping secondary text (a subtitle).
func secondaryWrapped(text string) *Secondary {
	s := NewSecondary(text)
	s.Label.Wrapping = fyne.TextWrapWord
	return s
}

// SetLine sets the text of a label, of secondary text or of a data label (see
// AsLabel) to interface text, in visual order and aligned to the reading
// start; or the text of a NewFaintLine, in the reading direction.
func SetLine(d bidi.Dir, o fyne.CanvasObject, text string) {
	if p, ok := o.(*Paragraph); ok { // NewFaintLine: it orders its text itself
		p.SetText(text, d.RTL())
		return
	}
	l := AsLabel(o)
	l.Alignment = mirror.Start(d)
	l.SetText(bidi.Visual(d, text))
}

// AsLabel returns the label of a label, of secondary text or of a data label.
func AsLabel(o fyne.CanvasObject) *widget.Label {
	switch v := o.(type) {
	case *widget.Label:
		return v
	case *Secondary:
		return v.Label
	case *DataLabel:
		return &v.Label
	}
	panic("ui: not a label")
}
