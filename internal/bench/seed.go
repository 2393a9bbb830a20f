package bench

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	gfs "cloud.google.com/go/firestore"
	"cloud.google.com/go/firestore/apiv1/firestorepb"
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
// their posts; then what home touches for the demo member (growHome). It
// returns how many documents the bulk part wrote.
func SeedCommunity(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, size Size, g HomeGrowth) (int, error) {
	s, err := AdminStore(ctx, emu.Host, cid)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	if err := demo.Seed(ctx, s, time.Now()); err != nil {
		return 0, fmt.Errorf("seed demo into %s: %w", cid, err)
	}
	n, err := grow(ctx, s, cid, size)
	if err != nil {
		return n, err
	}
	h, err := growHome(ctx, s, g)
	if err != nil {
		return n + h, err
	}
	return n + h, checkHomeGrowth(ctx, s, cid, g)
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

// HomeGrowth is how much of what the home screen touches the large seed adds
// for the demo member: her own ledger, her past RSVPs (each to a past event),
// announcements, events and polls of the community.
type HomeGrowth struct {
	Ledger, PastRSVPs, Announcements, Events, Polls int
}

// FullHomeGrowth is the large case: 10,000 ledger entries of her own,
// 1,000 past RSVPs, 10,000 announcements, 5,000 events, 1,000 polls.
var FullHomeGrowth = HomeGrowth{Ledger: 10_000, PastRSVPs: 1_000, Announcements: 10_000, Events: 5_000, Polls: 1_000}

// growHome writes g for the demo member with batched writes in the store's
// layout (firestore.Store.BulkDoc): everything older than the demo café's own
// records except a tenth of the events and announcements, which lie ahead
// (scheduled, not yet published; upcoming events she has not answered), so
// that each home query has to pass over grown data on both sides of now.
func growHome(ctx context.Context, s *firestore.Store, g HomeGrowth) (int, error) {
	b := newBulk(ctx, s.Client(), 4)
	now := time.Now()
	old := now.AddDate(-3, 0, 0)
	put := func(rec any) error {
		ref, doc, err := s.BulkDoc(rec)
		if err != nil {
			return err
		}
		b.set(ref, doc)
		return nil
	}
	for i := range g.Ledger {
		if err := put(community.LedgerEntry{ID: fmt.Sprintf("bench-op-%05d", i), MemberID: demo.MemberID, Delta: 1,
			Reason: community.ReasonAward, At: old.Add(time.Duration(i) * time.Hour), By: demo.OwnerID}); err != nil {
			return b.total, err
		}
	}
	for i := range g.Events {
		starts := old.Add(time.Duration(i) * 4 * time.Hour)
		if i >= g.Events*9/10 { // upcoming, from a week ahead on
			starts = now.AddDate(0, 0, 7).Add(time.Duration(i) * time.Hour)
		}
		e := community.Event{ID: fmt.Sprintf("bench-ev-%05d", i), Title: "Bench tasting " + strconv.Itoa(i),
			StartsAt: starts, EndsAt: starts.Add(2 * time.Hour), TimeZone: "Europe/Madrid", Capacity: 20,
			CreatedBy: demo.OwnerID, UpdatedAt: old}
		if i < g.PastRSVPs {
			e.Going, e.CheckedIn = 1, 1
			if err := put(community.RSVP{EventID: e.ID, MemberID: demo.MemberID, Name: "Amira", Status: community.StatusCheckedIn,
				At: starts.Add(-time.Hour), Seq: 1, EventStartsAt: e.StartsAt, EventEndsAt: e.EndsAt}); err != nil {
				return b.total, err
			}
		}
		if err := put(e); err != nil {
			return b.total, err
		}
	}
	for i := range g.Announcements {
		at := old.Add(time.Duration(i) * 2 * time.Hour)
		a := community.Announcement{ID: fmt.Sprintf("bench-ann-%05d", i), PublishAt: at, CreatedBy: demo.OwnerID, CreatedAt: at,
			Pinned: i%50 == 0, Texts: map[string]community.AnnouncementText{"en": {Title: "Bench news " + strconv.Itoa(i), Body: "Old news."}}}
		if i >= g.Announcements*9/10 { // scheduled: stored without texts until published (see SaveAnnouncement)
			a.PublishAt = now.AddDate(0, 0, 7).Add(time.Duration(i) * time.Hour)
			a.Texts = map[string]community.AnnouncementText{}
		}
		if err := put(a); err != nil {
			return b.total, err
		}
	}
	for i := range g.Polls {
		at := old.Add(time.Duration(i) * 24 * time.Hour)
		if err := put(community.Poll{ID: fmt.Sprintf("bench-poll-h%04d", i), Question: "Bench poll " + strconv.Itoa(i), Lang: "en",
			Status: community.PollClosed, ClosesAt: at.Add(24 * time.Hour), CreatedBy: demo.OwnerID, CreatedAt: at,
			Options: []community.Option{{ID: "a", Text: "A", Status: community.IdeaOpen}, {ID: "b", Text: "B", Status: community.IdeaOpen}}}); err != nil {
			return b.total, err
		}
	}
	if err := b.wait(); err != nil {
		return b.total, fmt.Errorf("grow home: %w", err)
	}
	return b.total, nil
}

// checkHomeGrowth counts, with aggregation queries as an admin, that the
// grown records are where the store's queries look for them (the member's
// RSVPs by the collection-group fields NextRSVP filters on).
func checkHomeGrowth(ctx context.Context, s *firestore.Store, cid string, g HomeGrowth) error {
	c := s.Client()
	root := c.Collection("communities").Doc(cid)
	count := func(q gfs.Query) (int64, error) {
		res, err := q.NewAggregationQuery().WithCount("n").Get(ctx)
		if err != nil {
			return 0, err
		}
		v, _ := res["n"].(*firestorepb.Value)
		return v.GetIntegerValue(), nil
	}
	for _, k := range []struct {
		what string
		q    gfs.Query
		min  int
	}{
		{"her ledger", root.Collection("members").Doc(demo.MemberID).Collection("ledger").Query, g.Ledger},
		{"her RSVPs", c.CollectionGroup("rsvps").Where("community", "==", cid).Where("member", "==", demo.MemberID), g.PastRSVPs},
		{"announcements", root.Collection("announcements").Query, g.Announcements},
		{"events", root.Collection("events").Query, g.Events},
		{"closed polls", root.Collection("polls").Where("status", "==", string(community.PollClosed)), g.Polls},
	} {
		n, err := count(k.q)
		if err != nil {
			return fmt.Errorf("count %s: %w", k.what, err)
		}
		if n < int64(k.min) {
			return fmt.Errorf("%s: %d stored, want at least %d", k.what, n, k.min)
		}
	}
	return nil
}
