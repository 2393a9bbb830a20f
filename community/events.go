package community

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// EventInput is what staff write when they create or edit an event.
type EventInput struct {
	Title       string
	Description string
	Place       string
	StartsAt    time.Time
	EndsAt      time.Time
	TimeZone    string
	Capacity    int
}

// Validate checks an event: title, place, times in order, a known time zone
// and a capacity between 0 (unlimited) and MaxCapacity.
func (in EventInput) Validate() error {
	if err := first(
		CheckName("title", in.Title, MaxTitleLen),
		CheckOptionalBody("description", in.Description, MaxBodyLen),
		CheckName("place", in.Place, MaxPlaceLen),
		CheckOrder("starts_at", in.StartsAt, in.EndsAt),
		CheckRange("capacity", int64(in.Capacity), 0, MaxCapacity),
	); err != nil {
		return err
	}
	if in.EndsAt.IsZero() {
		return Invalid("ends_at", ReasonRequired)
	}
	if in.TimeZone != "" {
		if _, err := time.LoadLocation(in.TimeZone); err != nil {
			return Invalid("time_zone", ReasonInvalid)
		}
	}
	return nil
}

func (in EventInput) apply(e *Event) {
	e.Title, e.Description, e.Place = strings.TrimSpace(in.Title), strings.TrimSpace(in.Description), strings.TrimSpace(in.Place)
	e.StartsAt, e.EndsAt, e.TimeZone, e.Capacity = in.StartsAt, in.EndsAt, in.TimeZone, in.Capacity
}

// CreateEvent adds an event (staff only). It must start in the future.
func (s *Service) CreateEvent(ctx context.Context, a Actor, in EventInput) (Event, error) {
	if err := a.require(ActManageEvents); err != nil {
		return Event{}, err
	}
	if err := in.Validate(); err != nil {
		return Event{}, err
	}
	if in.StartsAt.Before(s.now()) {
		return Event{}, Invalid("starts_at", ReasonPast)
	}
	if in.TimeZone == "" {
		if c, err := s.store.Community(ctx); err == nil {
			in.TimeZone = c.TimeZone
		}
	}
	e := Event{ID: NewID(), CreatedBy: a.ID, UpdatedAt: s.now()}
	in.apply(&e)
	if err := s.store.CreateEvent(ctx, e); err != nil {
		return Event{}, fmt.Errorf("create event: %w", err)
	}
	return e, nil
}

// EditEvent changes an event (staff only). Capacity may not drop below the
// seats already taken; a larger capacity promotes waiters, who are told.
func (s *Service) EditEvent(ctx context.Context, a Actor, id string, in EventInput) (Event, error) {
	if err := a.require(ActManageEvents); err != nil {
		return Event{}, err
	}
	if err := in.Validate(); err != nil {
		return Event{}, err
	}
	e, promoted, err := s.store.UpdateEvent(ctx, id, func(e *Event) error {
		if in.Capacity > 0 && in.Capacity < e.Going {
			return &ValidationError{Field: "capacity", Reason: ReasonBelowGoing, Limit: e.Going}
		}
		if in.TimeZone == "" {
			in.TimeZone = e.TimeZone
		}
		in.apply(e)
		e.UpdatedAt = s.now()
		return nil
	})
	if err != nil {
		return Event{}, fmt.Errorf("edit event %s: %w", id, err)
	}
	s.tellPromoted(ctx, e, promoted...)
	return e, nil
}

// CancelEvent calls an event off (staff only) and tells every member going
// or waiting (a "cancelled" notification, shown in each member's language).
// Cancelling again tells nobody twice: the notifications are keyed by event
// and member, so a retry after a failure tells those not yet told.
func (s *Service) CancelEvent(ctx context.Context, a Actor, id string) (Event, error) {
	if err := a.require(ActManageEvents); err != nil {
		return Event{}, err
	}
	e, _, err := s.store.UpdateEvent(ctx, id, func(e *Event) error {
		e.Cancelled = true
		e.UpdatedAt = s.now()
		return nil
	})
	if err != nil {
		return Event{}, fmt.Errorf("cancel event %s: %w", id, err)
	}
	rsvps, err := s.store.RSVPs(ctx, id)
	if err != nil {
		return e, fmt.Errorf("cancel event %s: telling members: %w", id, err)
	}
	for _, r := range rsvps {
		n := Notification{ID: "cancelled:" + id + ":" + r.MemberID, MemberID: r.MemberID, Kind: "cancelled", Ref: id, Title: e.Title, At: s.now()}
		if err := s.store.Notify(ctx, n); err != nil && !isNotFound(err) {
			return e, fmt.Errorf("cancel event %s: telling %s: %w", id, r.MemberID, err)
		}
	}
	return e, nil
}

// Event returns one event.
func (s *Service) Event(ctx context.Context, id string) (Event, error) {
	return s.store.Event(ctx, id)
}

