package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/regulars-app/regulars/internal/bench"
	"github.com/regulars-app/regulars/internal/emulators"
)

var sections = []string{"start", "thread", "local", "crash", "home", "sync", "votes", "contention", "day", "fault"}

// runAll runs the sections in order and returns the names of those that failed.
// A failed section leaves its figures out; the others still run. The timing
// sections that need no emulator run first, before the Firestore emulator
// (a JVM with a 4 GB heap, busy collecting long after a section's load) is
// started: on 2 cores it took hundreds of milliseconds from a start. For the
// same reason the emulator's latency figures (home, sync) are taken before
// its load sections (votes, contention, day, fault): after the votes, the
// sync's p95 was 274 ms, on a fresh emulator 123 ms.
func runAll(ctx context.Context, r *bench.Results, run []string, quick bool) (failed []string) {
	want := map[string]bool{}
	for _, s := range run {
		want[s] = true
	}
	var emu *emulators.FirestoreEmulator
	startEmulator := func() error {
		if emu != nil {
			return nil
		}
		t0 := time.Now()
		e, err := emulators.Firestore(ctx, emulators.Heap(bench.EmulatorHeapMB))
		if err != nil {
			return fmt.Errorf("cannot start the Firestore emulator: %w", err)
		}
		emu = e
		fmt.Fprintf(os.Stderr, "firestore emulator at %s in %s\n", emu.Host, time.Since(t0).Round(time.Millisecond))
		return nil
	}
	defer func() {
		if emu != nil {
			emu.Stop()
		}
	}()
	large := bench.Size{Members: 10_000, Votes: 100_000, Posts: 50_000}
	if quick {
		large = bench.Size{Members: 1_000, Votes: 2_000, Posts: 2_000}
	}
	// onEmulator runs fn once the emulator is up.
	onEmulator := func(fn func(*emulators.FirestoreEmulator) error) func() error {
		return func() error {
			if err := startEmulator(); err != nil {
				return err
			}
			return fn(emu)
		}
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"start", func() error { return startSection(ctx, r) }},
		{"thread", func() error { return threadSection(ctx, r) }},
		{"local", func() error { return localSection(ctx, r, large) }},
		{"crash", func() error { return crashSection(ctx, r, quick) }},
		{"home", onEmulator(func(e *emulators.FirestoreEmulator) error { return homeSection(ctx, r, e, quick) })},
		{"sync", onEmulator(func(e *emulators.FirestoreEmulator) error { return syncSection(ctx, r, e, quick) })},
		{"votes", onEmulator(func(e *emulators.FirestoreEmulator) error { return votesSection(ctx, r, e, quick) })},
		{"contention", onEmulator(func(e *emulators.FirestoreEmulator) error { return contentionSection(ctx, r, e, quick) })},
		{"day", onEmulator(func(e *emulators.FirestoreEmulator) error { return daySection(ctx, r, e, quick) })},
		{"fault", onEmulator(func(e *emulators.FirestoreEmulator) error { return faultSection(ctx, r, e, quick) })},
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
