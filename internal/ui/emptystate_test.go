package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestNewEmptyState(t *testing.T) {
	test.NewTempApp(t)
	tapped := false
	e := NewEmptyState(theme.MailComposeIcon(), "No threads yet.", "Start a thread", func() { tapped = true })
	if got := texts(e); !slices.Equal(got, []string{"No threads yet.", "Start a thread"}) {
		t.Errorf("texts %q", got)
	}
	test.Tap(findButton(t, e))
	if !tapped {
		t.Error("the action did not run")
	}
	if got := texts(NewEmptyState(nil, "Nothing here.", "", nil)); !slices.Equal(got, []string{"Nothing here."}) {
		t.Errorf("without an action: texts %q", got)
	}
}
