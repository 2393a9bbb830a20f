package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// NewCard is a card of interface text whose title and subtitle wrap (a stock
// card's don't, which makes it wider than a phone for a long title), aligned
// to the reading start. title, subtitle and content may be empty or nil.
func NewCard(d bidi.Dir, title, subtitle string, content fyne.CanvasObject) *widget.Card {
	box := container.NewVBox()
	if title != "" {
		t := widget.NewLabel(title)
		t.Wrapping = fyne.TextWrapWord
		t.TextStyle.Bold = true
		t.Alignment = mirror.Start(d)
		box.Add(t)
	}
	if subtitle != "" {
		s := secondaryWrapped(subtitle)
		s.Label.Alignment = mirror.Start(d)
		box.Add(s)
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
		s := secondaryWrapped("")
		SetLine(d, s.Label, subtitle)
		box.Add(s)
	}
	if body != nil {
		box.Add(body)
	}
	if actions != nil {
		box.Add(actions)
	}
	return widget.NewCard("", "", box)
}
