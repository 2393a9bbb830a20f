package storetest

import (
	"fmt"
	"testing"

	"github.com/regulars-app/regulars/community"
)

func testCommunity(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	_, err := f.s.Community(f.ctx)
	f.is(err, community.ErrNotFound, "community before the first save")
	c := community.Community{ID: "cafe", Name: "Café Lumen", About: community.Localized{"en": "Coffee", "es": "Café"},
		Locales: []string{"es", "en"}, Currency: "EUR", TimeZone: "Europe/Madrid",
		Tiers: []community.Tier{{ID: "bean", Names: community.Localized{"en": "Bean"}, Threshold: 0},
			{ID: "roast", Names: community.Localized{"en": "Roast"}, Threshold: 500}},
		Rewards:    []community.Reward{{ID: "espresso", Names: community.Localized{"en": "Espresso"}, Cost: 100, ValueMinor: 180}},
		Categories: []community.Category{{ID: "general", Names: community.Localized{"en": "General"}}},
		Earn:       community.EarnRules{CheckIn: 50, StoryPublished: 100, IdeaShipped: 200, IdeaVoter: 20, Birthday: 75}}
	f.ok(f.s.SaveCommunity(f.ctx, c), "save community")
	got, err := f.s.Community(f.ctx)
	f.ok(err, "community")
	if fmt.Sprint(got) != fmt.Sprint(c) {
		t.Errorf("community = %+v, want %+v", got, c)
	}
	c.Name = "Café Lumen & Co"
	f.ok(f.s.SaveCommunity(f.ctx, c), "save community again")
	if got, _ := f.s.Community(f.ctx); got.Name != c.Name {
		t.Errorf("after a second save, name = %q, want %q", got.Name, c.Name)
	}
}

