package main

import (
	"context"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/internal/bench"
	"github.com/regulars-app/regulars/internal/emulators"
)

// votesSection runs each variant on an emulator of its own: a burst the
// emulator cannot finish leaves transactions behind that would slow
// whatever runs next on it. The sharded tally runs over 1, 5 and 25
// clients; the single-document tally over 25, for information (the
// emulator does not model the real service's limit of about one sustained
// write a second per document, which is what sharding is for).
func votesSection(ctx context.Context, r *bench.Results, _ *emulators.FirestoreEmulator, quick bool) error {
	// One client queues its own transactions on each shard (locks.go), so
	// it is slow on the emulator: each variant gets 90 s, and what is not
	// done by then is reported as unfinished, not lost.
	voters := 500
	limit := 90 * time.Second
	counts := []int{1, 5, 25}
	if quick {
		voters, limit, counts = 100, time.Minute, []int{1, 5}
	}
	fresh := func() (*emulators.FirestoreEmulator, error) {
		emu, err := emulators.Firestore(ctx, emulators.Heap(bench.EmulatorHeapMB))
		if err != nil {
			return nil, err
		}
		if err := bench.SeedVoters(ctx, emu, "bench-votes", voters); err != nil {
			emu.Stop()
			return nil, err
		}
		return emu, nil
	}
	type variant struct {
		key            string
		clients, shard int
	}
	var vs []variant
	for _, c := range counts {
		vs = append(vs, variant{fmt.Sprintf("votes_per_s_%d_clients", c), c, 0})
	}
	vs = append(vs, variant{"votes_single_doc_per_s", counts[len(counts)-1], 1})
	var lost, doubled, unfinished int
	for _, v := range vs {
		emu, err := fresh()
		if err != nil {
			return err
		}
		poll := fmt.Sprintf("poll-%d-%d", v.clients, v.shard)
		run, err := bench.Votes(ctx, emu, "bench-votes", poll, voters, v.clients, v.shard, true, limit)
		emu.Stop()
		if err != nil {
			return fmt.Errorf("%s: %w", v.key, err)
		}
		r.Set(v.key, float64(int(run.PerS*10))/10)
		lost += run.Lost
		unfinished += voters - run.Done
		doubled += run.Doubled + run.Mismatch
		shards := v.shard
		if shards == 0 {
			shards = 10
		}
		r.Note("%s: %d voters at once, each with their own ID token (rules apply), over %d separate clients (own gRPC "+
			"connections), %d tally shard(s): %d votes in %s (limit %s), %.1f votes/s, %d retries, %d lost, %d over, %d under",
			v.key, voters, v.clients, shards, run.Done, run.Elapsed.Round(time.Millisecond), limit, run.PerS, run.Retries,
			run.Lost, run.Doubled, run.Mismatch)
	}
	r.Set("votes_lost", float64(lost))
	r.Set("votes_doubled", float64(doubled))
	r.Set("votes_unfinished", float64(unfinished))
	return nil
}

// contentionSection races 200 RSVPs for 50 seats and one ledger operation
// submitted 10 times over 5 separate clients (bench.Contention).
func contentionSection(ctx context.Context, r *bench.Results, emu *emulators.FirestoreEmulator, quick bool) error {
	clients, rsvps, seats, ledger := 5, 200, 50, 10
	if quick {
		rsvps, seats = 40, 10
	}
	if err := bench.SeedVoters(ctx, emu, "bench-race", rsvps); err != nil {
		return err
	}
	run, err := bench.Contention(ctx, emu, "bench-race", clients, rsvps, seats, ledger)
	if err != nil {
		return err
	}
	inexact := 0
	if !run.Exact() {
		inexact = 1
	}
	r.Set("contention_clients", float64(run.Clients))
	r.Set("contention_inexact", float64(inexact))
	r.Set("contention_rsvps_per_s", float64(int(float64(run.RSVPs)/run.RSVPElapsed.Seconds()*10))/10)
	r.Note("contention: %d RSVPs for %d seats from %d separate clients (own gRPC connections, Service.RSVP, admin clients: "+
		"an earlier run with each member's token, rules on, had a call time out after 5 min of retries under a load "+
		"average near 23) in %s with %d retries: going %d, waiting %d, %d RSVP documents, %d holding a seat, %d distinct "+
		"places in line; one award (10 points, one idempotency key) submitted %d times over the clients in %s: applied %d "+
		"time(s), balance %d (want %d)", run.RSVPs, run.Seats, run.Clients, run.RSVPElapsed.Round(time.Millisecond),
		run.RSVPRetries, run.Going, run.Waiting, run.Stored, run.SeatsHeld, run.DistinctSeqs, run.LedgerTries,
		run.LedgerElapsed.Round(time.Millisecond), run.LedgerApplied, run.Balance, run.Expected)
	return nil
}

