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
// line of when and where, the seats on a third and the member's answer in a
// chip under them, and an image slot at the end.
func NewEventCard(d bidi.Dir, e EventCardData, tapped func()) *TapSurface {
	title := NewDataLine(d, true)
	title.SetData(d, e.Title)
	// The second and third lines are one-line paragraphs: cut at their
	// logical end, so that an Arabic line keeps its time ("٧:٠٠ م – Café
	// Lumen, b…") where a label, cut after the reordering, dropped it, and
	// so that no line widens the card past a phone's width (the Arabic
	// waitlist line pushed every card of the list off the screen).
	second := &Paragraph{Text: e.Detail, RTL: d.RTL(), MaxLines: 1, Secondary: true}
	second.ExtendBaseWidget(second)
	lines := []fyne.CanvasObject{Compact(title), Compact(second)}
	if e.Seats != "" {
		seats := &Paragraph{Text: e.Seats, RTL: d.RTL(), MaxLines: 1, Secondary: true, Interface: true}
		seats.ExtendBaseWidget(seats)
		lines = append(lines, Compact(seats))
	}
	if e.Status != "" {
		lines = append(lines, mirror.Row(d, NewChip(d, e.Status, e.StatusKind)))
	}
	slot := NewImageSlot(e.Image, fyne.NewSize(64, 64))
	row := mirror.Border(d, nil, nil, container.NewCenter(NewDateBlock(e.Month, e.Day)), container.NewCenter(slot),
		Inset(container.NewVBox(lines...), Tight))
	return NewTapSurface(row, tapped)
}
