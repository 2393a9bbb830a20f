package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// CreateEvent adds an event with no RSVPs; a taken ID is ErrConflict.
func (s *Store) CreateEvent(ctx context.Context, e community.Event) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if e.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	d := toEventDoc(e)
	d.Going, d.Waiting, d.CheckedIn, d.Seq = 0, 0, 0, 0
	d.settle()
	_, err := s.eventRef(e.ID).Create(ctx, d)
	return s.write("create event "+e.ID, err, community.Change{Kind: community.KindEvent, ID: e.ID})
}

// UpdateEvent edits an event and, when seats became free, promotes waiters
// by Seq in the same transaction. When the times or the cancellation change,
// it also reads every RSVP to the event and copies them onto each (one read
// and one write per RSVP, only then).
func (s *Store) UpdateEvent(ctx context.Context, id string, fn func(*community.Event) error) (community.Event, []community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Event
	var promoted []community.RSVP
	err := s.run(ctx, "update event "+id, []string{"events/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var old eventDoc
		if err := must(ctx, tx, s.eventRef(id), &old, "event"); err != nil {
			return err
		}
		ev := fromEventDoc(id, old)
		if err := fn(&ev); err != nil {
			return err
		}
		d := toEventDoc(ev)
		d.Going, d.Waiting, d.CheckedIn, d.Seq = old.Going, old.Waiting, old.CheckedIn, old.Seq
		d.Queue, d.By, d.Promoted = old.Queue, old.By, old.Promoted
		d.settle()
		waiters, err := s.firstWaiters(tx, id, &d)
		if err != nil {
			return err
		}
		var stale []string // members whose RSVP has the old times
		if !d.StartsAt.Equal(old.StartsAt) || !d.EndsAt.Equal(old.EndsAt) || d.Cancelled != old.Cancelled {
			if stale, err = s.rsvpMembers(tx, id); err != nil {
				return err
			}
		}
		if len(waiters) > 0 {
			d.Seq++
			d.Promoted = []string{}
		}
		if promoted, err = s.promote(tx, id, &d, waiters, d.UpdatedAt, ch); err != nil {
			return err
		}
		if err := s.restamp(tx, id, d, stale, promoted, ch); err != nil {
			return err
		}
		ch.add(community.KindEvent, id, "", "")
		out = fromEventDoc(id, d)
		return tx.Set(s.eventRef(id), d)
	})
	return out, promoted, err
}

// Event returns an event.
func (s *Store) Event(ctx context.Context, id string) (community.Event, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d eventDoc
	if err := must(ctx, nil, s.eventRef(id), &d, "event"); err != nil {
		return community.Event{}, s.wrap("event "+id, err)
	}
	return fromEventDoc(id, d), nil
}

// Events queries events by start time in [from, to).
func (s *Store) Events(ctx context.Context, from, to time.Time, limit int, reverse bool) ([]community.Event, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	dir := firestore.Asc
	if reverse {
		dir = firestore.Desc
	}
	q := s.col("events").Where("startsAt", ">=", from)
	if !to.IsZero() {
		q = q.Where("startsAt", "<", to)
	}
	q = q.OrderBy("startsAt", dir)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Event
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d eventDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromEventDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("events", err)
	}
	return out, nil
}

// rsvpMembers reads, inside tx, who has an RSVP to the event (any status):
// their document names only.
func (s *Store) rsvpMembers(tx *firestore.Transaction, eventID string) ([]string, error) {
	var out []string
	err := docs(context.Background(), tx, s.eventRef(eventID).Collection("rsvps").Select(), func(snap *firestore.DocumentSnapshot) error {
		out = append(out, snap.Ref.ID)
		return nil
	})
	return out, err
}

// restamp copies e's times and cancellation onto the members' RSVPs, but for
// the promoted ones, which promote wrote whole (one write per document).
func (s *Store) restamp(tx *firestore.Transaction, eventID string, e eventDoc, members []string, promoted []community.RSVP, ch *changes) error {
	done := map[string]bool{}
	for _, r := range promoted {
		done[r.MemberID] = true
	}
	for _, m := range members {
		if done[m] {
			continue
		}
		err := tx.Update(s.rsvpRef(eventID, m), []firestore.Update{
			{Path: "eventStartsAt", Value: e.StartsAt},
			{Path: "eventEndsAt", Value: e.EndsAt},
			{Path: "eventCancelled", Value: e.Cancelled},
		})
		if err != nil {
			return err
		}
		ch.add(community.KindRSVP, m, eventID, m)
	}
	return nil
}
