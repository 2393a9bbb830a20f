package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Relayout lays o out again, outermost first, after a background load
// changed the size of what it holds. Fyne re-lays out the parent of an
// object whose minimum size changed, but only one such parent per frame:
// when one update changes sizes in two branches (the composer's language
// tabs appear while its preview fills in), the first branch keeps its old
// layout and its widgets overlap until the window is resized. It walks the
// containers and scrolls under o (not into other widgets, which lay their
// own parts out when refreshed) and redraws o.
func Relayout(o fyne.CanvasObject) {
	relayoutTree(o)
	canvas.Refresh(o)
}

func relayoutTree(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *container.Scroll:
		v.Refresh() // resizes its content to the content's new minimum
		relayoutTree(v.Content)
	case *fyne.Container:
		if v.Layout != nil {
			v.Layout.Layout(v.Objects, v.Size())
		}
		for _, c := range v.Objects {
			relayoutTree(c)
		}
	}
}
