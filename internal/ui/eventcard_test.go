package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestNewEventCard_LongLinesKeepThePhoneWidth: no line of an event card may
// widen it past a phone's width; the Arabic seats line did, and every card
// of the events list ran off the right of the screen.
func TestNewEventCard_LongLinesKeepThePhoneWidth(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("مكتملة – ٣ أشخاص في قائمة الانتظار ", 3)
	for _, tc := range []struct {
		name string
		d    bidi.Dir
		e    EventCardData
	}{
		{"seats", bidi.LeftToRight, EventCardData{Month: "Nov", Day: "27", Title: "Latte art night", Detail: "7:00 pm", Seats: strings.Repeat("Full · 3 on the waitlist ", 4)}},
		{"seats rtl", bidi.RightToLeft, EventCardData{Month: "نوفمبر", Day: "٢٧", Title: "Latte art night", Detail: "٧:٠٠ م", Seats: long}},
		{"status and seats rtl", bidi.RightToLeft, EventCardData{Month: "نوفمبر", Day: "٢٩", Title: "Cupping", Detail: "٦:٣٠ م", Seats: long, Status: "مقعدك محجوز", StatusKind: widget.SuccessImportance}},
	} {
		c := NewEventCard(tc.d, tc.e, nil)
		if w := c.MinSize().Width; w > 300 {
			t.Errorf("%s: card needs %.0f px wide, more than a phone's list leaves (300)", tc.name, w)
		}
	}
}
