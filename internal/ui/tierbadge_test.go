package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestTierBadge(t *testing.T) {
	test.NewTempApp(t)
	b := NewTierBadge(bidi.LeftToRight, "Regular")
	if got := texts(b); !slices.Equal(got, []string{"Regular"}) {
		t.Errorf("texts %q", got)
	}
	if !b.IsUserData() {
		t.Error("a tier's name is the business's content")
	}
	// An Arabic tier name with a number is put in visual order.
	name := "المستوى ٢!"
	if got := texts(NewTierBadge(bidi.LeftToRight, name)); len(got) != 1 || got[0] != bidi.Visual(bidi.RightToLeft, name) {
		t.Errorf("arabic tier name: %q", got)
	}
}
