package screens

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// eventEditor creates or edits an event. A refused save shows why at the
// field it names (a capacity below the number going, an end before the
// start) and keeps everything typed.
type eventEditor struct {
	env   *Env
	scope *Scope
	id    string // "" for a new event
	zone  *time.Location
	saved func(community.Event)

	title, place, capacity *widget.Entry
	description            *widget.Entry
	starts, ends           *dateTimeField
	save                   *widget.Button
	problem                *widget.Label // a load that failed, or "saved"
	errs                   *FieldErrors
	form                   *fyne.Container
	root                   fyne.CanvasObject
}

// NewEventEditor returns the form to create an event (eventID "") or edit one
// (owner and staff).
func NewEventEditor(env *Env, eventID string) fyne.CanvasObject {
	return newEventEditor(env, eventID, nil).root
}

func newEventEditor(env *Env, id string, saved func(community.Event)) *eventEditor {
	s := &eventEditor{env: env, id: id, zone: time.UTC, saved: saved, errs: NewFieldErrors(env)}
	s.scope = env.Open("event-editor", nil)
	s.buildUI()
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, cerr := svc.Community(ctx)
		var e community.Event
		var err error
		if id != "" {
			e, err = svc.Event(ctx, id)
		}
		return func() {
			if cerr == nil {
				s.zone = c.Location()
			}
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			if id != "" {
				s.fill(e)
			} else {
				s.starts.zone, s.ends.zone = s.zone, s.zone
			}
		}
	})
	return s
}

func (s *eventEditor) buildUI() {
	l := s.env.L()
	s.title = widget.NewEntry()
	s.description = widget.NewMultiLineEntry()
	s.description.Wrapping = fyne.TextWrapWord
	s.description.SetMinRowsVisible(4)
	s.place = widget.NewEntry()
	s.capacity = widget.NewEntry()
	s.starts, s.ends = newDateTimeField(s.env, l.T("OwnerEventsTimePlaceholder")), newDateTimeField(s.env, l.T("OwnerEventsTimePlaceholder"))
	text := l.T("OwnerEventsCreate")
	if s.id != "" {
		text = l.T("OwnerEventsSave")
	}
	s.save = highButton(text, s.onSave)
	s.problem = ui.NewRefusal(s.env)
	item := func(label, field string, w fyne.CanvasObject) ui.FormField {
		return ui.FormField{Label: l.T(label), Input: w, Error: s.errs.Field(field)}
	}
	s.form = ui.NewForm(s.env,
		item("OwnerEventsTitle", "title", s.title),
		item("OwnerEventsDescription", "description", s.description),
		item("OwnerEventsPlace", "place", s.place),
		item("OwnerEventsStarts", "starts_at", s.starts.root),
		item("OwnerEventsEnds", "ends_at", s.ends.root),
		item("OwnerEventsCapacity", "capacity", ui.Hinted(s.env, s.capacity, l.T("OwnerEventsCapacityUnlimited"))),
	)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(s.form, s.errs.General(), s.problem, s.save)))
}

func (s *eventEditor) fill(e community.Event) {
	s.title.SetText(e.Title)
	s.description.SetText(e.Description)
	s.place.SetText(e.Place)
	zone := e.Location()
	s.starts.set(e.StartsAt, zone)
	s.ends.set(e.EndsAt, zone)
	if e.Capacity > 0 {
		s.capacity.SetText(strconv.Itoa(e.Capacity))
	} else {
		s.capacity.SetText("")
	}
}

// input reads the form; a field that cannot be read is reported as the
// community package would report it.
func (s *eventEditor) input() (community.EventInput, error) {
	in := community.EventInput{Title: s.title.Text, Description: s.description.Text, Place: s.place.Text}
	var ok bool
	if in.StartsAt, ok = s.starts.value(); !ok {
		return in, community.Invalid("starts_at", community.ReasonInvalid)
	}
	if in.EndsAt, ok = s.ends.value(); !ok {
		return in, community.Invalid("ends_at", community.ReasonInvalid)
	}
	if c := strings.TrimSpace(s.capacity.Text); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil {
			return in, community.Invalid("capacity", community.ReasonInvalid)
		}
		in.Capacity = n
	}
	return in, nil
}

