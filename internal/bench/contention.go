package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// ContentionRun is what several clients racing on the same documents left.
type ContentionRun struct {
	Clients           int
	RSVPs, Seats      int
	Going, Waiting    int // the event's counters afterwards
	Stored            int // RSVP documents
	SeatsHeld         int // RSVP documents holding a seat
	DistinctSeqs      int
	RSVPElapsed       time.Duration
	RSVPRetries       int64
	LedgerTries       int // the same ledger operation submitted this many times
	LedgerApplied     int // how many of them said they applied it
	Balance, Expected int64
	LedgerElapsed     time.Duration
}

// Exact reports whether the race left everything as one client alone would.
func (r ContentionRun) Exact() bool {
	return r.Going == r.Seats && r.Waiting == r.RSVPs-r.Seats && r.Stored == r.RSVPs && r.SeatsHeld == r.Seats &&
		r.DistinctSeqs == r.RSVPs && r.LedgerApplied == 1 && r.Balance == r.Expected
}

// Contention races on community cid (SeedVoters with at least rsvps
// members) over clients separate Store clients, each its own gRPC
// connection, so that no in-process queue (community/firestore/locks.go)
// orders them: only Firestore's transactions do. rsvps members answer one
// event of seats seats through community.Service.RSVP, spread over the
// clients; then the
// owner's award of 10 points with one idempotency key is submitted ledger
// times at once, over the clients. It reads back the event, its RSVPs and
// the member's balance. The clients are admins: on the emulator, rules
// evaluated inside 200 transactions on one document under contention cost
// minutes (a run with members' tokens timed out after 5 min a call); the
// rules are what the vote runs exercise, the transactions what this one does.
func Contention(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, clients, rsvps, seats, ledger int) (ContentionRun, error) {
	run := ContentionRun{Clients: clients, RSVPs: rsvps, Seats: seats, LedgerTries: ledger}
	admin, err := AdminStore(ctx, emu.Host, cid)
	if err != nil {
		return run, err
	}
	defer admin.Close()
	at := time.Now().Add(72 * time.Hour).Truncate(time.Hour)
	ev := "race-" + fmt.Sprint(time.Now().UnixNano())
	if err := admin.CreateEvent(ctx, community.Event{ID: ev, Title: "Latte art throwdown", Place: "Counter", StartsAt: at,
		EndsAt: at.Add(2 * time.Hour), TimeZone: "Europe/Madrid", Capacity: seats, CreatedBy: demo.OwnerID,
		UpdatedAt: time.Now()}); err != nil {
		return run, err
	}
	svcs := make([]*community.Service, clients)
	for i := range svcs {
		s, err := firestore.Dial(ctx, firestore.Config{ProjectID: Project, CommunityID: cid, Endpoint: emu.Host, Admin: true})
		if err != nil {
			return run, err
		}
		defer s.Close()
		svcs[i] = community.NewService(s)
	}
	var wg sync.WaitGroup
	var retries atomic.Int64
	errs := make(chan error, rsvps+ledger)
	start := make(chan struct{})
	for i := range rsvps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			uid := VoterID(i)
			a := community.Actor{ID: uid, Name: "Bench Member", Role: community.RoleMember}
			<-start
			n, err := Retry(withToken(ctx, uid), 5*time.Minute, func(ctx context.Context) error {
				_, err := svcs[i%clients].RSVP(ctx, a, ev)
				return err
			})
			retries.Add(int64(n))
			if err != nil {
				errs <- fmt.Errorf("rsvp of %s: %w", uid, err)
			}
		}()
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	run.RSVPElapsed = time.Since(t0)

	before, err := admin.Member(ctx, demo.MemberID)
	if err != nil {
		return run, err
	}
	owner := community.Actor{ID: demo.OwnerID, Name: "Owner", Role: community.RoleOwner}
	op := "race-" + fmt.Sprint(time.Now().UnixNano())
	var applied atomic.Int64
	start = make(chan struct{})
	for i := range ledger {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, err := Retry(withToken(ctx, demo.OwnerID), 2*time.Minute, func(ctx context.Context) error {
				_, ok, err := svcs[i%clients].AwardPoints(ctx, owner, demo.MemberID, 10, "visit", op)
				if err == nil && ok {
					applied.Add(1)
				}
				return err
			})
			if err != nil {
				errs <- fmt.Errorf("award %d: %w", i, err)
			}
		}()
	}
	t0 = time.Now()
	close(start)
	wg.Wait()
	run.LedgerElapsed = time.Since(t0)
	close(errs)
	if err, failed := <-errs; failed {
		return run, err
	}
	run.RSVPRetries, run.LedgerApplied = retries.Load(), int(applied.Load())

	e, err := admin.Event(ctx, ev)
	if err != nil {
		return run, err
	}
	rs, err := admin.RSVPs(ctx, ev)
	if err != nil {
		return run, err
	}
	run.Going, run.Waiting, run.Stored = e.Going, e.Waiting, len(rs)
	seqs := map[int64]bool{}
	for _, r := range rs {
		seqs[r.Seq] = true
		if r.Status.Holds() {
			run.SeatsHeld++
		}
	}
	run.DistinctSeqs = len(seqs)
	after, err := admin.Member(ctx, demo.MemberID)
	if err != nil {
		return run, err
	}
	run.Balance, run.Expected = after.Points, before.Points+10
	return run, nil
}
