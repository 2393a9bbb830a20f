package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// explainer explains every error with its message, in a fixed direction.
type explainer struct{ bidi.Direction }

func (explainer) Explain(err error) string { return "explained: " + err.Error() }

func TestFieldError(t *testing.T) {
	test.NewTempApp(t)
	f := NewFieldError(explainer{bidi.RightToLeft})
	if f.Visible() || f.Alignment != fyne.TextAlignTrailing || f.Importance != widget.DangerImportance {
		t.Fatalf("new: visible %v, aligned %v, importance %v", f.Visible(), f.Alignment, f.Importance)
	}
	f.SetError(errors.New("boom"))
	if !f.Visible() || f.Text != "explained: boom" {
		t.Errorf("after an error: visible %v, text %q", f.Visible(), f.Text)
	}
	f.SetError(nil)
	if f.Visible() || f.Text != "" {
		t.Errorf("after nil: visible %v, text %q", f.Visible(), f.Text)
	}
	f.SetMessage("تم الحفظ.")
	if f.Text != bidi.Visual(bidi.RightToLeft, "تم الحفظ.") {
		t.Errorf("message not in visual order: %q", f.Text)
	}
}

func TestRefusalAndNote(t *testing.T) {
	test.NewTempApp(t)
	l := NewRefusal(bidi.LeftToRight)
	if l.Visible() {
		t.Fatal("a new refusal is shown")
	}
	ShowRefusal(l, "No.")
	if !l.Visible() || l.Importance != widget.DangerImportance {
		t.Errorf("refusal: visible %v importance %v", l.Visible(), l.Importance)
	}
	ShowNote(l, "Saved.")
	if !l.Visible() || l.Importance != widget.SuccessImportance || l.Text != "Saved." {
		t.Errorf("note: visible %v importance %v text %q", l.Visible(), l.Importance, l.Text)
	}
	ShowRefusal(l, "")
	if l.Visible() {
		t.Error("an empty refusal is shown")
	}
}

func TestNewFormRow(t *testing.T) {
	test.NewTempApp(t)
	fe := NewFieldError(explainer{bidi.RightToLeft})
	row := NewFormRow(bidi.RightToLeft, "الاسم", widget.NewEntry(), fe).(*fyne.Container)
	if len(row.Objects) != 3 || row.Objects[2] != fe {
		t.Fatalf("row holds %d objects", len(row.Objects))
	}
	// Right to left the label is a paragraph, laid out from the right.
	if l := row.Objects[0].(*Paragraph); !l.RTL || !l.TextStyle.Bold {
		t.Errorf("label rtl %v bold %v", l.RTL, l.TextStyle.Bold)
	}
	row = NewFormRow(bidi.LeftToRight, "Name", widget.NewEntry(), nil).(*fyne.Container)
	if len(row.Objects) != 2 {
		t.Errorf("without a FieldError the row holds %d objects", len(row.Objects))
	}
	if l := row.Objects[0].(*widget.Label); l.Alignment != fyne.TextAlignLeading || !l.TextStyle.Bold {
		t.Errorf("label aligned %v bold %v", l.Alignment, l.TextStyle.Bold)
	}
}
