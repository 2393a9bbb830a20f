package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTarget_MinSize(t *testing.T) {
	test.NewTempApp(t)
	b := widget.NewButton("☕", nil)
	if s := Target(b).MinSize(); s.Width < MinTouch || s.Height < MinTouch {
		t.Errorf("Target min size %v, want at least %d square", s, MinTouch)
	}
}
