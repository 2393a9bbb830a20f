package local

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

var benchT0 = time.Date(2030, time.March, 14, 9, 0, 0, 0, time.UTC)

// size is the shape of a seeded community.
type size struct{ members, votes, posts int }

// big is the community the issue names: opening a member's home on it must
// not cost more than on a small one.
var big = size{members: 10_000, votes: 100_000, posts: 50_000}

// seed fills s through the same transaction-level code the methods run, in
// large transactions, so that a big community takes seconds, not minutes.
func seed(tb testing.TB, s *Store, n size) {
	tb.Helper()
	const polls, threads, events = 10, 500, 100
	batch := func(what string, count int, fn func(tx *bolt.Tx, i int, ch *changes) error) {
		for start := 0; start < count; start += 10_000 {
			err := s.db.Update(func(tx *bolt.Tx) error {
				var ch changes
				for i := start; i < min(start+10_000, count); i++ {
					if err := fn(tx, i, &ch); err != nil {
						return fmt.Errorf("%s %d: %w", what, i, err)
					}
				}
				return nil
			})
			if err != nil {
				tb.Fatal(err)
			}
		}
	}
	member := func(i int) string { return fmt.Sprintf("m%05d", i) }
	batch("member", n.members, func(tx *bolt.Tx, i int, ch *changes) error {
		id := member(i)
		if err := putMember(tx, nil, memberRec{ID: id, Code: "RG-" + id, Name: "Member " + id, Role: "member", Since: benchT0, LastActive: benchT0}); err != nil {
			return err
		}
		_, _, err := applyLedger(tx, community.LedgerEntry{ID: "welcome", MemberID: id, Delta: int64(i % 700), Reason: community.ReasonWelcome, At: benchT0}, ch)
		return err
	})
	batch("poll", polls, func(tx *bolt.Tx, i int, _ *changes) error {
		return savePoll(tx, nil, toPollRec(community.Poll{ID: fmt.Sprintf("q%d", i), Question: "Next?", Status: community.PollOpen,
			CreatedAt: benchT0.Add(time.Duration(i) * time.Hour), Options: []community.Option{
				{ID: "a", Text: "A", Status: community.IdeaOpen}, {ID: "b", Text: "B", Status: community.IdeaOpen}, {ID: "c", Text: "C", Status: community.IdeaOpen}}}))
	})
	batch("vote", n.votes, func(tx *bolt.Tx, i int, ch *changes) error {
		return castVote(tx, community.Vote{PollID: fmt.Sprintf("q%d", i%polls), MemberID: member(i / polls % n.members),
			OptionID: string(rune('a' + i%3)), At: benchT0}, ch)
	})
	batch("thread", threads, func(tx *bolt.Tx, i int, ch *changes) error {
		t := threadRec{ID: fmt.Sprintf("t%03d", i), Title: "Thread", AuthorID: member(i), CreatedAt: benchT0}
		if _, err := addPost(tx, &t, community.Post{ID: "first", AuthorID: member(i), Body: "Hello", At: benchT0.Add(time.Duration(i) * time.Minute)}, ch); err != nil {
			return err
		}
		return saveThread(tx, nil, t)
	})
	batch("post", n.posts-threads, func(tx *bolt.Tx, i int, ch *changes) error {
		t, err := loadThread(tx, fmt.Sprintf("t%03d", i%threads))
		if err != nil {
			return err
		}
		old := t
		if _, err := addPost(tx, &t, community.Post{ID: fmt.Sprintf("p%d", i), AuthorID: member(i % n.members), Body: "A reply with a few words in it",
			At: benchT0.Add(time.Duration(i) * time.Second)}, ch); err != nil {
			return err
		}
		return saveThread(tx, &old, t)
	})
	ctx := context.Background()
	for i := range events {
		e := community.Event{ID: fmt.Sprintf("e%03d", i), Title: "Event", StartsAt: benchT0.Add(time.Duration(i) * 24 * time.Hour), Capacity: 20}
		e.EndsAt = e.StartsAt.Add(2 * time.Hour)
		if err := s.CreateEvent(ctx, e); err != nil {
			tb.Fatal(err)
		}
		if _, err := s.RSVP(ctx, e.ID, community.RSVP{MemberID: member(0), At: benchT0}); err != nil {
			tb.Fatal(err)
		}
	}
}

