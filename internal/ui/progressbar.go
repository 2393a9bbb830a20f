package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// ProgressBar is a progress bar that fills from the reading direction's
// start: from the right in right-to-left languages (widget.ProgressBar always
// fills from the left). Its text, when set, is drawn centred over the bar.
type ProgressBar struct {
	widget.BaseWidget
	rtl   bool
	value float64
	text  string
}

// NewProgressBar returns an empty bar for the writing direction of d.
func NewProgressBar(d bidi.Dir) *ProgressBar {
	p := &ProgressBar{rtl: d.RTL()}
	p.ExtendBaseWidget(p)
	return p
}

// Value is how full the bar is, from 0 to 1.
func (p *ProgressBar) Value() float64 { return p.value }

// SetValue fills the bar to v, clamped to 0..1.
func (p *ProgressBar) SetValue(v float64) {
	p.value = max(0, min(1, v))
	p.Refresh()
}

// SetText sets the (translated) text drawn over the bar; "" for none.
func (p *ProgressBar) SetText(s string) {
	p.text = bidi.Visual(bidi.Direction(p.rtl), s)
	p.Refresh()
}

// CreateRenderer draws the track, the fill and the text.
func (p *ProgressBar) CreateRenderer() fyne.WidgetRenderer {
	r := &progressRenderer{p: p, track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText("", color.Transparent)}
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type progressRenderer struct {
	p           *ProgressBar
	track, fill *canvas.Rectangle
	text        *canvas.Text
}

func (r *progressRenderer) Layout(s fyne.Size) {
	r.track.Resize(s)
	w := float32(r.p.value) * s.Width
	r.fill.Resize(fyne.NewSize(w, s.Height))
	if r.p.rtl {
		r.fill.Move(fyne.NewPos(s.Width-w, 0))
	} else {
		r.fill.Move(fyne.NewPos(0, 0))
	}
	ts := r.text.MinSize()
	r.text.Resize(fyne.NewSize(s.Width, ts.Height))
	r.text.Move(fyne.NewPos(0, (s.Height-ts.Height)/2))
}

func (r *progressRenderer) MinSize() fyne.Size {
	th := r.p.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	h := th.Size(theme.SizeNameText) + pad
	if r.p.text != "" {
		ts := r.text.MinSize()
		return fyne.NewSize(ts.Width+2*pad, ts.Height+pad)
	}
	return fyne.NewSize(pad*4, h/2)
}

func (r *progressRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.track.CornerRadius = radius
	r.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.fill.CornerRadius = radius
	r.text.Text = r.p.text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.track.Refresh()
	r.fill.Refresh()
	r.text.Refresh()
	r.Layout(r.p.Size())
}

func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.fill, r.text}
}
func (r *progressRenderer) Destroy() {}
