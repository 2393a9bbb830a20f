package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// Check is a checkbox with its label laid out from the reading start: the
// box at the left with the label to its right in a left-to-right
// interface, the box at the right with the label to its left in a
// right-to-left one. Fyne's Check always draws its box on the left and its
// label on one line, reordered as a whole (a long Arabic label would show
// its end first); here the label is NewWrapped's (a Paragraph, broken into
// lines before each is put in bidi order, where the interface is right to
// left or the text needs it) and wraps under itself beside the box.
//
// It extends widget.Check, so Checked, SetChecked, OnChanged, Disable and
// the keyboard (focus by Tab, Space toggles) are Fyne's. Tapping anywhere on
// it, label included, toggles it: the whole row is the touch target.
type Check struct {
	widget.Check

	dir              bidi.Dir
	focused, hovered bool
}

var (
	_ fyne.Focusable    = (*Check)(nil)
	_ fyne.Tappable     = (*Check)(nil)
	_ desktop.Hoverable = (*Check)(nil)
)

// NewCheck returns a check labelled with interface text (a translated
// message in logical order: the check puts it in visual order).
func NewCheck(d bidi.Dir, label string, changed func(bool)) *Check {
	c := &Check{dir: d}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// Tapped toggles the check, wherever it is tapped, and gives it the
// keyboard focus on a desktop.
func (c *Check) Tapped(*fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if !c.focused && !fyne.CurrentDevice().IsMobile() {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
			cv.Focus(c)
		}
	}
	c.SetChecked(!c.Checked)
}

// FocusGained shows the focus ring around the box.
func (c *Check) FocusGained() {
	if c.Disabled() {
		return
	}
	c.focused = true
	c.Refresh()
}

// FocusLost hides the focus ring.
func (c *Check) FocusLost() {
	c.focused = false
	c.Refresh()
}

// Hide hides the check and gives up the focus.
func (c *Check) Hide() {
	if c.focused {
		c.FocusLost()
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
			cv.Focus(nil)
		}
	}
	c.Check.Hide()
}

// MouseIn shows the hover ring around the box.
func (c *Check) MouseIn(*desktop.MouseEvent) {
	if c.Disabled() || c.hovered {
		return
	}
	c.hovered = true
	c.Refresh()
}

// MouseMoved keeps the hover ring: the whole check is its active area.
func (c *Check) MouseMoved(e *desktop.MouseEvent) { c.MouseIn(e) }

// MouseOut hides the hover ring.
func (c *Check) MouseOut() {
	if c.hovered {
		c.hovered = false
		c.Refresh()
	}
}

// MinSize is the box beside the label's minimum (the label wraps).
func (c *Check) MinSize() fyne.Size {
	c.ExtendBaseWidget(c)
	return c.BaseWidget.MinSize()
}

// CreateRenderer draws the box (as Fyne's Check does) and the label.
func (c *Check) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	r := &checkRenderer{c: c, focus: canvas.NewCircle(color.Transparent),
		bg: canvas.NewImageFromResource(nil), icon: canvas.NewImageFromResource(nil)}
	r.setLabel()
	r.update()
	return r
}

type checkRenderer struct {
	c         *Check
	focus     *canvas.Circle
	bg, icon  *canvas.Image
	label     fyne.CanvasObject // from NewWrapped
	text      string            // the label's text
	labelLeft bool              // the label is left of the box (right to left)
}

// setLabel makes the label for the check's text and direction.
func (r *checkRenderer) setLabel() {
	r.text, r.labelLeft = r.c.Text, r.c.dir.RTL()
	r.label = NewWrapped(r.c.dir, r.c.Text, fyne.TextStyle{}, "")
}

// boxWidth is the width of the box's column: the focus ring and a border
// each side, as in Fyne's Check.
func (r *checkRenderer) boxWidth(th fyne.Theme) float32 {
	return th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameInputBorder)
}

// oneLine is the height of a check whose label is one line.
func (r *checkRenderer) oneLine(th fyne.Theme) float32 {
	pad := 2 * th.Size(theme.SizeNameInnerPadding)
	text := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	return max(th.Size(theme.SizeNameInlineIcon), text) + pad
}

