package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Figure is one number of an overview: "3" over "Upcoming events". Value is
// already formatted by the localizer (its digits).
type Figure struct {
	Value, Caption string
}

// Overview is what the detail pane of a desktop list shows before a row is
// picked: the list in a few figures (how many, how full), one line about
// what comes next, the hint to pick a row and the list's main action. It
// replaces a blank pane with a hint in its middle.
type Overview struct {
	widget.BaseWidget

	dir     bidi.Dir
	figures *fyne.Container // one tile per figure
	next    fyne.CanvasObject
	nextBox *fyne.Container
	content fyne.CanvasObject
}

// NewOverview returns an overview with the hint to pick a row and a button
// for the main action (none when actionText is empty); SetFigures fills it
// once the list is loaded.
func NewOverview(d bidi.Dir, hint, actionText string, action func()) *Overview {
	o := &Overview{dir: d, figures: container.NewGridWithColumns(1), nextBox: container.NewVBox()}
	help := NewWrapped(d, hint, fyne.TextStyle{}, "")
	if l, ok := help.(*widget.Label); ok {
		help = SecondaryOf(l)
	} else if p, ok := help.(*Paragraph); ok {
		p.Secondary = true
	}
	objs := []fyne.CanvasObject{o.figures, o.nextBox, help}
	if actionText != "" && action != nil {
		b := NewIconButton(d, actionText, theme.ContentAddIcon(), action)
		b.Importance = widget.HighImportance
		objs = append(objs, mirror.Row(d, b))
	}
	o.content = Inset(container.NewVBox(objs...), Edge)
	o.ExtendBaseWidget(o)
	return o
}

// SetFigures shows the figures side by side, in reading order, and next
// (interface text, perhaps with a name in it; "" for none) under them.
func (o *Overview) SetFigures(figures []Figure, next string) {
	tiles := make([]fyne.CanvasObject, len(figures))
	for i, f := range figures {
		tiles[i] = newFigureTile(o.dir, f)
	}
	o.figures.Layout = container.NewGridWithColumns(max(1, len(tiles))).Layout
	o.figures.Objects = mirror.Order(o.dir, tiles...)
	o.figures.Refresh()
	o.nextBox.Objects = nil
	if next != "" {
		o.next = NewWrapped(o.dir, next, fyne.TextStyle{Bold: true}, "")
		o.nextBox.Objects = []fyne.CanvasObject{o.next}
	}
	o.nextBox.Refresh()
	o.Refresh()
}

// Figures lists the figures shown, in reading order ("3 Upcoming events").
func (o *Overview) Figures() []Figure {
	tiles := o.figures.Objects
	if o.dir.RTL() {
		tiles = mirror.Order(o.dir, tiles...)
	}
	out := make([]Figure, len(tiles))
	for i, t := range tiles {
		out[i] = t.(*figureTile).f
	}
	return out
}

// CreateRenderer shows the content at the top of the pane.
func (o *Overview) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(o.content, nil, nil, nil))
}

// figureTile is a figure on a card: the value large, the caption under it.
type figureTile struct {
	Surface
	f Figure
}

func newFigureTile(d bidi.Dir, f Figure) *figureTile {
	value := widget.NewLabel(bidi.Visual(d, f.Value))
	value.Alignment = mirror.Start(d)
	value.TextStyle.Bold = true
	value.SizeName = theme.SizeNameHeadingText
	caption := NewWrapped(d, f.Caption, fyne.TextStyle{}, theme.SizeNameCaptionText)
	t := &figureTile{f: f}
	t.Content = container.NewVBox(Compact(value), caption)
	t.ExtendBaseWidget(t)
	return t
}
