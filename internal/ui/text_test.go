package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestTextHelpers(t *testing.T) {
	test.NewTempApp(t)
	msg := "مرحبا Amira!"
	l := NewText(bidi.RightToLeft, msg)
	if l.Text != bidi.Visual(bidi.RightToLeft, msg) || l.Alignment != fyne.TextAlignTrailing || l.Wrapping != fyne.TextWrapWord {
		t.Errorf("NewText: %q aligned %v wrapping %v", l.Text, l.Alignment, l.Wrapping)
	}
	if h := NewHeading(bidi.LeftToRight, "Rewards"); !h.TextStyle.Bold || h.Alignment != fyne.TextAlignLeading {
		t.Errorf("NewHeading: bold %v aligned %v", h.TextStyle.Bold, h.Alignment)
	}
	sh := NewSectionHeader(bidi.RightToLeft, "المكافآت").(*fyne.Container)
	h := sh.Objects[0].(*widget.Label)
	if _, ok := sh.Objects[1].(*widget.Separator); !ok || h.SizeName != theme.SizeNameSubHeadingText || h.Wrapping != fyne.TextWrapOff ||
		h.Truncation != fyne.TextTruncateEllipsis || h.Alignment != fyne.TextAlignTrailing || !h.TextStyle.Bold {
		t.Errorf("NewSectionHeader: %+v", h)
	}
	f := NewFaint(bidi.RightToLeft, msg)
	if f.Label.Text != bidi.Visual(bidi.RightToLeft, msg) || f.Label.Truncation != fyne.TextTruncateEllipsis || f.Label.Alignment != fyne.TextAlignTrailing {
		t.Errorf("NewFaint: %q", f.Label.Text)
	}
	for _, o := range []fyne.CanvasObject{widget.NewLabel(""), NewSecondary(""), NewDataLabel(bidi.LeftToRight, "", false)} {
		SetLine(bidi.RightToLeft, o, msg)
		if got := AsLabel(o); got.Text != bidi.Visual(bidi.RightToLeft, msg) || got.Alignment != fyne.TextAlignTrailing {
			t.Errorf("SetLine on %T: %q aligned %v", o, got.Text, got.Alignment)
		}
	}
}
