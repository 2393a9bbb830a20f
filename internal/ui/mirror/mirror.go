// Package mirror lays Fyne objects out from the reading direction's start:
// left to right, or mirrored for right-to-left languages. Fyne 2.7 does not
// mirror layouts by itself: rows, borders, splits and text alignment are
// turned here. Every function takes a bidi.Dir (an i18n.Localizer, a
// screen's Env, or a bidi.Direction) and reads its direction when called.
package mirror

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// Start is the text alignment of the reading direction's start.
func Start(d bidi.Dir) fyne.TextAlign {
	if d.RTL() {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// End is the text alignment of the reading direction's end.
func End(d bidi.Dir) fyne.TextAlign {
	if d.RTL() {
		return fyne.TextAlignLeading
	}
	return fyne.TextAlignTrailing
}

// Order returns objs in reading order: reversed for right to left, for
// layouts that place their objects left to right (a grid).
func Order(d bidi.Dir, objs ...fyne.CanvasObject) []fyne.CanvasObject {
	if !d.RTL() {
		return objs
	}
	rev := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		rev[len(objs)-1-i] = o
	}
	return rev
}

// Row lays objs out in a row from the reading direction's start: left to
// right, or packed to the right in reverse order for right to left (a spacer
// first). RowObjects gives them back in reading order.
func Row(d bidi.Dir, objs ...fyne.CanvasObject) *fyne.Container {
	if d.RTL() {
		return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, Order(d, objs...)...)...)
	}
	return container.NewHBox(objs...)
}

// RowObjects returns the objects of a row made by Row in reading order,
// without the spacer Row adds for right to left.
func RowObjects(row *fyne.Container) []fyne.CanvasObject {
	objs := row.Objects
	if len(objs) == 0 {
		return nil
	}
	if _, ok := objs[0].(layout.SpacerObject); !ok {
		return append([]fyne.CanvasObject(nil), objs...)
	}
	out := make([]fyne.CanvasObject, 0, len(objs)-1)
	for i := len(objs) - 1; i > 0; i-- {
		out = append(out, objs[i])
	}
	return out
}

// Border is container.NewBorder with leading at the reading direction's
// start and trailing at its end (swapped for right to left).
func Border(d bidi.Dir, top, bottom, leading, trailing fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	if d.RTL() {
		leading, trailing = trailing, leading
	}
	return container.NewBorder(top, bottom, leading, trailing, center...)
}

// Split lays list out at the reading start and detail beside it, the list
// taking the share list of the width (the divider can be dragged): left to
// right, or mirrored for right to left.
func Split(d bidi.Dir, list, detail fyne.CanvasObject, share float64) *container.Split {
	if d.RTL() {
		split := container.NewHSplit(detail, list)
		split.Offset = 1 - share
		return split
	}
	split := container.NewHSplit(list, detail)
	split.Offset = share
	return split
}
