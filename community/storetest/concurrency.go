package storetest

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

func testConcurrency(t *testing.T, newStore NewStore, opts Options) {
	t.Run("RSVP", func(t *testing.T) { raceRSVP(t, newStore, opts) })
	t.Run("Vote", func(t *testing.T) { raceVote(t, newStore, opts) })
	t.Run("Ledger", func(t *testing.T) { raceLedger(t, newStore, opts) })
	t.Run("Cancel", func(t *testing.T) { raceCancel(t, newStore, opts) })
	t.Run("AddPost", func(t *testing.T) { raceAddPost(t, newStore, opts) })
}

// raceRSVP: n members RSVP at once to an event of the capacity.
func raceRSVP(t *testing.T, newStore NewStore, opts Options) {
	n, capacity := opts.RSVPers, opts.Capacity
	f := setup(t, newStore, opts)
	f.event("ev", 24, capacity)
	ids := f.members(n)
	var going, waiting atomic.Int32
	f.ok(parallel(n, func(i int) error {
		r, err := f.s.RSVP(f.ctx, "ev", community.RSVP{EventID: "ev", MemberID: ids[i], Name: ids[i], At: t0.Add(time.Duration(i) * time.Second)})
		if r.Status == community.StatusGoing {
			going.Add(1)
		} else if r.Status == community.StatusWaiting {
			waiting.Add(1)
		}
		return err
	}), "rsvp at once")
	if int(going.Load()) != capacity || int(waiting.Load()) != n-capacity {
		t.Errorf("answers: %d going, %d waiting; want %d, %d", going.Load(), waiting.Load(), capacity, n-capacity)
	}
	f.counters("ev", capacity, n-capacity, 0)
	rs := f.order("ev", nil)
	if len(rs) != n {
		t.Fatalf("RSVPs lists %d, want %d", len(rs), n)
	}
	if capacity < n && rs[capacity-1].Seq >= rs[capacity].Seq {
		t.Errorf("a waiter (Seq %d) came before the last seat (Seq %d)", rs[capacity].Seq, rs[capacity-1].Seq)
	}
	if last := rs[n-1]; capacity < n && last.Position != n-capacity {
		t.Errorf("last waiter at position %d, want %d", last.Position, n-capacity)
	}
}

// raceVote: n members each vote twice at once, for a and for b.
func raceVote(t *testing.T, newStore NewStore, opts Options) {
	n := opts.Voters
	f := setup(t, newStore, opts)
	f.poll("q", 0)
	f.ok(parallel(2*n, func(i int) error {
		o := "a"
		if i%2 == 1 {
			o = "b"
		}
		return f.s.CastVote(f.ctx, community.Vote{PollID: "q", MemberID: fmt.Sprintf("v%03d", i/2), OptionID: o, At: at(1)})
	}), "vote at once")
	tally := f.tallyMatches("q", "a", "b")
	if votes, _ := f.s.CountVotes(f.ctx, "q"); votes != n || tally["a"]+tally["b"] != n {
		t.Errorf("%d votes, tally %v; want %d", votes, tally, n)
	}
	for i := range n {
		v, err := f.s.VoteOf(f.ctx, "q", fmt.Sprintf("v%03d", i))
		f.ok(err, "vote of %d", i)
		if v.OptionID != "a" && v.OptionID != "b" {
			t.Errorf("v%03d voted %q", i, v.OptionID)
		}
	}
}

// raceLedger: one entry applied n times at once applies once.
func raceLedger(t *testing.T, newStore NewStore, opts Options) {
	n := opts.LedgerRepeats
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")
	var applied atomic.Int32
	f.ok(parallel(n, func(int) error {
		_, ok, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "once", MemberID: "ana", Delta: 42, Reason: community.ReasonAward, At: t0})
		if ok {
			applied.Add(1)
		}
		return err
	}), "apply at once")
	m, err := f.s.Member(f.ctx, "ana")
	f.ok(err, "member")
	es, _ := f.s.Ledger(f.ctx, "ana", 0)
	if applied.Load() != 1 || m.Points != 42 || m.LifetimePoints != 42 || len(es) != 1 {
		t.Errorf("applied %d times, points %d/%d, %d entries; want once, 42/42, 1", applied.Load(), m.Points, m.LifetimePoints, len(es))
	}
}

// raceCancel: n seat holders of a full event with n+10 waiters cancel at once;
// each cancellation promotes exactly one waiter, first in first out.
func raceCancel(t *testing.T, newStore NewStore, opts Options) {
	n := opts.Cancellers
	f := setup(t, newStore, opts)
	f.event("ev", 24, n)
	ids := f.members(2*n + 10)
	f.ok(parallel(len(ids), func(i int) error {
		_, err := f.s.RSVP(f.ctx, "ev", community.RSVP{EventID: "ev", MemberID: ids[i], At: t0})
		return err
	}), "fill the event")
	before := f.order("ev", nil)
	var seats, firstWaiters []string
	for _, r := range before {
		if r.Status == community.StatusGoing {
			seats = append(seats, r.MemberID)
		} else if len(firstWaiters) < n {
			firstWaiters = append(firstWaiters, r.MemberID)
		}
	}
	stop := make(chan struct{})
	var watch sync.WaitGroup
	watch.Add(1)
	go func() { // Going never exceeds capacity, as seen from outside
		defer watch.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if e, err := f.s.Event(f.ctx, "ev"); err == nil && e.Going > e.Capacity {
				t.Errorf("going %d > capacity %d during cancellations", e.Going, e.Capacity)
				return
			}
		}
	}()
	promoted := make([]string, n)
	err := parallel(n, func(i int) error {
		p, err := f.s.CancelRSVP(f.ctx, "ev", seats[i], at(1))
		if err == nil && p == nil {
			return fmt.Errorf("cancel by %s promoted nobody", seats[i])
		}
		if p != nil {
			promoted[i] = p.MemberID
		}
		return err
	})
	close(stop)
	watch.Wait()
	f.ok(err, "cancel at once")
	if got, want := sorted(promoted), sorted(firstWaiters); !equal(got, want) {
		t.Errorf("promoted %v, want the first %d waiters %v", got, n, want)
	}
	f.counters("ev", n, 10, 0)
	f.order("ev", nil)
}

