package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TapCard is a card the user taps to open what it shows (an announcement,
// an event). Its content is laid out by the caller, so it can be mirrored.
type TapCard struct {
	widget.Card
	OnTapped func()
}

// NewTapCard wraps content in a card that calls tapped when tapped.
func NewTapCard(content fyne.CanvasObject, tapped func()) *TapCard {
	c := &TapCard{OnTapped: tapped}
	c.Content = content
	c.ExtendBaseWidget(c)
	return c
}

// Tapped calls OnTapped.
func (c *TapCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}
