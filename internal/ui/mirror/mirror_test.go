package mirror

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestStartEnd(t *testing.T) {
	if Start(bidi.LeftToRight) != fyne.TextAlignLeading || End(bidi.LeftToRight) != fyne.TextAlignTrailing {
		t.Error("left to right: start must lead, end trail")
	}
	if Start(bidi.RightToLeft) != fyne.TextAlignTrailing || End(bidi.RightToLeft) != fyne.TextAlignLeading {
		t.Error("right to left: start must trail, end lead")
	}
}

// TestRow lays three labels out and checks that the first one read is at the
// left edge in left to right, at the right edge in right to left.
func TestRow(t *testing.T) {
	test.NewTempApp(t)
	for _, d := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
		a, b, c := widget.NewLabel("a"), widget.NewLabel("b"), widget.NewLabel("c")
		row := Row(d, a, b, c)
		row.Resize(fyne.NewSize(400, 40))
		if got := RowObjects(row); !slices.Equal(got, []fyne.CanvasObject{a, b, c}) {
			t.Errorf("rtl=%v: RowObjects = %v, want a, b, c", d, got)
		}
		if d.RTL() {
			if right := a.Position().X + a.Size().Width; right < 399 {
				t.Errorf("rtl: the first object ends at %v, want the right edge", right)
			}
			if !(a.Position().X > b.Position().X && b.Position().X > c.Position().X) {
				t.Error("rtl: objects do not run right to left")
			}
		} else if a.Position().X != 0 || !(a.Position().X < b.Position().X && b.Position().X < c.Position().X) {
			t.Error("ltr: objects do not run left to right from the left edge")
		}
	}
}

func TestOrder(t *testing.T) {
	a, b := widget.NewLabel("a"), widget.NewLabel("b")
	if got := Order(bidi.RightToLeft, a, b); got[0] != b || got[1] != a {
		t.Error("right to left: not reversed")
	}
	if got := Order(bidi.LeftToRight, a, b); got[0] != a || got[1] != b {
		t.Error("left to right: reordered")
	}
}

func TestBorderAndSplit(t *testing.T) {
	test.NewTempApp(t)
	lead, trail, mid := widget.NewLabel("lead"), widget.NewLabel("trail"), widget.NewLabel("mid")
	b := Border(bidi.RightToLeft, nil, nil, lead, trail, mid)
	b.Resize(fyne.NewSize(400, 40))
	if lead.Position().X < trail.Position().X {
		t.Error("right to left: leading is not at the right")
	}
	list, detail := widget.NewLabel("list"), widget.NewLabel("detail")
	s := Split(bidi.RightToLeft, list, detail, 0.3)
	if s.Leading != detail || s.Trailing != list || s.Offset != 0.7 {
		t.Errorf("right to left split: leading %v, offset %v", s.Leading, s.Offset)
	}
	s = Split(bidi.LeftToRight, list, detail, 0.3)
	if s.Leading != list || s.Offset != 0.3 {
		t.Errorf("left to right split: leading %v, offset %v", s.Leading, s.Offset)
	}
}
