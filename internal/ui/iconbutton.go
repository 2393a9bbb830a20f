package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// NewIconButton is a button whose icon comes before its text in the reading
// direction: on the left for left to right, on the right for right to left.
// Fyne's button always draws the icon on the left, which in Arabic put the
// tick of "الانضمام إلى قائمة الانتظار" after the words.
func NewIconButton(d bidi.Dir, text string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(text, icon, tapped)
	if d.RTL() {
		b.IconPlacement = widget.ButtonIconTrailingText
	}
	return b
}
