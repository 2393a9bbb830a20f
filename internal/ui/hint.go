package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// WithHint gives an entry its placeholder, a hint of interface text. Where
// the interface is right to left or the hint needs the toolkit's layout
// (see needsLayout), the hint is a Paragraph laid over the empty entry,
// broken into lines before each is put in bidi order and aligned to the
// reading start: an entry wraps its placeholder after it is reordered, so a
// long Arabic hint would show its end first. Elsewhere it is the entry's own
// placeholder. The entry stays what is tapped and typed into.
// o is the entry as placed (e, or a widget that extends it).
func WithHint(d bidi.Dir, o fyne.CanvasObject, e *widget.Entry, hint string) fyne.CanvasObject {
	if !d.RTL() && !needsLayout(hint) {
		e.SetPlaceHolder(hint)
		return o
	}
	e.SetPlaceHolder("")
	p := NewParagraph(hint, d.RTL())
	p.Secondary = true
	if !e.MultiLine {
		// One line, as the entry's own placeholder: the hint lies over
		// the entry without growing it, so a second line (a Japanese
		// hint on a phone) ran out of the entry's box.
		p.MaxLines = 1
	}
	// The entry's text starts one input border in from its edge.
	border := theme.Size(theme.SizeNameInputBorder)
	over := container.New(&hintLayout{inset: border, entry: e}, p)
	changed := e.OnChanged
	e.OnChanged = func(s string) {
		if s == "" {
			over.Show()
		} else {
			over.Hide()
		}
		if changed != nil {
			changed(s)
		}
	}
	if e.Text != "" {
		over.Hide()
	}
	return container.NewStack(o, over)
}

// hintLayout lays the hint over the entry, inset by its border, and clear
// of the entry's action item (a search icon), which Fyne puts at the right
// in either direction.
type hintLayout struct {
	inset float32
	entry *widget.Entry
}

func (l *hintLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	right := l.inset
	if l.entry != nil && l.entry.ActionItem != nil && l.entry.ActionItem.Visible() {
		right += l.entry.ActionItem.MinSize().Width + theme.Padding()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(l.inset, l.inset))
		o.Resize(fyne.NewSize(size.Width-l.inset-right, o.MinSize().Height))
	}
}

func (l *hintLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// Hinted is WithHint for an entry placed as it is: the entry, or in a
// right-to-left interface the entry with its hint laid over it. Call it
// where the entry is placed, after its OnChanged is set.
func Hinted(d bidi.Dir, e *widget.Entry, hint string) fyne.CanvasObject {
	return WithHint(d, e, e, hint)
}
