package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// NewCard is a card of interface text whose title and subtitle wrap (a stock
// card's don't, which makes it wider than a phone for a long title), aligned
// to the reading start. title, subtitle and content may be empty or nil.
func NewCard(d bidi.Dir, title, subtitle string, content fyne.CanvasObject) *widget.Card {
	box := container.NewVBox()
	if title != "" {
		box.Add(wrappedText(d, title, true, false))
	}
	if subtitle != "" {
		box.Add(wrappedText(d, subtitle, false, true))
	}
	if content != nil {
		box.Add(content)
	}
	return widget.NewCard("", "", box)
}

// NewDataCard is a card about one piece of user content: its title (a name,
// a story's title, an idea) and body are content, the subtitle (interface
// text) and the actions are not. body and actions may be nil.
func NewDataCard(d bidi.Dir, title, subtitle string, body, actions fyne.CanvasObject) *widget.Card {
	box := container.NewVBox(NewDataLabel(d, title, true))
	if subtitle != "" {
		box.Add(wrappedText(d, subtitle, false, true))
	}
	if body != nil {
		box.Add(body)
	}
	if actions != nil {
		box.Add(actions)
	}
	return widget.NewCard("", "", box)
}

// NewWrapped is word-wrapping interface text in a style and a theme size
// (empty for the text size), aligned to the reading start: see wrappedText.
func NewWrapped(d bidi.Dir, text string, style fyne.TextStyle, size fyne.ThemeSizeName) fyne.CanvasObject {
	o := wrappedText(d, text, style.Bold, false)
	switch x := o.(type) {
	case *Paragraph:
		x.TextStyle, x.SizeName = style, size
	case *widget.Label:
		x.TextStyle, x.SizeName = style, size
	}
	return o
}

// Center centres the lines of a label or a paragraph (from NewWrapped).
func Center(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *Paragraph:
		x.Center = true
	case *widget.Label:
		x.Alignment = fyne.TextAlignCenter
	}
}

// wrappedText is word-wrapping interface text aligned to the reading start:
// a label, or, where the interface is right to left or the text needs the
// toolkit's layout (see needsLayout), a Paragraph, which breaks the text into
// lines before it puts each in visual order (a label wraps the reordered
// text, so the end of a long Arabic sentence would show first).
func wrappedText(d bidi.Dir, text string, bold, secondary bool) fyne.CanvasObject {
	if d.RTL() || needsLayout(text) {
		p := NewParagraph(text, d.RTL())
		p.TextStyle.Bold = bold
		p.Secondary = secondary
		return p
	}
	if secondary {
		s := secondaryWrapped("")
		SetLine(d, s.Label, text)
		return s
	}
	return NewHeading(d, text)
}
