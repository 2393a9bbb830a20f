package local

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// TestOpen_BackfillsNewIndexes opens a file as an older version left it (RSVPs
// without the event's times, no member_next nor notif_unread bucket) and
// checks that Open builds them, so NextRSVP and UnreadCount see old data.
func TestOpen_BackfillsNewIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2030, time.March, 14, 9, 0, 0, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.CreateMember(ctx, community.Member{ID: "m1", Code: "RG-m1", Name: "One", Role: community.RoleMember, Since: t0}))
	for i, id := range []string{"later", "soon"} {
		start := t0.Add(time.Duration(48/(i+1)) * time.Hour)
		must(s.CreateEvent(ctx, community.Event{ID: id, Title: id, Place: "Café", StartsAt: start, EndsAt: start.Add(time.Hour)}))
		_, err := s.RSVP(ctx, id, community.RSVP{EventID: id, MemberID: "m1", At: t0})
		must(err)
	}
	must(s.Notify(ctx, community.Notification{ID: "n1", MemberID: "m1", Kind: "points", At: t0}))
	must(s.Notify(ctx, community.Notification{ID: "n2", MemberID: "m1", Kind: "points", At: t0, Read: true}))
	must(s.db.Update(func(tx *bolt.Tx) error { // what an older version wrote
		for _, b := range [][]byte{bMemberNext, bNotesUnread} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		for _, id := range []string{"later", "soon"} {
			r, _, err := loadRSVP(tx, id, "m1")
			if err != nil {
				return err
			}
			r.EventStartsAt, r.EventEndsAt = time.Time{}, time.Time{}
			if err := putJSON(tx.Bucket(bRSVPs), k(id, "m1"), r); err != nil {
				return err
			}
		}
		return nil
	}))
	must(s.Close())

	if s, err = Open(path); err != nil {
		t.Fatalf("open the old file: %v", err)
	}
	defer s.Close()
	r, err := s.NextRSVP(ctx, "m1", t0)
	if err != nil || r.EventID != "soon" || !r.EventStartsAt.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("NextRSVP after the backfill = %+v, %v; want soon with its start", r, err)
	}
	if n, err := s.UnreadCount(ctx, "m1"); err != nil || n != 1 {
		t.Errorf("UnreadCount after the backfill = %d, %v; want 1", n, err)
	}
}
