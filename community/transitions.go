package community

import "time"

// The domain's state transitions, as pure functions: a store reads the
// records inside its transaction, calls one of these, and writes what it
// returns (and keeps its own indexes: seats and waitlist keys, an event's
// queue). Both stores call the same functions, so they cannot drift.

// Seats is what an event keeps of its RSVPs: the counters the RSVP
// transitions move, and Seq, the last RSVP Seq handed out (it orders
// arrivals).
type Seats struct {
	Capacity  int // 0 means unlimited
	Going     int // seats taken, checked in included
	Waiting   int
	CheckedIn int
	Cancelled bool
	Seq       int64
}

// Free reports whether a seat is free.
func (s Seats) Free() bool { return s.Capacity == 0 || s.Going < s.Capacity }

// Openings is how many waiters take a seat now, first in first out: as many
// as there are free seats, none for a cancelled event.
func (s Seats) Openings() int {
	n := s.Waiting
	if s.Capacity > 0 {
		n = min(n, s.Capacity-s.Going)
	}
	if s.Cancelled || n < 0 {
		return 0
	}
	return n
}

// Answer is a member answering "going". cur is their RSVP and found whether
// they have one. A member already going, waiting or checked in keeps their
// RSVP (changed == false). Otherwise the answer takes the next Seq and a
// seat when one is free, else the end of the waitlist. A cancelled event
// refuses (ReasonCancelled).
func Answer(s Seats, cur RSVP, found bool, in RSVP) (Seats, RSVP, bool, error) {
	if s.Cancelled {
		return s, cur, false, Invalid("event", ReasonCancelled)
	}
	if found && cur.Status != StatusCancelled {
		return s, cur, false, nil
	}
	s.Seq++
	r := RSVP{EventID: in.EventID, MemberID: in.MemberID, Name: in.Name, At: in.At, Seq: s.Seq}
	if s.Free() {
		r.Status = StatusGoing
		s.Going++
	} else {
		r.Status = StatusWaiting
		s.Waiting++
		r.Position = s.Waiting
	}
	return s, r, true, nil
}

// Leave takes an RSVP of the given status off the seats or the waitlist.
func Leave(s Seats, st RSVPStatus) Seats {
	switch st {
	case StatusGoing:
		s.Going--
	case StatusCheckedIn:
		s.Going--
		s.CheckedIn--
	case StatusWaiting:
		s.Waiting--
	}
	return s
}

// Cancel withdraws r: it leaves its seat or place, and is cancelled at at.
// An RSVP already cancelled changes nothing (changed == false). The seats it
// frees go to the first waiters: see Openings and Promote.
func Cancel(s Seats, r RSVP, at time.Time) (Seats, RSVP, bool) {
	if r.Status == StatusCancelled {
		return s, r, false
	}
	s = Leave(s, r.Status)
	r.Status, r.At = StatusCancelled, at
	return s, r, true
}

// Promote seats the waiter r (the first in line: see Openings), at at
// unless at is zero.
func Promote(s Seats, r RSVP, at time.Time) (Seats, RSVP) {
	s.Waiting--
	s.Going++
	r.Status, r.Position = StatusGoing, 0
	if !at.IsZero() {
		r.At = at
	}
	return s, r
}

// CheckIn marks a member checked in: cur is their RSVP (found whether they
// have one). A member checked in already changes nothing (changed ==
// false). One without a seat takes one, over capacity if need be (staff
// decide at the door), leaving the waitlist; one without an RSVP, or with a
// cancelled one, takes the next Seq. A cancelled event refuses.
func CheckIn(s Seats, cur RSVP, found bool, in RSVP) (Seats, RSVP, bool, error) {
	if s.Cancelled {
		return s, cur, false, Invalid("event", ReasonCancelled)
	}
	if found && cur.Status == StatusCheckedIn {
		return s, cur, false, nil
	}
	r := cur
	if !found || !r.Status.Holds() {
		if found {
			s = Leave(s, r.Status)
		}
		if !found || r.Status == StatusCancelled {
			s.Seq++
			r = RSVP{EventID: in.EventID, MemberID: in.MemberID, Seq: s.Seq}
		}
		s.Going++
	}
	s.CheckedIn++
	r.Status, r.At, r.Position = StatusCheckedIn, in.At, 0
	if in.Name != "" {
		r.Name = in.Name
	}
	return s, r, true, nil
}

// ApplyEntry moves m's balance by e.Delta and its lifetime points by the
// gain, refusing to take the balance below zero (ReasonInsufficient). Whether
// e was applied before (its ID is the idempotency key) is the store's to
// check first.
func ApplyEntry(m Member, e LedgerEntry) (Member, error) {
	if e.Delta < 0 && m.Points+e.Delta < 0 {
		return m, &ValidationError{Field: "points", Reason: ReasonInsufficient, Limit: int(m.Points)}
	}
	m.Points += e.Delta
	m.LifetimePoints += e.LifetimeDelta()
	return m, nil
}

// AddReport is one more member's report of p (the store keeps one per
// member): at ReportThreshold reports the post hides, unless staff already
// kept or removed it. queue reports whether the post joins the moderation
// queue now (nobody decided on it yet, and it is not queued already).
func AddReport(p Post, queued bool) (out Post, queue bool) {
	p.Reports++
	decided := p.Removed || p.Reviewed
	if p.Reports >= ReportThreshold && !decided {
		p.Hidden = true
	}
	return p, !decided && !queued
}

// VoteMove is what a member's vote for option does to the tally, given the
// option of their current vote ("" for none): +1 for option and -1 for the
// one it leaves. changed is false when they vote for it already.
func VoteMove(was, option string) (tally map[string]int, changed bool) {
	if was == option {
		return nil, false
	}
	tally = map[string]int{option: 1}
	if was != "" {
		tally[was] = -1
	}
	return tally, true
}

// CheckVote says whether v may be cast in p: by a member, while p is open at
// v.At (ReasonClosed), for an option members may vote for (ReasonInvalid).
func CheckVote(p Poll, v Vote) error {
	if !p.Open(v.At) {
		return Invalid("poll", ReasonClosed)
	}
	if o, ok := p.Option(v.OptionID); !ok || !o.Votable() {
		return Invalid("option", ReasonInvalid)
	}
	if v.MemberID == "" {
		return Invalid("member", ReasonRequired)
	}
	return nil
}