func syncSection(ctx context.Context, r *bench.Results, emu *emulators.FirestoreEmulator, quick bool) error {
	if err := bench.SeedVoters(ctx, emu, "bench-sync", 0); err != nil {
		return err
	}
	samples := 200
	if quick {
		samples = 20
	}
	run, err := bench.SyncScreen(ctx, emu, "bench-sync", samples, 100*time.Millisecond)
	if err != nil {
		return err
	}
	r.Set("sync_screen_p50_ms", bench.Ms(bench.Percentile(run.Screen, 50)))
	r.Set("sync_screen_p95_ms", bench.Ms(bench.Percentile(run.Screen, 95)))
	r.Note("sync: %d pinned announcements published by the owner (Service.Announce, her own client and token), 100 ms apart; "+
		"clock from the call to the member's home screen (Fyne test driver, another client, Watch dispatched as app.go does) "+
		"holding the title, the UI goroutine draining fyne.Do while the write is in flight; the owner's write alone p50 %s, "+
		"p95 %s; slowest sample %s; %d sample(s) not shown after 30 s, counted as 30 s", len(run.Screen), bench.Percentile(run.Write, 50).Round(time.Millisecond),
		bench.Percentile(run.Write, 95).Round(time.Millisecond), bench.Percentile(run.Screen, 100).Round(time.Millisecond), run.Late)
	return nil
}

// faultSection kills the emulator in the middle of bursts of writes. It runs
// on emulators of its own: each run stops the one it started on.
func faultSection(ctx context.Context, r *bench.Results, _ *emulators.FirestoreEmulator, quick bool) error {
	runs, members := 5, 24
	if quick {
		runs, members = 2, 10
	}
	emu, err := emulators.Firestore(ctx, emulators.Heap(bench.EmulatorHeapMB))
	if err != nil {
		return err
	}
	defer func() { emu.Stop() }()
	var lost, doubled, failedOps, done int
	for i := range runs {
		res, err := bench.Fault(ctx, &emu, i, members, 20*time.Second, int64(15+15*(i%4)))
		if err != nil {
			return fmt.Errorf("fault run %d: %w", i, err)
		}
		done++
		lost += res.Lost
		doubled += res.Doubled
		failedOps += res.FailedOps
		r.Note("fault run %d: %d members, kill after %s: %d of %d ops acknowledged before the cut, %d in all, %d failed, "+
			"%d retries, outage %s (%d documents carried over), %d lost, %d doubled",
			i, members, res.KillAfter.Round(time.Millisecond), res.AckedAtCut, res.Ops, res.Acked, res.FailedOps, res.Retries,
			res.Outage.Round(time.Millisecond), res.DumpedDocs, res.Lost, res.Doubled)
		for _, p := range res.Problems {
			r.Note("fault run %d: %s", i, p)
		}
	}
	r.Set("fault_runs", float64(done))
	r.Set("fault_lost", float64(lost))
	r.Set("fault_doubled", float64(doubled))
	r.Set("fault_failed_ops", float64(failedOps))
	return nil
}
