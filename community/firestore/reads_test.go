package firestore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/emulators"
)

// maxHomeReads is how many documents the demo member's home screen may read,
// whatever the size of the community (DESIGN.md: reads are billed per
// document): the community, the member, one announcement, the member's next
// RSVP (NextRSVP: one document, found by the event times the RSVP carries)
// and its event, one open poll, one story and the count of unread
// notifications (an aggregation: one read). The demo member holds seats, so
// no waitlist position is counted.
const maxHomeReads = 8

// TestStore_HomeReadsBounded builds the demo member's home screen on the
// seeded demo community, then again after thousands of members, votes and
// posts were added, and counts the documents read each time: the counts
// must be equal and small.
func TestStore_HomeReadsBounded(t *testing.T) {
	ctx := t.Context()
	s, reads, svc := seededCounted(t, "reads")
	actor := community.Actor{ID: demo.MemberID, Role: community.RoleMember}

	home := func(label string) (int, map[string]int, community.Home) {
		t.Helper()
		reads.Reset()
		h, err := svc.Home(ctx, actor)
		if err != nil {
			t.Fatalf("home on the %s community: %v", label, err)
		}
		return reads.Reads(), reads.ByMethod(), h
	}
	small, smallBy, h := home("small")
	if h.Member.ID != demo.MemberID || h.OpenPoll == nil || h.NewestStory == nil || h.Pinned == nil || h.NextEvent == nil {
		t.Fatalf("home on the demo community misses what the seed put there: %+v", h)
	}

	start := time.Now()
	if err := grow(ctx, s, 2000); err != nil {
		t.Fatalf("grow the community: %v", err)
	}
	t.Logf("added 2,000 members, votes and posts in %s", time.Since(start).Round(time.Millisecond))
	if n, err := s.CountMembers(ctx, community.MemberFilter{}); err != nil || n < 2000 {
		t.Fatalf("the large community has %d members (%v), want over 2,000", n, err)
	}

	large, largeBy, _ := home("large")
	t.Logf("home reads: small community %d %v, large community %d %v", small, smallBy, large, largeBy)
	if small != large {
		t.Errorf("home read %d documents on the small community and %d on the large one: reads grow with the community", small, large)
	}
	for label, n := range map[string]int{"small": small, "large": large} {
		if n > maxHomeReads {
			t.Errorf("home read %d documents on the %s community, want at most %d", n, label, maxHomeReads)
		}
	}
}

// grow adds n members, n votes in the open demo poll and n posts in one
// thread, written in bulk in the store's layout (through the store it would
// take minutes on the emulator).
func grow(ctx context.Context, s *Store, n int) error {
	polls, err := s.Polls(ctx, community.PollOpen, 1)
	if err != nil || len(polls) == 0 {
		return fmt.Errorf("the demo's open poll: %v", err)
	}
	poll := polls[0]
	threads, _, err := s.Threads(ctx, community.ThreadQuery{Limit: 1})
	if err != nil || len(threads) == 0 {
		return fmt.Errorf("a demo thread: %v", err)
	}
	thread := threads[0]

	bw := s.client.BulkWriter(ctx)
	var jobs []*firestore.BulkWriterJob
	add := func(j *firestore.BulkWriterJob, err error) error {
		jobs = append(jobs, j)
		return err
	}
	at := demo.Now.Add(-time.Hour)
	shards := make([]map[string]any, s.shards) // one write per shard: a BulkWriter refuses two to one path
	tallied := make([]map[string]int64, s.shards)
	for i := range tallied {
		tallied[i] = map[string]int64{}
	}
	for i := range n {
		id := fmt.Sprintf("bulk-%04d", i)
		m := community.Member{ID: id, Code: "RG-B" + id, Name: fmt.Sprintf("Bulk Member %d", i), Lang: "en",
			Role: community.RoleMember, Since: at, LastActive: at, LifetimePoints: int64(i), Points: int64(i)}
		if err := add(bw.Create(s.memberRef(id), toMemberDoc(m))); err != nil {
			return err
		}
		opt := poll.Options[i%len(poll.Options)].ID
		vote := voteDoc{Option: opt, Member: id, At: at}
		if err := add(bw.Create(s.pollRef(poll.ID).Collection("votes").Doc(id), vote)); err != nil {
			return err
		}
		if shards[i%s.shards] == nil {
			shards[i%s.shards] = map[string]any{}
		}
		shards[i%s.shards][opt] = firestore.Increment(tallied[i%s.shards][opt] + 1)
		tallied[i%s.shards][opt]++
		p := community.Post{ID: "bulk-post-" + id, ThreadID: thread.ID, Seq: int64(1000 + i), AuthorID: id,
			AuthorName: m.Name, Body: "More coffee, please.", At: at}
		if err := add(bw.Create(s.postRef(thread.ID, p.ID), toPostDoc(s.cid, p))); err != nil {
			return err
		}
	}
	for i, counts := range shards {
		if counts == nil {
			continue
		}
		ref := s.pollRef(poll.ID).Collection("shards").Doc(fmt.Sprint(i))
		if err := add(bw.Set(ref, map[string]any{"counts": counts}, firestore.MergeAll)); err != nil {
			return err
		}
	}
	bw.End()
	for _, j := range jobs {
		if _, err := j.Results(); err != nil {
			return err
		}
	}
	return nil
}

// seededCounted dials a new community on the emulator, its reads counted,
// and seeds the demo into it; the service's clock is demo.Now.
func seededCounted(t *testing.T, prefix string) (*Store, *ReadCounter, *community.Service) {
	t.Helper()
	e := emulators.FirestoreFor(t)
	reads := new(ReadCounter)
	s, err := Dial(t.Context(), Config{ProjectID: e.ProjectID, CommunityID: fmt.Sprintf("%s-%d", prefix, time.Now().UnixNano()),
		Endpoint: e.Host, Admin: true, ClientOptions: reads.Options()})
	if err != nil {
		t.Fatalf("dial the emulator: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	WarmUp(t, s)
	if err := demo.Seed(t.Context(), s, demo.Now); err != nil {
		t.Fatalf("seed the demo community: %v", err)
	}
	return s, reads, community.NewService(s, community.WithClock(func() time.Time { return demo.Now }))
}
