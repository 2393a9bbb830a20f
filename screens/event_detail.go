package screens

import (
	"context"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// eventDetail shows one event and the member's answer: RSVP (a seat, or the
// waitlist when full, with their position), cancel, and "add to calendar".
type eventDetail struct {
	env   *Env
	scope *Scope
	id    string
	body  *fyne.Container
	// actions is the member's answer and its button, at the bottom.
	actions *fyne.Container

	event  community.Event
	rsvp   community.RSVP // zero Status when they have not answered
	rating int            // their 1-5 answer to "how was it?", 0 for none
	refuse *ui.FieldError
	note   *widget.Label
}

// NewEventDetail returns the detail view of the event with the given ID.
func NewEventDetail(env *Env, id string) fyne.CanvasObject {
	return newEventDetail(env, id).buildUI()
}

func newEventDetail(env *Env, id string) *eventDetail {
	return &eventDetail{env: env, id: id}
}

func (s *eventDetail) buildUI() fyne.CanvasObject {
	s.refuse = ui.NewFieldError(s.env)
	s.note = ui.NewText(s.env, "")
	s.note.Importance = widget.SuccessImportance
	s.note.Hide()
	s.body = container.NewVBox(widget.NewProgressBarInfinite())
	// The member's answer and its button stay at the bottom, the whole
	// width, where a thumb reaches them, however long the description.
	s.actions = container.NewVBox()
	s.scope = s.env.Open("event", s.onChange)
	s.load()
	return container.NewBorder(nil, ui.Inset(s.actions, ui.Gap), nil, nil, container.NewVScroll(ui.Page(s.body)))
}

func (s *eventDetail) load() {
	me := s.env.Me()
	svc := s.env.Svc
	id := s.id
	s.scope.Go(func(ctx context.Context) func() {
		e, err := svc.Event(ctx, id)
		var r community.RSVP
		if err == nil {
			r, err = svc.MyRSVP(ctx, me, id)
			if errors.Is(err, community.ErrNotFound) {
				r, err = community.RSVP{}, nil
			}
		}
		rating := 0
		if r.Status == community.StatusCheckedIn {
			rating, _ = svc.MyRating(ctx, me, id) // none yet: 0
		}
		return func() {
			s.rating = rating
			s.show(e, r, err)
		}
	})
}

func (s *eventDetail) onChange(c community.Change) {
	if c.About(community.KindEvent, s.id) || (c.Kind == community.KindRSVP && (c.ID == s.id || c.Parent == s.id)) {
		s.load()
	}
}

func (s *eventDetail) show(e community.Event, r community.RSVP, err error) {
	l := s.env.L()
	if err != nil {
		s.refuse.SetError(err)
		s.body.Objects = []fyne.CanvasObject{s.refuse}
		s.body.Refresh()
		return
	}
	s.event, s.rsvp = e, r
	loc := e.Location()
	title := ui.NewDataLabel(s.env, e.Title, true)
	title.SizeName = theme.SizeNameHeadingText
	day := ui.NewText(s.env, l.DateLong(e.StartsAt, loc))
	hours := ui.NewText(s.env, l.T("EventHours", map[string]any{"Start": l.Time(e.StartsAt, loc), "End": l.Time(e.EndsAt, loc)}))
	place := ui.NewDataLabel(s.env, e.Place, false)
	objs := []fyne.CanvasObject{
		ui.NewImageSlot(nil, fyne.NewSize(0, 120)), // the event's photo, when events have one
		title,
		mirror.Border(s.env, nil, nil, widget.NewIcon(theme.CalendarIcon()), nil, container.NewVBox(day, hours)),
		mirror.Border(s.env, nil, nil, widget.NewIcon(theme.HomeIcon()), nil, place),
	}
	if e.Description != "" {
		objs = append(objs, ui.NewContentText(s.env, e.Description))
	}
	if e.Capacity > 0 {
		seats := ui.NewText(s.env, l.T("EventSeats", map[string]any{"Going": l.Number(int64(e.Going)), "Capacity": l.Number(int64(e.Capacity))}))
		bar := ui.NewProgressBar(s.env)
		bar.SetValue(float64(e.Going) / float64(e.Capacity))
		objs = append(objs, seats, bar)
		if e.Waiting > 0 {
			objs = append(objs, ui.NewText(s.env, l.N("EventWaiting", e.Waiting)))
		}
	}
	if r.Status == community.StatusCheckedIn {
		objs = append(objs, s.rate()...) // how was it? 1 to 5, after check-in
	}
	cal := ui.NewIconButton(s.env, l.T("EventAddToCalendar"), theme.DownloadIcon(), s.onAddToCalendar)
	objs = append(objs, mirror.Row(s.env, cal))
	s.body.Objects = objs
	s.body.Refresh()
	s.actions.Objects = append([]fyne.CanvasObject{widget.NewSeparator()}, append(s.answer(), s.note, s.refuse)...)
	s.actions.Refresh()
}

// answer is the member's standing and what they can do about it.
func (s *eventDetail) answer() []fyne.CanvasObject {
	l := s.env.L()
	e, r := s.event, s.rsvp
	if e.Cancelled {
		t := ui.NewText(s.env, l.T("EventCancelled"))
		t.Importance = widget.DangerImportance
		return []fyne.CanvasObject{t}
	}
	if !e.EndsAt.After(s.env.Svc.Now()) {
		return []fyne.CanvasObject{ui.NewText(s.env, l.T("EventIsOver"))}
	}
	switch r.Status {
	case community.StatusGoing, community.StatusWaiting:
		status := ui.NewText(s.env, rsvpText(s.env, r))
		status.TextStyle.Bold = true
		status.Importance = widget.SuccessImportance
		label := l.T("EventCancelRSVP")
		if r.Status == community.StatusWaiting {
			label = l.T("EventLeaveWaitlist")
		}
		cancel := ui.NewIconButton(s.env, label, theme.CancelIcon(), s.onCancel)
		return []fyne.CanvasObject{status, cancel}
	case community.StatusCheckedIn:
		status := ui.NewText(s.env, rsvpText(s.env, r))
		status.TextStyle.Bold = true
		return []fyne.CanvasObject{status}
	}
	label := l.T("EventRSVP")
	if e.Full() {
		label = l.T("EventJoinWaitlist")
	}
	b := ui.NewIconButton(s.env, label, theme.ConfirmIcon(), s.onRSVP)
	b.Importance = widget.HighImportance
	return []fyne.CanvasObject{b}
}

// rate asks a member checked in at the event how it was, 1 to 5 (issue 14):
// insights show the owner each event's average.
func (s *eventDetail) rate() []fyne.CanvasObject {
	l := s.env.L()
	var stars []fyne.CanvasObject
	for i := 1; i <= 5; i++ {
		b := widget.NewButton(l.Number(int64(i))+" ★", func() { s.onRate(i) })
		if i == s.rating {
			b.Importance = widget.HighImportance
		}
		stars = append(stars, b)
	}
	return []fyne.CanvasObject{ui.NewText(s.env, l.T("EventRate")), mirror.Row(s.env, stars...)}
}

func (s *eventDetail) onRate(score int) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.RateEvent(ctx, me, id, score)
		return func() {
			if err != nil {
				s.refuse.SetError(err)
				return
			}
			s.rating = score
			s.show(s.event, s.rsvp, nil)
		}
	})
}

