package community

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"
)

// Repeat is how often a series repeats an event.
type Repeat string

// Repeats.
const (
	Weekly  Repeat = "weekly"
	Monthly Repeat = "monthly"
)

// MaxRepeats bounds one series: a year of weekly events.
const MaxRepeats = 52

// Occurrences returns the start times of count repeats after start, in loc's
// wall clock (19:00 stays 19:00 across a change to summer time). Monthly
// repeats keep the day of the month, or the month's last day when it is
// shorter (the 31st gives 28 or 29 February, then 31 March).
func Occurrences(start time.Time, loc *time.Location, every Repeat, count int) ([]time.Time, error) {
	if every != Weekly && every != Monthly {
		return nil, Invalid("repeat", ReasonInvalid)
	}
	if err := CheckRange("repeat_count", int64(count), 1, MaxRepeats); err != nil {
		return nil, err
	}
	l := start.In(loc)
	out := make([]time.Time, 0, count)
	for i := 1; i <= count; i++ {
		if every == Weekly {
			out = append(out, time.Date(l.Year(), l.Month(), l.Day()+7*i, l.Hour(), l.Minute(), l.Second(), 0, loc))
			continue
		}
		month := time.Date(l.Year(), l.Month()+time.Month(i), 1, 0, 0, 0, 0, loc)
		last := time.Date(month.Year(), month.Month()+1, 0, 0, 0, 0, 0, loc).Day()
		out = append(out, time.Date(month.Year(), month.Month(), min(l.Day(), last), l.Hour(), l.Minute(), l.Second(), 0, loc))
	}
	return out, nil
}

// copyID is the ID of the copy of event id that starts at start: the same
// copy asked for twice (a double tap, a repeat run again) is one event.
func copyID(id string, start time.Time) string {
	sum := sha256.Sum256([]byte(id + "@" + start.UTC().Format(time.RFC3339)))
	return idEncoding.EncodeToString(sum[:12])[:20]
}

// copyAt creates the copy of e starting at start, with e's length, title,
// place and capacity and no RSVPs. A copy that exists already is returned as is.
func (s *Service) copyAt(ctx context.Context, a Actor, e Event, start time.Time) (Event, error) {
	in := EventInput{Title: e.Title, Description: e.Description, Place: e.Place, StartsAt: start,
		EndsAt: start.Add(e.EndsAt.Sub(e.StartsAt)), TimeZone: e.TimeZone, Capacity: e.Capacity}
	if err := in.Validate(); err != nil {
		return Event{}, err
	}
	if start.Before(s.now()) {
		return Event{}, Invalid("starts_at", ReasonPast)
	}
	c := Event{ID: copyID(e.ID, start), CreatedBy: a.ID, UpdatedAt: s.now()}
	in.apply(&c)
	err := s.store.CreateEvent(ctx, c)
	if errors.Is(err, ErrConflict) {
		return s.store.Event(ctx, c.ID)
	}
	if err != nil {
		return Event{}, fmt.Errorf("copy event %s: %w", e.ID, err)
	}
	return c, nil
}

// DuplicateEvent creates a copy of an event at another start (staff only):
// same title, description, place, length and capacity, nobody going yet.
func (s *Service) DuplicateEvent(ctx context.Context, a Actor, id string, start time.Time) (Event, error) {
	if err := a.require(ActManageEvents); err != nil {
		return Event{}, err
	}
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return Event{}, fmt.Errorf("duplicate event %s: %w", id, err)
	}
	return s.copyAt(ctx, a, e, start)
}

// RepeatEvent makes a series of an event (staff only): count copies, weekly
// or monthly after it, in the event's time zone. Running it again makes no
// second copy of the same date.
func (s *Service) RepeatEvent(ctx context.Context, a Actor, id string, every Repeat, count int) ([]Event, error) {
	if err := a.require(ActManageEvents); err != nil {
		return nil, err
	}
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("repeat event %s: %w", id, err)
	}
	starts, err := Occurrences(e.StartsAt, e.Location(), every, count)
	if err != nil {
		return nil, err
	}
	out := make([]Event, 0, len(starts))
	for _, st := range starts {
		c, err := s.copyAt(ctx, a, e, st)
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}
