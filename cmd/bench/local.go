package main

import (
	"context"
	"os"
	"time"

	"regulars/bench"
)

func localSection(ctx context.Context, r *bench.Results, large bench.Size) error {
	dir, err := os.MkdirTemp("", "regulars-bench-local-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	t0 := time.Now()
	path, err := bench.LocalLarge(ctx, dir, large)
	if err != nil {
		return err
	}
	seeded := time.Since(t0)
	d, err := bench.LocalHome(ctx, path, 21)
	if err != nil {
		return err
	}
	r.Set("local_home_ms", bench.Ms(d))
	if st, err := os.Stat(path); err == nil {
		r.Note("local: %d members, %d votes, %d posts through the store's methods in %s (%d MB file); home median of 21 opens",
			large.Members, large.Votes, large.Posts, seeded.Round(time.Millisecond), st.Size()>>20)
	}
	return nil
}

func crashSection(ctx context.Context, r *bench.Results, quick bool) error {
	dir, err := os.MkdirTemp("", "regulars-bench-crash-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	kills := 20
	if quick {
		kills = 5
	}
	run, err := bench.Crash(ctx, dir, kills)
	if err != nil {
		return err
	}
	r.Set("crash_runs", float64(run.Runs))
	r.Set("crash_corrupt", float64(run.Corrupt))
	r.Note("crash: %d SIGKILLs of a writing process, 10-200 ms into its writes; %d records after the last; %d kills left a broken store",
		run.Runs, run.Records, run.Corrupt)
	for _, p := range run.Problems {
		r.Note("crash: %s", p)
	}
	return nil
}
