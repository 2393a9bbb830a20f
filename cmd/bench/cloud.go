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
// whatever runs next on it.
func votesSection(ctx context.Context, r *bench.Results, _ *emulators.FirestoreEmulator, quick bool) error {
	voters, clients := 500, 25
	limit := 2 * time.Minute
	if quick {
		voters, clients, limit = 100, 10, time.Minute
	}
	fresh := func() (*emulators.FirestoreEmulator, error) {
		emu, err := emulators.Firestore(ctx)
		if err != nil {
			return nil, err
		}
		if err := bench.SeedVoters(ctx, emu, "bench-votes", voters); err != nil {
			emu.Stop()
			return nil, err
		}
		return emu, nil
	}
	var lost, doubled int
	for _, c := range []struct {
		key, poll string
		shards    int
		rules     bool
	}{{"votes_sharded_per_s", "poll-sharded", 0, true}, {"votes_single_doc_per_s", "poll-single", 1, true},
		{"votes_sharded_norules_per_s", "poll-sharded-norules", 0, false},
		{"votes_single_doc_norules_per_s", "poll-single-norules", 1, false}} {
		emu, err := fresh()
		if err != nil {
			return err
		}
		run, err := bench.Votes(ctx, emu, "bench-votes", c.poll, voters, clients, c.shards, c.rules, limit)
		emu.Stop()
		if err != nil {
			return fmt.Errorf("%s: %w", c.poll, err)
		}
		r.Set(c.key, float64(int(run.PerS*10))/10)
		lost += run.Lost
		doubled += run.Doubled + run.Mismatch
		shards := c.shards
		if shards == 0 {
			shards = 10
		}
		r.Note("%s (rules %t): %d voters over %d connections, %d tally shard(s): %d votes in %s (limit %s), %.1f votes/s, "+
			"%d retries, %d lost, %d over, %d under", c.poll, c.rules, voters, clients, shards, run.Done,
			run.Elapsed.Round(time.Millisecond), limit, run.PerS, run.Retries, run.Lost, run.Doubled, run.Mismatch)
	}
	emu, err := fresh()
	if err != nil {
		return err
	}
	run, err := bench.VotesReadModifyWrite(ctx, emu, "bench-votes", "poll-single-rmw-norules", voters, clients, 45*time.Second)
	emu.Stop()
	if err != nil {
		return fmt.Errorf("read-modify-write counter: %w", err)
	}
	r.Set("votes_single_doc_rmw_norules_per_s", float64(int(run.PerS*10))/10)
	lost += run.Lost
	doubled += run.Doubled + run.Mismatch
	r.Note("poll-single-rmw-norules (rules false): %d voters over %d connections, one counter read and written back in each "+
		"vote's transaction, 45 s at most: %d votes in %s, %.1f votes/s, %d retries, %d lost, %d over, %d under",
		voters, clients, run.Done, run.Elapsed.Round(time.Millisecond), run.PerS, run.Retries, run.Lost, run.Doubled, run.Mismatch)
	r.Set("votes_lost", float64(lost))
	r.Set("votes_doubled", float64(doubled))
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
		"p95 %s; slowest sample %s", len(run.Screen), bench.Percentile(run.Write, 50).Round(time.Millisecond),
		bench.Percentile(run.Write, 95).Round(time.Millisecond), bench.Percentile(run.Screen, 100).Round(time.Millisecond))
	return nil
}

// faultSection kills the emulator in the middle of bursts of writes. It runs
// on emulators of its own: each run stops the one it started on.
func faultSection(ctx context.Context, r *bench.Results, _ *emulators.FirestoreEmulator, quick bool) error {
	runs, members := 5, 24
	if quick {
		runs, members = 2, 10
	}
	emu, err := emulators.Firestore(ctx)
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