func testMembers(t *testing.T, newStore NewStore, opts Options) {
	t.Run("CRUD", func(t *testing.T) {
		f := setup(t, newStore, opts)
		m := community.Member{ID: "ana", Code: "RG-ANA", Name: "Ana", Email: "ana@example.com", Lang: "es",
			Role: community.RoleStaff, Birthday: community.Birthday{Month: 2, Day: 29}, Usual: "flat white",
			Since: t0, LastActive: at(1)}
		f.ok(f.s.CreateMember(f.ctx, m), "create")
		got, err := f.s.Member(f.ctx, "ana")
		f.ok(err, "member")
		if got.Name != m.Name || got.Code != m.Code || got.Email != m.Email || got.Lang != m.Lang || got.Role != m.Role ||
			got.Birthday != m.Birthday || got.Usual != m.Usual || !got.Since.Equal(m.Since) || !got.LastActive.Equal(m.LastActive) {
			t.Errorf("member = %+v, want %+v", got, m)
		}
		if byCode, err := f.s.MemberByCode(f.ctx, "RG-ANA"); err != nil || byCode.ID != "ana" {
			t.Errorf("MemberByCode = %v, %v", byCode.ID, err)
		}
		f.is(f.s.CreateMember(f.ctx, m), community.ErrConflict, "create with a taken ID")
		f.is(f.s.CreateMember(f.ctx, community.Member{ID: "bob", Code: "RG-ANA", Name: "Bob"}), community.ErrConflict, "create with a taken code")
		_, err = f.s.Member(f.ctx, "nobody")
		f.is(err, community.ErrNotFound, "unknown member")
		_, err = f.s.MemberByCode(f.ctx, "RG-NOBODY")
		f.is(err, community.ErrNotFound, "unknown code")
		_, err = f.s.UpdateMember(f.ctx, "nobody", func(*community.Member) error { return nil })
		f.is(err, community.ErrNotFound, "update unknown member")
		if err := f.s.CreateMember(f.ctx, community.Member{ID: "rich", Name: "Rich", Points: 500, LifetimePoints: 500}); err == nil {
			if m, _ := f.s.Member(f.ctx, "rich"); m.Points != 0 || m.LifetimePoints != 0 {
				t.Errorf("member created with points has %d/%d, want 0/0 (points come from the ledger)", m.Points, m.LifetimePoints)
			}
		}
	})
	t.Run("Update", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.member("ana", "Ana")
		_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "w", MemberID: "ana", Delta: 10, Reason: community.ReasonWelcome, At: t0})
		f.ok(err, "welcome points")
		got, err := f.s.UpdateMember(f.ctx, "ana", func(m *community.Member) error {
			m.Name, m.Usual, m.Code = "Ana María", "cortado", "RG-NEW"
			m.Points, m.LifetimePoints = 9999, 9999
			return nil
		})
		f.ok(err, "update")
		stored, _ := f.s.Member(f.ctx, "ana")
		for _, m := range []community.Member{got, stored} {
			if m.Name != "Ana María" || m.Usual != "cortado" || m.Points != 10 || m.LifetimePoints != 10 {
				t.Errorf("after update: %+v, want name and usual changed and points 10/10", m)
			}
		}
		if m, err := f.s.MemberByCode(f.ctx, "RG-NEW"); err != nil || m.ID != "ana" {
			t.Errorf("new code finds %q, %v", m.ID, err)
		}
		_, err = f.s.MemberByCode(f.ctx, "RG-ana")
		f.is(err, community.ErrNotFound, "old code after a code change")
		_, err = f.s.UpdateMember(f.ctx, "ana", func(m *community.Member) error { m.Name = "Changed"; return errBoom })
		f.is(err, errBoom, "update function error")
		if m, _ := f.s.Member(f.ctx, "ana"); m.Name != "Ana María" {
			t.Errorf("aborted update changed the name to %q", m.Name)
		}
	})
	t.Run("Search", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.member("u1", "Ümit Yılmaz")
		f.member("j1", "José García")
		f.member("j2", "Joséphine Dubois")
		f.member("a1", "Anna Schmidt")
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"jos", []string{"j1", "j2"}},
			{"JOSÉ", []string{"j1", "j2"}},
			{"garcía", []string{"j1"}},
			{"ümit", []string{"u1"}},
			{"ÜMIT", []string{"u1"}},
			{"anna", []string{"a1"}},
			{"zzz", nil},
			{"", []string{"a1", "j1", "j2", "u1"}},
		} {
			ms, err := f.s.SearchMembers(f.ctx, c.query, 10)
			f.ok(err, "search %q", c.query)
			var ids []string
			for _, m := range ms {
				ids = append(ids, m.ID)
			}
			if !equal(sorted(ids), c.want) {
				t.Errorf("search %q = %v, want %v", c.query, sorted(ids), c.want)
			}
		}
		if ms, _ := f.s.SearchMembers(f.ctx, "", 2); len(ms) != 2 {
			t.Errorf("search with limit 2 returned %d", len(ms))
		}
	})
	t.Run("Count", func(t *testing.T) {
		f := setup(t, newStore, opts)
		for i, pts := range []int64{0, 50, 150, 500} {
			id := fmt.Sprintf("c%d", i)
			f.member(id, "Counted "+id)
			if pts > 0 {
				_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "e" + id, MemberID: id, Delta: pts, Reason: community.ReasonAward, At: t0})
				f.ok(err, "award")
			}
			_, err := f.s.UpdateMember(f.ctx, id, func(m *community.Member) error { m.LastActive = at(24 * i); return nil })
			f.ok(err, "last active")
		}
		// A redemption lowers the balance, not the lifetime points the filter reads.
		_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "spend", MemberID: "c3", Delta: -450, Reason: community.ReasonRedeem, At: t0})
		f.ok(err, "redeem")
		for _, c := range []struct {
			f    community.MemberFilter
			want int
		}{
			{community.MemberFilter{}, 4},
			{community.MemberFilter{MinLifetime: 100}, 2},
			{community.MemberFilter{MinLifetime: 50, MaxLifetime: 500}, 2},
			{community.MemberFilter{MaxLifetime: 100}, 2},
			{community.MemberFilter{ActiveSince: at(24)}, 3},
			{community.MemberFilter{MinLifetime: 100, ActiveSince: at(72)}, 1},
		} {
			n, err := f.s.CountMembers(f.ctx, c.f)
			f.ok(err, "count %+v", c.f)
			if n != c.want {
				t.Errorf("CountMembers(%+v) = %d, want %d", c.f, n, c.want)
			}
		}
	})
}

