package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// managedEvents is how many upcoming and past events the manager lists.
const managedEvents = 30

// eventsManager is the staff's events place: the events, and for the chosen
// one its editor, attendees and waitlist, and check-in.
type eventsManager struct {
	env    *Env
	scope  *Scope
	events []community.Event
	nUp    int    // events[:nUp] are upcoming, the rest past
	loads  loader // the newest load wins

	managerPane
}

// NewEventsManager returns the events manager (owner and staff).
func NewEventsManager(env *Env) fyne.CanvasObject {
	return newEventsManager(env).root
}

func newEventsManager(env *Env) *eventsManager {
	s := &eventsManager{env: env}
	s.scope = env.Open("events-manager", s.onChange)
	s.buildUI()
	env.OfferNew(s.onNew) // Ctrl+N
	s.load()
	return s
}

func (s *eventsManager) buildUI() {
	s.managerPane = newManagerPane(s.env, managerTexts{New: "OwnerEventsNew", Empty: "OwnerEventsEmpty", Pick: "OwnerEventsPick"}, 0.42,
		func() int { return len(s.events) }, s.createRow, s.updateRow, s.onOpen, s.onNew)
}

// A row is a section heading (shown on the first upcoming and the first past
// event only), the title, the time and the seats.
func (s *eventsManager) createRow() fyne.CanvasObject {
	head := ui.NewHeading(s.env, "")
	head.SizeName = theme.SizeNameSubHeadingText
	heading := container.NewVBox(head, widget.NewSeparator())
	heading.Hide()
	return container.NewVBox(heading, listLines(ui.NewDataLine(s.env, true), ui.NewFaint(s.env, ""), ui.NewFaint(s.env, "")))
}

// heading is the section heading row id starts, "" for none.
func (s *eventsManager) heading(id int) string {
	switch {
	case id == 0 && s.nUp > 0:
		return s.env.L().T("OverviewUpcomingEvents")
	case id == s.nUp && id < len(s.events):
		return s.env.L().T("OwnerEventsPast")
	}
	return ""
}

func (s *eventsManager) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.events) {
		return
	}
	e, l := s.events[id], s.env.L()
	box := o.(*fyne.Container)
	heading := box.Objects[0].(*fyne.Container)
	if text := s.heading(id); text != "" {
		ui.SetLine(s.env, heading.Objects[0], text)
		heading.Show()
	} else {
		heading.Hide()
	}
	defer box.Refresh() // lay the row out again for the heading shown or hidden
	lines := box.Objects[1]
	title, meta := rowLine(lines, 0).(*ui.DataLabel), ui.AsLabel(rowLine(lines, 1))
	title.SetData(s.env, e.Title)
	seats := l.T("OwnerEventsSeats", map[string]any{"Going": l.Number(int64(e.Going)), "Waiting": l.Number(int64(e.Waiting))})
	if e.Cancelled {
		seats = l.T("OwnerEventsCancelled")
	}
	ui.SetLine(s.env, meta, l.DateTime(e.StartsAt, e.Location()))
	ui.SetLine(s.env, ui.AsLabel(rowLine(lines, 2)), seats)
}

func (s *eventsManager) load() {
	svc := s.env.Svc
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		up, err := svc.UpcomingEvents(ctx, managedEvents)
		var past []community.Event
		if err == nil {
			past, err = svc.PastEvents(ctx, 5)
		}
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.events, s.nUp = append(up, past...), len(up)
			showEmpty(s.empty, len(s.events))
			// The rows that start a section are taller by their heading.
			row := s.createRow()
			plain := row.MinSize().Height
			row.(*fyne.Container).Objects[0].Show()
			tall := row.MinSize().Height
			for id := range s.events {
				h := plain
				if s.heading(id) != "" {
					h = tall
				}
				s.list.SetItemHeight(id, h)
			}
			s.list.Refresh()
			s.showOverview(eventsOverview(s.env.L(), up))
		}
	})
}

// eventsOverview sums the upcoming events up for the staff: how many, the
// seats taken and the waitlists, and the next one.
func eventsOverview(l *i18n.Localizer, up []community.Event) ([]ui.Figure, string) {
	var n, going, waiting int64
	next := ""
	for _, e := range up {
		if e.Cancelled {
			continue
		}
		if next == "" {
			next = l.T("OverviewNextEvent", map[string]any{"Title": e.Title, "When": l.DateTime(e.StartsAt, e.Location())})
		}
		n++
		going += int64(e.Going)
		waiting += int64(e.Waiting)
	}
	return []ui.Figure{
		{Value: l.Number(n), Caption: l.T("OverviewUpcomingEvents")},
		{Value: l.Number(going), Caption: l.T("OverviewSeatsTaken")},
		{Value: l.Number(waiting), Caption: l.T("OverviewOnWaitlists")},
	}, next
}

func (s *eventsManager) show(title string, content fyne.CanvasObject) {
	if s.detail == nil {
		s.env.Push(title, content)
		return
	}
	s.detail.Objects = []fyne.CanvasObject{content}
	s.detail.Refresh()
}

