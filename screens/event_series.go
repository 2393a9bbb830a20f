package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// eventSeries is the "Manage" tab of an event for staff: duplicate it to
// another date, repeat it weekly or monthly as a series, or cancel it (every
// member going and waiting is told, in their language).
type eventSeries struct {
	scope *Scope
	env   *Env
	id    string
	ev    community.Event

	at              *dateTimeField
	every           *widget.RadioGroup
	count           *widget.Entry
	dup, rep, cance *widget.Button
	note            *widget.Label
	root            fyne.CanvasObject
}

func newEventSeries(env *Env, eventID string) *eventSeries {
	s := &eventSeries{env: env, id: eventID, scope: env.Open("event-series", nil)}
	l := env.L()
	s.at = newDateTimeField(env, l.T("OwnerEventsTimePlaceholder"))
	weekly, monthly := l.T("OwnerEventsWeekly"), l.T("OwnerEventsMonthly")
	s.every = widget.NewRadioGroup([]string{weekly, monthly}, nil)
	s.every.Horizontal = true
	s.every.SetSelected(weekly)
	s.count = widget.NewEntry()
	s.count.SetText(l.Number(4))
	s.dup = widget.NewButton(l.T("OwnerEventsDuplicate"), s.onDuplicate)
	s.rep = widget.NewButton(l.T("OwnerEventsRepeat"), s.onRepeat)
	s.cance = dangerButton(l.T("OwnerEventsCancelEvent"), s.onCancel)
	s.note = ui.NewRefusal(env)
	s.root = container.NewVScroll(container.NewVBox(
		ui.NewSectionHeader(env, l.T("OwnerEventsDuplicate")), s.at.root, mirror.Row(env, s.dup),
		ui.NewSectionHeader(env, l.T("OwnerEventsRepeat")), s.every,
		ui.NewFormRow(env, l.T("OwnerEventsRepeatCount"), s.count, nil), mirror.Row(env, s.rep),
		ui.NewSectionHeader(env, l.T("OwnerEventsCancelEvent")), ui.NewText(env, l.T("OwnerEventsCancelHint")), mirror.Row(env, s.cance),
		s.note))
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		e, err := svc.Event(ctx, eventID)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
				return
			}
			s.ev = e
			s.at.set(e.StartsAt.AddDate(0, 0, 7), e.Location())
			if e.Cancelled {
				s.cance.Disable()
			}
		}
	})
	return s
}

func (s *eventSeries) busy(on bool) {
	for _, b := range []*widget.Button{s.dup, s.rep, s.cance} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if !on && s.ev.Cancelled {
		s.cance.Disable()
	}
}

func (s *eventSeries) onDuplicate() {
	at, ok := s.at.value()
	if !ok {
		ui.ShowRefusal(s.note, ErrorText(s.env.L(), community.Invalid("starts_at", community.ReasonInvalid)))
		return
	}
	s.busy(true)
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		e, err := svc.DuplicateEvent(ctx, me, id, at)
		return func() {
			s.busy(false)
			l := s.env.L()
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(l, err))
				return
			}
			ui.ShowNote(s.note, l.T("OwnerEventsDuplicated", map[string]any{"When": l.DateTime(e.StartsAt, e.Location())}))
		}
	})
}

func (s *eventSeries) onRepeat() {
	n, err := strconv.Atoi(strings.TrimSpace(i18n.ASCIIDigits(s.count.Text)))
	if err != nil {
		ui.ShowRefusal(s.note, ErrorText(s.env.L(), community.Invalid("repeat_count", community.ReasonOutOfRange)))
		return
	}
	every := community.Weekly
	if s.every.Selected == s.env.L().T("OwnerEventsMonthly") {
		every = community.Monthly
	}
	s.busy(true)
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		evs, err := svc.RepeatEvent(ctx, me, id, every, n)
		return func() {
			s.busy(false)
			l := s.env.L()
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(l, err))
				return
			}
			last := evs[len(evs)-1]
			ui.ShowNote(s.note, l.N("OwnerEventsRepeated", len(evs), map[string]any{"Until": l.Date(last.StartsAt, last.Location())}))
		}
	})
}

func (s *eventSeries) onCancel() {
	l := s.env.L()
	Confirm(s.env, l.T("OwnerEventsCancelTitle"), l.T("OwnerEventsCancelConfirm"), l.T("OwnerEventsCancelEvent"), func() {
		s.busy(true)
		svc, me, id := s.env.Svc, s.env.Me(), s.id
		s.scope.Save(func(ctx context.Context) func() {
			e, err := svc.CancelEvent(ctx, me, id)
			return func() {
				if err == nil {
					s.ev = e
				}
				s.busy(false)
				if err != nil {
					ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
					return
				}
				ui.ShowNote(s.note, s.env.L().T("OwnerEventsCancelDone"))
			}
		})
	})
}
