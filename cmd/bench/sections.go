package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/regulars-app/regulars/internal/bench"
	"github.com/regulars-app/regulars/internal/emulators"
)

var sections = []string{"home", "sync", "day", "votes", "contention", "fault", "local", "crash", "thread", "start"}

// runAll runs the sections in order and returns the names of those that failed.
// A failed section leaves its figures out; the others still run.
func runAll(ctx context.Context, r *bench.Results, run []string, quick bool) (failed []string) {
	want := map[string]bool{}
	for _, s := range run {
		want[s] = true
	}
	var emu *emulators.FirestoreEmulator
	needEmu := want["home"] || want["votes"] || want["sync"] || want["fault"] || want["day"] || want["contention"]
	if needEmu {
		t0 := time.Now()
		var err error
		emu, err = emulators.Firestore(ctx, emulators.Heap(bench.EmulatorHeapMB))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: cannot start the Firestore emulator:", err)
			return run
		}
		defer emu.Stop()
		fmt.Fprintf(os.Stderr, "firestore emulator at %s in %s\n", emu.Host, time.Since(t0).Round(time.Millisecond))
	}
	large := bench.Size{Members: 10_000, Votes: 100_000, Posts: 50_000}
	if quick {
		large = bench.Size{Members: 1_000, Votes: 2_000, Posts: 2_000}
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"home", func() error { return homeSection(ctx, r, emu, quick) }},
		{"votes", func() error { return votesSection(ctx, r, emu, quick) }},
		{"contention", func() error { return contentionSection(ctx, r, emu, quick) }},
		{"sync", func() error { return syncSection(ctx, r, emu, quick) }},
		{"day", func() error { return daySection(ctx, r, emu, quick) }},
		{"fault", func() error { return faultSection(ctx, r, emu, quick) }},
		{"local", func() error { return localSection(ctx, r, large) }},
		{"crash", func() error { return crashSection(ctx, r, quick) }},
		{"thread", func() error { return threadSection(ctx, r) }},
		{"start", func() error { return startSection(ctx, r) }},
	}
	for _, s := range steps {
		if !want[s.name] {
			continue
		}
		if ctx.Err() != nil {
			failed = append(failed, s.name)
			continue
		}
		fmt.Fprintf(os.Stderr, "== %s (%s)\n", s.name, time.Now().Format("15:04:05"))
		t0 := time.Now()
		if err := s.fn(); err != nil {
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n", s.name, err)
			failed = append(failed, s.name)
		}
		fmt.Fprintf(os.Stderr, "   %s took %s\n", s.name, time.Since(t0).Round(time.Millisecond))
	}
	return failed
}

func homeSection(ctx context.Context, r *bench.Results, emu *emulators.FirestoreEmulator, quick bool) error {
	if err := emu.Reset(ctx); err != nil {
		return err
	}
	if _, err := bench.SeedCommunity(ctx, emu, "bench-small", bench.Size{Members: 100}, bench.HomeGrowth{}); err != nil {
		return err
	}
	large, g := bench.Size{Members: 10_000}, bench.FullHomeGrowth
	if quick {
		large, g = bench.Size{Members: 1_000}, bench.HomeGrowth{Ledger: 1_000, PastRSVPs: 100, Announcements: 1_000, Events: 500, Polls: 100}
	}
	t0 := time.Now()
	n, err := bench.SeedCommunity(ctx, emu, "bench-large", large, g)
	if err != nil {
		return err
	}
	r.Note("home: large community %d members; for the demo member %d ledger entries of her own, %d past RSVPs (each to a past "+
		"event), %d announcements (a tenth scheduled ahead), %d events (a tenth ahead), %d closed polls: %d documents in "+
		"batches of 500 in %s, counted back by aggregation queries",
		large.Members, g.Ledger, g.PastRSVPs, g.Announcements, g.Events, g.Polls, n, time.Since(t0).Round(time.Millisecond))
	small, bySmall, err := bench.HomeReads(ctx, emu, "bench-small")
	if err != nil {
		return err
	}
	big, byLarge, err := bench.HomeReads(ctx, emu, "bench-large")
	if err != nil {
		return err
	}
	r.Set("home_billed_reads_small", float64(small))
	r.Set("home_billed_reads_large", float64(big))
	r.Note("home billed reads by RPC: small %v, large %v", bySmall, byLarge)
	return nil
}
