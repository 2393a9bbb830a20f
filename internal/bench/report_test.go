package bench

import (
	"os"
	"strings"
	"testing"
)

// The README's table and docs/performance.md are the ones generated from
// the results file: nothing in them is copied by hand.
func TestReport_DocsAreGeneratedFromResults(t *testing.T) {
	r, meta, err := LoadResults("results.json")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := SpliceReadme(string(readme), ReadmeTable(r, meta))
	if err != nil {
		t.Fatal(err)
	}
	if string(readme) != want {
		t.Error("README.md's performance table is not the one generated from internal/bench/results.json: run `go run ./cmd/bench -docs`")
	}
	doc, err := os.ReadFile("../../docs/performance.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != PerformanceDoc(r, meta) {
		t.Error("docs/performance.md is not the one generated from internal/bench/results.json: run `go run ./cmd/bench -docs`")
	}
}

// Every figure in the results file is described, and was measured by the
// current code: old keys that measured something else are gone.
func TestReport_EveryFigureIsDescribed(t *testing.T) {
	r, _, err := LoadResults("results.json")
	if err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	for _, f := range Figures {
		if described[f.Key] {
			t.Errorf("%s described twice", f.Key)
		}
		described[f.Key] = true
		if f.How == "" || f.Unit == "" {
			t.Errorf("%s: no unit or no description", f.Key)
		}
	}
	for _, k := range r.Keys() {
		if !described[k] {
			t.Errorf("results.json has %s, which internal/bench/figures.go does not describe", k)
		}
	}
	for _, tg := range Targets {
		for _, k := range tg.Keys {
			if !described[k] {
				t.Errorf("target %q checks %s, which is not a described figure", tg.Name, k)
			}
		}
	}
}

func TestSpliceReadme(t *testing.T) {
	in := "intro\n" + ReadmeBegin + "\nold\n" + ReadmeEnd + "\nrest\n"
	got, err := SpliceReadme(in, ReadmeBegin+"\nnew\n"+ReadmeEnd)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "\nnew\n") || strings.Contains(got, "old") || !strings.HasSuffix(got, "\nrest\n") {
		t.Errorf("SpliceReadme = %q", got)
	}
	if _, err := SpliceReadme("no markers", "x"); err == nil {
		t.Error("SpliceReadme without markers: no error")
	}
}