func (s *eventDetail) onRSVP() {
	me := s.env.Me()
	svc := s.env.Svc
	id := s.id
	s.scope.Save(func(ctx context.Context) func() {
		r, err := svc.RSVP(ctx, me, id)
		return func() {
			if err != nil {
				s.refuse.SetError(err)
				return
			}
			s.refuse.Clear()
			s.note.Hide()
			s.rsvp = r
			s.load()
		}
	})
}

// onCancel asks before giving up a seat (it may go to the next in line).
func (s *eventDetail) onCancel() {
	l := s.env.L()
	Confirm(s.env, l.T("EventCancelTitle"), l.T("EventCancelConfirm"), l.T("EventCancelRSVP"), s.cancel)
}

func (s *eventDetail) cancel() {
	me := s.env.Me()
	svc := s.env.Svc
	id := s.id
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.CancelRSVP(ctx, me, id)
		return func() {
			if err != nil {
				s.refuse.SetError(err)
				return
			}
			s.refuse.Clear()
			s.load()
		}
	})
}

// onAddToCalendar saves the event as an .ics file where the member chooses.
func (s *eventDetail) onAddToCalendar() {
	d := dialog.NewFileSave(s.onCalendarFile, s.env.Win)
	d.SetFileName(icsFileName(s.event.Title))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Show()
}

func (s *eventDetail) onCalendarFile(w fyne.URIWriteCloser, err error) {
	if err != nil {
		s.refuse.SetError(err)
		return
	}
	if w == nil { // the member cancelled
		return
	}
	s.saveCalendar(w)
}

// saveCalendar writes the event's .ics into w (off the UI goroutine) and says so.
func (s *eventDetail) saveCalendar(w io.WriteCloser) {
	svc := s.env.Svc
	id := s.id
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.EventICS(ctx, id, w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return func() {
			if err != nil {
				s.refuse.SetError(err)
				return
			}
			s.refuse.Clear()
			s.note.SetText(s.env.L().T("EventCalendarSaved"))
			s.note.Show()
		}
	})
}

// icsFileName makes a file name from an event title: letters and digits of
// any script kept, the rest turned into dashes.
func icsFileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r == '-' || r == ' ' || strings.ContainsRune(`/\:*?"<>|.,;'&`, r) {
			if !dash && b.Len() > 0 {
				b.WriteRune('-')
				dash = true
			}
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "event"
	}
	return name + ".ics"
}
