package firestore

import (
	"context"
	"slices"
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
//
// firestore.rules checks every waiter a commit seats, up to promoteMax: when
// more seats free up for more waiters, the edit is applied in steps, each a
// transaction that seats promoteMax with the capacity raised only as far as
// that (every step leaves a valid event), the last with fn's capacity.
func (s *Store) UpdateEvent(ctx context.Context, id string, fn func(*community.Event) error) (community.Event, []community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var all []community.RSVP
	for {
		out, promoted, more, err := s.updateEvent(ctx, id, fn)
		all = append(all, promoted...)
		if err != nil || !more {
			return out, all, err
		}
	}
}

// promoteMax is how many waiters one commit seats (firestore.rules, seated).
const promoteMax = 8

// updateEvent is one step of UpdateEvent; more says another is needed.
func (s *Store) updateEvent(ctx context.Context, id string, fn func(*community.Event) error) (community.Event, []community.RSVP, bool, error) {
	var out community.Event
	var promoted []community.RSVP
	var more bool
	err := s.run(ctx, "update event "+id, []string{"events/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		more = false
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
		if !d.Cancelled && d.Waiting > promoteMax && (d.Capacity == 0 || d.Capacity-d.Going > promoteMax) {
			d.Capacity, more = d.Going+promoteMax, true // a step: the rest in the next transaction
		}
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
	return out, promoted, more, err
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

// RSVP gives the member a seat when one is free, else the end of the
// waitlist: one transaction over the event and the member's RSVP; the
// event's seq field orders arrivals.
func (s *Store) RSVP(ctx context.Context, eventID string, in community.RSVP) (community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.RSVP
	if in.MemberID == "" {
		return out, community.Invalid("member", community.ReasonRequired)
	}
	err := s.run(ctx, "rsvp to "+eventID, []string{"events/" + eventID}, func(tx *firestore.Transaction, ch *changes) error {
		var e eventDoc
		if err := must(ctx, tx, s.eventRef(eventID), &e, "event"); err != nil {
			return err
		}
		if e.Cancelled {
			return community.Invalid("event", community.ReasonCancelled)
		}
		var cur rsvpDoc
		found, err := get(ctx, tx, s.rsvpRef(eventID, in.MemberID), &cur)
		if err != nil {
			return err
		}
		if found && cur.Status != string(community.StatusCancelled) {
			out, err = s.withPosition(ctx, tx, cur)
			return err
		}
		e.settle()
		e.Seq++
		e.By, e.Promoted = in.MemberID, []string{}
		r := rsvpDoc{Community: s.cid, Event: eventID, Member: in.MemberID, Name: in.Name, At: in.At, Seq: e.Seq}
		stamp(&r, e)
		if e.Capacity == 0 || e.Going < e.Capacity {
			r.Status = string(community.StatusGoing)
			e.Going++
		} else {
			r.Status = string(community.StatusWaiting)
			e.Waiting++
			e.Queue = append(e.Queue, in.MemberID)
		}
		if err := tx.Set(s.rsvpRef(eventID, in.MemberID), r); err != nil {
			return err
		}
		ch.add(community.KindRSVP, in.MemberID, eventID, in.MemberID)
		ch.add(community.KindEvent, eventID, "", "")
		out = fromRSVPDoc(r)
		if r.Status == string(community.StatusWaiting) {
			out.Position = e.Waiting
		}
		return tx.Set(s.eventRef(eventID), e)
	})
	return out, err
}

// CancelRSVP withdraws a member and, if they held a seat, promotes the first
// waiter (queried by seq inside the transaction).
func (s *Store) CancelRSVP(ctx context.Context, eventID, memberID string, at time.Time) (*community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var promoted *community.RSVP
	err := s.run(ctx, "cancel rsvp to "+eventID, []string{"events/" + eventID}, func(tx *firestore.Transaction, ch *changes) error {
		promoted = nil
		var e eventDoc
		if err := must(ctx, tx, s.eventRef(eventID), &e, "event"); err != nil {
			return err
		}
		var r rsvpDoc
		found, err := get(ctx, tx, s.rsvpRef(eventID, memberID), &r)
		if err != nil {
			return err
		}
		if !found {
			return notFound("rsvp of "+memberID+" to", eventID)
		}
		if r.Status == string(community.StatusCancelled) {
			return nil
		}
		e.settle()
		e.Seq++
		e.By, e.Promoted = memberID, []string{}
		leave(&e, r)
		waiters, err := s.firstWaiters(tx, eventID, &e)
		if err != nil {
			return err
		}
		r.Status, r.At = string(community.StatusCancelled), at
		stamp(&r, e)
		if err := tx.Set(s.rsvpRef(eventID, memberID), r); err != nil {
			return err
		}
		up, err := s.promote(tx, eventID, &e, waiters, at, ch)
		if err != nil {
			return err
		}
		if len(up) > 0 {
			promoted = &up[0]
		}
		ch.add(community.KindRSVP, memberID, eventID, memberID)
		ch.add(community.KindEvent, eventID, "", "")
		return tx.Set(s.eventRef(eventID), e)
	})
	return promoted, err
}

// CheckIn marks the member checked in, taking a seat even over capacity, and
// applies the ledger entry in the same transaction.
func (s *Store) CheckIn(ctx context.Context, eventID string, in community.RSVP, entry community.LedgerEntry) (community.RSVP, bool, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.RSVP
	var applied bool
	if entry.ID != "" && entry.MemberID == "" {
		entry.MemberID = in.MemberID
	}
	err := s.run(ctx, "check in at "+eventID, []string{"events/" + eventID, "members/" + entry.MemberID}, func(tx *firestore.Transaction, ch *changes) error {
		applied = false
		var e eventDoc
		if err := must(ctx, tx, s.eventRef(eventID), &e, "event"); err != nil {
			return err
		}
		if e.Cancelled {
			return community.Invalid("event", community.ReasonCancelled)
		}
		var r rsvpDoc
		found, err := get(ctx, tx, s.rsvpRef(eventID, in.MemberID), &r)
		if err != nil {
			return err
		}
		if found && r.Status == string(community.StatusCheckedIn) {
			out = fromRSVPDoc(r)
			return nil
		}
		var l ledgerRead
		if entry.ID != "" {
			if l, err = s.readLedger(ctx, tx, entry); err != nil {
				return err
			}
		}
		e.settle()
		e.Seq++
		e.By, e.Promoted = in.MemberID, []string{}
		if !found || !community.RSVPStatus(r.Status).Holds() {
			if found {
				leave(&e, r)
			}
			if !found || r.Status == string(community.StatusCancelled) {
				r = rsvpDoc{Community: s.cid, Event: eventID, Member: in.MemberID, Seq: e.Seq}
			}
			e.Going++
		}
		e.CheckedIn++
		r.Status, r.At = string(community.StatusCheckedIn), in.At
		if in.Name != "" {
			r.Name = in.Name
		}
		stamp(&r, e)
		if err := tx.Set(s.rsvpRef(eventID, in.MemberID), r); err != nil {
			return err
		}
		if err := tx.Set(s.eventRef(eventID), e); err != nil {
			return err
		}
		if entry.ID != "" {
			if _, _, err := s.writeLedger(tx, l, ch); err != nil {
				return err
			}
		}
		ch.add(community.KindRSVP, in.MemberID, eventID, in.MemberID)
		ch.add(community.KindEvent, eventID, "", "")
		out, applied = fromRSVPDoc(r), true
		return nil
	})
	return out, applied, err
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

func (s *Store) rsvpRef(eventID, memberID string) *firestore.DocumentRef {
	return s.eventRef(eventID).Collection("rsvps").Doc(memberID)
}

// leave takes r off the seats or the waitlist (its counter and queue) in e.
func leave(e *eventDoc, r rsvpDoc) {
	switch community.RSVPStatus(r.Status) {
	case community.StatusGoing:
		e.Going--
	case community.StatusCheckedIn:
		e.Going--
		e.CheckedIn--
	case community.StatusWaiting:
		e.Waiting--
		e.Queue = slices.DeleteFunc(slices.Clone(e.Queue), func(m string) bool { return m == r.Member })
	}
}

// firstWaiters reads, inside tx, the waiters e has free seats for: the head
// of its queue. An event written before the queue existed (waiters but no
// queue) has its waitlist queried by seq instead; such an event needs its
// queue filled by an admin before members' writes pass firestore.rules.
func (s *Store) firstWaiters(tx *firestore.Transaction, eventID string, e *eventDoc) ([]rsvpDoc, error) {
	n := e.Waiting
	if e.Capacity > 0 {
		n = min(n, e.Capacity-e.Going)
	}
	if e.Cancelled || n <= 0 {
		return nil, nil
	}
	var out []rsvpDoc
	if len(e.Queue) == e.Waiting {
		for _, m := range e.Queue[:n] {
			var d rsvpDoc
			if err := must(context.Background(), tx, s.rsvpRef(eventID, m), &d, "rsvp of waiter"); err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		return out, nil
	}
	err := docs(context.Background(), tx, waitlist(s.eventRef(eventID).Collection("rsvps")).Limit(n),
		func(snap *firestore.DocumentSnapshot) error {
			var d rsvpDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	return out, err
}

// promote seats waiters (read by firstWaiters) and moves e's counters.
func (s *Store) promote(tx *firestore.Transaction, eventID string, e *eventDoc, waiters []rsvpDoc, at time.Time, ch *changes) ([]community.RSVP, error) {
	var out []community.RSVP
	for _, r := range waiters {
		r.Status = string(community.StatusGoing)
		if !at.IsZero() {
			r.At = at
		}
		stamp(&r, *e)
		if err := tx.Set(s.rsvpRef(eventID, r.Member), r); err != nil {
			return nil, err
		}
		e.Waiting--
		e.Going++
		e.Queue = slices.DeleteFunc(slices.Clone(e.Queue), func(m string) bool { return m == r.Member })
		e.Promoted = append(e.Promoted, r.Member)
		ch.add(community.KindRSVP, r.Member, eventID, r.Member)
		out = append(out, fromRSVPDoc(r))
	}
	return out, nil
}
