package community

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Points expiry: a community may let a member's points lapse after
// EarnRules.ExpiryMonths months without a visit. ExpirePoints, run once a
// day (the admin subcommand expire-points on Firestore, the app at start in
// local mode), tells each member a week before their points lapse and, on
// the day, takes the balance to zero with one ledger entry. Lifetime points,
// and so the tier, stay: expiry takes what can be spent, not what was earned.

// MaxExpiryMonths bounds the expiry setting (five years).
const MaxExpiryMonths = 60

// ExpiryNotice is how long before their points lapse a member is told.
const ExpiryNotice = 7 * 24 * time.Hour

// Kinds of the notifications expiry sends.
const (
	NoteExpiring = "points_expiring" // Amount: the balance; Ref: the day it lapses, YYYY-MM-DD
	NoteExpired  = "points_expired"  // Amount: the points that lapsed
)

// LastSeen is when the member was last here: the counter's last sight of
// them, their newest event check-in among recent (a ledger page, newest
// first), or, for a member never seen, the day they joined.
func LastSeen(m Member, card CounterCard, recent []LedgerEntry) time.Time {
	seen := m.Since
	if card.LastVisit.After(seen) {
		seen = card.LastVisit
	}
	for _, e := range recent {
		if e.Reason == ReasonCheckIn {
			if e.At.After(seen) {
				seen = e.At
			}
			break
		}
	}
	return seen
}

// ExpiryDate is the day points seen last at seen lapse under the rules, in
// the community's zone; zero when points never expire.
func (c Community) ExpiryDate(seen time.Time) time.Time {
	if c.Earn.ExpiryMonths <= 0 || seen.IsZero() {
		return time.Time{}
	}
	return seen.In(c.Location()).AddDate(0, int(c.Earn.ExpiryMonths), 0)
}

// ExpiryReport is what one ExpirePoints run did.
type ExpiryReport struct {
	Told    int   // members told their points lapse within ExpiryNotice
	Expired int   // members whose balance lapsed
	Points  int64 // points that lapsed, in all
}

// errSeenSince aborts an expiry when the member came in after the sweep read them.
var errSeenSince = errors.New("seen since")

// ExpirePoints applies the community's expiry rule to every member with
// points (owner, or the admin tool acting as one). It is safe to run as
// often as wanted: the notice and the lapse of one deadline are each keyed
// by the member and that day ("expiring:…", "expire:…"), so each happens
// once, and a member who comes back gets a new deadline. A member seen at
// the counter while the sweep runs keeps their points (the lapse is applied
// only if the card still shows the visit the sweep read).
func (s *Service) ExpirePoints(ctx context.Context, a Actor) (ExpiryReport, error) {
	var rep ExpiryReport
	if err := a.require(ActManageRewards); err != nil {
		return rep, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return rep, fmt.Errorf("expire points: %w", err)
	}
	if c.Earn.ExpiryMonths <= 0 {
		return rep, nil
	}
	ms, err := s.allMembers(ctx)
	if err != nil {
		return rep, fmt.Errorf("expire points: %w", err)
	}
	now := s.now()
	for _, m := range ms {
		if m.Points <= 0 {
			continue
		}
		told, lapsed, err := s.expire(ctx, c, m, a.ID, now)
		if err != nil {
			return rep, err
		}
		if told {
			rep.Told++
		}
		if lapsed > 0 {
			rep.Expired++
			rep.Points += lapsed
		}
	}
	return rep, nil
}

// expire applies the rule to one member: the notice within a week of the
// deadline, the lapse from the deadline on.
func (s *Service) expire(ctx context.Context, c Community, m Member, by string, now time.Time) (told bool, lapsed int64, err error) {
	card, err := s.store.CounterCard(ctx, m.ID)
	if err != nil {
		return false, 0, fmt.Errorf("expire points of %s: %w", m.ID, err)
	}
	recent, err := s.store.Ledger(ctx, m.ID, UndoWindow)
	if err != nil {
		return false, 0, fmt.Errorf("expire points of %s: %w", m.ID, err)
	}
	deadline := c.ExpiryDate(LastSeen(m, card, recent))
	day := LocalDay(deadline, c.Location())
	switch {
	case now.Before(deadline.Add(-ExpiryNotice)):
		return false, 0, nil
	case now.Before(deadline):
		n := Notification{ID: "expiring:" + m.ID + ":" + day, MemberID: m.ID, Kind: NoteExpiring, Ref: day, Amount: m.Points, At: now}
		if err := s.store.Notify(ctx, n); err != nil {
			return false, 0, fmt.Errorf("expiry notice to %s: %w", m.ID, err)
		}
		return true, 0, nil
	}
	e := LedgerEntry{ID: "expire:" + m.ID + ":" + day, MemberID: m.ID, Delta: -m.Points, Reason: ReasonExpired, Ref: day, At: now, By: by}
	op, err := s.store.ApplyCounter(ctx, e, func(stored *CounterCard, _ *LedgerEntry) error {
		if stored.LastVisit.After(card.LastVisit) {
			return errSeenSince
		}
		return nil
	})
	var ve *ValidationError
	switch {
	case errors.Is(err, errSeenSince), errors.As(err, &ve) && ve.Reason == ReasonInsufficient:
		return false, 0, nil // here since, or spent since: the next run looks again
	case err != nil:
		return false, 0, fmt.Errorf("expire points of %s: %w", m.ID, err)
	case !op.Applied:
		return false, 0, nil
	}
	n := Notification{ID: "expired:" + m.ID + ":" + day, MemberID: m.ID, Kind: NoteExpired, Ref: day, Amount: m.Points, At: now}
	if err := s.store.Notify(ctx, n); err != nil {
		return false, m.Points, fmt.Errorf("expiry note to %s: %w", m.ID, err)
	}
	return false, m.Points, nil
}
