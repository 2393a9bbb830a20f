package rulestest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
)

// The invariants of DESIGN.md the attacks aim at, as the summary names them.
const (
	invBalance   = "balance equals the ledger's sum, never below zero"
	invSeats     = "going <= capacity, counters equal the RSVPs, waiters promoted first in first out"
	invTally     = "tallies equal the votes"
	invWords     = "authorship and members' words unchanged"
	invFeedback  = "one NPS answer per member per month, dated now"
	invJoin      = "members join as themselves, now, with their own card code"
	invNotes     = "notices come from staff or the promotion they tell of"
	invThreads   = "thread counters follow their posts, sizes bounded"
	invReports   = "one report per verified member, dated now, decisions kept"
	invProposals = "proposals take a new option id"
	invListing   = "communities are not listed"
	invScheduled = "scheduled announcements unread before their time"
)

var invariantNames = []string{invBalance, invSeats, invTally, invWords, invFeedback, invJoin, invNotes, invThreads,
	invReports, invProposals, invScheduled, invListing, invCard}

// attackTally counts, per invariant, the attacks tried and those the rules
// refused; TestMain prints it.
var attackTally = struct {
	sync.Mutex
	tried, refused map[string]int
}{tried: map[string]int{}, refused: map[string]int{}}

func countAttack(inv string, refused bool) {
	attackTally.Lock()
	defer attackTally.Unlock()
	attackTally.tried[inv]++
	if refused {
		attackTally.refused[inv]++
	}
}

// attackSummary is the table TestMain prints after the tests.
func attackSummary() string {
	attackTally.Lock()
	defer attackTally.Unlock()
	if len(attackTally.tried) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("rules attacks, per invariant (tried / refused by the rules):\n")
	total, refused := 0, 0
	for _, inv := range invariantNames {
		n, r := attackTally.tried[inv], attackTally.refused[inv]
		total, refused = total+n, refused+r
		mark := ""
		if r < n {
			mark = "   <-- GOT THROUGH"
		}
		fmt.Fprintf(&b, "  %4d / %4d  %s%s\n", n, r, inv, mark)
	}
	fmt.Fprintf(&b, "  %4d / %4d  all\n", total, refused)
	return b.String()
}

// batch is one commit a hand-written client sends as an actor: any writes,
// paths relative to the community.
type batch struct {
	e *env
	a *actor
	b *firestore.WriteBatch
}

func (b *batch) ref(path string) *firestore.DocumentRef {
	return b.a.store.Client().Doc("communities/" + b.e.cid + "/" + path)
}
func (b *batch) set(path string, v map[string]any)   { b.b.Set(b.ref(path), v) }
func (b *batch) merge(path string, v map[string]any) { b.b.Set(b.ref(path), v, firestore.MergeAll) }
func (b *batch) create(path string, v map[string]any) {
	b.b.Create(b.ref(path), v)
}
func (b *batch) update(path string, kv ...any) {
	var ups []firestore.Update
	for i := 0; i+1 < len(kv); i += 2 {
		ups = append(ups, firestore.Update{Path: kv[i].(string), Value: kv[i+1]})
	}
	b.b.Update(b.ref(path), ups)
}

// attack sends the commit build makes as who, counts it against inv, fails
// the test unless the rules refuse it, and checks the invariants after.
func (e *env) attack(t *testing.T, inv, who, what string, build func(b *batch)) {
	t.Helper()
	ctx := testContext(t)
	a := e.actors[who]
	b := &batch{e: e, a: a, b: a.store.Client().Batch()} //nolint:staticcheck // an atomic commit of chosen writes is the point
	build(b)
	_, err := b.b.Commit(ctx)
	countAttack(inv, err != nil && denied(err))
	switch {
	case err == nil:
		t.Errorf("ATTACK GOT THROUGH: %s: %s", who, what)
	case !denied(err):
		t.Errorf("%s: %s failed with %v, want PermissionDenied", who, what, err)
	}
	e.invariants(t)
}

// doc reads a document as admin.
func (e *env) doc(t *testing.T, path string) map[string]any {
	t.Helper()
	snap, err := e.admin.Client().Doc("communities/" + e.cid + "/" + path).Get(testContext(t))
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return snap.Data()
}

func (e *env) all(t *testing.T, q firestore.Query) []*firestore.DocumentSnapshot {
	t.Helper()
	snaps, err := q.Documents(testContext(t)).GetAll()
	if err != nil {
		t.Fatalf("read as admin: %v", err)
	}
	return snaps
}

func num(v any) int64 {
	n, _ := v.(int64)
	return n
}

