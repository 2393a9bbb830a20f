package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// checkParts are the box (its icon) and the label of a check laid out at size.
func checkParts(t *testing.T, c *Check, size fyne.Size) (box, label fyne.CanvasObject) {
	t.Helper()
	c.Resize(size)
	objs := test.WidgetRenderer(c).Objects()
	if len(objs) != 4 {
		t.Fatalf("%d objects, want ring, box fill, box and label", len(objs))
	}
	return objs[2], objs[3]
}

// TestCheck_BoxAtReadingStart: the box is at the left with the label to its
// right for left to right, at the right with the label to its left for
// right to left, whatever width the check is given.
func TestCheck_BoxAtReadingStart(t *testing.T) {
	test.NewTempApp(t)
	size := fyne.NewSize(400, 44)
	for _, tt := range []struct {
		name  string
		d     bidi.Dir
		label string
	}{
		{"ltr", bidi.LeftToRight, "Pin to the top"},
		{"rtl", bidi.RightToLeft, "تثبيت في الأعلى"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCheck(tt.d, tt.label, nil)
			box, label := checkParts(t, c, size)
			boxL, boxR := box.Position().X, box.Position().X+box.Size().Width
			labL, labR := label.Position().X, label.Position().X+label.Size().Width
			if tt.d.RTL() {
				if boxR < size.Width-20 || labR > boxL+theme.Size(theme.SizeNameInnerPadding) {
					t.Errorf("box at %v..%v, label at %v..%v: want the box at the right, the label left of it", boxL, boxR, labL, labR)
				}
				return
			}
			if boxL > 20 || labL < boxR-theme.Size(theme.SizeNameInnerPadding) {
				t.Errorf("box at %v..%v, label at %v..%v: want the box at the left, the label right of it", boxL, boxR, labL, labR)
			}
		})
	}
}

// TestCheck_LabelTapToggles: a tap on the label, far from the box, toggles
// the check both ways and calls OnChanged; a disabled check ignores taps.
func TestCheck_LabelTapToggles(t *testing.T) {
	test.NewTempApp(t)
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		var got []bool
		c := NewCheck(d, "Show only detractors", func(on bool) { got = append(got, on) })
		_, label := checkParts(t, c, fyne.NewSize(400, 44))
		at := label.Position().Add(fyne.NewPos(label.Size().Width/2, label.Size().Height/2))
		test.TapAt(c, at)
		if !c.Checked {
			t.Errorf("rtl %v: a tap on the label at %v did not check it", d, at)
		}
		test.TapAt(c, at)
		if c.Checked || len(got) != 2 || !got[0] || got[1] {
			t.Errorf("rtl %v: checked %v after two taps, OnChanged %v", d, c.Checked, got)
		}
		c.Disable()
		test.TapAt(c, at)
		if c.Checked {
			t.Errorf("rtl %v: a disabled check toggled", d)
		}
	}
}

// TestCheck_Keyboard: the check takes the focus (a ring around the box)
// and Space toggles it.
func TestCheck_Keyboard(t *testing.T) {
	test.NewTempApp(t)
	c := NewCheck(bidi.RightToLeft, "متاحة", nil)
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 60))
	w.Canvas().Focus(c)
	if w.Canvas().Focused() != c {
		t.Fatal("the check does not take the focus")
	}
	ring := test.WidgetRenderer(c).Objects()[0].(*canvas.Circle)
	if ring.FillColor != theme.Color(theme.ColorNameFocus) {
		t.Errorf("focus ring %v, want the focus colour", ring.FillColor)
	}
	test.Type(c, " ")
	if !c.Checked {
		t.Error("Space did not check it")
	}
	w.Canvas().Unfocus()
	if ring.FillColor == theme.Color(theme.ColorNameFocus) {
		t.Error("the focus ring stays after the focus left")
	}
}

// TestCheck_LongLabelWraps: a long label wraps beside the box (the check
// grows taller, not wider), in visual order line by line for right to left.
func TestCheck_LongLabelWraps(t *testing.T) {
	test.NewTempApp(t)
	long := "أوافق على نشر قصتي في مجتمع المقهى باسمي الأول، ويمكنني سحب موافقتي في أي وقت"
	c := NewCheck(bidi.RightToLeft, long, nil)
	_, label := checkParts(t, c, fyne.NewSize(220, 44))
	p, ok := label.(*Paragraph)
	if !ok {
		t.Fatalf("label is %T, want a Paragraph in a right-to-left interface", label)
	}
	if n := len(p.lineStrings(label.Size().Width)); n < 2 {
		t.Fatalf("%d line(s) at 220 wide, want the label wrapped", n)
	}
	if h := c.MinSize().Height; h < 2*fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height {
		t.Errorf("min height %v: the check did not grow with its lines", h)
	}
	if w := c.MinSize().Width; w > 220 {
		t.Errorf("min width %v: a long label widens the check instead of wrapping", w)
	}
}

// TestCheck_SetText: a new label replaces the old one.
func TestCheck_SetText(t *testing.T) {
	test.NewTempApp(t)
	c := NewCheck(bidi.LeftToRight, "Offered", nil)
	c.Resize(fyne.NewSize(200, 44))
	c.SetText("Hidden")
	got := texts(c)
	if len(got) != 1 || got[0] != "Hidden" {
		t.Errorf("texts %q, want [Hidden]", got)
	}
}
