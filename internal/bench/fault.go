package bench

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// FaultRun is one burst of writes with the emulator killed in its middle.
type FaultRun struct {
	Ops, Acked   int // operations tried, acknowledged
	AckedAtCut   int // acknowledged before the cut
	Retries      int64
	Outage       time.Duration // cut → the new emulator serves the restored data
	Lost         int           // acknowledged writes missing, counters below their records
	Doubled      int           // counters above their records, seats above capacity
	Problems     []string      // what Lost and Doubled counted, for the log
	FailedOps    int           // operations that never succeeded within the retry budget
	DumpedDocs   int
	KillAfter    time.Duration
	EmulatorHost string // the emulator serving after the run
}

// member's acknowledged writes in a fault run.
type acks struct {
	vote     string // last acknowledged option
	maybe    string // an option voted for after it, not acknowledged: it may have committed
	rsvp     community.RSVPStatus
	award    bool
	checkin  bool
	awardKey string
}

// Fault runs one burst on a new community on *emu: members voting,
// changing their vote and answering an event (through the proxy, each with
// their own ID token), the owner awarding points and checking members in
// (through the proxy, as the owner), every operation retried with the same
// idempotency key until it succeeds. Once frac percent of the operations
// are acknowledged (or after killAfter) the proxy cuts every
// connection, the community is dumped from the old emulator, which is then
// stopped, and a new emulator is started, restored and put behind the
// proxy. *emu is the new emulator afterwards. Then it compares what was
// acknowledged with what is stored and checks the invariants of DESIGN.md.
func Fault(ctx context.Context, emu **emulators.FirestoreEmulator, run, members int, killAfter time.Duration, frac int64) (FaultRun, error) {
	res := FaultRun{KillAfter: killAfter}
	cid := fmt.Sprintf("bench-fault-%d", run)
	if err := SeedVoters(ctx, *emu, cid, members); err != nil {
		return res, err
	}
	admin, err := AdminStore(ctx, (*emu).Host, cid)
	if err != nil {
		return res, err
	}
	now := time.Now()
	const capacity, pollID, eventID = 8, "fault-poll", "fault-event"
	opts := []community.Option{{ID: "a", Text: "A", Status: community.IdeaOpen}, {ID: "b", Text: "B", Status: community.IdeaOpen}, {ID: "c", Text: "C", Status: community.IdeaOpen}}
	err = admin.CreatePoll(ctx, community.Poll{ID: pollID, Question: "Next roast?", Lang: "en", Options: opts, Status: community.PollOpen,
		CreatedBy: demo.OwnerID, CreatedAt: now})
	if err == nil {
		err = admin.CreateEvent(ctx, community.Event{ID: eventID, Title: "Cupping", Place: "Café", StartsAt: now.Add(time.Hour),
			EndsAt: now.Add(3 * time.Hour), Capacity: capacity, CreatedBy: demo.OwnerID})
	}
	admin.Close()
	if err != nil {
		return res, err
	}

	proxy, err := NewProxy((*emu).Host)
	if err != nil {
		return res, err
	}
	defer proxy.Close()
	memberStore, err := firestore.Dial(ctx, firestore.Config{ProjectID: Project, CommunityID: cid, Endpoint: proxy.Addr(), IDToken: tokenFromContext})
	if err != nil {
		return res, err
	}
	defer memberStore.Close()
	ownerStore, err := MemberStore(ctx, proxy.Addr(), cid, demo.OwnerID)
	if err != nil {
		return res, err
	}
	defer ownerStore.Close()
	msvc, osvc := community.NewService(memberStore), community.NewService(ownerStore)
	owner := community.Actor{ID: demo.OwnerID, Role: community.RoleOwner, Name: "Lucía"}

	got := make([]acks, members)
	var acked, tried, cutAcked, retries atomic.Int64
	var failed atomic.Int64
	var cut atomic.Bool
	var failMu sync.Mutex
	total := members * 5
	do := func(ctx context.Context, op func(context.Context) error) bool {
		tried.Add(1)
		n, err := Retry(ctx, 3*time.Minute, op)
		retries.Add(int64(n))
		if err != nil {
			failed.Add(1)
			failMu.Lock()
			res.Problems = append(res.Problems, "failed: "+err.Error())
			failMu.Unlock()
			return false
		}
		acked.Add(1)
		if !cut.Load() {
			cutAcked.Add(1)
		}
		return true
	}
	var wg sync.WaitGroup
	for i := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			uid := VoterID(i)
			me := community.Actor{ID: uid, Role: community.RoleMember, Name: "Bench Member"}
			mctx := withToken(ctx, uid)
			a := &got[i]
			first, second := opts[i%3].ID, opts[(i+1)%3].ID
			if do(mctx, func(ctx context.Context) error { return msvc.Vote(ctx, me, pollID, first) }) {
				a.vote = first
			}
			var r community.RSVP
			if do(mctx, func(ctx context.Context) error {
				var err error
				r, err = msvc.RSVP(ctx, me, eventID)
				return err
			}) {
				a.rsvp = r.Status
			}
			a.awardKey = fmt.Sprintf("fault%dm%d", run, i)
			if do(ctx, func(ctx context.Context) error {
				_, _, err := osvc.AwardPoints(ctx, owner, uid, 10, "", a.awardKey)
				return err
			}) {
				a.award = true
			}
			if do(mctx, func(ctx context.Context) error { return msvc.Vote(ctx, me, pollID, second) }) {
				a.vote = second
			} else {
				a.maybe = second
			}
			if a.rsvp == community.StatusGoing && do(ctx, func(ctx context.Context) error {
				_, err := osvc.CheckIn(ctx, owner, eventID, uid)
				return err
			}) {
				a.checkin = true
			}
		}()
	}

	// The kill, in the middle of the burst.
	burst := time.Now()
	killErr := make(chan error, 1)
	go func() {
		// Kill once a share of the burst is acknowledged (the first calls
		// are slow to start), or after killAfter at the latest... and never
		// before killAfter/4.
		time.Sleep(killAfter / 4)
		for deadline := time.Now().Add(killAfter); time.Now().Before(deadline) && acked.Load() < int64(total)*frac/100; {
			time.Sleep(20 * time.Millisecond)
		}
		res.KillAfter = time.Since(burst)
		cut.Store(true)
		t0 := time.Now()
		proxy.Cut()
		old := *emu
		client, err := AdminStore(ctx, old.Host, cid)
		if err != nil {
			killErr <- err
			return
		}
		docs, err := Dump(ctx, client.Client(), client.Client().Collection("communities").Doc(cid))
		client.Close()
		if err != nil {
			killErr <- err
			return
		}
		res.DumpedDocs = len(docs)
		old.Stop()
		fresh, err := emulators.Firestore(ctx, emulators.Heap(EmulatorHeapMB))
		if err != nil {
			killErr <- fmt.Errorf("restart the emulator: %w", err)
			return
		}
		*emu = fresh
		rc, err := AdminStore(ctx, fresh.Host, cid)
		if err != nil {
			killErr <- err
			return
		}
		err = Restore(ctx, rc.Client(), docs)
		rc.Close()
		if err != nil {
			killErr <- fmt.Errorf("restore %s: %w", cid, err)
			return
		}
		proxy.Restore(fresh.Host)
		res.Outage = time.Since(t0)
		killErr <- nil
	}()
	wg.Wait()
	if err := <-killErr; err != nil {
		return res, err
	}
	res.Ops, res.Acked, res.AckedAtCut = int(tried.Load()), int(acked.Load()), int(cutAcked.Load())
	res.Retries, res.FailedOps = retries.Load(), int(failed.Load())
	res.EmulatorHost = (*emu).Host

	check, err := AdminStore(ctx, (*emu).Host, cid)
	if err != nil {
		return res, err
	}
	defer check.Close()
	lost, doubled := func(f string, a ...any) {
		res.Lost++
		res.Problems = append(res.Problems, "lost: "+fmt.Sprintf(f, a...))
	},
		func(f string, a ...any) {
			res.Doubled++
			res.Problems = append(res.Problems, "doubled: "+fmt.Sprintf(f, a...))
		}
	for i, a := range got {
		uid := VoterID(i)
		if a.vote != "" {
			if v, err := check.VoteOf(ctx, pollID, uid); err != nil || (v.OptionID != a.vote && v.OptionID != a.maybe) {
				lost("%s's vote for %s (stored %q, %v)", uid, a.vote, v.OptionID, err)
			}
		}
		r, rerr := check.RSVPOf(ctx, eventID, uid)
		if a.rsvp != "" && (rerr != nil || r.Status == community.StatusCancelled) {
			lost("%s's RSVP (%v)", uid, rerr)
		}
		if a.checkin && r.Status != community.StatusCheckedIn {
			lost("%s's check-in (status %q)", uid, r.Status)
		}
		es, err := check.Ledger(ctx, uid, 0)
		if err != nil {
			return res, err
		}
		ids := map[string]bool{}
		var sum, lifetime int64
		for _, e := range es {
			if ids[e.ID] {
				doubled("%s's ledger entry %s twice", uid, e.ID)
			}
			ids[e.ID] = true
			sum, lifetime = sum+e.Delta, lifetime+max(e.Delta, 0)
		}
		if a.award && !ids["award:"+a.awardKey] {
			lost("%s's award %s", uid, a.awardKey)
		}
		if a.checkin && !ids["checkin:"+eventID+":"+uid] {
			lost("%s's check-in points", uid)
		}
		m, err := check.Member(ctx, uid)
		if err != nil {
			return res, err
		}
		switch {
		case m.Points > sum || m.LifetimePoints > lifetime:
			doubled("%s's balance %d/%d, ledger %d/%d", uid, m.Points, m.LifetimePoints, sum, lifetime)
		case m.Points < sum || m.LifetimePoints < lifetime:
			lost("%s's balance %d/%d, ledger %d/%d", uid, m.Points, m.LifetimePoints, sum, lifetime)
		}
	}
	// The event: counters equal the records, seats never above capacity,
	// the waitlist in order of arrival.
	e, err := check.Event(ctx, eventID)
	if err != nil {
		return res, err
	}
	rs, err := check.RSVPs(ctx, eventID)
	if err != nil {
		return res, err
	}
	var going, waiting, checked int
	var lastSeq int64
	for _, r := range rs {
		switch r.Status {
		case community.StatusGoing:
			going++
		case community.StatusCheckedIn:
			going, checked = going+1, checked+1
		case community.StatusWaiting:
			waiting++
			if r.Position != waiting || r.Seq < lastSeq {
				doubled("waitlist out of order at %s (position %d, want %d)", r.MemberID, r.Position, waiting)
			}
			lastSeq = r.Seq
		}
	}
	counter := func(name string, stored, records int) {
		if stored > records {
			doubled("event %s %d, %d records", name, stored, records)
		} else if stored < records {
			lost("event %s %d, %d records", name, stored, records)
		}
	}
	counter("going", e.Going, going)
	counter("waiting", e.Waiting, waiting)
	counter("checkedIn", e.CheckedIn, checked)
	if e.Going > e.Capacity {
		doubled("event going %d above capacity %d", e.Going, e.Capacity)
	}
	if e.Going < e.Capacity && e.Waiting > 0 {
		lost("%d waiting with %d of %d seats taken", e.Waiting, e.Going, e.Capacity)
	}
	// The poll: the tally equals the votes.
	tally, err := check.Tally(ctx, pollID)
	if err != nil {
		return res, err
	}
	for _, o := range opts {
		voters, err := check.Voters(ctx, pollID, o.ID)
		if err != nil {
			return res, err
		}
		if tally[o.ID] > len(voters) {
			doubled("tally of %s %d, %d votes", o.ID, tally[o.ID], len(voters))
		} else if tally[o.ID] < len(voters) {
			lost("tally of %s %d, %d votes", o.ID, tally[o.ID], len(voters))
		}
	}
	slices.Sort(res.Problems)
	return res, nil
}
