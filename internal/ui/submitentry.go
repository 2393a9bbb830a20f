package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// SubmitEntry is a multi-line entry where Enter sends and Shift+Enter or
// Ctrl+Enter starts a new line: chat habits, since a reply is usually short.
type SubmitEntry struct {
	widget.Entry
	onSend func()
	shift  bool
}

// NewSubmitEntry returns an empty entry that calls onSend on Enter.
func NewSubmitEntry(onSend func()) *SubmitEntry {
	e := &SubmitEntry{onSend: onSend}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown tracks Shift, which turns Enter into a new line.
func (e *SubmitEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp tracks Shift.
func (e *SubmitEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey sends on Enter.
func (e *SubmitEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.shift && e.onSend != nil {
		e.onSend()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut makes Ctrl+Enter a new line.
func (e *SubmitEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		return
	}
	e.Entry.TypedShortcut(s)
}
