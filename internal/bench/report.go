package bench

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// The README's table sits between these markers; Report replaces what is
// between them.
const (
	ReadmeBegin = "<!-- bench:begin (generated from internal/bench/results.json by `go run ./cmd/bench -docs`) -->"
	ReadmeEnd   = "<!-- bench:end -->"
)

// targetStatus is PASS, MISS or NOT RUN for a target on r.
func targetStatus(t Target, r *Results) (res, detail string) {
	ok, detail, measured := t.Check(r)
	switch {
	case !measured:
		return "NOT RUN", detail
	case ok:
		return "PASS", detail
	}
	return "MISS", detail
}

func metaString(meta map[string]any, keys ...string) string {
	var v any = meta
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// runLine says when, where and from what the figures were measured.
func runLine(meta map[string]any) string {
	head := metaString(meta, "machine", "git_head")
	if len(head) > 12 {
		head = head[:12]
	}
	s := fmt.Sprintf("Run %s from commit `%s` on %s (%s cores, %s, %s); load average at the start %s, at the end %s",
		metaString(meta, "ran_at"), head, metaString(meta, "machine", "cpu"), metaString(meta, "machine", "nproc"),
		metaString(meta, "machine", "kernel"), metaString(meta, "machine", "go"),
		metaString(meta, "machine", "loadavg_at_start"), metaString(meta, "loadavg_at_end"))
	if merged, ok := meta["merged"].([]any); ok {
		for _, m := range merged {
			s += fmt.Sprintf("; then %v", m)
		}
	}
	if metaString(meta, "quick") == "true" {
		s += "; QUICK RUN, sizes reduced: figures not comparable"
	}
	return s + "."
}

// ReadmeTable is the README's performance table: every target with its
// result, and the run it comes from.
func ReadmeTable(r *Results, meta map[string]any) string {
	var b strings.Builder
	b.WriteString(ReadmeBegin + "\n")
	fmt.Fprintf(&b, "%s\n\n| target | result | measured |\n|---|---|---|\n", runLine(meta))
	for _, t := range Targets {
		res, detail := targetStatus(t, r)
		fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Name, res, detail)
	}
	b.WriteString("\nEvery figure, how it is measured and why a target is missed: [docs/performance.md](docs/performance.md).\n")
	b.WriteString(ReadmeEnd)
	return b.String()
}

// SpliceReadme puts table in place of what readme holds between the
// markers.
func SpliceReadme(readme, table string) (string, error) {
	i := strings.Index(readme, ReadmeBegin)
	j := strings.Index(readme, ReadmeEnd)
	if i < 0 || j < i {
		return "", fmt.Errorf("README: no %q ... %q markers", ReadmeBegin, ReadmeEnd)
	}
	return readme[:i] + table + readme[j+len(ReadmeEnd):], nil
}

// PerformanceDoc is docs/performance.md: how to run the bench, the run's
// machine, every target, every figure with how it is measured, and the
// run's notes, all from the results file.
func PerformanceDoc(r *Results, meta map[string]any) string {
	var b strings.Builder
	b.WriteString(`# Performance and reliability

<!-- Generated from internal/bench/results.json by ` + "`go run ./cmd/bench -docs`" + ` (make bench does it after measuring).
     Do not edit: change internal/bench/figures.go or report.go, or measure again. -->

` + "`make bench`" + ` measures Regulars on the machine it runs on and writes ` + "`internal/bench/results.json`" + `,
then this page and the README's table from it. It runs ` + "`cmd/bench`" + ` (code in ` + "`internal/bench/`" + `) against
the official Cloud Firestore emulator (started and stopped through ` + "`internal/emulators`" + `), the embedded
store (` + "`community/local`" + `), the Fyne test driver and a virtual X display (Xvfb). A section that fails
leaves its figures out and makes the command exit 1; the others still run.

` + "```" + `
make bench                                        # everything, then this page and the README table
make bench BENCH_FLAGS="-only thread,start -out /tmp/r.json"   # some sections, elsewhere
go run ./cmd/bench -docs                          # this page and the README table from results.json again
` + "```" + `

Sections: ` + "`start thread local crash home sync votes contention day fault`" + `. The Firestore
emulator is not a performance model of the real service (rules evaluation dominates its
transactions; it has no per-document write limit): its latencies and rates are this machine's,
its billed counts are the real service's rules applied to the calls the app makes.

## The run

`)
	b.WriteString(runLine(meta) + "\n\n")
	if free := metaString(meta, "machine", "free_g"); free != "" {
		fmt.Fprintf(&b, "`free -g` at the start:\n\n```\n%s\n```\n\n", free)
	}
	b.WriteString("Timings carry whatever else the machine ran, which the load averages above give (a load near the " +
		"number of cores means the run had the machine to itself); the thread figures give CPU time beside wall " +
		"time for that reason, and every timing is a median or a percentile of several.\n\n")

	b.WriteString("## Targets\n\n| target | result | measured |\n|---|---|---|\n")
	var missed []Target
	for _, t := range Targets {
		res, detail := targetStatus(t, r)
		fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Name, res, detail)
		if res != "PASS" {
			missed = append(missed, t)
		}
	}
	if len(missed) > 0 {
		b.WriteString("\n### Why the misses miss (and what was not run)\n\n")
		for _, t := range missed {
			why := t.IfMissed
			if res, _ := targetStatus(t, r); res == "NOT RUN" {
				why = "not measured in the runs this file holds (see The run above and the notes)"
			} else if why == "" {
				why = "see the notes below"
			}
			fmt.Fprintf(&b, "- **%s**: %s.\n", t.Name, why)
		}
	}

	b.WriteString("\n## Figures\n\n| figure | value | how it is measured |\n|---|---:|---|\n")
	known := map[string]bool{}
	for _, f := range Figures {
		known[f.Key] = true
		v, ok := r.Get(f.Key)
		val := "not run"
		if ok {
			val = trim(v) + " " + f.Unit
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Key, val, f.How)
	}
	var unknown []string
	for _, k := range r.Keys() {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		v, _ := r.Get(k)
		fmt.Fprintf(&b, "| `%s` | %s | (not described in internal/bench/figures.go) |\n", k, trim(v))
	}

	b.WriteString("\n## Notes of the run\n\nWhat each section printed about how it measured, verbatim:\n\n")
	for _, n := range r.Notes() {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	return b.String()
}

// WriteDocs writes docs/performance.md and the README's table under root
// from the results file at path.
func WriteDocs(root, path string) error {
	r, meta, err := LoadResults(path)
	if err != nil {
		return err
	}
	readmePath := root + "/README.md"
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	out, err := SpliceReadme(string(readme), ReadmeTable(r, meta))
	if err != nil {
		return err
	}
	if err := os.WriteFile(readmePath, []byte(out), 0o644); err != nil {
		return err
	}
	return os.WriteFile(root+"/docs/performance.md", []byte(PerformanceDoc(r, meta)), 0o644)
}
