package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// EventCardData is what an event card shows. Title and Place are the
// business's text; the rest is interface text, translated.
type EventCardData struct {
	Month, Day string // the date block (i18n Localizer.DayBlock)
	Title      string
	Detail     string // the second line, when and where: "7:00 pm · Café Lumen, bar counter"
	Seats      string // "11 seats left", "Full · 3 on the waitlist" (may be empty)
	Status     string // the member's answer, "You're going" (may be empty)
	StatusKind widget.Importance
	Image      fyne.Resource // nil: the placeholder
}

// NewEventCard is a tappable event card: a date block, the title and one
// line of when and where, the seats and the member's answer on a third,
// and an image slot at the end.
func NewEventCard(d bidi.Dir, e EventCardData, tapped func()) *TapSurface {
	title := NewDataLine(d, true)
	title.SetData(d, e.Title)
	second := NewDataLine(d, false)
	SetLine(d, second, e.Detail)
	lines := []fyne.CanvasObject{Compact(title), Compact(SecondaryData(second))}
	var third []fyne.CanvasObject
	if e.Status != "" {
		third = append(third, NewChip(d, e.Status, e.StatusKind))
	}
	if e.Seats != "" {
		seats := NewSecondary("")
		SetLine(d, seats.Label, e.Seats)
		third = append(third, Compact(seats))
	}
	if len(third) > 0 {
		lines = append(lines, mirror.Row(d, third...))
	}
	slot := NewImageSlot(e.Image, fyne.NewSize(64, 64))
	row := mirror.Border(d, nil, nil, container.NewCenter(NewDateBlock(e.Month, e.Day)), container.NewCenter(slot),
		Inset(container.NewVBox(lines...), Tight))
	return NewTapSurface(row, tapped)
}
