package ui

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Initials returns up to two initials of a name: the first letters of its
// first and last words ("Amira El-Sayed" gives "AE", "Lucía" gives "L").
func Initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) })
	if len(words) == 0 {
		return "?"
	}
	first := []rune(words[0])[:1]
	out := string(unicode.ToUpper(first[0]))
	if len(words) > 1 {
		last := []rune(words[len(words)-1])
		out += string(unicode.ToUpper(last[0]))
	}
	return out
}

// Avatar is a circle in the theme's primary colour with a person's initials.
type Avatar struct {
	widget.BaseWidget
	name string
	size float32
}

// NewAvatar returns an avatar for name, size units across (0: twice the
// inline icon size).
func NewAvatar(name string, size float32) *Avatar {
	if size <= 0 {
		size = theme.IconInlineSize() * 2
	}
	a := &Avatar{name: name, size: size}
	a.ExtendBaseWidget(a)
	return a
}

// SetName shows another person's initials (a recycled list row).
func (a *Avatar) SetName(name string) {
	a.name = name
	a.Refresh()
}

// IsUserData marks the initials as user content.
func (a *Avatar) IsUserData() bool { return true }

// CreateRenderer draws the circle and the initials.
func (a *Avatar) CreateRenderer() fyne.WidgetRenderer {
	circle := &canvas.Circle{}
	text := canvas.NewText(Initials(a.name), color.Transparent)
	text.TextStyle.Bold = true
	text.Alignment = fyne.TextAlignCenter
	r := &avatarRenderer{a: a, circle: circle, text: text}
	r.Refresh()
	return r
}

type avatarRenderer struct {
	a      *Avatar
	circle *canvas.Circle
	text   *canvas.Text
}

func (r *avatarRenderer) Layout(s fyne.Size) {
	d := fyne.Min(s.Width, s.Height)
	pos := fyne.NewPos((s.Width-d)/2, (s.Height-d)/2)
	r.circle.Resize(fyne.NewSquareSize(d))
	r.circle.Move(pos)
	ts := r.text.MinSize()
	r.text.Resize(fyne.NewSize(d, ts.Height))
	r.text.Move(fyne.NewPos(pos.X, pos.Y+(d-ts.Height)/2))
}

func (r *avatarRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(r.a.size) }

func (r *avatarRenderer) Refresh() {
	th := r.a.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.circle.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.text.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	r.text.Text = Initials(r.a.name)
	r.text.TextSize = r.a.size * 0.4
	r.circle.Refresh()
	r.text.Refresh()
	r.Layout(r.a.Size())
}

func (r *avatarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.circle, r.text} }
func (r *avatarRenderer) Destroy()                     {}
