package ui

import (
	"fyne.io/fyne/v2/widget"
)

// DataButton is a button labelled with user content (a poll option) or with
// symbols that need no translation (reaction emoji).
type DataButton struct {
	widget.Button
}

// NewDataButton returns a button labelled text that calls tapped.
func NewDataButton(text string, tapped func()) *DataButton {
	b := &DataButton{}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// IsUserData marks the button's label as content, not interface text.
func (b *DataButton) IsUserData() bool { return true }
