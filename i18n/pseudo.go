package i18n

import (
	"fmt"
	"math"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// PseudoCode is the code of the pseudo-locale used by screen tests. It is not
// in Locales() and no member can pick it.
const PseudoCode = "x-pseudo"

// pseudoTag is the tag the pseudo catalog is filed under: "en-XA" is the
// private-use region Android and Chrome use for accented pseudo-English.
var pseudoTag = language.MustParse("en-XA")

// pseudoLocale formats numbers, money and dates as English does.
var pseudoLocale = func() Locale {
	l := registry[0]
	l.Code, l.Name, l.English = PseudoCode, "[Ƥšéûðó~~]", "Pseudo"
	return l
}()

// pseudoBundle holds the English catalog rewritten by pseudoize; its default
// language is the pseudo tag itself, so a message missing there shows its ID
// and no English falls through unnoticed.
var pseudoBundle = mustPseudoBundle()

func mustPseudoBundle() *i18n.Bundle {
	b, err := loadPseudoBundle()
	if err != nil {
		panic(err) // the embedded English catalog is checked by the tests
	}
	return b
}

func loadPseudoBundle() (*i18n.Bundle, error) {
	data, err := localeFiles.ReadFile(sourceFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", sourceFile, err)
	}
	mf, err := parseCatalog(data, sourceFile)
	if err != nil {
		return nil, err
	}
	b := i18n.NewBundle(pseudoTag)
	for _, m := range mf.Messages {
		p := *m
		left, right := m.LeftDelim, m.RightDelim
		if left == "" {
			left, right = "{{", "}}"
		}
		for _, f := range []*string{&p.Zero, &p.One, &p.Two, &p.Few, &p.Many, &p.Other} {
			if *f != "" {
				*f = pseudoize(*f, left, right)
			}
		}
		if err := b.AddMessages(pseudoTag, &p); err != nil {
			return nil, fmt.Errorf("pseudo %s: %w", m.ID, err)
		}
	}
	return b, nil
}

// NewPseudo returns the test-only pseudo-locale: every message is the English
// one accented, lengthened by about 40% with "~" and wrapped in brackets
// ("Home" gives "[Ĥóɱé~~]"), and every number, amount and date is wrapped in
// brackets. A screen test that finds visible text for which IsPseudo is false
// has found text that bypassed the message files or the formatters.
func NewPseudo() *Localizer {
	return newLocalizer(pseudoLocale, i18n.NewLocalizer(pseudoBundle, pseudoTag.String()), true)
}

// IsPseudo reports whether s was produced by the pseudo-locale, i.e. is
// wrapped in brackets. The invisible direction marks the toolkit adds around
// right-to-left words (LRM, RLM) do not count.
func IsPseudo(s string) bool {
	s = strings.TrimSpace(strings.NewReplacer("\u200e", "", "\u200f", "").Replace(s))
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']'
}

// mark brackets formatter output in the pseudo-locale.
func (l *Localizer) mark(s string) string {
	if l.pseudo {
		return "[" + s + "]"
	}
	return s
}

// accents maps ASCII letters to look-alikes with diacritics, so pseudo text
// stays readable while showing that it went through the catalog.
var accents = strings.NewReplacer(
	"a", "á", "b", "ƀ", "c", "ç", "d", "ð", "e", "é", "f", "ƒ", "g", "ĝ",
	"h", "ĥ", "i", "î", "j", "ĵ", "k", "ķ", "l", "ļ", "m", "ɱ", "n", "ñ",
	"o", "ó", "p", "ƥ", "q", "ǫ", "r", "ŕ", "s", "š", "t", "ţ", "u", "û",
	"v", "ṽ", "w", "ŵ", "x", "ẋ", "y", "ý", "z", "ž",
	"A", "Á", "B", "Ɓ", "C", "Ç", "D", "Ð", "E", "É", "F", "Ƒ", "G", "Ĝ",
	"H", "Ĥ", "I", "Î", "J", "Ĵ", "K", "Ķ", "L", "Ļ", "M", "Ṁ", "N", "Ñ",
	"O", "Ó", "P", "Ƥ", "Q", "Ǫ", "R", "Ŕ", "S", "Š", "T", "Ţ", "U", "Û",
	"V", "Ṽ", "W", "Ŵ", "X", "Ẋ", "Y", "Ý", "Z", "Ž",
)

// pseudoize accents the literal text of a message template, leaving its
// actions (between left and right delimiters) untouched, pads it with "~" by
// 40% of the literal text's length (at least one) and wraps it in brackets.
func pseudoize(tmpl, left, right string) string {
	var b strings.Builder
	literal := 0
	rest := tmpl
	for rest != "" {
		i := strings.Index(rest, left)
		if i < 0 {
			i = len(rest)
		}
		text := rest[:i]
		literal += len([]rune(text))
		b.WriteString(accents.Replace(text))
		rest = rest[i:]
		if rest == "" {
			break
		}
		j := strings.Index(rest, right)
		if j < 0 { // unterminated action: leave it for the template parser to report
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:j+len(right)])
		rest = rest[j+len(right):]
	}
	pad := max(1, int(math.Ceil(float64(literal)*0.4)))
	return "[" + b.String() + strings.Repeat("~", pad) + "]"
}
