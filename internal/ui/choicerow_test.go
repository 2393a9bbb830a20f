package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestChoiceRow_TapsUnlessDisabled(t *testing.T) {
	test.NewTempApp(t)
	n := 0
	r := NewChoiceRow(bidi.LeftToRight, "Cardamom latte", false, func() { n++ })
	test.Tap(r)
	r.Disable()
	test.Tap(r)
	if n != 1 {
		t.Errorf("tapped %d times, want 1 (the disabled tap ignored)", n)
	}
}
