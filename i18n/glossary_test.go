package i18n

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// glossaryFile is the glossary of the app's key terms in every language
// (see its header); it is read by the tests only.
const glossaryFile = "glossary.toml"

// glossaryTerms are the terms every language must have a word for.
var glossaryTerms = []string{"points", "tier", "member", "waitlist", "checkin", "poll", "vote", "story", "reward"}

// glossaryWord is one language's word for a term.
type glossaryWord struct {
	Word  string
	Use   string
	Avoid []string
	Skip  []string
}

// glossaryTerm is a term: how to find it in English, and each language's word.
type glossaryTerm struct {
	source *regexp.Regexp
	words  map[string]glossaryWord
}

// readGlossary parses the glossary: each term's table holds "source" and
// one table per language.
func readGlossary(data []byte) (map[string]glossaryTerm, error) {
	var raw map[string]map[string]toml.Primitive
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", glossaryFile, err)
	}
	out := map[string]glossaryTerm{}
	for name, tbl := range raw {
		t := glossaryTerm{words: map[string]glossaryWord{}}
		for key, prim := range tbl {
			if key == "source" {
				var s string
				if err := md.PrimitiveDecode(prim, &s); err != nil {
					return nil, fmt.Errorf("%s.source: %w", name, err)
				}
				if t.source, err = regexp.Compile(s); err != nil {
					return nil, fmt.Errorf("%s.source: %w", name, err)
				}
				continue
			}
			var w glossaryWord
			if err := md.PrimitiveDecode(prim, &w); err != nil {
				return nil, fmt.Errorf("%s.%s: %w", name, key, err)
			}
			out[name] = t
			t.words[key] = w
		}
		if t.source == nil {
			return nil, fmt.Errorf("%s: no source pattern", name)
		}
		out[name] = t
	}
	return out, nil
}

// literal returns a template's text outside its {{actions}}.
func literal(tmpl string) string {
	return actionRE.ReplaceAllString(tmpl, " ")
}

var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)

// glossaryProblems lists every message that breaks the glossary: a
// translation without its language's word where English uses the term, or
// with a word the glossary says to avoid; and every locale or term the
// glossary lacks.
func glossaryProblems(cats map[string]*i18n.MessageFile, data []byte) []string {
	gloss, err := readGlossary(data)
	if err != nil {
		return []string{err.Error()}
	}
	en, ok := cats["en"]
	if !ok {
		return nil // catalogProblems reports it
	}
	var probs []string
	for _, name := range glossaryTerms {
		term, ok := gloss[name]
		if !ok {
			probs = append(probs, fmt.Sprintf("glossary: no term %q", name))
			continue
		}
		for _, code := range slices.Sorted(maps.Keys(cats)) {
			w, ok := term.words[code]
			if !ok || w.Word == "" || w.Use == "" {
				probs = append(probs, fmt.Sprintf("%s: the glossary has no word for %q", code, name))
				continue
			}
			use, err := regexp.Compile(w.Use)
			if err != nil {
				probs = append(probs, fmt.Sprintf("%s: glossary %s.use: %v", code, name, err))
				continue
			}
			var avoid []*regexp.Regexp
			for _, a := range w.Avoid {
				re, err := regexp.Compile(a)
				if err != nil {
					probs = append(probs, fmt.Sprintf("%s: glossary %s.avoid: %v", code, name, err))
					continue
				}
				avoid = append(avoid, re)
			}
			got := map[string]*i18n.Message{}
			for _, m := range cats[code].Messages {
				got[m.ID] = m
			}
			for _, src := range en.Messages {
				m := got[src.ID]
				if m == nil {
					continue // catalogProblems reports it
				}
				english := strings.Join(slices.Collect(maps.Values(forms(src))), "\n")
				needed := term.source.MatchString(literal(english)) && !slices.Contains(w.Skip, src.ID)
				for _, form := range slices.Sorted(maps.Keys(forms(m))) {
					text := literal(forms(m)[form])
					if needed && !use.MatchString(text) {
						probs = append(probs, fmt.Sprintf("%s: %s (%s) does not use the glossary word %q for %s: %q", code, src.ID, form, w.Word, name, text))
					}
					for _, re := range avoid {
						if re.MatchString(text) {
							probs = append(probs, fmt.Sprintf("%s: %s (%s) uses %q, which the glossary avoids for %s (say %q)", code, src.ID, form, re.FindString(text), name, w.Word))
						}
					}
				}
			}
		}
	}
	return probs
}

// readGlossaryFile reads the glossary from the package directory.
func readGlossaryFile() ([]byte, error) {
	return os.ReadFile(glossaryFile)
}

// digitProblems lists messages of locales that write numbers in their own
// digits (ar, fa) whose text has ASCII digits: a number in a sentence must
// be a placeholder, formatted by the Localizer, or it shows "30" beside
// "١٢".
func digitProblems(cats map[string]*i18n.MessageFile) []string {
	var probs []string
	for _, code := range slices.Sorted(maps.Keys(cats)) {
		loc, ok := Lookup(code)
		if !ok || newLocalizer(loc, nil, false).digits == nil {
			continue
		}
		for _, m := range cats[code].Messages {
			for form, v := range forms(m) {
				if d := asciiDigitRE.FindString(literal(v)); d != "" {
					probs = append(probs, fmt.Sprintf("%s: %s (%s) has ASCII digits %q; pass the number as a placeholder", code, m.ID, form, d))
				}
			}
		}
	}
	slices.Sort(probs)
	return probs
}

var asciiDigitRE = regexp.MustCompile(`[0-9]+`)
