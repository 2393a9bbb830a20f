package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestRelayout: a box inside a scroll grows after it was laid out (as the
// composer's tabs do when the community loads); Relayout moves what follows
// it down, through the scroll.
func TestRelayout(t *testing.T) {
	test.NewTempApp(t)
	grows := container.NewVBox()
	below := widget.NewLabel("below")
	page := container.NewVBox(grows, below)
	scroll := container.NewVScroll(page)
	scroll.Resize(fyne.NewSize(300, 400))
	before := below.Position().Y
	// Grow without telling the parents, as a widget that changes its
	// minimum size does.
	grows.Objects = append(grows.Objects, widget.NewLabel("one"), widget.NewLabel("two"))
	Relayout(scroll)
	if below.Position().Y < before+grows.MinSize().Height {
		t.Errorf("after Relayout the label below is at %v, the grown box ends at %v", below.Position().Y, grows.Position().Y+grows.MinSize().Height)
	}
}
