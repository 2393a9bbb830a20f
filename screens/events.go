package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// events lists what is coming up (with where the member stands for each)
// and the past events they attended.
type events struct {
	env   *Env
	scope *Scope
	body  *fyne.Container
}

type eventsData struct {
	upcoming []community.Event
	past     []community.Event
	mine     map[string]community.RSVP
	now      time.Time
}

// NewEvents returns the Events screen.
func NewEvents(env *Env) fyne.CanvasObject {
	return newEvents(env).buildUI()
}

func newEvents(env *Env) *events {
	return &events{env: env}
}

func (s *events) buildUI() fyne.CanvasObject {
	s.body = container.NewVBox(widget.NewProgressBarInfinite())
	s.scope = s.env.Open("events", s.onChange)
	s.load()
	return container.NewVScroll(ui.CardPage(s.body))
}

func (s *events) load() {
	me := s.env.Me()
	svc := s.env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		d := eventsData{mine: map[string]community.RSVP{}, now: svc.Now()}
		var err error
		if d.upcoming, err = svc.UpcomingEvents(ctx, 50); err == nil {
			var past []community.Event
			if past, err = svc.PastEvents(ctx, 30); err == nil {
				var rsvps []community.RSVP
				if rsvps, err = svc.MyRSVPs(ctx, me, 200); err == nil {
					for _, r := range rsvps {
						d.mine[r.EventID] = r
					}
					for _, e := range past {
						if d.mine[e.ID].Status == community.StatusCheckedIn {
							d.past = append(d.past, e)
						}
					}
				}
			}
		}
		return func() { s.show(d, err) }
	})
}

func (s *events) onChange(c community.Change) {
	if c.Kind == community.KindEvent || c.Kind == community.KindRSVP {
		s.load()
	}
}

func (s *events) show(d eventsData, err error) {
	l := s.env.L()
	if err != nil {
		fe := ui.NewFieldError(s.env)
		fe.SetError(err)
		s.body.Objects = []fyne.CanvasObject{fe}
		s.body.Refresh()
		return
	}
	objs := []fyne.CanvasObject{ui.NewSectionHeader(s.env, l.T("EventsUpcoming"))}
	if len(d.upcoming) == 0 {
		objs = append(objs, ui.NewEmptyState(theme.CalendarIcon(), l.T("EventsNoneUpcoming"), l.T("EventsSuggest"), s.onSuggest))
	}
	for _, e := range d.upcoming {
		objs = append(objs, s.card(e, d.mine[e.ID]))
	}
	objs = append(objs, ui.NewSectionHeader(s.env, l.T("EventsAttended")))
	if len(d.past) == 0 {
		objs = append(objs, ui.NewEmptyState(nil, l.T("EventsNoneAttended"), "", nil))
	}
	for _, e := range d.past {
		title := ui.NewDataLabel(s.env, e.Title, false)
		when := ui.SecondaryOf(ui.NewText(s.env, l.Date(e.StartsAt, e.Location())))
		objs = append(objs, mirror.Border(s.env, nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, container.NewVBox(ui.Compact(title), ui.Compact(when))))
	}
	s.body.Objects = objs
	s.body.Refresh()
}

// card shows one upcoming event: its date, title, time and place, seats
// and the member's answer.
func (s *events) card(e community.Event, mine community.RSVP) fyne.CanvasObject {
	id := e.ID
	return ui.NewEventCard(s.env, eventCardData(s.env, e, mine), func() { s.onOpen(id) })
}

// eventCardData is what an event's card shows to the member.
func eventCardData(env *Env, e community.Event, mine community.RSVP) ui.EventCardData {
	l := env.L()
	month, day := l.DayBlock(e.StartsAt, e.Location())
	d := ui.EventCardData{Month: month, Day: day, Title: e.Title,
		Detail: l.T("OwnerEventsWhenWhere", map[string]any{"When": l.Time(e.StartsAt, e.Location()), "Place": e.Place}),
		Seats:  seatsText(env, e)}
	if st := rsvpText(env, mine); st != "" {
		d.Status, d.StatusKind = st, widget.SuccessImportance
	}
	if e.Cancelled {
		d.Status, d.StatusKind = l.T("EventCancelled"), widget.DangerImportance
	}
	return d
}

// seatsText says how full an event is ("" when it has no limit).
func seatsText(env *Env, e community.Event) string {
	l := env.L()
	switch {
	case e.Capacity == 0:
		return ""
	case e.Full():
		return l.N("EventsFull", e.Waiting)
	}
	return l.N("EventsSeatsLeft", e.Capacity-e.Going)
}

func (s *events) onOpen(id string) {
	s.env.Push(s.env.L().T("EventTitle"), NewEventDetail(s.env, id))
}

func (s *events) onSuggest() { showPlace(s.env, "forum") }
