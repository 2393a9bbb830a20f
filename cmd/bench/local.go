package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/regulars-app/regulars/internal/bench"
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

func threadSection(ctx context.Context, r *bench.Results) error {
	dir, err := os.MkdirTemp("", "regulars-bench-thread-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	const runs = 5
	run, err := bench.Thread(ctx, dir, self, 10_000, runs)
	if err != nil {
		return err
	}
	r.Set("thread10k_cold_open_ms", bench.Ms(bench.Percentile(run.ColdOpen, 50)))
	r.Set("thread10k_scroll_end_ms", bench.Ms(bench.Percentile(run.ScrollEnd, 50)))
	r.Set("long_post_layout_ms", bench.Ms(bench.Percentile(run.LongPost, 50)))
	r.Note("thread: 10,000 posts of 20-3,000 characters (%d in all; Markdown, a tenth Arabic, a tenth Japanese; the newest "+
		"10,000), embedded store; %d fresh processes, each painting home first as the app does, then opening the thread "+
		"(Fyne test driver, 390x844, software painter; clock from the constructor to loads applied and the window painted): "+
		"first opens %v; scroll to the end %v; the thread opened again in the same process %v; one 10,000-character post "+
		"(English Markdown, Arabic and Japanese paragraphs) laid out and painted alone %v; medians reported; the processes' "+
		"CPU time (all threads) in the same spans, less of it other programs' doing: open %v, scroll %v, long post %v",
		run.Chars, runs, roundAll(run.ColdOpen), roundAll(run.ScrollEnd), roundAll(run.WarmOpen), roundAll(run.LongPost),
		roundAll(run.ColdOpenCPU), roundAll(run.ScrollEndCPU), roundAll(run.LongPostCPU))
	r.Set("thread10k_cold_open_cpu_ms", bench.Ms(bench.Percentile(run.ColdOpenCPU, 50)))
	r.Set("long_post_layout_cpu_ms", bench.Ms(bench.Percentile(run.LongPostCPU, 50)))
	return nil
}

// startSection builds the app and fyne_demo (the Fyne of go.mod, v2.7.1,
// from the module proxy's cache) and starts each five times, alternately, on
// a display whose framebuffer it reads (bench.StartIn).
func startSection(ctx context.Context, r *bench.Results) error {
	d, err := bench.StartDisplay(ctx)
	if err != nil {
		return err
	}
	defer d.Stop()
	dir, err := os.MkdirTemp("", "regulars-bench-bin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	app, demoBin := filepath.Join(dir, "regulars"), filepath.Join(dir, "fyne_demo")
	for _, b := range [][]string{{app, "."}, {demoBin, "fyne.io/fyne/v2/cmd/fyne_demo"}} {
		cmd := exec.CommandContext(ctx, "go", "build", "-o", b[0], b[1])
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", b[1], err)
		}
	}
	const runs = 5
	var appStart, demoStart, appWarm, appNewData, demoWarm []time.Duration
	var appRSS, demoRSS []float64
	var frames []int
	appArgs := []string{"-data", "$HOME/regulars.db", "-lang", "en"}
	for i := range runs {
		home, err := os.MkdirTemp(dir, "home-")
		if err != nil {
			return err
		}
		a, err := bench.StartIn(ctx, d, home, app, appArgs)
		if err != nil {
			return fmt.Errorf("app run %d: %w", i, err)
		}
		w, err := bench.StartIn(ctx, d, home, app, appArgs)
		if err != nil {
			return fmt.Errorf("app second run %d: %w", i, err)
		}
		// The data file gone, the user's caches kept: what a first start
		// costs the app itself (creating and seeding the demo community).
		if err := os.Remove(filepath.Join(home, "regulars.db")); err != nil {
			return err
		}
		n, err := bench.StartIn(ctx, d, home, app, appArgs)
		if err != nil {
			return fmt.Errorf("app run %d on new data: %w", i, err)
		}
		demoHome, err := os.MkdirTemp(dir, "demo-home-")
		if err != nil {
			return err
		}
		f, err := bench.StartIn(ctx, d, demoHome, demoBin, nil)
		if err != nil {
			return fmt.Errorf("fyne_demo run %d: %w", i, err)
		}
		fw, err := bench.StartIn(ctx, d, demoHome, demoBin, nil)
		if err != nil {
			return fmt.Errorf("fyne_demo second run %d: %w", i, err)
		}
		appStart, demoStart, appWarm = append(appStart, a.Content), append(demoStart, f.Content), append(appWarm, w.Content)
		appNewData, demoWarm = append(appNewData, n.Content), append(demoWarm, fw.Content)
		appRSS, demoRSS = append(appRSS, a.RSSMB), append(demoRSS, f.RSSMB)
		frames = append(frames, a.Frames, f.Frames)
	}
	r.Set("start_content_ms", bench.Ms(bench.Percentile(appStart, 50)))
	r.Set("start_content_warm_ms", bench.Ms(bench.Percentile(appWarm, 50)))
	r.Set("start_content_new_data_ms", bench.Ms(bench.Percentile(appNewData, 50)))
	r.Set("fyne_demo_start_ms", bench.Ms(bench.Percentile(demoStart, 50)))
	r.Set("fyne_demo_start_warm_ms", bench.Ms(bench.Percentile(demoWarm, 50)))
	r.Set("rss_mb", median(appRSS))
	r.Set("fyne_demo_rss_mb", median(demoRSS))
	r.Note("start: %d rounds on Xvfb %s (1280x1024), each: the app on a fresh HOME (it seeds its demo community into a "+
		"new file; the desktop's per-user caches, Fyne's system font index and Mesa's shader cache, are built), again there "+
		"(warm), again with the data file deleted (new data), then fyne_demo on a fresh HOME of its own and again there; "+
		"the display's framebuffer (Xvfb -fbdir) read from outside every few ms from exec; start = the first frame from "+
		"which on the screen shows what it settled on (unchanged 2 s): Regulars' home with the member's name and points, "+
		"fyne_demo's welcome page; RSS = VmRSS then; app %v, fyne_demo %v; warm: app %v, fyne_demo %v; app on new data %v; "+
		"distinct frames per first start %v",
		runs, d.Name, roundAll(appStart), roundAll(demoStart), roundAll(appWarm), roundAll(demoWarm), roundAll(appNewData), frames)
	return nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return float64(int(s[len(s)/2]*10)) / 10
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}