// raceAddPost: n replies at once get Seq 2..n+1, no gaps, no duplicates.
func raceAddPost(t *testing.T, newStore NewStore, opts Options) {
	n := opts.Posters
	f := setup(t, newStore, opts)
	f.thread("th", "a", 0, false)
	seqs := make([]int, n)
	f.ok(parallel(n, func(i int) error {
		p, err := f.s.AddPost(f.ctx, community.Post{ID: fmt.Sprintf("r%03d", i), ThreadID: "th", AuthorID: "bob", Body: "reply", At: at(1)})
		seqs[i] = int(p.Seq)
		return err
	}), "post at once")
	sort.Ints(seqs)
	for i, s := range seqs {
		if s != i+2 {
			t.Fatalf("Seqs handed out = %v, want 2..%d", seqs, n+1)
		}
	}
	th, err := f.s.Thread(f.ctx, "th")
	f.ok(err, "thread")
	ps, err := f.s.Posts(f.ctx, "th", 1, n+10)
	f.ok(err, "posts")
	if th.Posts != n+1 || len(ps) != n+1 {
		t.Errorf("thread counts %d posts, Posts lists %d; want %d", th.Posts, len(ps), n+1)
	}
	for i, p := range ps {
		if p.Seq != int64(i+1) {
			t.Fatalf("post %d has Seq %d", i, p.Seq)
		}
	}
}

// testInvariants runs random awards, redemptions (some refused), repeats and
// check-ins at once, then checks every balance against its ledger.
func testInvariants(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	const members, workers = 5, 10
	for i := range members {
		f.member(fmt.Sprintf("m%d", i), "Member")
	}
	for i := range 3 {
		f.event(fmt.Sprintf("e%d", i), 24, 2)
	}
	var mu sync.Mutex
	applied := map[string]int{} // entries applied, by member
	f.ok(parallel(workers, func(w int) error {
		rng := rand.New(rand.NewPCG(uint64(w), 7))
		var mine []community.LedgerEntry
		for op := range opts.MixedOps / workers {
			m := fmt.Sprintf("m%d", rng.IntN(members))
			e := community.LedgerEntry{ID: fmt.Sprintf("w%d-%d", w, op), MemberID: m, Reason: community.ReasonAward, At: at(op)}
			var ok bool
			var err error
			switch k := rng.IntN(10); {
			case k < 5:
				e.Delta = 1 + rng.Int64N(100)
			case k < 8:
				e.Delta, e.Reason = -1-rng.Int64N(150), community.ReasonRedeem
			case k < 9 && len(mine) > 0:
				e = mine[rng.IntN(len(mine))]
			default:
				ev := fmt.Sprintf("e%d", rng.IntN(3))
				e = community.LedgerEntry{ID: "checkin-" + ev + "-" + m, MemberID: m, Delta: 25, Reason: community.ReasonCheckIn, Ref: ev, At: at(op)}
				_, ok, err = f.s.CheckIn(f.ctx, ev, community.RSVP{EventID: ev, MemberID: m, At: at(op)}, e)
				if err == nil && ok {
					mu.Lock()
					applied[m]++
					mu.Unlock()
				}
				continue
			}
			_, ok, err = f.s.ApplyLedger(f.ctx, e)
			if community.IsReason(err, community.ReasonInsufficient) {
				continue
			}
			if err != nil {
				return err
			}
			mine = append(mine, e)
			if ok {
				mu.Lock()
				applied[e.MemberID]++
				mu.Unlock()
			}
		}
		return nil
	}), "mixed operations")
	for i := range members {
		id := fmt.Sprintf("m%d", i)
		m, err := f.s.Member(f.ctx, id)
		f.ok(err, "member")
		es, err := f.s.Ledger(f.ctx, id, 0)
		f.ok(err, "ledger")
		var sum, lifetime int64
		for _, e := range es {
			sum += e.Delta
			lifetime += e.LifetimeDelta()
		}
		if m.Points != sum || m.LifetimePoints != lifetime || m.Points < 0 || len(es) != applied[id] {
			t.Errorf("%s: points %d/%d, ledger sums %d/%d over %d entries (%d applied)",
				id, m.Points, m.LifetimePoints, sum, lifetime, len(es), applied[id])
		}
	}
	for i := range 3 {
		id := fmt.Sprintf("e%d", i)
		e := f.getEvent(id)
		f.counters(id, e.Going, e.Waiting, e.CheckedIn)
	}
}
