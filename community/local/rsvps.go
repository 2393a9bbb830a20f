package local

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// Each member's answer is in rsvps; rsvp_seats and rsvp_waitlist map
// eventID \x00 be64(Seq) to the member, so seats and waitlist read in arrival
// order with one cursor and the head of the waitlist is one seek away.
// member_next lists each member's RSVPs that hold a seat or wait, for events
// not cancelled, by the event's end: NextRSVP seeks past now and compares the
// starts of the events not ended only, so a long history of past events
// costs nothing. putRSVP keeps it.

// RSVP gives the member a seat when one is free, else the end of the waitlist.
func (s *Store) RSVP(ctx context.Context, eventID string, in community.RSVP) (community.RSVP, error) {
	var out community.RSVP
	err := s.update(ctx, "rsvp to "+eventID, func(tx *bolt.Tx, ch *changes) error {
		if in.MemberID == "" {
			return community.Invalid("member", community.ReasonRequired)
		}
		e, err := loadEvent(tx, eventID)
		if err != nil {
			return err
		}
		cur, found, err := loadRSVP(tx, eventID, in.MemberID)
		if err != nil {
			return err
		}
		seats, answer, changed, err := community.Answer(e.seats(), fromRSVPRec(cur), found,
			community.RSVP{EventID: eventID, MemberID: in.MemberID, Name: in.Name, At: in.At})
		if err != nil || !changed {
			if err == nil {
				out, err = withPosition(tx, cur)
			}
			return err
		}
		old := e
		e.setSeats(seats)
		r := toRSVPRec(answer)
		stampRSVP(&r, e)
		line := bSeats
		if answer.Status == community.StatusWaiting {
			line = bWaitlist
		}
		if err := tx.Bucket(line).Put(seqKey(eventID, r.Seq), []byte(r.MemberID)); err != nil {
			return err
		}
		if err := putRSVP(tx, r); err != nil {
			return err
		}
		if err := saveEvent(tx, &old, e); err != nil {
			return err
		}
		ch.add(community.KindRSVP, r.MemberID, eventID, r.MemberID)
		ch.add(community.KindEvent, eventID, "", "")
		out = answer
		out.EventStartsAt, out.EventEndsAt = r.EventStartsAt, r.EventEndsAt
		return nil
	})
	return out, err
}

// CancelRSVP withdraws a member and, if they held a seat, promotes the first waiter.
func (s *Store) CancelRSVP(ctx context.Context, eventID, memberID string, at time.Time) (*community.RSVP, error) {
	var promoted *community.RSVP
	err := s.update(ctx, "cancel rsvp to "+eventID, func(tx *bolt.Tx, ch *changes) error {
		e, err := loadEvent(tx, eventID)
		if err != nil {
			return err
		}
		r, found, err := loadRSVP(tx, eventID, memberID)
		if err != nil {
			return err
		}
		if !found {
			return notFound("rsvp of "+memberID+" to", eventID)
		}
		if r.Status == string(community.StatusCancelled) {
			return nil
		}
		old := e
		seats, cancelled, _ := community.Cancel(e.seats(), fromRSVPRec(r), at)
		if err := unlist(tx, eventID, r); err != nil {
			return err
		}
		e.setSeats(seats)
		r.Status, r.At = string(cancelled.Status), cancelled.At
		stampRSVP(&r, e)
		if err := putRSVP(tx, r); err != nil {
			return err
		}
		up, err := promote(tx, &e, at, ch)
		if err != nil {
			return err
		}
		if len(up) > 0 {
			promoted = &up[0]
		}
		ch.add(community.KindRSVP, memberID, eventID, memberID)
		ch.add(community.KindEvent, eventID, "", "")
		return saveEvent(tx, &old, e)
	})
	return promoted, err
}

// CheckIn marks the member checked in, taking a seat even over capacity, and
// applies the ledger entry in the same transaction.
func (s *Store) CheckIn(ctx context.Context, eventID string, in community.RSVP, entry community.LedgerEntry) (community.RSVP, bool, error) {
	var out community.RSVP
	var applied bool
	err := s.update(ctx, "check in at "+eventID, func(tx *bolt.Tx, ch *changes) error {
		applied = false
		e, err := loadEvent(tx, eventID)
		if err != nil {
			return err
		}
		cur, found, err := loadRSVP(tx, eventID, in.MemberID)
		if err != nil {
			return err
		}
		seats, checked, changed, err := community.CheckIn(e.seats(), fromRSVPRec(cur), found,
			community.RSVP{EventID: eventID, MemberID: in.MemberID, Name: in.Name, At: in.At})
		if err != nil || !changed {
			out = fromRSVPRec(cur)
			return err
		}
		old := e
		if found && !community.RSVPStatus(cur.Status).Holds() {
			if err := unlist(tx, eventID, cur); err != nil { // off the waitlist
				return err
			}
		}
		e.setSeats(seats)
		r := toRSVPRec(checked)
		if err := tx.Bucket(bSeats).Put(seqKey(eventID, r.Seq), []byte(r.MemberID)); err != nil {
			return err
		}
		stampRSVP(&r, e)
		if err := putRSVP(tx, r); err != nil {
			return err
		}
		if err := saveEvent(tx, &old, e); err != nil {
			return err
		}
		if entry.ID != "" {
			if entry.MemberID == "" {
				entry.MemberID = in.MemberID
			}
			if _, _, err := applyLedger(tx, entry, ch); err != nil {
				return err
			}
		}
		ch.add(community.KindRSVP, r.MemberID, eventID, r.MemberID)
		ch.add(community.KindEvent, eventID, "", "")
		out, applied = fromRSVPRec(r), true
		return nil
	})
	return out, applied, err
}

