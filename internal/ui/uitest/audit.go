package uitest

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// Drawn is one object as a canvas draws it: its absolute position and the
// part of the window it may show in (scroll containers clip).
type Drawn struct {
	Obj        fyne.CanvasObject
	Pos        fyne.Position
	Clip       Rect
	InsideRich bool // a segment of a RichText (a link inside a sentence)
}

// Rect is an absolute rectangle of a window.
type Rect struct{ X, Y, W, H float32 }

func (r Rect) intersect(o Rect) Rect {
	x0, y0 := max(r.X, o.X), max(r.Y, o.Y)
	x1, y1 := min(r.X+r.W, o.X+o.W), min(r.Y+r.H, o.Y+o.H)
	return Rect{x0, y0, max(0, x1-x0), max(0, y1-y0)}
}

func (r Rect) contains(x, y float32) bool {
	return x >= r.X && y >= r.Y && x <= r.X+r.W && y <= r.Y+r.H
}

// Walk lists the visible objects of c in the order they are painted
// (parents before children, overlays last), with their absolute positions.
func Walk(c fyne.Canvas) []Drawn {
	var out []Drawn
	full := Rect{0, 0, c.Size().Width, c.Size().Height}
	var walk func(o fyne.CanvasObject, at fyne.Position, clip Rect, rich bool)
	walk = func(o fyne.CanvasObject, at fyne.Position, clip Rect, rich bool) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		out = append(out, Drawn{Obj: o, Pos: pos, Clip: clip, InsideRich: rich})
		var kids []fyne.CanvasObject
		switch t := o.(type) {
		case *fyne.Container:
			kids = t.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(t).Objects()
		}
		if _, ok := o.(*container.Scroll); ok {
			clip = clip.intersect(Rect{pos.X, pos.Y, o.Size().Width, o.Size().Height})
		}
		_, isRich := o.(*widget.RichText)
		for _, k := range kids {
			walk(k, pos, clip, rich || isRich)
		}
	}
	walk(c.Content(), fyne.Position{}, full, false)
	for _, o := range c.Overlays().List() {
		walk(o, fyne.Position{}, full, false)
	}
	return out
}

// visible reports whether any of d shows inside its clip.
func (d Drawn) visible() bool {
	s := d.Obj.Size()
	r := Rect{d.Pos.X, d.Pos.Y, s.Width, s.Height}.intersect(d.Clip)
	return r.W > 0 && r.H > 0
}

// Problem is one object that breaks a rule.
type Problem struct {
	What string
	Obj  fyne.CanvasObject
}

func (p Problem) String() string { return p.What }

// LowContrast lists the texts of c that read at less than min:1 against
// what is painted under them: the window's background, then every opaque or
// translucent rectangle and circle painted before the text that covers its
// middle. Texts in the disabled colour are exempt (WCAG 1.4.3: inactive
// controls), as are empty ones and those scrolled out of view.
func LowContrast(c fyne.Canvas, th fyne.Theme, v fyne.ThemeVariant, min float64) []Problem {
	bg := th.Color("background", v)
	disabled := color.NRGBAModel.Convert(th.Color("disabled", v))
	type fill struct {
		r Rect
		c color.Color
	}
	var fills []fill
	var out []Problem
	for _, d := range Walk(c) {
		s := d.Obj.Size()
		switch o := d.Obj.(type) {
		case *canvas.Rectangle:
			if _, _, _, a := o.FillColor.RGBA(); a > 0 && s.Width > 0 && s.Height > 0 {
				fills = append(fills, fill{Rect{d.Pos.X, d.Pos.Y, s.Width, s.Height}.intersect(d.Clip), o.FillColor})
			}
		case *canvas.Circle:
			if _, _, _, a := o.FillColor.RGBA(); a > 0 && s.Width > 0 {
				fills = append(fills, fill{Rect{d.Pos.X, d.Pos.Y, s.Width, s.Height}.intersect(d.Clip), o.FillColor})
			}
		case *canvas.Text:
			if strings.TrimSpace(o.Text) == "" || !d.visible() || o.Color == nil {
				continue
			}
			if color.NRGBAModel.Convert(o.Color) == disabled {
				continue
			}
			// The middle of the part of the text that shows.
			ts := o.MinSize()
			vis := Rect{d.Pos.X, d.Pos.Y, min32(s.Width, ts.Width), max(s.Height, ts.Height)}.intersect(d.Clip)
			cx, cy := vis.X+vis.W/2, vis.Y+vis.H/2
			under := uitheme.Over(bg, color.Black)
			for _, f := range fills {
				if f.r.contains(cx, cy) {
					under = uitheme.Over(f.c, under)
				}
			}
			fg := uitheme.Over(o.Color, under)
			if r := uitheme.Contrast(fg, under); r < min {
				out = append(out, Problem{What: fmt.Sprintf("%q at %v: %s on %s, %.2f:1", o.Text, d.Pos, hex(fg), hex(under), r), Obj: o})
			}
		}
	}
	return out
}

func min32(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// SmallTargets lists what can be tapped on c and is smaller than min×min
// (dp). Links inside a sentence (segments of a RichText) are exempt, as
// WCAG 2.5.8 exempts inline targets; so is what is scrolled out of view,
// and scroll bars (on a touch screen one drags the content: the bar only
// shows where one is).
func SmallTargets(c fyne.Canvas, min float32) []Problem {
	var out []Problem
	for _, d := range Walk(c) {
		if _, ok := d.Obj.(fyne.Tappable); !ok || d.InsideRich || !d.visible() {
			continue
		}
		if fmt.Sprintf("%T", d.Obj) == "*widget.scrollBarArea" {
			continue
		}
		if s := d.Obj.Size(); s.Width < min || s.Height < min {
			out = append(out, Problem{What: fmt.Sprintf("%s at %v is %.0f×%.0f", describe(d.Obj), d.Pos, s.Width, s.Height), Obj: d.Obj})
		}
	}
	return out
}

// describe names a tappable by its type and the first text inside it.
func describe(o fyne.CanvasObject) string {
	name := fmt.Sprintf("%T", o)
	var first string
	var find func(fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if first != "" || o == nil {
			return
		}
		switch t := o.(type) {
		case *canvas.Text:
			first = t.Text
		case *fyne.Container:
			for _, k := range t.Objects {
				find(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(t).Objects() {
				find(k)
			}
		}
	}
	find(o)
	if first != "" {
		return fmt.Sprintf("%s %q", name, first)
	}
	return name
}
