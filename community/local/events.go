package local

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// CreateEvent adds an event with no RSVPs.
func (s *Store) CreateEvent(ctx context.Context, e community.Event) error {
	return s.update(ctx, "create event "+e.ID, func(tx *bolt.Tx, ch *changes) error {
		if e.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if tx.Bucket(bEvents).Get([]byte(e.ID)) != nil {
			return conflict("event", e.ID)
		}
		r := toEventRec(e)
		r.Going, r.Waiting, r.CheckedIn = 0, 0, 0
		ch.add(community.KindEvent, e.ID, "", "")
		return saveEvent(tx, nil, r)
	})
}

// UpdateEvent edits an event and, when seats became free, promotes waiters in
// Seq order in the same transaction.
func (s *Store) UpdateEvent(ctx context.Context, id string, fn func(*community.Event) error) (community.Event, []community.RSVP, error) {
	var out community.Event
	var promoted []community.RSVP
	err := s.update(ctx, "update event "+id, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadEvent(tx, id)
		if err != nil {
			return err
		}
		ev := fromEventRec(old)
		if err := fn(&ev); err != nil {
			return err
		}
		r := toEventRec(ev)
		r.ID, r.Going, r.Waiting, r.CheckedIn, r.LastSeq = old.ID, old.Going, old.Waiting, old.CheckedIn, old.LastSeq
		if !r.StartsAt.Equal(old.StartsAt) || !r.EndsAt.Equal(old.EndsAt) || r.Cancelled != old.Cancelled {
			if err := restampRSVPs(tx, r, ch); err != nil {
				return err
			}
		}
		if promoted, err = promote(tx, &r, r.UpdatedAt, ch); err != nil {
			return err
		}
		if err := saveEvent(tx, &old, r); err != nil {
			return err
		}
		ch.add(community.KindEvent, id, "", "")
		out = fromEventRec(r)
		return nil
	})
	return out, promoted, err
}

// Event returns an event.
func (s *Store) Event(ctx context.Context, id string) (community.Event, error) {
	var r eventRec
	err := s.view(ctx, "event "+id, func(tx *bolt.Tx) (err error) {
		r, err = loadEvent(tx, id)
		return err
	})
	return fromEventRec(r), err
}

// Events walks the start-time index between from and to.
func (s *Store) Events(ctx context.Context, from, to time.Time, limit int, reverse bool) ([]community.Event, error) {
	var out []community.Event
	lo, hi := timeKey(from), []byte(nil)
	if !to.IsZero() {
		hi = timeKey(to)
	}
	err := s.view(ctx, "events", func(tx *bolt.Tx) error {
		c := tx.Bucket(bEventsByStart).Cursor()
		var key []byte
		switch {
		case !reverse:
			key, _ = c.Seek(lo)
		case hi == nil:
			key, _ = c.Last()
		default:
			if key, _ = c.Seek(hi); key == nil {
				key, _ = c.Last()
			} else {
				key, _ = c.Prev()
			}
		}
		for ; key != nil && (limit <= 0 || len(out) < limit); key = step(c, reverse) {
			if bytes.Compare(key[:12], lo) < 0 || hi != nil && bytes.Compare(key[:12], hi) >= 0 {
				break
			}
			r, err := loadEvent(tx, string(key[12:]))
			if err != nil {
				return err
			}
			out = append(out, fromEventRec(r))
		}
		return nil
	})
	return out, err
}

func step(c *bolt.Cursor, reverse bool) []byte {
	if reverse {
		key, _ := c.Prev()
		return key
	}
	key, _ := c.Next()
	return key
}

func loadEvent(tx *bolt.Tx, id string) (eventRec, error) {
	var e eventRec
	found, err := getJSON(tx.Bucket(bEvents), []byte(id), &e)
	if err == nil && !found {
		err = notFound("event", id)
	}
	return e, err
}

// saveEvent stores e and moves its start-time index entry from old.
func saveEvent(tx *bolt.Tx, old *eventRec, e eventRec) error {
	idx := tx.Bucket(bEventsByStart)
	if old != nil && !old.StartsAt.Equal(e.StartsAt) {
		if err := idx.Delete(cat(timeKey(old.StartsAt), []byte(old.ID))); err != nil {
			return err
		}
	}
	if err := idx.Put(cat(timeKey(e.StartsAt), []byte(e.ID)), nil); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bEvents), []byte(e.ID), e)
}