// labelShift is how far the label reaches under the box's column: its own
// inner padding, so that its text starts beside the box as in Fyne's Check.
func (r *checkRenderer) labelShift(th fyne.Theme) float32 {
	return th.Size(theme.SizeNameInnerPadding)
}

func (r *checkRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	m := r.label.MinSize()
	return fyne.NewSize(m.Width+r.boxWidth(th)-r.labelShift(th), max(m.Height, r.oneLine(th)))
}

func (r *checkRenderer) Layout(size fyne.Size) {
	th := r.c.Theme()
	inner, border := th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder)
	iconSize := th.Size(theme.SizeNameInlineIcon)
	boxW, shift := r.boxWidth(th), r.labelShift(th)

	labelW := size.Width - boxW + shift
	r.label.Resize(fyne.NewSize(labelW, r.label.MinSize().Height))
	// The label's height follows its width (it wraps): measure it again.
	labelH := r.label.MinSize().Height
	r.label.Resize(fyne.NewSize(labelW, labelH))
	// The label, one line or many, is centred in the height; the box sits
	// by its first line.
	line := r.oneLine(th)
	block := max(labelH, line)
	top := max(0, (size.Height-block)/2)
	centre := top + line/2

	ring := fyne.NewSquareSize(iconSize + inner)
	ringX, iconX, labelX := border, inner/2+border, boxW-shift
	if r.labelLeft {
		ringX = size.Width - border - ring.Width
		iconX = size.Width - inner/2 - border - iconSize
		labelX = 0
	}
	r.label.Move(fyne.NewPos(labelX, top+(block-labelH)/2))
	r.focus.Resize(ring)
	r.focus.Move(fyne.NewPos(ringX, centre-ring.Height/2))
	for _, img := range []*canvas.Image{r.bg, r.icon} {
		img.Resize(fyne.NewSquareSize(iconSize))
		img.Move(fyne.NewPos(iconX, centre-iconSize/2))
	}
}

// update sets the box's icons, the ring's colour and the label's colour
// from the check's state, as Fyne's Check does.
func (r *checkRenderer) update() {
	c, th := r.c, r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	res := theme.NewThemedResource(th.Icon(theme.IconNameCheckButton))
	res.ColorName = theme.ColorNameInputBorder
	bg := theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonFill))
	bg.ColorName = theme.ColorNameInputBackground
	switch {
	case c.Partial:
		res = theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonPartial))
		res.ColorName, bg.ColorName = theme.ColorNamePrimary, theme.ColorNameBackground
	case c.Checked:
		res = theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonChecked))
		res.ColorName, bg.ColorName = theme.ColorNamePrimary, theme.ColorNameBackground
	}
	if c.Disabled() {
		if c.Checked {
			res = theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonChecked))
		}
		res.ColorName, bg.ColorName = theme.ColorNameDisabled, theme.ColorNameBackground
	}
	r.icon.Resource, r.bg.Resource = res, bg

	switch {
	case c.Disabled():
		r.focus.FillColor = color.Transparent
	case c.focused:
		r.focus.FillColor = th.Color(theme.ColorNameFocus, v)
	case c.hovered:
		r.focus.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.focus.FillColor = color.Transparent
	}

	switch l := r.label.(type) {
	case *Paragraph:
		l.Secondary = c.Disabled()
	case *widget.Label:
		l.Importance = widget.MediumImportance
		if c.Disabled() {
			l.Importance = widget.LowImportance
		}
	}
}

func (r *checkRenderer) Refresh() {
	if r.c.Text != r.text || r.c.dir.RTL() != r.labelLeft {
		r.setLabel()
		r.Layout(r.c.Size())
	}
	r.update()
	r.icon.Refresh()
	r.bg.Refresh()
	r.focus.Refresh()
	r.label.Refresh()
	canvas.Refresh(r.c)
}

func (r *checkRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.focus, r.bg, r.icon, r.label}
}

func (r *checkRenderer) Destroy() {}
