package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

func TestNewCard(t *testing.T) {
	test.NewTempApp(t)
	c := NewCard(bidi.RightToLeft, "صافي نقاط الترويج", "من ١٠٠", widget.NewLabel("x"))
	box := c.Content.(*fyne.Container)
	if len(box.Objects) != 3 {
		t.Fatalf("%d objects", len(box.Objects))
	}
	// Right to left, title and subtitle are paragraphs: broken into lines,
	// then each put in visual order, from the right.
	if title := box.Objects[0].(*Paragraph); !title.RTL || !title.TextStyle.Bold || title.MaxLines != 0 {
		t.Errorf("title rtl %v bold %v max lines %v", title.RTL, title.TextStyle.Bold, title.MaxLines)
	}
	if sub := box.Objects[1].(*Paragraph); !sub.RTL || !sub.Secondary {
		t.Errorf("subtitle rtl %v secondary %v", sub.RTL, sub.Secondary)
	}
	// Left to right, wrapping labels aligned to the left.
	ltr := NewCard(bidi.LeftToRight, "Net promoter score", "From -100 to 100", nil).Content.(*fyne.Container)
	if title := ltr.Objects[0].(*widget.Label); title.Alignment != fyne.TextAlignLeading || !title.TextStyle.Bold || title.Wrapping != fyne.TextWrapWord {
		t.Errorf("title aligned %v bold %v wrapping %v", title.Alignment, title.TextStyle.Bold, title.Wrapping)
	}
	if sub := ltr.Objects[1].(*Secondary); sub.Label.Alignment != fyne.TextAlignLeading || sub.Label.Wrapping != fyne.TextWrapWord {
		t.Errorf("subtitle aligned %v wrapping %v", sub.Label.Alignment, sub.Label.Wrapping)
	}
	if c := NewCard(bidi.LeftToRight, "", "", nil); len(c.Content.(*fyne.Container).Objects) != 0 {
		t.Error("an empty card holds objects")
	}
}

func TestNewDataCard(t *testing.T) {
	test.NewTempApp(t)
	actions := container.NewHBox(widget.NewButton("Approve", nil))
	c := NewDataCard(bidi.LeftToRight, "Coffee became family", "Pending · 2 days ago", widget.NewLabel("body"), actions)
	box := c.Content.(*fyne.Container)
	if _, ok := box.Objects[0].(*DataLabel); !ok || len(box.Objects) != 4 {
		t.Fatalf("objects %v", box.Objects)
	}
	if got := texts(c); !slices.Contains(got, "Coffee became family") || !slices.Contains(got, "Pending · 2 days ago") {
		t.Errorf("texts %q", got)
	}
}
