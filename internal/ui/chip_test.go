package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestChip_SetDataMarksContentAndHidesWhenEmpty(t *testing.T) {
	test.NewTempApp(t)
	c := NewChip(bidi.LeftToRight, "You're going", widget.SuccessImportance)
	if c.IsUserData() {
		t.Error("a chip of interface text is marked as content")
	}
	c.SetData(bidi.LeftToRight, "Coffee talk")
	if !c.IsUserData() || c.Label.Text != "Coffee talk" || !c.Visible() {
		t.Errorf("SetData: user data %v, text %q, visible %v", c.IsUserData(), c.Label.Text, c.Visible())
	}
	c.SetData(bidi.LeftToRight, "")
	if c.Visible() {
		t.Error("an empty chip shows")
	}
}
