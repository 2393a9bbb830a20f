package i18n

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// templated is every English message that takes template data: its ID, the
// fields it names, and whether it has plural forms.
type templated struct {
	id     string
	fields []string
	plural bool
}

var fieldRef = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// templatedMessages reads active.en.toml, the catalog, for the messages
// that take data.
func templatedMessages(tb testing.TB) []templated {
	tb.Helper()
	data, err := os.ReadFile("locales/active.en.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		tb.Fatal(err)
	}
	var out []templated
	for id, v := range raw {
		var texts []string
		plural := false
		switch m := v.(type) {
		case string:
			texts = []string{m}
		case map[string]any:
			for form, t := range m {
				if s, ok := t.(string); ok && form != "description" && form != "hash" {
					texts = append(texts, s)
					plural = plural || form == "one" || form == "few" || form == "many"
				}
			}
		}
		fields := map[string]bool{}
		for _, t := range texts {
			for _, m := range fieldRef.FindAllStringSubmatch(t, -1) {
				fields[m[1]] = true
			}
		}
		if len(fields) == 0 {
			continue
		}
		tm := templated{id: id, plural: plural}
		for f := range fields {
			tm.fields = append(tm.fields, f)
		}
		slices.Sort(tm.fields)
		out = append(out, tm)
	}
	slices.SortFunc(out, func(a, b templated) int { return strings.Compare(a.id, b.id) })
	if len(out) < 10 {
		tb.Fatalf("only %d templated messages in active.en.toml: the catalog was not read right", len(out))
	}
	return out
}

// userFields are the template fields that carry what people typed: names,
// titles, questions, places. Every translation must show them as given.
var userFields = map[string]bool{"Name": true, "Title": true, "Question": true, "Place": true, "Text": true,
	"Member": true, "Author": true, "Reward": true, "Event": true, "Community": true}

// FuzzLocalizer_MessagesWithUserText renders every templated message in
// every locale with user-supplied text in every field: it never panics,
// never comes out empty (unless the text is) or as invalid UTF-8, never evaluates the text as a
// template, and shows the text of a name or title field exactly as given.
func FuzzLocalizer_MessagesWithUserText(f *testing.F) {
	for _, s := range []string{"Ana", "José García", "أميرة حداد", "山田 太郎", "{{.Name}}", "{{template \"x\"}}", "<b>&amp;</b>",
		"%s %d %!", "\u202eevil", "a\u200db", "", " ", "💥🔥", strings.Repeat("long ", 60)} {
		f.Add(s, 1)
		f.Add(s, 0)
		f.Add(s, 1234567)
		f.Add(s, -3)
	}
	msgs := templatedMessages(f)
	var locs []*Localizer
	for _, l := range Locales() {
		locs = append(locs, New(l.Code))
	}
	pseudo := NewPseudo()
	f.Fuzz(func(t *testing.T, s string, count int) {
		if !utf8.ValidString(s) {
			// Text reaches messages only after validation (valid UTF-8, no
			// control characters); still, it must not panic.
			for _, m := range msgs {
				_ = locs[0].T(m.id, dataFor(m, s))
			}
			return
		}
		for _, l := range append(locs, pseudo) {
			for _, m := range msgs {
				data := dataFor(m, s)
				var got string
				if m.plural {
					got = l.N(m.id, count, data)
				} else {
					got = l.T(m.id, data)
				}
				if (strings.TrimSpace(got) == "" && strings.TrimSpace(s) != "") || got == m.id {
					t.Fatalf("%s %s with %q = %q", l.Code(), m.id, s, got)
				}
				if !utf8.ValidString(got) {
					t.Fatalf("%s %s with %q is invalid UTF-8: %q", l.Code(), m.id, s, got)
				}
				if strings.Contains(s, "{{") {
					continue // the text shows as typed, braces included; checked below
				}
				if l == pseudo {
					continue // the pseudo-locale rewrites letters on purpose
				}
				for _, field := range m.fields {
					if userFields[field] && !strings.Contains(got, s) {
						t.Fatalf("%s %s: the %s %q does not show as typed in %q", l.Code(), m.id, field, s, got)
					}
				}
			}
		}
		// Template actions in user text are shown, not run.
		if strings.Contains(s, "{{") {
			got := locs[0].T(msgs[0].id, dataFor(msgs[0], s))
			for _, field := range msgs[0].fields {
				if field != "Count" && !strings.Contains(got, s) {
					t.Fatalf("%s with %q = %q: the text was not shown as given", msgs[0].id, s, got)
				}
			}
		}
	})
}

// dataFor fills every field of m with s, except Count, which N sets.
func dataFor(m templated, s string) map[string]any {
	d := map[string]any{}
	for _, f := range m.fields {
		if f != "Count" {
			d[f] = s
		}
	}
	return d
}
