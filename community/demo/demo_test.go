package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
)

func seeded(t *testing.T) community.Store {
	t.Helper()
	s, err := local.Open(filepath.Join(t.TempDir(), "demo.db"), local.WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Seed(context.Background(), s, demo.Now); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeed_MakesAMeaningfulCommunity(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	svc := community.NewService(s, community.WithClock(func() time.Time { return demo.Now }))
	members, err := s.CountMembers(ctx, community.MemberFilter{})
	if err != nil || members < 30 {
		t.Fatalf("members = %d, %v", members, err)
	}
	latte, err := s.Event(ctx, "ev-latte")
	if err != nil {
		t.Fatal(err)
	}
	if latte.Going != latte.Capacity || latte.Waiting != 3 {
		t.Fatalf("latte night going %d/%d waiting %d, want full with 3 waiting", latte.Going, latte.Capacity, latte.Waiting)
	}
	home, err := svc.Home(ctx, community.Actor{ID: demo.MemberID, Role: community.RoleMember})
	if err != nil {
		t.Fatal(err)
	}
	if home.Pinned == nil || home.NextEvent == nil || home.OpenPoll == nil || home.NewestStory == nil {
		t.Fatalf("home lacks something: %+v", home)
	}
	if home.Status.Next == nil || home.Status.Progress <= 0 || home.Status.Progress >= 1 {
		t.Fatalf("demo member should be on the way to a tier: %+v", home.Status)
	}
	// Every member's balance equals their ledger, and is never negative.
	all, err := s.SearchMembers(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	tiers := map[string]int{}
	c, _ := s.Community(ctx)
	for _, m := range all {
		entries, err := s.Ledger(ctx, m.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		for _, e := range entries {
			sum += e.Delta
		}
		if sum != m.Points || m.Points < 0 {
			t.Errorf("%s: points %d, ledger sum %d", m.ID, m.Points, sum)
		}
		tier, _ := community.TierFor(c.Tiers, m.LifetimePoints)
		tiers[tier.ID]++
	}
	if len(tiers) < 3 {
		t.Errorf("tiers should spread over the community: %v", tiers)
	}
	board, err := svc.IdeasBoard(ctx, 10)
	if err != nil || len(board[community.IdeaShipped]) == 0 || len(board[community.IdeaOpen]) == 0 {
		t.Fatalf("ideas board %v, %v", board, err)
	}
	pending, err := svc.PendingStories(ctx, community.Actor{ID: demo.OwnerID, Role: community.RoleOwner}, 10)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending stories %d, %v", len(pending), err)
	}
}

func TestSeed_IsDeterministic(t *testing.T) {
	ctx := context.Background()
	a, b := seeded(t), seeded(t)
	ma, _ := a.Member(ctx, demo.MemberID)
	mb, _ := b.Member(ctx, demo.MemberID)
	if ma != mb {
		t.Fatalf("two seeds differ:\n%+v\n%+v", ma, mb)
	}
}
