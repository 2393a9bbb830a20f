package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
)

// Results are the figures of one run, by the keys of internal/bench/results.json,
// with notes on how each was obtained.
type Results struct {
	mu     sync.Mutex
	values map[string]float64
	order  []string
	notes  []string
}

// NewResults returns empty results.
func NewResults() *Results { return &Results{values: map[string]float64{}} }

// Set records a figure.
func (r *Results) Set(key string, v float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.values[key]; !ok {
		r.order = append(r.order, key)
	}
	r.values[key] = v
}

// Get returns a figure and whether it was measured.
func (r *Results) Get(key string) (float64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.values[key]
	return v, ok
}

// Note adds a line explaining a figure (printed, and kept in the JSON file
// under "notes").
func (r *Results) Note(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	fmt.Fprintln(os.Stderr, "  note:", line)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes = append(r.notes, line)
}

// LoadResults reads a results file WriteJSON wrote: the figures, the notes
// and the rest (machine, ran_at, ...).
func LoadResults(path string) (*Results, map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	r, meta := NewResults(), map[string]any{}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch v := raw[k].(type) {
		case float64:
			r.Set(k, v)
		default:
			if k == "notes" {
				for _, n := range v.([]any) {
					r.notes = append(r.notes, fmt.Sprint(n))
				}
				continue
			}
			meta[k] = v
		}
	}
	return r, meta, nil
}

// Keys returns the measured figures' keys, sorted.
func (r *Results) Keys() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	keys := append([]string(nil), r.order...)
	sort.Strings(keys)
	return keys
}

// Notes returns the notes, in the order they were made.
func (r *Results) Notes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.notes...)
}

// WriteJSON writes the figures (numbers, keys sorted) and the notes to path.
func (r *Results) WriteJSON(path string, extra map[string]any) error {
	r.mu.Lock()
	out := map[string]any{}
	for k, v := range r.values {
		out[k] = v
	}
	out["notes"] = r.notes
	for k, v := range extra {
		out[k] = v
	}
	r.mu.Unlock()
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// PrintTable writes every figure, then PASS or MISS for each target.
func (r *Results) PrintTable(w io.Writer, targets []Target) (missed int) {
	r.mu.Lock()
	keys := append([]string(nil), r.order...)
	r.mu.Unlock()
	sort.Strings(keys)
	fmt.Fprintf(w, "\n| %-32s | %12s |\n|%s|%s|\n", "figure", "value", strings.Repeat("-", 34), strings.Repeat("-", 14))
	for _, k := range keys {
		v, _ := r.Get(k)
		fmt.Fprintf(w, "| %-32s | %12s |\n", k, trim(v))
	}
	fmt.Fprintf(w, "\n| %-44s | %-6s | %s\n", "target", "result", "measured")
	for _, t := range targets {
		ok, detail, measured := t.Check(r)
		res := "PASS"
		if !measured {
			res, ok = "NOT RUN", false
		} else if !ok {
			res = "MISS"
		}
		if !ok {
			missed++
		}
		fmt.Fprintf(w, "| %-44s | %-6s | %s\n", t.Name, res, detail)
	}
	return missed
}

func trim(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Keep adds the figures of old that r has not measured, and old's notes
// but those about the figures r measured again (a note's first word names
// what it is about: "votes_per_s_5_clients:", "thread:"). A section run
// again after a full run is merged into its file this way.
func (r *Results) Keep(old *Results) {
	fresh := map[string]bool{}
	for _, n := range r.Notes() {
		fresh[noteSubject(n)] = true
	}
	var kept []string
	for _, n := range old.Notes() {
		if !fresh[noteSubject(n)] {
			kept = append(kept, n)
		}
	}
	for _, k := range old.Keys() {
		if _, ok := r.Get(k); !ok {
			v, _ := old.Get(k)
			r.Set(k, v)
		}
	}
	r.mu.Lock()
	r.notes = append(kept, r.notes...)
	r.mu.Unlock()
}

func noteSubject(n string) string {
	f := strings.FieldsFunc(n, func(c rune) bool { return c == ':' || c == ' ' })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
