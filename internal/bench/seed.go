package bench

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	gfs "cloud.google.com/go/firestore"
	"golang.org/x/sync/errgroup"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// Size is how big a seeded community is, beyond the demo café.
type Size struct {
	Members int // total, demo people included
	Votes   int // votes over closed polls of 10,000 voters at most each
	Posts   int // posts over threads of 1,000 posts each
}

//lint:file-ignore SA1019 WriteBatch is deprecated in favour of BulkWriter, whose rate limit makes seeding ten times slower (see bulk)

// bulk writes documents in batches of batchSize, conc batches at a time:
// plain batched commits, which the emulator applies far faster than the
// client's BulkWriter (rate-limited to 500 writes/s at its start, 20 a batch).
type bulk struct {
	client *gfs.Client
	ctx    context.Context
	g      *errgroup.Group
	batch  *gfs.WriteBatch
	n      int
	total  int
}

const batchSize = 500

func newBulk(ctx context.Context, client *gfs.Client, conc int) *bulk {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(conc)
	return &bulk{client: client, ctx: ctx, g: g}
}

func (b *bulk) set(ref *gfs.DocumentRef, data any) {
	if b.batch == nil {
		b.batch = b.client.Batch()
	}
	b.batch.Set(ref, data)
	b.n++
	b.total++
	if b.n == batchSize {
		b.flush()
	}
}

func (b *bulk) flush() {
	if b.batch == nil {
		return
	}
	wb := b.batch
	b.batch, b.n = nil, 0
	ctx := b.ctx
	b.g.Go(func() error {
		_, err := wb.Commit(ctx)
		return err
	})
}

func (b *bulk) wait() error {
	b.flush()
	return b.g.Wait()
}

// SeedCommunity writes the demo café into community cid through the store's
// own methods, then grows it to size with batched writes in the store's
// layout (community/firestore/doc.go): members with their card codes, closed
// polls with their votes and a tally shard that equals them, threads with
// their posts. It returns how many documents the bulk part wrote.
func SeedCommunity(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, size Size) (int, error) {
	s, err := AdminStore(ctx, emu.Host, cid)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	if err := demo.Seed(ctx, s, time.Now()); err != nil {
		return 0, fmt.Errorf("seed demo into %s: %w", cid, err)
	}
	return grow(ctx, s, cid, size)
}

func grow(ctx context.Context, s *firestore.Store, cid string, size Size) (int, error) {
	root := s.Client().Collection("communities").Doc(cid)
	b := newBulk(ctx, s.Client(), 4)
	old := time.Now().AddDate(-1, 0, 0)
	extra := size.Members - len(demo.Members(time.Now()))
	ids := make([]string, 0, max(extra, 0))
	for i := range max(extra, 0) {
		id := fmt.Sprintf("b%07d", i)
		ids = append(ids, id)
		name := "Bench Member " + strconv.Itoa(i)
		key := strings.ToLower(name)
		b.set(root.Collection("members").Doc(id), map[string]any{
			"code": community.MemberCode(id), "name": name, "nameKey": key,
			"nameSearch": []string{"bench", "member", strconv.Itoa(i)}, "email": id + "@example.com", "lang": "en",
			"role": "member", "birthMonth": 0, "birthDay": 0, "usual": "", "points": int64(0), "lifetimePoints": int64(0),
			"since": old, "lastActive": old})
		b.set(root.Collection("memberCodes").Doc(community.MemberCode(id)), map[string]any{"member": id})
	}
	// Votes: one per member per poll, so polls of at most len(ids) voters.
	for p := 0; size.Votes > 0 && len(ids) > 0; p++ {
		n := min(size.Votes-p*len(ids), len(ids))
		if n <= 0 {
			break
		}
		pid := fmt.Sprintf("bench-poll-%02d", p)
		poll := root.Collection("polls").Doc(pid)
		b.set(poll, map[string]any{"question": "Bench poll " + strconv.Itoa(p), "lang": "en",
			"options": []map[string]any{{"id": "a", "text": "A", "by": "", "byName": "", "status": "open"},
				{"id": "b", "text": "B", "by": "", "byName": "", "status": "open"}},
			"closesAt": old, "status": "closed", "createdBy": demo.OwnerID, "createdAt": old.Add(-time.Duration(p) * time.Hour)})
		counts := map[string]int64{}
		for i := range n {
			opt := string(rune('a' + i%2))
			counts[opt]++
			b.set(poll.Collection("votes").Doc(ids[i]), map[string]any{"option": opt, "member": ids[i], "at": old})
		}
		b.set(poll.Collection("shards").Doc("0"), map[string]any{"counts": counts})
	}
	const perThread = 1000
	for t := 0; t*perThread < size.Posts; t++ {
		n := min(size.Posts-t*perThread, perThread)
		tid := fmt.Sprintf("bench-thread-%03d", t)
		th := root.Collection("threads").Doc(tid)
		b.set(th, map[string]any{"category": "general", "title": "Bench thread " + strconv.Itoa(t), "author": demo.OwnerID,
			"authorName": "Bench", "lang": "en", "createdAt": old, "lastPostAt": old, "posts": n, "pinned": false,
			"locked": false, "seq": int64(n)})
		for i := 1; i <= n; i++ {
			author := demo.OwnerID
			if len(ids) > 0 {
				author = ids[(t*perThread+i)%len(ids)]
			}
			b.set(th.Collection("posts").Doc(fmt.Sprintf("p%05d", i)), map[string]any{"community": cid, "thread": tid,
				"seq": int64(i), "author": author, "authorName": "Bench", "lang": "en", "body": "Post " + strconv.Itoa(i),
				"at": old, "reports": 0, "hidden": false, "removed": false, "reviewed": false,
				"reactions": map[string]int{}, "queued": false, "reportedAt": time.Time{}})
		}
	}
	if err := b.wait(); err != nil {
		return b.total, fmt.Errorf("grow %s: %w", cid, err)
	}
	return b.total, nil
}
