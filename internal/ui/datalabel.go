package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// DataLabel is a label showing user content (a name, a title, a note): the
// pseudo-locale test skips it. Its text is in visual order by its own
// direction (bidi.Content).
type DataLabel struct {
	widget.Label
}

// NewDataLabel returns a word-wrapping DataLabel aligned to the reading
// start of the interface, bold if asked.
func NewDataLabel(d bidi.Dir, text string, bold bool) *DataLabel {
	l := &DataLabel{}
	l.Text = bidi.Visual(bidi.Content(d, text), text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = mirror.Start(d)
	l.TextStyle.Bold = bold
	l.ExtendBaseWidget(l)
	return l
}

// NewDataLine is a one-line DataLabel cut with an ellipsis, for list rows.
func NewDataLine(d bidi.Dir, bold bool) *DataLabel {
	l := NewDataLabel(d, "", bold)
	l.Wrapping = fyne.TextWrapOff
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// NewContentLabel is a word-wrapping DataLabel aligned to the start of its
// text's own direction: an Arabic story on an English screen reads from the
// right, an English poll option on an Arabic screen from the left.
func NewContentLabel(d bidi.Dir, text string, bold bool) *DataLabel {
	l := NewDataLabel(d, text, bold)
	l.Alignment = mirror.Start(bidi.Content(d, text))
	return l
}

// IsUserData marks the label as user content.
func (l *DataLabel) IsUserData() bool { return true }

// SetData sets the text in visual order, aligned to the interface's start.
func (l *DataLabel) SetData(d bidi.Dir, text string) {
	l.Alignment = mirror.Start(d)
	l.SetText(bidi.Visual(bidi.Content(d, text), text))
}

// SetContent sets the text in visual order, aligned to the start of its own
// direction (see NewContentLabel).
func (l *DataLabel) SetContent(d bidi.Dir, text string) {
	l.Alignment = mirror.Start(bidi.Content(d, text))
	l.SetText(bidi.Visual(bidi.Content(d, text), text))
}
