package ui

import "fyne.io/fyne/v2"

// MinTouch is the smallest side of something to tap on a touch screen (dp).
const MinTouch = 44

// Target lays o out at least MinTouch×MinTouch: an emoji button or an icon
// is easy to hit with a thumb.
func Target(o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: targetLayout{}, Objects: []fyne.CanvasObject{o}}
}

type targetLayout struct{}

func (targetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (targetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSquareSize(MinTouch)
	for _, o := range objs {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	return m
}