func (s *eventsManager) onNew() {
	s.list.UnselectAll()
	ed := newEventEditor(s.env, "", func(e community.Event) { s.show(e.Title, NewEventAdmin(s.env, e.ID)) })
	s.show(s.env.L().T("OwnerEventsNew"), ed.root)
}

func (s *eventsManager) onOpen(id widget.ListItemID) {
	if id >= len(s.events) {
		return
	}
	if s.detail == nil {
		s.list.UnselectAll()
	}
	s.show(s.events[id].Title, NewEventAdmin(s.env, s.events[id].ID))
}

func (s *eventsManager) onChange(c community.Change) {
	if c.Kind == community.KindEvent {
		s.load()
	}
}

// NewEventAdmin returns one event for staff under its title and time: tabs
// for check-in, attendees and waitlist, and the editor.
func NewEventAdmin(env *Env, eventID string) fyne.CanvasObject {
	l := env.L()
	title, when := ui.NewDataLabel(env, "", true), ui.NewFaint(env, "")
	tabs := ui.NewTabs(env,
		container.NewTabItem(l.T("OwnerEventsCheckIn"), newCheckIn(env, eventID).root),
		container.NewTabItem(l.T("OwnerEventsAttendees"), newAttendees(env, eventID).root),
		container.NewTabItem(l.T("OwnerEventsEdit"), newEventEditor(env, eventID, nil).root),
		container.NewTabItem(l.T("OwnerEventsManage"), newEventSeries(env, eventID).root), // event_series.go
	)
	svc, scope := env.Svc, env.Open("event-admin", nil)
	scope.Go(func(ctx context.Context) func() {
		e, err := svc.Event(ctx, eventID)
		return func() {
			if err == nil {
				title.SetData(env, e.Title)
				ui.SetLine(env, when, env.L().T("OwnerEventsWhenWhere", map[string]any{"When": env.L().DateTime(e.StartsAt, e.Location()), "Place": e.Place}))
			}
		}
	})
	return container.NewBorder(container.NewVBox(title, when), nil, nil, nil, tabs)
}

// attendees lists an event's seats, then its waitlist in order.
type attendees struct {
	env   *Env
	scope *Scope
	id    string
	rsvps []community.RSVP

	summary *widget.Label
	list    *widget.List
	empty   fyne.CanvasObject
	root    fyne.CanvasObject
}

func newAttendees(env *Env, eventID string) *attendees {
	s := &attendees{env: env, id: eventID}
	s.summary = ui.NewText(s.env, "")
	s.list = widget.NewList(func() int { return len(s.rsvps) }, s.createRow, s.updateRow)
	s.empty = ui.NewEmptyState(nil, env.L().T("OwnerEventsNoAttendees"), "", nil)
	s.empty.Hide()
	s.root = container.NewBorder(s.summary, nil, nil, nil, container.NewStack(s.list, s.empty))
	s.scope = env.Open("attendees", s.onChange)
	s.load()
	return s
}

func (s *attendees) createRow() fyne.CanvasObject {
	return mirror.Border(s.env, nil, nil, nil, ui.NewFaint(s.env, ""), ui.NewDataLine(s.env, false))
}

func (s *attendees) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rsvps) {
		return
	}
	r, l := s.rsvps[id], s.env.L()
	row := o.(*fyne.Container)
	row.Objects[0].(*ui.DataLabel).SetData(s.env, r.Name)
	status := l.T("OwnerEventsStatusGoing")
	switch r.Status {
	case community.StatusCheckedIn:
		status = l.T("OwnerEventsStatusCheckedIn")
	case community.StatusWaiting:
		status = l.T("OwnerEventsStatusWaiting", map[string]any{"Position": l.Number(int64(r.Position))})
	}
	ui.AsLabel(row.Objects[1]).SetText(status)
	row.Refresh()
}

func (s *attendees) load() {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Go(func(ctx context.Context) func() {
		rs, err := svc.Attendees(ctx, me, id)
		e, eerr := svc.Event(ctx, id)
		return func() {
			l := s.env.L()
			if err == nil {
				err = eerr
			}
			if err != nil {
				s.summary.SetText(ErrorText(l, err))
				return
			}
			s.rsvps = rs
			ui.SetLine(s.env, s.summary, attendeeSummary(l, e))
			showEmpty(s.empty, len(rs))
			s.list.Refresh()
		}
	})
}

// attendeeSummary is the line above the attendee list. An event without a
// seat limit has its own message: "No limit" is no number to put in "5 of
// N seats taken", and languages word the two cases differently.
func attendeeSummary(l *i18n.Localizer, e community.Event) string {
	data := map[string]any{"Going": l.Number(int64(e.Going)), "CheckedIn": l.Number(int64(e.CheckedIn)), "Waiting": l.Number(int64(e.Waiting))}
	if e.Capacity == 0 {
		return l.T("OwnerEventsSummaryUnlimited", data)
	}
	data["Capacity"] = l.Number(int64(e.Capacity))
	return l.T("OwnerEventsSummary", data)
}

func (s *attendees) onChange(c community.Change) {
	if (c.Kind == community.KindRSVP && c.Parent == s.id) || c.About(community.KindEvent, s.id) {
		s.load()
	}
}
