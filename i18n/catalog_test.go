package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// cldrForms lists the cardinal plural categories each language has in CLDR's
// plurals.xml as of 2025, the data go-i18n v2.7 ships (fr, es, it and pt have
// "many" for round millions; vi has "one" for 0 and 1).
// TestCatalog_PluralRules checks this table against the rules go-i18n applies
// at run time, so a library update that changes them is noticed.
var cldrForms = map[string][]string{
	"en": {"one", "other"}, "de": {"one", "other"}, "tr": {"one", "other"}, "hi": {"one", "other"},
	"es": {"one", "many", "other"}, "fr": {"one", "many", "other"},
	"it": {"one", "many", "other"}, "pt-BR": {"one", "many", "other"},
	"ar": {"zero", "one", "two", "few", "many", "other"},
	"vi": {"one", "other"}, // CLDR 47+: "i = 0 or n = 1", like hi; Vietnamese words do not change
	"ja": {"other"}, "ko": {"other"}, "zh-Hans": {"other"},
	"fa": {"one", "other"},                // "i = 0 or n = 1"; the noun stays singular after a number
	"he": {"one", "two", "other"},         // CLDR 42+: "many" (20, 30, …) merged into "other"
	"ur": {"one", "other"},                // "i = 1 and v = 0"
	"ru": {"one", "few", "many", "other"}, // other: fractions ("1,5 балла")
	"pl": {"one", "few", "many", "other"}, // other: fractions ("1,5 punktu")
	"uk": {"one", "few", "many", "other"}, // other: fractions ("1,5 бала")
	"id": {"other"},
}

var formNames = []string{"zero", "one", "two", "few", "many", "other"}

// forms returns a message's non-empty plural forms by CLDR category.
func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for i, v := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if v != "" {
			out[formNames[i]] = v
		}
	}
	return out
}

// isPlural reports whether a message varies with a count: more than one form
// or a .Count field.
func isPlural(m *i18n.Message) bool {
	f := forms(m)
	return len(f) > 1 || strings.Contains(f["other"], ".Count")
}

// usedForms returns the plural forms go-i18n's CLDR rules select for tag,
// found by rendering a probe message (each form's text is its own name) for
// integers, round millions and decimals.
func usedForms(tag language.Tag) []string {
	if f, ok := usedFormsCache.Load(tag); ok {
		return f.([]string)
	}
	f := probeForms(tag)
	usedFormsCache.Store(tag, f)
	return f
}

// usedFormsCache keeps probeForms' answers: the catalog tests ask for
// each of the 20 locales many times.
var usedFormsCache sync.Map