// home reads what a member's home screen reads (see community/home.go).
func home(ctx context.Context, s *Store, memberID string) error {
	if _, err := s.Member(ctx, memberID); err != nil {
		return err
	}
	if _, err := s.Ledger(ctx, memberID, 10); err != nil {
		return err
	}
	rsvps, err := s.MemberRSVPs(ctx, memberID, 10)
	if err != nil {
		return err
	}
	for _, r := range rsvps {
		if _, err := s.Event(ctx, r.EventID); err != nil {
			return err
		}
	}
	if _, err := s.Announcements(ctx, benchT0, 5); err != nil {
		return err
	}
	polls, err := s.Polls(ctx, community.PollOpen, 3)
	if err != nil {
		return err
	}
	for _, p := range polls {
		if _, err := s.Tally(ctx, p.ID); err != nil {
			return err
		}
		if _, err := s.VoteOf(ctx, p.ID, memberID); err != nil {
			return err
		}
	}
	threads, _, err := s.Threads(ctx, community.ThreadQuery{Limit: 20})
	if err != nil {
		return err
	}
	if _, err := s.Posts(ctx, threads[0].ID, 1, 20); err != nil {
		return err
	}
	_, err = s.Notifications(ctx, memberID, 10)
	return err
}

// homeTime is the median time of opening the home on a store of size n.
func homeTime(t *testing.T, n size) time.Duration {
	s, err := Open(filepath.Join(t.TempDir(), "community.db"), WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seed(t, s, n)
	var times []time.Duration
	for range 31 {
		start := time.Now()
		if err := home(t.Context(), s, "m00000"); err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times[len(times)/2]
}

// TestStore_HomeScales opens a member's home on a community 100 times the
// size of a small one: with counters and indexes it costs about the same; a
// scan of the votes or posts would cost a hundred times more.
func TestStore_HomeScales(t *testing.T) {
	n := big
	if raceEnabled {
		n = size{big.members / 20, big.votes / 20, big.posts / 20}
	}
	few := size{n.members / 100, n.votes / 100, n.posts / 50}
	small, large := homeTime(t, few), homeTime(t, n)
	t.Logf("home: %s on %+v, %s on %+v", small, few, large, n)
	if large > 5*small+2*time.Millisecond {
		t.Errorf("home on the big community takes %s, %s on the small one: something scans", large, small)
	}
}

func benchStore(b *testing.B) *Store {
	s, err := Open(filepath.Join(b.TempDir(), "community.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkStore_RSVP(b *testing.B) {
	s, ctx := benchStore(b), b.Context()
	if err := s.CreateEvent(ctx, community.Event{ID: "ev", Title: "Big", StartsAt: benchT0, Capacity: 50}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := s.RSVP(ctx, "ev", community.RSVP{MemberID: fmt.Sprintf("m%d", i), At: benchT0}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkStore_CastVote(b *testing.B) {
	s, ctx := benchStore(b), b.Context()
	err := s.CreatePoll(ctx, community.Poll{ID: "q", Question: "?", Status: community.PollOpen, CreatedAt: benchT0,
		Options: []community.Option{{ID: "a", Status: community.IdeaOpen}, {ID: "b", Status: community.IdeaOpen}}})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		o := []string{"a", "b"}[i%2]
		if err := s.CastVote(ctx, community.Vote{PollID: "q", MemberID: fmt.Sprintf("m%d", i/2), OptionID: o, At: benchT0}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkStore_ApplyLedger(b *testing.B) {
	s, ctx := benchStore(b), b.Context()
	if err := s.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana"}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, _, err := s.ApplyLedger(ctx, community.LedgerEntry{ID: fmt.Sprint(i), MemberID: "ana", Delta: 5, At: benchT0}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkStore_Posts(b *testing.B) {
	s, ctx := benchStore(b), b.Context()
	if _, _, err := s.CreateThread(ctx, community.Thread{ID: "th", Title: "T"}, community.Post{ID: "p0", Body: "x", At: benchT0}); err != nil {
		b.Fatal(err)
	}
	b.Run("Add", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AddPost(ctx, community.Post{ThreadID: "th", Body: "A reply", At: benchT0}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Page", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Posts(ctx, "th", 1, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkStore_Home(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "community.db"), WithNoSync())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seed(b, s, big)
	for b.Loop() {
		if err := home(b.Context(), s, "m00000"); err != nil {
			b.Fatal(err)
		}
	}
}
