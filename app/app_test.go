package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

func TestOpenLocal_SeedsOnceAndKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "regulars.db")
	s, err := openLocal(ctx, path, demo.Now)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Member(ctx, demo.MemberID)
	if err != nil {
		t.Fatalf("demo member after first start: %v", err)
	}
	svc := community.NewService(s)
	if _, _, err := svc.AwardPoints(ctx, community.Actor{ID: demo.OwnerID, Role: community.RoleOwner}, m.ID, 5, "", "op-keep"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".seeding"); !os.IsNotExist(err) {
		t.Fatalf("seeding file left behind: %v", err)
	}
	s, err = openLocal(ctx, path, demo.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, _ := s.Member(ctx, demo.MemberID)
	if again.Points != m.Points+5 {
		t.Fatalf("second start lost or reseeded data: %d, want %d", again.Points, m.Points+5)
	}
}
