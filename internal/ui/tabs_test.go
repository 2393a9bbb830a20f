package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestTabs_RightToLeft: in Arabic the first tab sits at the right edge, and
// tapping a tab shows its content.
func TestTabs_RightToLeft(t *testing.T) {
	test.NewTempApp(t)
	one, two := widget.NewLabel("المنشورات"), widget.NewLabel("القصص")
	tabs := NewTabs(bidi.RightToLeft, container.NewTabItem("المنشورات", one), container.NewTabItem("القصص", two))
	w := test.NewTempWindow(t, tabs)
	w.Resize(fyne.NewSize(390, 200))
	test.AssertRendersToMarkup(t, "tabs_rtl.xml", w.Canvas())
	buttons := tabs.bar.Objects[1:] // a spacer first, then the tabs right to left
	first := buttons[len(buttons)-1].(*widget.Button)
	second := buttons[len(buttons)-2].(*widget.Button)
	if first.Position().X < second.Position().X {
		t.Errorf("the first tab is left of the second")
	}
	if first.Importance != widget.HighImportance || tabs.Selected().Content != one {
		t.Error("the first tab is not selected")
	}
	test.Tap(second)
	if tabs.SelectedIndex() != 1 || tabs.Selected().Content != two || !two.Visible() {
		t.Errorf("after tapping the second tab: selected %d", tabs.SelectedIndex())
	}
	tabs.Append(container.NewTabItem("الأفكار", widget.NewLabel("x")))
	tabs.SelectIndex(5) // out of range: ignored
	if tabs.SelectedIndex() != 1 || len(tabs.Items) != 3 {
		t.Errorf("selected %d of %d", tabs.SelectedIndex(), len(tabs.Items))
	}
}
