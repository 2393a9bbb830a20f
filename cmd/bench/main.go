// Command bench measures Regulars on this machine and writes internal/bench/results.json:
// home-screen reads and sync latency on the official Firestore emulator, vote
// throughput with a sharded and a single-document tally, the emulator killed
// in the middle of a burst of writes, the embedded store killed with SIGKILL,
// a 10,000-post thread in the Fyne test driver, and the app's cold start and
// memory next to fyne_demo's under Xvfb. `make bench` runs it; see
// docs/performance.md.
//
//	bench [-only home,sync,day,votes,contention,fault,local,crash,thread,start] [-quick] [-out internal/bench/results.json]
//	bench -docs   # docs/performance.md and the README table from the results file, measuring nothing
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/regulars-app/regulars/internal/bench"
)

const defaultOut = "internal/bench/results.json"

func main() {
	// The crash test runs this binary again as the writer it kills.
	if len(os.Args) > 2 && os.Args[1] == bench.CrashChildArg {
		if err := bench.CrashChild(os.Args[2], os.Args[3:]...); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(2)
		}
		return
	}
	// The thread figures come from fresh processes: this binary again.
	if len(os.Args) > 3 && os.Args[1] == bench.ThreadChildArg {
		if err := bench.ThreadChild(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, "thread child:", err)
			os.Exit(2)
		}
		return
	}
	only := flag.String("only", "", "comma-separated sections to run (default all): "+strings.Join(sections, ","))
	out := flag.String("out", defaultOut, "where to write the figures")
	quick := flag.Bool("quick", false, "small sizes, for trying the program out (figures not comparable)")
	docs := flag.Bool("docs", false, "measure nothing: write docs/performance.md and the README table from -out")
	fold := flag.String("fold", "", "measure nothing: fold the figures of this file (sections run again, with -out elsewhere) "+
		"into -out, which then says so, and write the docs")
	flag.Parse()
	if *fold != "" {
		if err := foldInto(*out, *fold); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		*docs = true
	}
	if *docs {
		if err := bench.WriteDocs(".", *out); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	run := sections
	if *only != "" {
		run = strings.Split(*only, ",")
		for _, s := range run {
			if !slices.Contains(sections, s) {
				fmt.Fprintf(os.Stderr, "bench: unknown section %q (have %s)\n", s, strings.Join(sections, ","))
				os.Exit(2)
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r := bench.NewResults()
	machine := bench.Machine() // before the run: the load it started under
	began := time.Now()
	failed := runAll(ctx, r, run, *quick)
	r.Set("bench_seconds", float64(int(time.Since(began).Seconds())))
	load, _ := os.ReadFile("/proc/loadavg")
	meta := map[string]any{"machine": machine, "ran_at": began.UTC().Format(time.RFC3339), "quick": *quick,
		"loadavg_at_end": strings.TrimSpace(string(load))}
	missed := r.PrintTable(os.Stdout, bench.Targets)
	if err := r.WriteJSON(*out, meta); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	// The docs follow the file they describe, when it is the repository's.
	if *out == defaultOut && len(failed) == 0 {
		if err := bench.WriteDocs(".", *out); err != nil {
			fmt.Fprintln(os.Stderr, "bench: docs:", err)
			os.Exit(1)
		}
		fmt.Println("wrote docs/performance.md and the README table")
	}
	fmt.Printf("\nwrote %s in %s; %d target(s) missed\n", *out, time.Since(began).Round(time.Second), missed)
	if len(failed) > 0 {
		fmt.Fprintf(os.Stderr, "bench: sections failed: %s\n", strings.Join(failed, ", "))
		os.Exit(1)
	}
}

// foldInto replaces the figures and notes of path with those of again (a
// run of some sections, written elsewhere) and records which and when.
func foldInto(path, again string) error {
	full, meta, err := bench.LoadResults(path)
	if err != nil {
		return err
	}
	r, againMeta, err := bench.LoadResults(again)
	if err != nil {
		return err
	}
	secs, _ := r.Get("bench_seconds")
	if v, ok := full.Get("bench_seconds"); ok {
		r.Set("bench_seconds", v)
	}
	var keys []string
	for _, k := range r.Keys() {
		if k != "bench_seconds" {
			keys = append(keys, k)
		}
	}
	r.Keep(full)
	m, _ := againMeta["machine"].(map[string]any)
	merged, _ := meta["merged"].([]any)
	meta["merged"] = append(merged, fmt.Sprintf("%s measured in a later run at %v, %.0f s (load average %v at the start, %v at the end; "+
		"commit %v)", strings.Join(keys, ", "), againMeta["ran_at"], secs, m["loadavg_at_start"], againMeta["loadavg_at_end"],
		m["git_head"]))
	return r.WriteJSON(path, meta)
}
