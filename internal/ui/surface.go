package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Surface is a rounded panel painted in a theme colour (a card's surface
// by default) around its content, with one margin (theme padding ×3) inside.
type Surface struct {
	widget.BaseWidget
	Content fyne.CanvasObject
	Fill    fyne.ThemeColorName // theme.ColorNameOverlayBackground when empty
	Inset   float32             // inside margin; -1 for none, 0 for the default
	Flat    bool                // square corners, no border (a bar's backdrop)
}

// NewSurface returns a card-coloured surface around content.
func NewSurface(content fyne.CanvasObject) *Surface {
	s := &Surface{Content: content}
	s.ExtendBaseWidget(s)
	return s
}

// TapSurface is a Surface the user taps to open what it shows.
type TapSurface struct {
	Surface
	OnTapped func()
}

// NewTapSurface returns a card-coloured surface that calls tapped.
func NewTapSurface(content fyne.CanvasObject, tapped func()) *TapSurface {
	s := &TapSurface{OnTapped: tapped}
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Tapped calls OnTapped.
func (s *TapSurface) Tapped(*fyne.PointEvent) {
	if s.OnTapped != nil {
		s.OnTapped()
	}
}

// CreateRenderer draws the panel under the content.
func (s *Surface) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	r := &surfaceRenderer{s: s, bg: bg}
	r.Refresh()
	return r
}

type surfaceRenderer struct {
	s  *Surface
	bg *canvas.Rectangle
}

func (r *surfaceRenderer) inset() float32 {
	switch {
	case r.s.Inset < 0:
		return 0
	case r.s.Inset > 0:
		return r.s.Inset
	}
	return r.s.Theme().Size(theme.SizeNamePadding) * Edge
}

func (r *surfaceRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if r.s.Content != nil {
		in := r.inset()
		r.s.Content.Move(fyne.NewPos(in, in))
		r.s.Content.Resize(size.SubtractWidthHeight(2*in, 2*in))
	}
}

func (r *surfaceRenderer) MinSize() fyne.Size {
	in := r.inset()
	if r.s.Content == nil {
		return fyne.NewSquareSize(2 * in)
	}
	return r.s.Content.MinSize().AddWidthHeight(2*in, 2*in)
}

func (r *surfaceRenderer) Refresh() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fill := r.s.Fill
	if fill == "" {
		fill = theme.ColorNameOverlayBackground
	}
	r.bg.FillColor = th.Color(fill, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.StrokeWidth = 1
	if fill != theme.ColorNameOverlayBackground {
		r.bg.StrokeWidth = 0
	}
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius) * 1.5
	if r.s.Flat {
		r.bg.CornerRadius, r.bg.StrokeWidth, r.bg.StrokeColor = 0, 0, color.Transparent
	}
	r.bg.Refresh()
	if r.s.Content != nil {
		r.s.Content.Refresh()
	}
}

func (r *surfaceRenderer) Objects() []fyne.CanvasObject {
	if r.s.Content == nil {
		return []fyne.CanvasObject{r.bg}
	}
	return []fyne.CanvasObject{r.bg, r.s.Content}
}

func (r *surfaceRenderer) Destroy() {}

// Backdrop paints the window's background under o (a header or a tab bar
// over scrolling content), so that nothing scrolled under it shows through.
// Fyne's GL and mobile drivers clip a scroll inside a scroll to both, but
// its software painter (the test driver, the gallery's screenshots) clips it
// to the inner one only: an entry half scrolled out of a page was drawn over
// the phone's tab bar.
func Backdrop(o fyne.CanvasObject) fyne.CanvasObject {
	s := &Surface{Content: o, Fill: theme.ColorNameBackground, Inset: -1, Flat: true}
	s.ExtendBaseWidget(s)
	return s
}

// Compact lays a label out without most of its inner padding above and
// below, so that the lines of a card sit together (a label alone is padded
// to the height of a button).
func Compact(o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: compactLayout{}, Objects: []fyne.CanvasObject{o}}
}

type compactLayout struct{}

func (compactLayout) trim() float32 {
	return max(0, theme.Size(theme.SizeNameInnerPadding)-theme.Size(theme.SizeNamePadding)/2)
}

func (c compactLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := c.trim()
	for _, o := range objs {
		o.Move(fyne.NewPos(0, -t))
		o.Resize(fyne.NewSize(size.Width, size.Height+2*t))
	}
}

func (c compactLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(m.Width, max(0, m.Height-2*c.trim()))
}
