package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTapCard(t *testing.T) {
	test.NewTempApp(t)
	n := 0
	c := NewTapCard(widget.NewLabel("Latte art"), func() { n++ })
	test.Tap(c)
	if n != 1 {
		t.Errorf("tapped %d times", n)
	}
	c.OnTapped = nil
	test.Tap(c) // no handler: nothing happens
}