func (s *eventEditor) onSave() {
	in, err := s.input()
	ui.ShowNote(s.problem, "")
	if s.showErrors(err) {
		return
	}
	s.save.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		var e community.Event
		var err error
		if id == "" {
			e, err = svc.CreateEvent(ctx, me, in)
		} else {
			e, err = svc.EditEvent(ctx, me, id, in)
		}
		return func() {
			s.save.Enable()
			if s.showErrors(err) {
				return // the form keeps what was typed
			}
			ui.ShowNote(s.problem, s.env.L().T("OwnerEventsSaved"))
			if s.saved != nil {
				s.saved(e)
			}
		}
	})
}

// showErrors shows err at its field (or clears them all) and lays the form
// out again: a form keeps its rows' heights until refreshed, and the
// message would be drawn over the field.
func (s *eventEditor) showErrors(err error) bool {
	shown := s.errs.Show(err)
	s.form.Refresh()
	ui.Relayout(s.root)
	return shown
}

// dateTimeField is a date (a button showing it the way the member's
// language writes dates, with a calendar to pick another) and a time of day
// (HH:MM) in a zone.
type dateTimeField struct {
	date  *dateButton
	clock *widget.Entry
	zone  *time.Location
	root  fyne.CanvasObject
}

func newDateTimeField(env *Env, timeHint string) *dateTimeField {
	f := &dateTimeField{date: newDateButton(env), clock: widget.NewEntry(), zone: time.UTC}
	f.clock.SetPlaceHolder(timeHint)
	// The date takes the room; the time needs only five characters.
	clockWidth := fyne.MeasureText("00:00", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
	clock := container.NewGridWrap(fyne.NewSize(clockWidth, f.clock.MinSize().Height), f.clock)
	f.root = mirror.Border(env, nil, nil, nil, clock, f.date)
	return f
}

func (f *dateTimeField) set(t time.Time, zone *time.Location) {
	f.zone = zone
	t = t.In(zone)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	f.date.SetDate(&d)
	f.clock.SetText(t.Format("15:04"))
}

// value returns the date and time, or false when either cannot be read.
func (f *dateTimeField) value() (time.Time, bool) {
	if f.date.Date == nil {
		return time.Time{}, false
	}
	var h, m int
	if _, err := fmt.Sscanf(strings.TrimSpace(f.clock.Text), "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return time.Time{}, false
	}
	d := *f.date.Date
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, f.zone), true
}

// dateButton shows a date through the Localizer ("الجمعة، ٢٧ نوفمبر ٢٠٢٦",
// "27 nov 2026") and opens a calendar to pick another: Fyne's date entry
// writes and reads dates in its own format, whatever the member's language.
type dateButton struct {
	widget.Button
	env  *Env
	Date *time.Time // midnight UTC of the day picked; nil for none
	pop  *widget.PopUp
}

func newDateButton(env *Env) *dateButton {
	b := &dateButton{env: env}
	b.Icon = theme.CalendarIcon()
	b.Alignment = widget.ButtonAlignLeading
	if env.RTL() {
		b.Alignment = widget.ButtonAlignTrailing
	}
	b.OnTapped = b.onTapped
	b.ExtendBaseWidget(b)
	b.SetDate(nil)
	return b
}

// SetDate shows d (nil: none picked yet).
func (b *dateButton) SetDate(d *time.Time) {
	b.Date = d
	if d == nil {
		b.SetText(b.env.L().T("OwnerEventsPickDate"))
		return
	}
	b.SetText(bidi.Visual(b.env, b.env.L().Date(*d, time.UTC)))
}

func (b *dateButton) onTapped() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	start := time.Now()
	if b.Date != nil {
		start = *b.Date
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		b.SetDate(&d)
		if b.pop != nil {
			b.pop.Hide()
		}
	})
	b.pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	b.pop.ShowAtPosition(pos.Add(fyne.NewPos(0, b.Size().Height)))
}

// IsUserData marks the picked date as input (the pseudo-locale test skips it).
func (b *dateButton) IsUserData() bool { return true }
