package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestSubmitEntry_EnterSendsShiftEnterBreaks: Enter sends; Shift+Enter and
// Ctrl+Enter start a new line instead.
func TestSubmitEntry_EnterSendsShiftEnterBreaks(t *testing.T) {
	test.NewTempApp(t)
	sent := 0
	e := NewSubmitEntry(func() { sent++ })
	w := test.NewTempWindow(t, e)
	w.Canvas().Focus(e)
	test.Type(e, "one")
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(e, "two")
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	test.Type(e, "three")
	if e.Text != "one\ntwo\nthree" || sent != 0 {
		t.Fatalf("text %q, sent %d times", e.Text, sent)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if sent != 1 || e.Text != "one\ntwo\nthree" {
		t.Errorf("Enter: sent %d times, text %q", sent, e.Text)
	}
}
