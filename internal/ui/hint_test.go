package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestWithHint_SingleLineEntryKeepsItsHintInside: a hint laid over a
// one-line entry stays on one line, inside the entry's box; the Japanese
// counter hint ran onto a second line below the entry on a phone.
func TestWithHint_SingleLineEntryKeepsItsHintInside(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name string
		d    bidi.Dir
		hint string
	}{
		{"ja", bidi.LeftToRight, "カードをスキャン、またはコードか名前を入力してください。カードをスキャン"},
		{"ar", bidi.RightToLeft, "امسح بطاقة أو اكتب رمزها أو اسمًا، ثم اضغط على زر البحث للعثور على العضو"},
	} {
		e := widget.NewEntry()
		o := WithHint(tc.d, e, e, tc.hint)
		o.Resize(fyne.NewSize(240, o.MinSize().Height))
		var hint *Paragraph
		for _, c := range o.(*fyne.Container).Objects {
			if over, ok := c.(*fyne.Container); ok {
				hint = over.Objects[0].(*Paragraph)
			}
		}
		if hint == nil {
			t.Fatalf("%s: no hint laid over the entry", tc.name)
		}
		if h, box := hint.Size().Height, e.Size().Height; h > box {
			t.Errorf("%s: the hint is %.0f px high, more than the entry's %.0f", tc.name, h, box)
		}
		if n := len(hint.lineStrings(hint.Size().Width)); n != 1 {
			t.Errorf("%s: the hint takes %d lines, want 1", tc.name, n)
		}
	}
}
