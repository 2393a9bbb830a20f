package firestore

import (
	"context"
	"slices"
	"sort"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// RSVPOf returns a member's RSVP; a waiter's position is an aggregation count
// of the waiters ahead.
func (s *Store) RSVPOf(ctx context.Context, eventID, memberID string) (community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d rsvpDoc
	if err := must(ctx, nil, s.rsvpRef(eventID, memberID), &d, "rsvp of "+memberID+" to event"); err != nil {
		return community.RSVP{}, s.wrap("rsvp of "+memberID+" to "+eventID, err)
	}
	r, err := s.withPosition(ctx, nil, d)
	if err != nil {
		return r, s.wrap("rsvp of "+memberID+" to "+eventID, err)
	}
	return r, nil
}

// RSVPs returns the seats, then the waitlist, each by seq.
func (s *Store) RSVPs(ctx context.Context, eventID string) ([]community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if _, err := s.Event(ctx, eventID); err != nil {
		return nil, err
	}
	rsvps := s.eventRef(eventID).Collection("rsvps")
	var out []community.RSVP
	pos := 0
	decode := func(snap *firestore.DocumentSnapshot) error {
		var d rsvpDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		r := fromRSVPDoc(d)
		if r.Status == community.StatusWaiting {
			pos++
			r.Position = pos
		}
		out = append(out, r)
		return nil
	}
	seats := rsvps.Where("status", "in", []string{string(community.StatusGoing), string(community.StatusCheckedIn)}).OrderBy("seq", firestore.Asc)
	if err := docs(ctx, nil, seats, decode); err != nil {
		return nil, s.wrap("rsvps to "+eventID, err)
	}
	if err := docs(ctx, nil, waitlist(rsvps), decode); err != nil {
		return nil, s.wrap("rsvps to "+eventID, err)
	}
	return out, nil
}

// MemberRSVPs queries the rsvps collection group by community and member,
// newest first.
func (s *Store) MemberRSVPs(ctx context.Context, memberID string, limit int) ([]community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.client.CollectionGroup("rsvps").Where("community", "==", s.cid).Where("member", "==", memberID).
		OrderBy("at", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var ds []rsvpDoc
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d rsvpDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		return nil, s.wrap("rsvps of "+memberID, err)
	}
	out := make([]community.RSVP, 0, len(ds))
	for _, d := range ds {
		r, err := s.withPosition(ctx, nil, d)
		if err != nil {
			return nil, s.wrap("rsvps of "+memberID, err)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// NextRSVP queries the rsvps collection group for the member's answers that
// hold a seat or wait, to events not cancelled and not ended at now, by the
// copies of the event's times each RSVP carries: one document (and a count
// for a waiter's position), whatever the member's history.
func (s *Store) NextRSVP(ctx context.Context, memberID string, now time.Time) (community.RSVP, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.client.CollectionGroup("rsvps").Where("community", "==", s.cid).Where("member", "==", memberID).
		Where("eventCancelled", "==", false).
		Where("status", "in", []string{string(community.StatusGoing), string(community.StatusWaiting), string(community.StatusCheckedIn)}).
		Where("eventEndsAt", ">", now).
		OrderBy("eventStartsAt", firestore.Asc).OrderBy("eventEndsAt", firestore.Asc).Limit(1)
	var ds []rsvpDoc
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d rsvpDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		return community.RSVP{}, s.wrap("next rsvp of "+memberID, err)
	}
	if len(ds) == 0 {
		return community.RSVP{}, notFound("next rsvp of", memberID)
	}
	r, err := s.withPosition(ctx, nil, ds[0])
	if err != nil {
		return r, s.wrap("next rsvp of "+memberID, err)
	}
	return r, nil
}

// waitlist is the query of an event's waiters, first in line first.
func waitlist(rsvps *firestore.CollectionRef) firestore.Query {
	return rsvps.Where("status", "==", string(community.StatusWaiting)).OrderBy("seq", firestore.Asc)
}

// withPosition fills Position for a waiter: an aggregation count of the
// waiters with a smaller seq (in tx when not nil).
func (s *Store) withPosition(ctx context.Context, tx *firestore.Transaction, d rsvpDoc) (community.RSVP, error) {
	r := fromRSVPDoc(d)
	if r.Status != community.StatusWaiting {
		return r, nil
	}
	q := s.eventRef(d.Event).Collection("rsvps").Where("status", "==", string(community.StatusWaiting)).Where("seq", "<", d.Seq)
	agg := q.NewAggregationQuery().WithCount("n")
	if tx != nil {
		agg = agg.Transaction(tx)
	}
	res, err := agg.Get(ctx)
	if err != nil {
		return r, err
	}
	n, err := aggInt(res["n"])
	r.Position = n + 1
	return r, err
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
		var cur rsvpDoc
		found, err := get(ctx, tx, s.rsvpRef(eventID, in.MemberID), &cur)
		if err != nil {
			return err
		}
		seats, answer, changed, err := community.Answer(e.seats(), fromRSVPDoc(cur), found,
			community.RSVP{EventID: eventID, MemberID: in.MemberID, Name: in.Name, At: in.At})
		if err != nil || !changed {
			if err == nil {
				out, err = s.withPosition(ctx, tx, cur)
			}
			return err
		}
		e.settle()
		e.setSeats(seats)
		e.By, e.Promoted = in.MemberID, []string{}
		if answer.Status == community.StatusWaiting {
			e.Queue = append(e.Queue, in.MemberID)
		}
		r := s.toRSVPDoc(answer)
		stamp(&r, e)
		if err := tx.Set(s.rsvpRef(eventID, in.MemberID), r); err != nil {
			return err
		}
		ch.add(community.KindRSVP, in.MemberID, eventID, in.MemberID)
		ch.add(community.KindEvent, eventID, "", "")
		out = answer
		out.EventStartsAt, out.EventEndsAt = r.EventStartsAt, r.EventEndsAt
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
		seats, cancelled, changed := community.Cancel(e.seats(), fromRSVPDoc(r), at)
		if !changed {
			return nil
		}
		e.settle()
		e.setSeats(seats)
		e.Seq++ // every RSVP move, for firestore.rules
		e.By, e.Promoted = memberID, []string{}
		e.dequeue(memberID)
		waiters, err := s.firstWaiters(tx, eventID, &e)
		if err != nil {
			return err
		}
		r.Status, r.At = string(cancelled.Status), cancelled.At
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
		var cur rsvpDoc
		found, err := get(ctx, tx, s.rsvpRef(eventID, in.MemberID), &cur)
		if err != nil {
			return err
		}
		seats, checked, changed, err := community.CheckIn(e.seats(), fromRSVPDoc(cur), found,
			community.RSVP{EventID: eventID, MemberID: in.MemberID, Name: in.Name, At: in.At})
		if err != nil || !changed {
			out = fromRSVPDoc(cur)
			return err
		}
		var l ledgerRead
		if entry.ID != "" {
			if l, err = s.readLedger(ctx, tx, entry); err != nil {
				return err
			}
		}
		e.settle()
		if seats.Seq == e.Seq {
			seats.Seq++ // every RSVP move, for firestore.rules
		}
		e.setSeats(seats)
		e.By, e.Promoted = in.MemberID, []string{}
		e.dequeue(in.MemberID)
		r := s.toRSVPDoc(checked)
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

func (s *Store) rsvpRef(eventID, memberID string) *firestore.DocumentRef {
	return s.eventRef(eventID).Collection("rsvps").Doc(memberID)
}

// dequeue takes member off e's waitlist queue, if they are on it.
func (e *eventDoc) dequeue(member string) {
	e.Queue = slices.DeleteFunc(slices.Clone(e.Queue), func(m string) bool { return m == member })
}

// firstWaiters reads, inside tx, the waiters e has free seats for: the head
// of its queue. An event written before the queue existed (waiters but no
// queue) has its waitlist queried by seq instead; such an event needs its
// queue filled by an admin before members' writes pass firestore.rules.
func (s *Store) firstWaiters(tx *firestore.Transaction, eventID string, e *eventDoc) ([]rsvpDoc, error) {
	n := e.seats().Openings()
	if n == 0 {
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
		seats, seated := community.Promote(e.seats(), fromRSVPDoc(r), at)
		e.setSeats(seats)
		r.Status, r.At = string(seated.Status), seated.At
		stamp(&r, *e)
		if err := tx.Set(s.rsvpRef(eventID, r.Member), r); err != nil {
			return nil, err
		}
		e.dequeue(r.Member)
		e.Promoted = append(e.Promoted, r.Member)
		ch.add(community.KindRSVP, r.Member, eventID, r.Member)
		out = append(out, fromRSVPDoc(r))
	}
	return out, nil
}
