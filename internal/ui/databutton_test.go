package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestDataButton(t *testing.T) {
	test.NewTempApp(t)
	n := 0
	b := NewDataButton("☕ 3", func() { n++ })
	test.Tap(b)
	if n != 1 || b.Text != "☕ 3" || !b.IsUserData() {
		t.Errorf("tapped %d, text %q, user data %v", n, b.Text, b.IsUserData())
	}
}