func probeForms(tag language.Tag) []string {
	b := i18n.NewBundle(tag)
	b.MustAddMessages(tag, &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"})
	loc := i18n.NewLocalizer(b, tag.String())
	var counts []any
	for n := range 1101 {
		counts = append(counts, n)
	}
	counts = append(counts, 10_000, 100_000, 1_000_000, 2_000_000, 1_000_000_000, "0.5", "1.0", "1.5", "2.5", "3.5", "11.5", "100.5")
	seen := map[string]bool{}
	for _, c := range counts {
		s, _ := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: c})
		seen[s] = true
	}
	var out []string
	for _, f := range formNames {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// readCatalogs parses every active.*.toml in fsys, by locale code.
func readCatalogs(fsys fs.FS) (map[string]*i18n.MessageFile, error) {
	paths, err := fs.Glob(fsys, "locales/active.*.toml")
	if err != nil {
		return nil, err
	}
	out := map[string]*i18n.MessageFile{}
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		mf, err := parseCatalog(data, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out[strings.TrimSuffix(strings.TrimPrefix(p, "locales/active."), ".toml")] = mf
	}
	return out, nil
}

var fieldRE = regexp.MustCompile(`\{\{[^}]*?\.(\w+)`)

func fields(s string) map[string]bool {
	out := map[string]bool{}
	for _, m := range fieldRE.FindAllStringSubmatch(s, -1) {
		out[m[1]] = true
	}
	return out
}

// catalogProblems lists every way the catalogs in fsys fall short: a locale
// without a file or a file without a locale, a message ID missing from a
// translation or unknown to English, a plural form the language needs but
// lacks or has but never uses, a template field English does not pass, an
// ASCII digit in a language with its own digits, and a word the glossary
// (given as the text of glossary.toml) does not allow.
func catalogProblems(fsys fs.FS, glossary []byte) []string {
	cats, err := readCatalogs(fsys)
	if err != nil {
		return []string{err.Error()}
	}
	var probs []string
	en, ok := cats["en"]
	if !ok {
		return []string{"no active.en.toml"}
	}
	source := map[string]*i18n.Message{}
	for _, m := range en.Messages {
		source[m.ID] = m
	}
	for _, loc := range registry {
		if _, ok := cats[loc.Code]; !ok {
			probs = append(probs, fmt.Sprintf("%s: no locales/active.%s.toml", loc.Code, loc.Code))
		}
	}
	for _, code := range slices.Sorted(maps.Keys(cats)) {
		loc, ok := Lookup(code)
		if !ok || loc.Code != code {
			probs = append(probs, fmt.Sprintf("active.%s.toml: %q is not a registered locale code", code, code))
			continue
		}
		need := usedForms(loc.Tag)
		got := map[string]*i18n.Message{}
		for _, m := range cats[code].Messages {
			got[m.ID] = m
		}
		for _, id := range slices.Sorted(maps.Keys(source)) {
			m, ok := got[id]
			if !ok {
				probs = append(probs, fmt.Sprintf("%s: missing message %s", code, id))
				continue
			}
			f := forms(m)
			if isPlural(source[id]) {
				for _, form := range need {
					if f[form] == "" {
						probs = append(probs, fmt.Sprintf("%s: %s lacks plural form %q", code, id, form))
					}
				}
				for form := range f {
					if !slices.Contains(need, form) {
						probs = append(probs, fmt.Sprintf("%s: %s has plural form %q that %s never uses", code, id, form, code))
					}
				}
			} else if len(f) != 1 || f["other"] == "" {
				probs = append(probs, fmt.Sprintf("%s: %s must be a single message (other) like English", code, id))
			}
			allowed := map[string]bool{}
			for _, v := range forms(source[id]) {
				maps.Copy(allowed, fields(v))
			}
			for _, v := range f {
				for name := range fields(v) {
					if !allowed[name] {
						probs = append(probs, fmt.Sprintf("%s: %s uses .%s, which English does not pass", code, id, name))
					}
				}
			}
		}
		for id := range got {
			if source[id] == nil {
				probs = append(probs, fmt.Sprintf("%s: %s is not in active.en.toml", code, id))
			}
		}
	}
	probs = append(probs, digitProblems(cats)...)
	probs = append(probs, glossaryProblems(cats, glossary)...)
	slices.Sort(probs)
	return probs
}

func TestCatalog_Complete(t *testing.T) {
	glossary, err := readGlossaryFile()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range catalogProblems(localeFiles, glossary) {
		t.Error(p)
	}
}

func TestCatalog_PluralRules(t *testing.T) {
	for _, loc := range registry {
		t.Run(loc.Code, func(t *testing.T) {
			if got, want := usedForms(loc.Tag), cldrForms[loc.Code]; !slices.Equal(got, want) {
				t.Errorf("go-i18n plural forms for %s = %v, CLDR table says %v", loc.Code, got, want)
			}
		})
	}
}

// TestCatalog_Problems proves catalogProblems (and so TestCatalog_Complete)
// fails when a key or a plural form is removed, or junk is added.
func TestCatalog_Problems(t *testing.T) {
	tests := []struct {
		name string
		file string
		edit func(string) string
		want string
	}{
		{"missing key", "es", func(s string) string { return strings.Replace(s, "TabPolls = \"Encuestas\"\n", "", 1) },
			"es: missing message TabPolls"},
		{"missing few form", "ar", func(s string) string { return strings.Replace(s, "few = \"{{.Count}} نقاط\"\n", "", 1) },
			`ar: Points lacks plural form "few"`},
		{"missing many form", "fr", func(s string) string { return strings.Replace(s, "many = \"{{.Count}} de points\"\n", "", 1) },
			`fr: Points lacks plural form "many"`},
		{"unused form", "ja", func(s string) string { return strings.Replace(s, "[Points]\n", "[Points]\none = \"x\"\n", 1) },
			`ja: Points has plural form "one" that ja never uses`},
		{"stale key", "de", func(s string) string { return "Gone = \"weg\"\n" + s }, "de: Gone is not in active.en.toml"},
		{"unknown field", "it", func(s string) string { return strings.Replace(s, "TabMe = \"Io\"", "TabMe = \"{{.Name}}\"", 1) },
			"it: TabMe uses .Name, which English does not pass"},
		{"missing file", "vi", nil, "vi: no locales/active.vi.toml"},
		{"glossary rival", "zh-Hans", func(s string) string { return strings.Replace(s, `TierBronze = "铜卡"`, `TierBronze = "青铜"`, 1) },
			`zh-Hans: TierBronze (other) uses "青铜", which the glossary avoids for tier (say "等级")`},
		{"glossary word missing", "tr", func(s string) string {
			return strings.Replace(s, "[OwnerEventsCheckIn]\nother = \"Check-in\"", "[OwnerEventsCheckIn]\nother = \"Giriş\"", 1)
		},
			`tr: OwnerEventsCheckIn (other) does not use the glossary word "check-in" for checkin: "Giriş"`},
		{"ASCII digits", "ar", func(s string) string { return strings.Replace(s, "(٦ أحرف", "(6 أحرف", 1) },
			`ar: ReasonWeakPassword (other) has ASCII digits "6"; pass the number as a placeholder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, loc := range registry {
				p := "locales/active." + loc.Code + ".toml"
				data, err := localeFiles.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if loc.Code == tt.file {
					if tt.edit == nil {
						continue
					}
					data = []byte(tt.edit(string(data)))
				}
				fsys[p] = &fstest.MapFile{Data: data}
			}
			glossary, err := readGlossaryFile()
			if err != nil {
				t.Fatal(err)
			}
			if probs := catalogProblems(fsys, glossary); !slices.Contains(probs, tt.want) {
				t.Errorf("problems = %q, want to include %q", probs, tt.want)
			}
		})
	}
}

// sampleData returns template data with every field the English message
// uses, each set to its own name, and Count set to n.
func sampleData(m *i18n.Message, n int) map[string]any {
	data := map[string]any{}
	for _, v := range forms(m) {
		for name := range fields(v) {
			data[name] = name
		}
	}
	data["Count"] = n
	return data
}

// TestCatalog_Renders renders every message in every locale with counts that
// reach every plural form, so a broken template or a form go-i18n cannot
// find fails here, not on a member's screen. Missing translations are
// TestCatalog_Complete's to report.
func TestCatalog_Renders(t *testing.T) {
	cats, err := readCatalogs(localeFiles)
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range registry {
		msgs := i18n.NewLocalizer(bundle, loc.Tag.String())
		for _, m := range cats["en"].Messages {
			for _, n := range []int{0, 1, 2, 3, 11, 100, 1_000_000} {
				cfg := &i18n.LocalizeConfig{MessageID: m.ID, TemplateData: sampleData(m, n)}
				if isPlural(m) {
					cfg.PluralCount = n
				}
				s, err := msgs.Localize(cfg)
				var missing *i18n.MessageNotFoundErr
				if errors.As(err, &missing) {
					err = nil
				}
				if err != nil || s == "" || strings.Contains(s, "<no value>") {
					t.Errorf("%s %s (%d) = %q, %v", loc.Code, m.ID, n, s, err)
				}
			}
		}
	}
}
