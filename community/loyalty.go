package community

import (
	"context"
	"fmt"
)

// TierFor returns the highest tier whose threshold lifetime reaches, and its index.
func TierFor(tiers []Tier, lifetime int64) (Tier, int) {
	idx := 0
	for i, t := range tiers {
		if lifetime >= t.Threshold {
			idx = i
		}
	}
	if len(tiers) == 0 {
		return Tier{}, -1
	}
	return tiers[idx], idx
}

// LoyaltyStatus is what a member card shows.
type LoyaltyStatus struct {
	Points   int64
	Lifetime int64
	Tier     Tier
	Next     *Tier   // nil at the top tier
	ToNext   int64   // lifetime points still needed for Next
	Progress float64 // 0..1 through the current tier towards Next (1 at the top)
}

// Status computes a member's loyalty status from the community's tiers. Tier
// follows lifetime points, not the balance: redeeming never lowers a tier.
func Status(c Community, m Member) LoyaltyStatus {
	st := LoyaltyStatus{Points: m.Points, Lifetime: m.LifetimePoints, Progress: 1}
	tier, idx := TierFor(c.Tiers, m.LifetimePoints)
	st.Tier = tier
	if idx >= 0 && idx+1 < len(c.Tiers) {
		next := c.Tiers[idx+1]
		st.Next = &next
		st.ToNext = next.Threshold - m.LifetimePoints
		span := next.Threshold - tier.Threshold
		st.Progress = float64(m.LifetimePoints-tier.Threshold) / float64(span)
	}
	return st
}

// RewardChoice is a catalog reward seen from one member's balance.
type RewardChoice struct {
	Reward
	Affordable bool
	Missing    int64 // points still needed when not affordable
}

// RewardsFor sorts the catalog for a member: affordable rewards first (cheapest
// first), then the ones they are close to (fewest points missing first).
func RewardsFor(c Community, m Member) []RewardChoice {
	out := make([]RewardChoice, 0, len(c.Rewards))
	for _, r := range c.Rewards {
		rc := RewardChoice{Reward: r, Affordable: m.Points >= r.Cost}
		if !rc.Affordable {
			rc.Missing = r.Cost - m.Points
		}
		out = append(out, rc)
	}
	sortRewards(out)
	return out
}

// Ledger returns a member's history, newest first. Members read their own;
// staff read anyone's.
func (s *Service) Ledger(ctx context.Context, a Actor, memberID string, limit int) ([]LedgerEntry, error) {
	if a.ID != memberID {
		if err := a.require(ActViewMembers); err != nil {
			return nil, err
		}
	}
	return s.store.Ledger(ctx, memberID, limit)
}

// AwardPoints gives a member points (staff only). opID is the idempotency key:
// the same award submitted twice (a double tap, a retry) counts once.
func (s *Service) AwardPoints(ctx context.Context, a Actor, memberID string, points int64, note, opID string) (Member, bool, error) {
	if err := a.require(ActAwardPoints); err != nil {
		return Member{}, false, err
	}
	if err := first(CheckRange("points", points, 1, MaxPointsDelta), CheckOptional("note", note, MaxNoteLen), CheckID("op", opID)); err != nil {
		return Member{}, false, err
	}
	return s.apply(ctx, LedgerEntry{ID: "award:" + opID, MemberID: memberID, Delta: points, Reason: ReasonAward, Note: note, By: a.ID})
}

// RedeemPoints takes points from a member's balance (staff only), never below zero.
func (s *Service) RedeemPoints(ctx context.Context, a Actor, memberID string, points int64, note, opID string) (Member, bool, error) {
	if err := a.require(ActAwardPoints); err != nil {
		return Member{}, false, err
	}
	if err := first(CheckRange("points", points, 1, MaxPointsDelta), CheckOptional("note", note, MaxNoteLen), CheckID("op", opID)); err != nil {
		return Member{}, false, err
	}
	return s.apply(ctx, LedgerEntry{ID: "redeem:" + opID, MemberID: memberID, Delta: -points, Reason: ReasonRedeem, Note: note, By: a.ID})
}

// RedeemReward spends the actor's own points on a catalog reward.
func (s *Service) RedeemReward(ctx context.Context, a Actor, rewardID, opID string) (Member, bool, error) {
	if err := a.require(ActRedeemReward); err != nil {
		return Member{}, false, err
	}
	if err := CheckID("op", opID); err != nil {
		return Member{}, false, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return Member{}, false, fmt.Errorf("redeem %s: %w", rewardID, err)
	}
	for _, r := range c.Rewards {
		if r.ID == rewardID {
			return s.apply(ctx, LedgerEntry{ID: "reward:" + opID, MemberID: a.ID, Delta: -r.Cost, Reason: ReasonReward, Ref: r.ID, By: a.ID})
		}
	}
	return Member{}, false, fmt.Errorf("redeem %s: %w", rewardID, ErrNotFound)
}

// apply stamps and applies a ledger entry and tells the member when points arrive.
func (s *Service) apply(ctx context.Context, e LedgerEntry) (Member, bool, error) {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if e.Delta == 0 {
		m, err := s.store.Member(ctx, e.MemberID)
		return m, false, err
	}
	m, applied, err := s.store.ApplyLedger(ctx, e)
	if err != nil {
		return m, false, fmt.Errorf("ledger %s for %s: %w", e.ID, e.MemberID, err)
	}
	if applied && e.Delta > 0 {
		_ = s.store.Notify(ctx, Notification{ID: "points:" + e.ID, MemberID: e.MemberID, Kind: "points", Ref: e.Ref, Amount: e.Delta, At: e.At})
	}
	return m, applied, nil
}
