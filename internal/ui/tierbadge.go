package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TierBadge is a pill with a star and the name of a loyalty tier (the
// business's text).
type TierBadge struct {
	widget.BaseWidget
	name string
}

// NewTierBadge returns a badge for the tier called name, on an interface
// read in direction d.
func NewTierBadge(d bidi.Dir, name string) *TierBadge {
	b := &TierBadge{name: bidi.Visual(bidi.Content(d, name), name)}
	b.ExtendBaseWidget(b)
	return b
}

// IsUserData marks the tier name as the business's content.
func (b *TierBadge) IsUserData() bool { return true }

// CreateRenderer draws the pill.
func (b *TierBadge) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	icon := widget.NewIcon(theme.NewPrimaryThemedResource(theme.ConfirmIcon()))
	label := widget.NewLabel(b.name)
	label.TextStyle.Bold = true
	row := container.NewHBox(icon, label)
	r := &badgeRenderer{b: b, bg: bg, row: row, label: label}
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b     *TierBadge
	bg    *canvas.Rectangle
	row   *fyne.Container
	label *widget.Label
}

func (r *badgeRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.row.Resize(s)
}

func (r *badgeRenderer) MinSize() fyne.Size { return r.row.MinSize() }

func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius) * 2
	r.label.SetText(r.b.name)
	r.bg.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.row} }
func (r *badgeRenderer) Destroy()                     {}