// RSVPOf returns a member's RSVP with its waitlist position.
func (s *Store) RSVPOf(ctx context.Context, eventID, memberID string) (community.RSVP, error) {
	var out community.RSVP
	err := s.view(ctx, "rsvp of "+memberID+" to "+eventID, func(tx *bolt.Tx) error {
		r, found, err := loadRSVP(tx, eventID, memberID)
		if err != nil {
			return err
		}
		if !found {
			return notFound("rsvp of "+memberID+" to", eventID)
		}
		out, err = withPosition(tx, r)
		return err
	})
	return out, err
}

// RSVPs returns the seats, then the waitlist, each in Seq order.
func (s *Store) RSVPs(ctx context.Context, eventID string) ([]community.RSVP, error) {
	var out []community.RSVP
	err := s.view(ctx, "rsvps to "+eventID, func(tx *bolt.Tx) error {
		if _, err := loadEvent(tx, eventID); err != nil {
			return err
		}
		for _, b := range [][]byte{bSeats, bWaitlist} {
			pos := 0
			err := each(tx.Bucket(b), prefix(eventID), func(_, member []byte) (bool, error) {
				r, _, err := loadRSVP(tx, eventID, string(member))
				if err != nil {
					return false, err
				}
				rv := fromRSVPRec(r)
				if r.Status == string(community.StatusWaiting) {
					pos++
					rv.Position = pos
				}
				out = append(out, rv)
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// MemberRSVPs returns a member's RSVPs (cancelled ones too), newest first.
func (s *Store) MemberRSVPs(ctx context.Context, memberID string, limit int) ([]community.RSVP, error) {
	var out []community.RSVP
	err := s.view(ctx, "rsvps of "+memberID, func(tx *bolt.Tx) error {
		return each(tx.Bucket(bMemberRSVPs), prefix(memberID), func(key, _ []byte) (bool, error) {
			r, found, err := loadRSVP(tx, lastPart(key), memberID)
			if err != nil || !found {
				return err == nil, err
			}
			rv, err := withPosition(tx, r)
			out = append(out, rv)
			return true, err
		})
	})
	slices.SortStableFunc(out, func(a, b community.RSVP) int { return b.At.Compare(a.At) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, err
}

// NextRSVP seeks the member's member_next entries ending after now and
// returns the one that starts first (then ends first, then by event ID).
func (s *Store) NextRSVP(ctx context.Context, memberID string, now time.Time) (community.RSVP, error) {
	var out community.RSVP
	err := s.view(ctx, "next rsvp of "+memberID, func(tx *bolt.Tx) error {
		pfx, after := prefix(memberID), timeKey(now)
		var best []byte // start, end, event ID of the best so far
		c := tx.Bucket(bMemberNext).Cursor()
		for key, _ := c.Seek(cat(pfx, after)); key != nil && bytes.HasPrefix(key, pfx); key, _ = c.Next() {
			end, start, id := key[len(pfx):len(pfx)+12], key[len(pfx)+12:len(pfx)+24], key[len(pfx)+24:]
			if bytes.Equal(end, after) {
				continue // ended at now
			}
			if cand := cat(start, end, id); best == nil || bytes.Compare(cand, best) < 0 {
				best = cand
			}
		}
		if best == nil {
			return notFound("next rsvp of", memberID)
		}
		eventID := string(best[24:])
		r, found, err := loadRSVP(tx, eventID, memberID)
		if err == nil && !found {
			err = fmt.Errorf("member_next lists %s at %s without an RSVP", memberID, eventID)
		}
		if err != nil {
			return err
		}
		out, err = withPosition(tx, r)
		return err
	})
	return out, err
}

func seqKey(parent string, seq int64) []byte { return cat(prefix(parent), be64(uint64(seq))) }

// stampRSVP copies the event's times and cancellation onto r: every write of
// an RSVP does, inside the transaction that read the event.
func stampRSVP(r *rsvpRec, e eventRec) {
	r.EventStartsAt, r.EventEndsAt, r.EventCancelled = e.StartsAt, e.EndsAt, e.Cancelled
}

// nextKey is r's member_next key; listed reports whether r has one.
func nextKey(r rsvpRec) []byte {
	return cat(prefix(r.MemberID), timeKey(r.EventEndsAt), timeKey(r.EventStartsAt), []byte(r.EventID))
}

func listed(r rsvpRec) bool {
	st := community.RSVPStatus(r.Status)
	return (st.Holds() || st == community.StatusWaiting) && !r.EventCancelled
}

// restampRSVPs gives every RSVP to e the event's times and cancellation,
// after UpdateEvent changed them.
func restampRSVPs(tx *bolt.Tx, e eventRec, ch *changes) error {
	var rs []rsvpRec
	err := each(tx.Bucket(bRSVPs), prefix(e.ID), func(_, v []byte) (bool, error) {
		var r rsvpRec
		if err := decode(v, &r); err != nil {
			return false, err
		}
		rs = append(rs, r)
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, r := range rs { // written after the walk: bbolt cursors must not see their bucket change
		stampRSVP(&r, e)
		if err := putRSVP(tx, r); err != nil {
			return err
		}
		ch.add(community.KindRSVP, r.MemberID, e.ID, r.MemberID)
	}
	return nil
}

func loadRSVP(tx *bolt.Tx, eventID, memberID string) (rsvpRec, bool, error) {
	var r rsvpRec
	found, err := getJSON(tx.Bucket(bRSVPs), k(eventID, memberID), &r)
	return r, found, err
}

// putRSVP stores r and moves its index entries from the record it replaces.
func putRSVP(tx *bolt.Tx, r rsvpRec) error {
	old, found, err := loadRSVP(tx, r.EventID, r.MemberID)
	if err != nil {
		return err
	}
	next := tx.Bucket(bMemberNext)
	if found && listed(old) {
		if err := next.Delete(nextKey(old)); err != nil {
			return err
		}
	}
	if listed(r) {
		if err := next.Put(nextKey(r), nil); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bMemberRSVPs).Put(k(r.MemberID, r.EventID), nil); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bRSVPs), k(r.EventID, r.MemberID), r)
}

// unlist deletes r's key in the seats or the waitlist index; the counters
// are the transitions' (community.Cancel, community.CheckIn).
func unlist(tx *bolt.Tx, eventID string, r rsvpRec) error {
	switch community.RSVPStatus(r.Status) {
	case community.StatusGoing, community.StatusCheckedIn:
		return tx.Bucket(bSeats).Delete(seqKey(eventID, r.Seq))
	case community.StatusWaiting:
		return tx.Bucket(bWaitlist).Delete(seqKey(eventID, r.Seq))
	}
	return nil
}

// promote moves waiters to free seats, first in first out; a cancelled event
// promotes nobody.
func promote(tx *bolt.Tx, e *eventRec, at time.Time, ch *changes) ([]community.RSVP, error) {
	var out []community.RSVP
	seats, wait := tx.Bucket(bSeats), tx.Bucket(bWaitlist)
	for e.seats().Openings() > 0 {
		key, member := wait.Cursor().Seek(prefix(e.ID))
		if key == nil || !bytes.HasPrefix(key, prefix(e.ID)) {
			break
		}
		key, member = bytes.Clone(key), bytes.Clone(member)
		r, _, err := loadRSVP(tx, e.ID, string(member))
		if err != nil {
			return nil, err
		}
		if err := wait.Delete(key); err != nil {
			return nil, err
		}
		if err := seats.Put(key, member); err != nil {
			return nil, err
		}
		seats, seated := community.Promote(e.seats(), fromRSVPRec(r), at)
		e.setSeats(seats)
		r.Status, r.At = string(seated.Status), seated.At
		stampRSVP(&r, *e)
		if err := putRSVP(tx, r); err != nil {
			return nil, err
		}
		ch.add(community.KindRSVP, r.MemberID, e.ID, r.MemberID)
		out = append(out, fromRSVPRec(r))
	}
	return out, nil
}

// withPosition fills Position for a waiter by counting those ahead of them.
func withPosition(tx *bolt.Tx, r rsvpRec) (community.RSVP, error) {
	out := fromRSVPRec(r)
	if r.Status != string(community.StatusWaiting) {
		return out, nil
	}
	mine := seqKey(r.EventID, r.Seq)
	out.Position = 1
	err := each(tx.Bucket(bWaitlist), prefix(r.EventID), func(key, _ []byte) (bool, error) {
		if bytes.Compare(key, mine) >= 0 {
			return false, nil
		}
		out.Position++
		return true, nil
	})
	return out, err
}
