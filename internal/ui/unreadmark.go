package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// UnreadMark is the dot that says a list row has something the member has
// not read (a forum thread with new posts): a filled circle in the accent
// (primary) colour. It keeps its place when there is nothing new, so the
// rows' text stays aligned, and is meant to go with a second cue that is not
// a colour (the forum sets the title in bold): a member who cannot tell the
// accent from the background still sees which rows are new.
type UnreadMark struct {
	widget.BaseWidget
	unread bool
}

// NewUnreadMark returns a mark showing nothing new.
func NewUnreadMark() *UnreadMark {
	m := &UnreadMark{}
	m.ExtendBaseWidget(m)
	return m
}

// SetUnread shows the dot (true) or an empty place (false).
func (m *UnreadMark) SetUnread(unread bool) {
	if m.unread == unread {
		return
	}
	m.unread = unread
	m.Refresh()
}

// Unread reports whether the dot shows.
func (m *UnreadMark) Unread() bool { return m.unread }

// CreateRenderer draws the dot.
func (m *UnreadMark) CreateRenderer() fyne.WidgetRenderer {
	r := &unreadMarkRenderer{m: m, dot: &canvas.Circle{}}
	r.Refresh()
	return r
}

type unreadMarkRenderer struct {
	m   *UnreadMark
	dot *canvas.Circle
}

// diameter is the dot's size: half an inline icon (10 units in the default theme).
func (r *unreadMarkRenderer) diameter() float32 {
	return r.m.Theme().Size(theme.SizeNameInlineIcon) / 2
}

func (r *unreadMarkRenderer) Layout(s fyne.Size) {
	d := fyne.Min(r.diameter(), fyne.Min(s.Width, s.Height))
	r.dot.Resize(fyne.NewSquareSize(d))
	r.dot.Move(fyne.NewPos((s.Width-d)/2, (s.Height-d)/2))
}

func (r *unreadMarkRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(r.diameter()) }

func (r *unreadMarkRenderer) Refresh() {
	r.dot.FillColor = color.Transparent
	if r.m.unread {
		r.dot.FillColor = r.m.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.dot.Refresh()
	r.Layout(r.m.Size())
}

func (r *unreadMarkRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.dot} }
func (r *unreadMarkRenderer) Destroy()                     {}
