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

func TestOpenSession_StartsAsTheProfile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "regulars.db")
	for _, tc := range []struct{ profile, want string }{{"member", demo.MemberID}, {"owner", demo.OwnerID}} {
		sess := openSession(ctx, path, tc.profile)
		if sess.err != nil {
			t.Fatalf("%s: %v", tc.profile, sess.err)
		}
		if sess.me.ID != tc.want || sess.svc == nil {
			t.Errorf("%s: starts as %q, want %q", tc.profile, sess.me.ID, tc.want)
		}
		if tc.profile == "owner" && sess.me.Role != community.RoleOwner {
			t.Errorf("owner profile has role %q", sess.me.Role)
		}
		if err := sess.store.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenSession_ReportsAStoreItCannotOpen(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// A data path under a plain file cannot be created.
	sess := openSession(context.Background(), filepath.Join(blocker, "regulars.db"), "member")
	if sess.err == nil || sess.store != nil {
		t.Fatalf("openSession under a file: err %v, store %v; want an error and no store", sess.err, sess.store)
	}
}
