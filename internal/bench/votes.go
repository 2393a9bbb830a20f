package bench

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// VoteRun is the outcome of one burst of voters on one poll.
type VoteRun struct {
	Voters   int
	Done     int // votes acknowledged (all, except in the time-limited read-modify-write run)
	Elapsed  time.Duration
	PerS     float64
	Retries  int64
	Lost     int // acknowledged votes missing from the vote documents
	Doubled  int // tally above the vote documents (per option, summed)
	Mismatch int // tally below the vote documents (per option, summed)
}

// SeedVoters writes community cid (the demo café's settings, its owner) and n
// members b0000000.. with batched writes, for the vote and fault runs.
func SeedVoters(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, n int) error {
	s, err := AdminStore(ctx, emu.Host, cid)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SaveCommunity(ctx, demo.Community()); err != nil {
		return fmt.Errorf("seed %s: %w", cid, err)
	}
	for _, m := range demo.Members(time.Now())[:3] {
		if err := s.CreateMember(ctx, m); err != nil {
			return fmt.Errorf("seed %s: %w", cid, err)
		}
	}
	_, err = grow(ctx, s, cid, Size{Members: n + len(demo.Members(time.Now()))})
	return err
}

// VoterID is the i-th seeded member.
func VoterID(i int) string { return fmt.Sprintf("b%07d", i) }

// Votes runs voters concurrent members, each casting one vote on a new poll
// of community cid, over clients connections whose calls carry each voter's
// own ID token (rules apply), with shards tally documents. A vote refused for
// contention or unavailability is retried with the same vote (idempotent:
// the vote's document ID is the voter). Without rules the clients are admins
// (the emulator then evaluates no security rules). Afterwards it compares the tally with
// the vote documents.
func Votes(ctx context.Context, emu *emulators.FirestoreEmulator, cid, pollID string, voters, clients, shards int, rules bool, limit time.Duration) (VoteRun, error) {
	run := VoteRun{Voters: voters}
	admin, err := AdminStore(ctx, emu.Host, cid)
	if err != nil {
		return run, err
	}
	defer admin.Close()
	opts := []community.Option{{ID: "a", Text: "A", Status: community.IdeaOpen}, {ID: "b", Text: "B", Status: community.IdeaOpen},
		{ID: "c", Text: "C", Status: community.IdeaOpen}}
	if err := admin.CreatePoll(ctx, community.Poll{ID: pollID, Question: "Which bean next?", Lang: "en", Options: opts,
		Status: community.PollOpen, CreatedBy: demo.OwnerID, CreatedAt: time.Now()}); err != nil {
		return run, err
	}
	stores := make([]*firestore.Store, clients)
	for i := range stores {
		cfg := firestore.Config{ProjectID: Project, CommunityID: cid, Endpoint: emu.Host, Shards: shards, IDToken: tokenFromContext}
		if !rules {
			cfg.IDToken, cfg.Admin = nil, true
		}
		s, err := firestore.Dial(ctx, cfg)
		if err != nil {
			return run, err
		}
		defer s.Close()
		stores[i] = s
	}
	acked := make([]string, voters)
	var retries, done atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, voters)
	start := make(chan struct{})
	runCtx, stop := context.WithTimeout(ctx, limit)
	defer stop()
	for i := range voters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			uid := VoterID(i)
			v := community.Vote{PollID: pollID, MemberID: uid, OptionID: opts[i%len(opts)].ID}
			vctx := withToken(runCtx, uid)
			<-start
			n, err := Retry(vctx, limit, func(ctx context.Context) error {
				v.At = time.Now()
				return stores[i%clients].CastVote(ctx, v)
			})
			retries.Add(int64(n))
			if err != nil {
				if runCtx.Err() == nil {
					errs <- fmt.Errorf("vote of %s: %w", uid, err)
				}
				return
			}
			done.Add(1)
			acked[i] = v.OptionID
		}()
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	run.Elapsed = time.Since(t0)
	run.Done = int(done.Load())
	run.PerS = float64(run.Done) / run.Elapsed.Seconds()
	run.Retries = retries.Load()
	close(errs)
	var failures []error
	for err := range errs {
		failures = append(failures, err)
	}
	if len(failures) > 0 {
		return run, fmt.Errorf("%d of %d votes failed; first: %w", len(failures), voters, failures[0])
	}
	// Compare what voters were told with what is stored. Votes cut off by
	// the limit may still commit on the emulator after their callers gave
	// up: read the tally and the votes until two reads in a row agree, so
	// that a commit landing between the two reads is not taken for a
	// miscount.
	var stored map[string]string
	var prev string
	for attempt := 0; ; attempt++ {
		tally, err := admin.Tally(ctx, pollID)
		if err != nil {
			return run, err
		}
		stored = map[string]string{}
		run.Doubled, run.Mismatch = 0, 0
		for _, o := range opts {
			ids, err := admin.Voters(ctx, pollID, o.ID)
			if err != nil {
				return run, err
			}
			for _, id := range ids {
				stored[id] = o.ID
			}
			d := tally[o.ID] - len(ids)
			if d > 0 {
				run.Doubled += d
			} else {
				run.Mismatch -= d
			}
		}
		snap := fmt.Sprint(tally, len(stored))
		if snap == prev || attempt == 10 {
			break
		}
		prev = snap
		time.Sleep(2 * time.Second)
	}
	for i, opt := range acked {
		if opt != "" && stored[VoterID(i)] != opt {
			run.Lost++
		}
	}
	return run, nil
}

func tokenFromContext(ctx context.Context) (string, error) {
	if t, ok := ctx.Value(tokenKey{}).(string); ok {
		return t, nil
	}
	return "", errors.New("no member token in the call's context")
}

// Retry calls op until it succeeds, fails for a reason a retry cannot cure,
// or budget passes; each attempt gets its own deadline (a third of the
// budget, at most a minute: on the emulator a transaction may wait long for
// the locks its security rules' reads take). It returns the number
// of retries. Contention (ErrConflict) and an unreachable backend
// (ErrUnavailable, deadlines) are retried: the operations retried here are
// idempotent by key, so a retry of an attempt that did commit changes nothing.
func Retry(ctx context.Context, budget time.Duration, op func(context.Context) error) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	pause := 20 * time.Millisecond
	for n := 0; ; n++ {
		actx, acancel := context.WithTimeout(ctx, min(budget/3, time.Minute))
		err := op(actx)
		acancel()
		if err == nil {
			return n, nil
		}
		if !retryable(err) || ctx.Err() != nil {
			return n, err
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return n, err
		}
		pause = min(pause*2, time.Second)
	}
}

func retryable(err error) bool {
	return errors.Is(err, community.ErrConflict) || errors.Is(err, community.ErrUnavailable) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}
