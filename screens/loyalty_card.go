package screens

import (
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
)

// loyaltyCardData is what the member's loyalty card shows, on Home and on
// the card's own screen.
func loyaltyCardData(env *Env, c community.Community, m community.Member) ui.LoyaltyCardData {
	l := env.L()
	st := community.Status(c, m)
	d := ui.LoyaltyCardData{Cafe: c.Name, Logo: c.Brand.Logo, Member: m.Name, Tier: TierName(l, st.Tier),
		Balance: l.Points(st.Points), Lifetime: st.Lifetime, Next: l.T("HomeTopTier")}
	if st.Next != nil {
		d.Next = l.N("HomeToNextTier", int(st.ToNext), map[string]any{"Tier": TierName(l, *st.Next)})
	}
	_, d.TierIndex = community.TierFor(c.Tiers, m.LifetimePoints)
	for _, t := range c.Tiers {
		d.Milestones = append(d.Milestones, ui.Milestone{Name: TierName(l, t), At: t.Threshold})
	}
	return d
}