// invariants reads the whole community back as admin and checks every
// invariant of DESIGN.md the rules are meant to keep.
func (e *env) invariants(t *testing.T) {
	t.Helper()
	root := e.admin.Client().Collection("communities").Doc(e.cid)
	// Balances: equal to the ledger's sum, never below zero; lifetime points the gains.
	for _, m := range e.all(t, root.Collection("members").Query) {
		var sum, gains int64
		for _, l := range e.all(t, m.Ref.Collection("ledger").Query) {
			d := num(l.Data()["delta"])
			sum += d
			switch undo := l.Data()["reason"] == "undo"; {
			case !undo && d > 0, undo && d < 0: // an undo takes back the gains it reverses
				gains += d
			}
		}
		e.cardInvariant(t, m)
		d := m.Data()
		if p := num(d["points"]); p != sum || p < 0 || num(d["lifetimePoints"]) != gains {
			t.Errorf("INVARIANT: member %s has points %d, lifetime %d; ledger sums to %d, gains %d", m.Ref.ID, p,
				num(d["lifetimePoints"]), sum, gains)
		}
	}
	// Events: counters equal the RSVPs, the queue is the waiters by arrival,
	// no free seat while someone waits, no more going than capacity.
	for _, ev := range e.all(t, root.Collection("events").Query) {
		d := ev.Data()
		var going, checked int64
		type waiter struct {
			id  string
			seq int64
		}
		var waiters []waiter
		for _, r := range e.all(t, ev.Ref.Collection("rsvps").Query) {
			switch r.Data()["status"] {
			case "going":
				going++
			case "checkedIn":
				going++
				checked++
			case "waiting":
				waiters = append(waiters, waiter{r.Ref.ID, num(r.Data()["seq"])})
			}
		}
		sort.Slice(waiters, func(i, j int) bool { return waiters[i].seq < waiters[j].seq })
		var line []string
		for _, w := range waiters {
			line = append(line, w.id)
		}
		var queue []string
		if q, ok := d["queue"].([]any); ok {
			for _, m := range q {
				queue = append(queue, m.(string))
			}
		}
		capacity := num(d["capacity"])
		switch {
		case num(d["going"]) != going || num(d["checkedIn"]) != checked || num(d["waiting"]) != int64(len(waiters)):
			t.Errorf("INVARIANT: event %s counts going %v, checked in %v, waiting %v; its RSVPs say %d, %d, %d", ev.Ref.ID,
				d["going"], d["checkedIn"], d["waiting"], going, checked, len(waiters))
		case !slices.Equal(queue, line):
			t.Errorf("INVARIANT: event %s queue %v, waiters by arrival %v", ev.Ref.ID, queue, line)
		case capacity > 0 && going > capacity:
			t.Errorf("INVARIANT: event %s has %d going for %d seats", ev.Ref.ID, going, capacity)
		case len(waiters) > 0 && (capacity == 0 || going < capacity):
			t.Errorf("INVARIANT: event %s has a free seat (%d of %d) and %d waiting", ev.Ref.ID, going, capacity, len(waiters))
		}
	}
	// Polls: each option's tally is its votes; no shard below zero.
	for _, p := range e.all(t, root.Collection("polls").Query) {
		votes := map[string]int64{}
		for _, v := range e.all(t, p.Ref.Collection("votes").Query) {
			votes[v.Data()["option"].(string)]++
		}
		tally := map[string]int64{}
		for _, s := range e.all(t, p.Ref.Collection("shards").Query) {
			counts, _ := s.Data()["counts"].(map[string]any)
			for o, n := range counts {
				tally[o] += num(n)
				if num(n) < 0 {
					t.Errorf("INVARIANT: poll %s shard %s counts %d for %s", p.Ref.ID, s.Ref.ID, num(n), o)
				}
			}
		}
		for o := range tally {
			if tally[o] == 0 {
				delete(tally, o)
			}
		}
		if fmt.Sprint(tally) != fmt.Sprint(votes) {
			t.Errorf("INVARIANT: poll %s tally %v, votes %v", p.Ref.ID, tally, votes)
		}
	}
	// Feedback: one per member and month, the month it was given in.
	for _, f := range e.all(t, root.Collection("feedback").Query) {
		d := f.Data()
		at, _ := d["at"].(time.Time)
		if f.Ref.ID != fmt.Sprint(d["member"])+":"+at.UTC().Format("2006-01") {
			t.Errorf("INVARIANT: feedback %s from %v given at %s", f.Ref.ID, d["member"], at)
		}
	}
	// Threads: the counters follow the posts, one post per seq.
	for _, th := range e.all(t, root.Collection("threads").Query) {
		d := th.Data()
		seqs := map[int64]string{}
		var last int64
		for _, p := range e.all(t, th.Ref.Collection("posts").Query) {
			s := num(p.Data()["seq"])
			if other, dup := seqs[s]; dup {
				t.Errorf("INVARIANT: thread %s posts %s and %s share seq %d", th.Ref.ID, other, p.Ref.ID, s)
			}
			seqs[s] = p.Ref.ID
			last = max(last, s)
		}
		if num(d["posts"]) != int64(len(seqs)) || num(d["seq"]) != last {
			t.Errorf("INVARIANT: thread %s counts %v posts up to seq %v; it has %d up to %d", th.Ref.ID, d["posts"], d["seq"],
				len(seqs), last)
		}
	}
	// Words: what members wrote is still theirs, as they wrote it.
	for path, want := range e.words {
		d := e.doc(t, path)
		if got := fmt.Sprint(d["author"], "|", d["title"], "|", d["body"]); got != want {
			t.Errorf("INVARIANT: %s now reads %q, its author wrote %q", path, got, want)
		}
	}
}

// remember records what a member wrote, for the words invariant.
func (e *env) remember(t *testing.T, path string) {
	t.Helper()
	d := e.doc(t, path)
	e.words[path] = fmt.Sprint(d["author"], "|", d["title"], "|", d["body"])
}
