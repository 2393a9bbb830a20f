package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// ImageSlot is where a photo goes (an event's, a story's): the photo when
// there is one, else a quiet placeholder, a warm tint with a faint cup, so
// that cards keep their shape until photos exist.
type ImageSlot struct {
	widget.BaseWidget
	image fyne.Resource
	size  fyne.Size
}

// NewImageSlot returns a slot of at least size showing res (nil: the
// placeholder).
func NewImageSlot(res fyne.Resource, size fyne.Size) *ImageSlot {
	s := &ImageSlot{image: res, size: size}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer draws the photo or the placeholder.
func (s *ImageSlot) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	var img *canvas.Image
	if s.image != nil {
		img = canvas.NewImageFromResource(s.image)
		img.FillMode = canvas.ImageFillCover
	} else {
		img = canvas.NewImageFromResource(theme.NewDisabledResource(cupIcon))
		img.FillMode = canvas.ImageFillContain
	}
	r := &imageSlotRenderer{s: s, bg: bg, img: img}
	r.Refresh()
	return r
}

type imageSlotRenderer struct {
	s   *ImageSlot
	bg  *canvas.Rectangle
	img *canvas.Image
}

func (r *imageSlotRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if r.s.image != nil {
		r.img.Resize(size)
		r.img.Move(fyne.NewPos(0, 0))
		return
	}
	d := min(size.Width, size.Height) * 0.45
	r.img.Resize(fyne.NewSquareSize(d))
	r.img.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
}

func (r *imageSlotRenderer) MinSize() fyne.Size { return r.s.size }

func (r *imageSlotRenderer) Refresh() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = uitheme.ImageSlotColor(th, v)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Refresh()
	r.img.Refresh()
}

func (r *imageSlotRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.img} }
func (r *imageSlotRenderer) Destroy()                     {}

// cupIcon is the placeholder's drawing: a cup with steam, in the theme's
// foreground (made faint by the disabled resource).
var cupIcon = theme.NewThemedResource(fyne.NewStaticResource("cup.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zm12 1h1.5a2.5 2.5 0 0 1 0 5H16v-1.6h1.5a.9.9 0 0 0 0-1.8H16zM3 20.5h14v1.2H3zM8 3.2c-.9 1.2.9 1.8 0 3.3l-.9-.5c.5-.9-1.1-1.6.1-3.3zm3.4 0c-.9 1.2.9 1.8 0 3.3l-.9-.5c.5-.9-1.1-1.6.1-3.3z"/></svg>`)))

// DateBlock is a small calendar page: the month over the day, in the
// accent colour, at the start of an event card.
func NewDateBlock(month, day string) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	on := theme.Color(theme.ColorNameForegroundOnPrimary)
	m := canvas.NewText(month, on)
	m.Alignment = fyne.TextAlignCenter
	m.TextSize = theme.Size(theme.SizeNameCaptionText)
	d := canvas.NewText(day, on)
	d.Alignment = fyne.TextAlignCenter
	d.TextStyle.Bold = true
	d.TextSize = theme.Size(theme.SizeNameHeadingText)
	return &fyne.Container{Layout: dateBlockLayout{}, Objects: []fyne.CanvasObject{bg, m, d}}
}

type dateBlockLayout struct{}

func (dateBlockLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	m, d := objs[1].MinSize(), objs[2].MinSize()
	top := (size.Height - m.Height - d.Height) / 2
	objs[1].Resize(fyne.NewSize(size.Width, m.Height))
	objs[1].Move(fyne.NewPos(0, top))
	objs[2].Resize(fyne.NewSize(size.Width, d.Height))
	objs[2].Move(fyne.NewPos(0, top+m.Height))
}

func (dateBlockLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m, d := objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(max(56, m.Width+8, d.Width+8), max(60, m.Height+d.Height+8))
}
