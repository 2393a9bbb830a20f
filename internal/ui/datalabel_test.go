package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestNewContentLabel_AlignsByItsOwnDirection(t *testing.T) {
	cases := []struct {
		ui   bidi.Direction
		text string
		want fyne.TextAlign
	}{
		{bidi.LeftToRight, "قهوة صارت عائلة", fyne.TextAlignTrailing}, // an Arabic story on an English screen
		{bidi.RightToLeft, "Cardamom latte", fyne.TextAlignLeading},   // an English poll option on an Arabic screen
		{bidi.RightToLeft, "قهوة", fyne.TextAlignTrailing},
		{bidi.LeftToRight, "Latte", fyne.TextAlignLeading},
		{bidi.RightToLeft, "١٢٣", fyne.TextAlignTrailing},              // no letters: the interface's direction
		{bidi.LeftToRight, bidi.RLM + "Amira", fyne.TextAlignTrailing}, // RLM is strong right to left
	}
	for _, c := range cases {
		if got := NewContentLabel(c.ui, c.text, false).Alignment; got != c.want {
			t.Errorf("rtl=%v %q aligned %v, want %v", c.ui, c.text, got, c.want)
		}
	}
}

func TestDataLabel_SetDataAlignsToTheInterface(t *testing.T) {
	test.NewTempApp(t)
	l := NewDataLine(bidi.RightToLeft, true)
	l.SetData(bidi.RightToLeft, "Amira Haddad")
	if l.Alignment != fyne.TextAlignTrailing || l.Text != "Amira Haddad" || !l.TextStyle.Bold || l.Truncation != fyne.TextTruncateEllipsis {
		t.Errorf("data line: %q aligned %v bold %v truncation %v", l.Text, l.Alignment, l.TextStyle.Bold, l.Truncation)
	}
	l.SetContent(bidi.RightToLeft, "Amira Haddad")
	if l.Alignment != fyne.TextAlignLeading {
		t.Errorf("content in Latin on an Arabic screen aligned %v, want leading", l.Alignment)
	}
	if !l.IsUserData() {
		t.Error("a data label is not user data")
	}
}
