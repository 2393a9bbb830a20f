package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestUnreadMark_DotInTheAccentOnlyWhenUnread(t *testing.T) {
	test.NewTempApp(t)
	m := NewUnreadMark()
	m.Resize(fyne.NewSize(30, 20))
	r := test.TempWidgetRenderer(t, m)
	dot := r.Objects()[0].(*canvas.Circle)
	want := fyne.NewSquareSize(theme.Size(theme.SizeNameInlineIcon) / 2)
	if m.MinSize() != want {
		t.Errorf("min size %v, want %v (its place is kept when read)", m.MinSize(), want)
	}
	if m.Unread() || dot.FillColor != color.Transparent {
		t.Errorf("a new mark shows a dot: unread %v, fill %v", m.Unread(), dot.FillColor)
	}
	m.SetUnread(true)
	primary := theme.Color(theme.ColorNamePrimary)
	if !m.Unread() || dot.FillColor != primary {
		t.Errorf("unread mark fill %v, want the primary colour %v", dot.FillColor, primary)
	}
	if dot.Size() != want || dot.Position() != fyne.NewPos((30-want.Width)/2, (20-want.Height)/2) {
		t.Errorf("dot at %v size %v, want centred %v", dot.Position(), dot.Size(), want)
	}
	m.SetUnread(false)
	if dot.FillColor != color.Transparent {
		t.Errorf("after SetUnread(false) the dot is %v, want transparent", dot.FillColor)
	}
}
