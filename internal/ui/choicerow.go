package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// ChoiceRow is one option of a poll to vote for: a radio mark and the
// option's text (content) on a card-coloured row the whole width, tapped to
// choose it. It replaces a column of identical "Vote" buttons.
type ChoiceRow struct {
	TapSurface
	disabled bool
	icon     *widget.Icon
	chosen   bool
}

// NewChoiceRow returns a row for text, marked when chosen.
func NewChoiceRow(d bidi.Dir, text string, chosen bool, tapped func()) *ChoiceRow {
	r := &ChoiceRow{chosen: chosen}
	r.OnTapped = tapped
	icon := theme.RadioButtonIcon()
	if chosen {
		icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
	}
	r.icon = widget.NewIcon(icon)
	label := NewContentLabel(d, text, chosen)
	r.Content = mirror.Border(d, nil, nil, r.icon, nil, Compact(label))
	r.Fill = theme.ColorNameInputBackground
	r.ExtendBaseWidget(r)
	return r
}

// Tapped chooses the option unless the row is disabled.
func (r *ChoiceRow) Tapped(e *fyne.PointEvent) {
	if !r.disabled {
		r.TapSurface.Tapped(e)
	}
}

// Disable stops the row from being chosen (an unconfirmed email).
func (r *ChoiceRow) Disable() {
	r.disabled = true
	r.icon.SetResource(theme.NewDisabledResource(theme.RadioButtonIcon()))
}

// Enable lets the row be chosen again.
func (r *ChoiceRow) Enable() {
	r.disabled = false
	icon := theme.RadioButtonIcon()
	if r.chosen {
		icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
	}
	r.icon.SetResource(icon)
}

// Disabled reports whether the row can be chosen.
func (r *ChoiceRow) Disabled() bool { return r.disabled }
