package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The margin scale. Every margin the screens and the toolkit set is the
// theme's padding (4 dp) times one of these steps, so that a page, a card
// and a row line up wherever they are: no container.NewPadded (one step)
// here and a literal 16 there.
const (
	Tight = 1 // inside a group: between a label and its value
	Gap   = 2 // between the items of a list or the parts of a pane
	Edge  = 3 // a page's margin and a card's inside (Surface)
)

// Space is the theme's padding times step (Tight, Gap or Edge).
func Space(step int) float32 {
	return theme.Padding() * float32(step)
}

// Inset lays o out with a margin of Space(step) on every side.
func Inset(o fyne.CanvasObject, step int) *fyne.Container {
	return &fyne.Container{Layout: insetLayout{step: step}, Objects: []fyne.CanvasObject{o}}
}

// Page is a screen of text and fields with the page margin (Edge) on
// every side. Put it inside the screen's scroll, so that the scroll bar
// stays at the window's edge.
func Page(o fyne.CanvasObject) *fyne.Container { return Inset(o, Edge) }

// CardPage is a screen of cards (Surface) with the margin of a page of
// cards (Tight): each card has the page margin inside it, so its text
// lines up with a text page's, and a phone keeps the width its one-line
// titles need.
func CardPage(o fyne.CanvasObject) *fyne.Container { return Inset(o, Tight) }

type insetLayout struct{ step int }

func (l insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m := Space(l.step)
	for _, o := range objs {
		o.Move(fyne.NewPos(m, m))
		o.Resize(size.SubtractWidthHeight(2*m, 2*m))
	}
}

func (l insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	m := Space(l.step)
	return s.AddWidthHeight(2*m, 2*m)
}

// InsetSides gives row (a row of buttons, as mirror.Row makes) a margin of
// Space(step) at its left and right, keeping its objects and their order:
// reactions under a post then start where the post's text does, and in a
// right-to-left row the last one stays clear of the list's scroll bar.
func InsetSides(row *fyne.Container, step int) {
	row.Layout = sidesLayout{inner: row.Layout, step: step}
}

type sidesLayout struct {
	inner fyne.Layout
	step  int
}

func (l sidesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m := Space(l.step)
	l.inner.Layout(objs, size.SubtractWidthHeight(2*m, 0))
	for _, o := range objs {
		o.Move(o.Position().AddXY(m, 0))
	}
}

func (l sidesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return l.inner.MinSize(objs).AddWidthHeight(2*Space(l.step), 0)
}
