package main

import (
	"fmt"

	"github.com/regulars-app/regulars/internal/bench"
)

// check builds a target from the figures it needs.
func check(name string, keys []string, ok func(v []float64) bool, detail func(v []float64) string) bench.Target {
	return bench.Target{Name: name, Check: func(r *bench.Results) (bool, string, bool) {
		v := make([]float64, len(keys))
		for i, k := range keys {
			x, measured := r.Get(k)
			if !measured {
				return false, k + " not measured", false
			}
			v[i] = x
		}
		return ok(v), detail(v), true
	}}
}

// targets are the goals of docs/performance.md.
var targets = []bench.Target{
	check("home reads equal for both sizes and <= 8", []string{"home_reads_small", "home_reads_large"},
		func(v []float64) bool { return v[0] == v[1] && v[1] <= 8 },
		func(v []float64) string { return fmt.Sprintf("%g (100 members) / %g (10,000 members)", v[0], v[1]) }),
	check("sharded votes >= 5x single-document", []string{"votes_sharded_per_s", "votes_single_doc_per_s"},
		func(v []float64) bool { return v[1] > 0 && v[0] >= 5*v[1] },
		func(v []float64) string {
			return fmt.Sprintf("%.1f/s vs %.1f/s = %.2fx", v[0], v[1], v[0]/max(v[1], 1e-9))
		}),
	zero("votes: 0 lost, 0 doubled", "votes_lost", "votes_doubled"),
	zero("fault (emulator killed): 0 lost, 0 doubled", "fault_lost", "fault_doubled"),
	check("fault runs >= 5", []string{"fault_runs"}, func(v []float64) bool { return v[0] >= 5 },
		func(v []float64) string { return fmt.Sprintf("%g runs", v[0]) }),
	check("crash (SIGKILL) >= 20 runs, 0 corrupt", []string{"crash_runs", "crash_corrupt"},
		func(v []float64) bool { return v[0] >= 20 && v[1] == 0 },
		func(v []float64) string { return fmt.Sprintf("%g runs, %g corrupt", v[0], v[1]) }),
	check("sync p95 < 150 ms", []string{"sync_p95_ms", "sync_p50_ms"}, func(v []float64) bool { return v[0] < 150 },
		func(v []float64) string { return fmt.Sprintf("p50 %.1f ms, p95 %.1f ms", v[1], v[0]) }),
	check("10k thread first render < 100 ms", []string{"thread10k_render_ms"}, func(v []float64) bool { return v[0] < 100 },
		func(v []float64) string { return fmt.Sprintf("%.1f ms", v[0]) }),
	check("10k thread scroll to end < 100 ms", []string{"thread10k_scroll_end_ms"}, func(v []float64) bool { return v[0] < 100 },
		func(v []float64) string { return fmt.Sprintf("%.1f ms", v[0]) }),
	check("start within 1.2x fyne_demo", []string{"start_ms", "fyne_demo_start_ms"}, func(v []float64) bool { return v[0] <= 1.2*v[1] },
		func(v []float64) string {
			return fmt.Sprintf("%.0f ms vs %.0f ms = %.2fx", v[0], v[1], v[0]/max(v[1], 1e-9))
		}),
	check("RSS within 1.2x fyne_demo", []string{"rss_mb", "fyne_demo_rss_mb"}, func(v []float64) bool { return v[0] <= 1.2*v[1] },
		func(v []float64) string {
			return fmt.Sprintf("%.1f MB vs %.1f MB = %.2fx", v[0], v[1], v[0]/max(v[1], 1e-9))
		}),
}

func zero(name, lost, doubled string) bench.Target {
	return check(name, []string{lost, doubled}, func(v []float64) bool { return v[0] == 0 && v[1] == 0 },
		func(v []float64) string { return fmt.Sprintf("%g lost, %g doubled", v[0], v[1]) })
}
