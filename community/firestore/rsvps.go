package firestore

import (
	"context"
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
