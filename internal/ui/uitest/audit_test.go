package uitest

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The audits must fail when their rule is broken: grey text on grey, and a
// button squeezed below 44 dp, are found; readable text and a big enough
// button are not.
func TestLowContrast(t *testing.T) {
	NewTempApp(t)
	th := theme.DefaultTheme()
	grey := canvas.NewRectangle(color.NRGBA{0x80, 0x80, 0x80, 0xff})
	faint := canvas.NewText("faint", color.NRGBA{0x99, 0x99, 0x99, 0xff})
	ok := canvas.NewText("readable", color.White)
	bad := container.NewStack(grey, faint)
	good := container.NewStack(canvas.NewRectangle(color.Black), ok)
	w := test.NewWindow(container.NewVBox(bad, good))
	defer w.Close()
	w.Resize(fyne.NewSize(200, 200))
	got := LowContrast(w.Canvas(), th, theme.VariantLight, 4.5)
	if len(got) != 1 || got[0].Obj != faint {
		t.Fatalf("LowContrast = %v, want only the faint text", got)
	}
}

func TestSmallTargets(t *testing.T) {
	NewTempApp(t)
	small := widget.NewButton("x", nil)
	big := widget.NewButton("big enough", nil)
	w := test.NewWindow(container.NewVBox(container.NewHBox(small), container.New(&fixed{fyne.NewSize(120, 48)}, big)))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))
	got := SmallTargets(w.Canvas(), 44)
	if len(got) != 1 || got[0].Obj != small {
		t.Fatalf("SmallTargets = %v, want only the small button", got)
	}
}

type fixed struct{ s fyne.Size }

func (f *fixed) MinSize([]fyne.CanvasObject) fyne.Size { return f.s }
func (f *fixed) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
	}
}