func testLedger(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")
	apply := func(id string, delta int64, hour int) (community.Member, bool, error) {
		return f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: id, MemberID: "ana", Delta: delta,
			Reason: community.ReasonAward, Ref: "ref-" + id, Note: "note", At: at(hour), By: "owner"})
	}
	m, applied, err := apply("e1", 100, 1)
	f.ok(err, "award")
	if !applied || m.Points != 100 || m.LifetimePoints != 100 {
		t.Errorf("award: applied %v, points %d/%d, want true, 100/100", applied, m.Points, m.LifetimePoints)
	}
	m, applied, err = apply("e1", 100, 1)
	f.ok(err, "repeat award")
	if applied || m.Points != 100 {
		t.Errorf("repeated entry: applied %v, points %d, want false, 100", applied, m.Points)
	}
	m, _, err = apply("e2", -30, 2)
	f.ok(err, "redeem")
	if m.Points != 70 || m.LifetimePoints != 100 {
		t.Errorf("after redeeming 30: %d/%d, want 70/100 (lifetime only grows)", m.Points, m.LifetimePoints)
	}
	_, applied, err = apply("e3", -100, 3)
	f.reason(err, community.ReasonInsufficient, "redeem more than the balance")
	if v, ok := community.AsValidation(err); ok && v.Field != "points" {
		t.Errorf("insufficient balance names field %q, want points", v.Field)
	}
	if applied {
		t.Error("a refused entry reports applied")
	}
	if m, _ := f.s.Member(f.ctx, "ana"); m.Points != 70 || m.LifetimePoints != 100 {
		t.Errorf("a refused redemption changed the points to %d/%d", m.Points, m.LifetimePoints)
	}
	if es, _ := f.s.Ledger(f.ctx, "ana", 0); len(es) != 2 {
		t.Errorf("a refused redemption left %d entries, want 2", len(es))
	}
	_, _, err = apply("e4", 50, 4)
	f.ok(err, "top up")
	m, applied, err = apply("e3", -100, 5) // the refused ID was not taken: it applies now
	f.ok(err, "retry the refused redemption")
	if !applied || m.Points != 20 || m.LifetimePoints != 150 {
		t.Errorf("retried redemption: applied %v, %d/%d, want true, 20/150", applied, m.Points, m.LifetimePoints)
	}
	es, err := f.s.Ledger(f.ctx, "ana", 0)
	f.ok(err, "ledger")
	var ids []string
	var sum int64
	for _, e := range es {
		ids = append(ids, e.ID)
		sum += e.Delta
	}
	if !equal(ids, []string{"e3", "e4", "e2", "e1"}) {
		t.Errorf("ledger = %v, want newest first [e3 e4 e2 e1]", ids)
	}
	if sum != m.Points {
		t.Errorf("sum of ledger %d != balance %d", sum, m.Points)
	}
	if e := es[len(es)-1]; e.MemberID != "ana" || e.Delta != 100 || e.Reason != community.ReasonAward || e.Ref != "ref-e1" ||
		e.Note != "note" || e.By != "owner" || !e.At.Equal(at(1)) {
		t.Errorf("stored entry = %+v", e)
	}
	if es, _ := f.s.Ledger(f.ctx, "ana", 2); len(es) != 2 || es[0].ID != "e3" {
		t.Errorf("ledger with limit 2 = %v", es)
	}
	_, _, err = f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "x", MemberID: "nobody", Delta: 5, At: t0})
	f.is(err, community.ErrNotFound, "ledger entry for an unknown member")
}