// UpcomingEvents lists events that have not ended yet, soonest first.
func (s *Service) UpcomingEvents(ctx context.Context, limit int) ([]Event, error) {
	// An event that started up to a day ago may still be running.
	evs, err := s.store.Events(ctx, s.now().Add(-24*time.Hour), time.Time{}, limit+8, false)
	if err != nil {
		return nil, fmt.Errorf("upcoming events: %w", err)
	}
	now := s.now()
	out := evs[:0]
	for _, e := range evs {
		if e.EndsAt.After(now) && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

// PastEvents lists events that have ended, most recent first.
func (s *Service) PastEvents(ctx context.Context, limit int) ([]Event, error) {
	return s.store.Events(ctx, time.Time{}, s.now(), limit, true)
}

// RSVP answers "going" for the actor: a seat when one is free, else the waitlist.
func (s *Service) RSVP(ctx context.Context, a Actor, eventID string) (RSVP, error) {
	if err := a.require(ActRSVP); err != nil {
		return RSVP{}, err
	}
	e, err := s.store.Event(ctx, eventID)
	if err != nil {
		return RSVP{}, fmt.Errorf("rsvp to %s: %w", eventID, err)
	}
	if e.Cancelled {
		return RSVP{}, Invalid("event", ReasonCancelled)
	}
	if !e.EndsAt.After(s.now()) {
		return RSVP{}, Invalid("event", ReasonPast)
	}
	r, err := s.store.RSVP(ctx, eventID, RSVP{EventID: eventID, MemberID: a.ID, Name: a.Name, At: s.now()})
	if err != nil {
		return RSVP{}, fmt.Errorf("rsvp to %s: %w", eventID, err)
	}
	s.touch(ctx, a.ID)
	return r, nil
}

// CancelRSVP withdraws the actor; the first waiter takes the seat and is told.
func (s *Service) CancelRSVP(ctx context.Context, a Actor, eventID string) error {
	if err := a.require(ActRSVP); err != nil {
		return err
	}
	promoted, err := s.store.CancelRSVP(ctx, eventID, a.ID, s.now())
	if err != nil {
		return fmt.Errorf("cancel rsvp to %s: %w", eventID, err)
	}
	if promoted != nil {
		if e, err := s.store.Event(ctx, eventID); err == nil {
			s.tellPromoted(ctx, e, *promoted)
		}
	}
	return nil
}

func (s *Service) tellPromoted(ctx context.Context, e Event, promoted ...RSVP) {
	for _, p := range promoted {
		_ = s.store.Notify(ctx, Notification{ID: "promoted:" + e.ID + ":" + p.MemberID, MemberID: p.MemberID,
			Kind: "promoted", Ref: e.ID, Title: e.Title, At: s.now()})
	}
}

// MyRSVP returns the actor's RSVP to an event (ErrNotFound when none).
func (s *Service) MyRSVP(ctx context.Context, a Actor, eventID string) (RSVP, error) {
	return s.store.RSVPOf(ctx, eventID, a.ID)
}

// MyRSVPs returns the actor's RSVPs, newest first.
func (s *Service) MyRSVPs(ctx context.Context, a Actor, limit int) ([]RSVP, error) {
	return s.store.MemberRSVPs(ctx, a.ID, limit)
}

// Attendees lists seats then the waitlist (staff only).
func (s *Service) Attendees(ctx context.Context, a Actor, eventID string) ([]RSVP, error) {
	if err := a.require(ActCheckIn); err != nil {
		return nil, err
	}
	return s.store.RSVPs(ctx, eventID)
}

// CheckInResult says what a check-in did.
type CheckInResult struct {
	Member  Member
	RSVP    RSVP
	Points  int64
	Applied bool // false when the member was already checked in: no points twice
}

// CheckIn checks a member in at an event (staff only) and awards the check-in
// points once, whatever the number of scans.
func (s *Service) CheckIn(ctx context.Context, a Actor, eventID, memberID string) (CheckInResult, error) {
	if err := a.require(ActCheckIn); err != nil {
		return CheckInResult{}, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return CheckInResult{}, fmt.Errorf("check in: %w", err)
	}
	m, err := s.store.Member(ctx, memberID)
	if err != nil {
		return CheckInResult{}, fmt.Errorf("check in %s: %w", memberID, err)
	}
	now := s.now()
	entry := LedgerEntry{ID: "checkin:" + eventID + ":" + memberID, MemberID: memberID, Delta: c.Earn.CheckIn,
		Reason: ReasonCheckIn, Ref: eventID, At: now, By: a.ID}
	r, applied, err := s.store.CheckIn(ctx, eventID, RSVP{EventID: eventID, MemberID: memberID, Name: m.Name, At: now}, entry)
	if err != nil {
		return CheckInResult{}, fmt.Errorf("check in %s at %s: %w", memberID, eventID, err)
	}
	if m2, err := s.store.Member(ctx, memberID); err == nil {
		m = m2
	}
	if applied {
		_ = s.store.Notify(ctx, Notification{ID: "points:" + entry.ID, MemberID: memberID, Kind: "points", Ref: eventID, Amount: entry.Delta, At: now})
		if e, err := s.store.Event(ctx, eventID); err == nil {
			_ = s.notify(ctx, Notification{ID: NoticeRate + ":" + eventID + ":" + memberID, MemberID: memberID, Kind: NoticeRate,
				Ref: eventID, Title: e.Title, At: now})
		}
	}
	return CheckInResult{Member: m, RSVP: r, Points: entry.Delta, Applied: applied}, nil
}
