package storetest

import (
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// testExpiry runs the points-expiry sweep (community.Service.ExpirePoints)
// on the store: a notice a week before, the balance lapsing on the day with
// lifetime points kept, each once however often the sweep runs, and the
// deadline moving with every visit (at the counter or an event check-in).
func testExpiry(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	c := community.Community{ID: "cafe", Name: "Café", Locales: []string{"en"}, Currency: "EUR", TimeZone: "Europe/Madrid",
		Tiers: []community.Tier{{ID: "bean", Names: community.Localized{"en": "Bean"}}},
		Earn:  community.EarnRules{Visit: 10, ExpiryMonths: 6}}
	f.ok(f.s.SaveCommunity(f.ctx, c), "save community")
	if got, err := f.s.Community(f.ctx); err != nil || got.Earn.ExpiryMonths != 6 {
		t.Fatalf("expiry months read back as %d (%v), want 6", got.Earn.ExpiryMonths, err)
	}
	owner := community.Actor{ID: "owner", Role: community.RoleOwner}
	now := t0
	svc := community.NewService(f.s, community.WithClock(func() time.Time { return now }))
	award := func(id string, pts int64, reason string, when time.Time) {
		_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: reason + ":" + id + when.Format("0102"), MemberID: id,
			Delta: pts, Reason: reason, At: when, By: "owner"})
		f.ok(err, "award %s", id)
	}
	f.member("ana", "Ana") // never seen since joining at t0: lapses at t0 + 6 months
	award("ana", 100, community.ReasonAward, t0)
	f.member("ben", "Ben") // visits at the counter three months in
	award("ben", 40, community.ReasonAward, t0)
	f.member("cy", "Cy") // checks in at an event two months in
	award("cy", 30, community.ReasonCheckIn, at(24*61))
	f.member("dee", "Dee") // no points: nothing to tell
	_, err := f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "visit:ben", MemberID: "ben", Delta: 10,
		Reason: community.ReasonVisit, At: at(24 * 92), By: "staff"},
		func(card *community.CounterCard, e *community.LedgerEntry) error { card.LastVisit = e.At; return nil })
	f.ok(err, "ben's visit")

	sweep := func(when time.Time, told, expired int, lapsed int64) {
		t.Helper()
		now = when
		rep, err := svc.ExpirePoints(f.ctx, owner)
		f.ok(err, "sweep at %s", when)
		if rep.Told != told || rep.Expired != expired || rep.Points != lapsed {
			t.Errorf("sweep at %s: %+v, want told %d, expired %d, points %d", when.Format(time.DateOnly), rep, told, expired, lapsed)
		}
	}
	notes := func(id string) (kinds []string) {
		t.Helper()
		ns, err := f.s.Notifications(f.ctx, id, 0)
		f.ok(err, "notifications of %s", id)
		for _, n := range ns {
			kinds = append(kinds, n.Kind+":"+n.Ref)
		}
		return kinds
	}
	balance := func(id string, points, lifetime int64) {
		t.Helper()
		m, err := f.s.Member(f.ctx, id)
		f.ok(err, "member %s", id)
		if m.Points != points || m.LifetimePoints != lifetime {
			t.Errorf("%s: points %d, lifetime %d; want %d, %d", id, m.Points, m.LifetimePoints, points, lifetime)
		}
	}

	deadline := t0.AddDate(0, 6, 0) // 2030-09-14, 11:00 in Madrid
	sweep(deadline.Add(-8*24*time.Hour), 0, 0, 0)
	sweep(deadline.Add(-6*24*time.Hour), 1, 0, 0)
	sweep(deadline.Add(-5*24*time.Hour), 1, 0, 0) // told again: the same notice, stored once
	if got := notes("ana"); !equal(got, []string{community.NoteExpiring + ":2030-09-14"}) {
		t.Errorf("ana's notifications a week before: %v", got)
	}
	balance("ana", 100, 100)

	sweep(deadline.Add(time.Minute), 0, 1, 100)
	sweep(deadline.Add(time.Hour), 0, 0, 0) // once
	balance("ana", 0, 100)
	if got := notes("ana"); !equal(got, []string{community.NoteExpired + ":2030-09-14", community.NoteExpiring + ":2030-09-14"}) {
		t.Errorf("ana's notifications after the lapse: %v", got)
	}
	ledger, err := f.s.Ledger(f.ctx, "ana", 1)
	f.ok(err, "ana's ledger")
	if len(ledger) != 1 || ledger[0].Reason != community.ReasonExpired || ledger[0].Delta != -100 || ledger[0].By != "owner" {
		t.Errorf("ana's last entry: %+v, want the lapse of 100 by the owner", ledger)
	}
	balance("ben", 50, 50)
	balance("cy", 30, 30)
	if got := notes("dee"); len(got) != 0 {
		t.Errorf("dee, with no points, was told %v", got)
	}

	// Cy's check-in (two months in) lapses at eight months, Ben's visit at
	// nine (times in Madrid: sweeps keep two hours clear of summer time).
	sweep(t0.AddDate(0, 8, 0).Add(2*time.Hour), 0, 1, 30)
	balance("cy", 0, 30)
	sweep(t0.AddDate(0, 9, -3), 1, 0, 0)
	if got := notes("ben"); !equal(got, []string{community.NoteExpiring + ":2030-12-14"}) {
		t.Errorf("ben's notifications three days before nine months: %v", got)
	}

	// Ana comes back: her new points have a new deadline.
	now = t0.AddDate(0, 10, 0)
	_, err = f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "visit:ana", MemberID: "ana", Delta: 10,
		Reason: community.ReasonVisit, At: now, By: "staff"},
		func(card *community.CounterCard, e *community.LedgerEntry) error { card.LastVisit = e.At; return nil })
	f.ok(err, "ana's visit")
	sweep(now.Add(time.Hour), 0, 1, 50) // only Ben's lapse (nine months after his visit)
	balance("ana", 10, 110)
	balance("ben", 0, 50)

	// A community without expiry: nothing lapses.
	c.Earn.ExpiryMonths = 0
	f.ok(f.s.SaveCommunity(f.ctx, c), "expiry off")
	sweep(now.AddDate(2, 0, 0), 0, 0, 0)
	balance("ana", 10, 110)

	member := community.Actor{ID: "ana", Role: community.RoleMember}
	if _, err := svc.ExpirePoints(f.ctx, member); err == nil {
		t.Error("a member ran the expiry sweep")
	}
}
