package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/go-playground/locales"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// localeFiles holds the message catalogs in the layout goi18n extract and
// merge read and write: locales/active.<code>.toml, English the source.
//
//go:embed locales/*.toml
var localeFiles embed.FS

// sourceFile is the catalog every other catalog is translated from.
const sourceFile = "locales/active.en.toml"

// bundle holds every embedded catalog; English is its default language, so a
// message missing from a translation falls back to English.
var bundle = mustLoadBundle()

func mustLoadBundle() *i18n.Bundle {
	b, err := loadBundle(localeFiles)
	if err != nil {
		// The catalogs are compiled in and checked by the tests: a broken one
		// is a build defect, not a runtime condition.
		panic(err)
	}
	return b
}

func loadBundle(fsys fs.FS) (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	paths, err := fs.Glob(fsys, "locales/active.*.toml")
	if err != nil {
		return nil, fmt.Errorf("list message files: %w", err)
	}
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if _, err := b.ParseMessageFileBytes(data, p); err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
	}
	return b, nil
}

// Localizer renders messages, numbers, money, dates and names for one locale.
// It is immutable and safe for concurrent use.
type Localizer struct {
	loc     Locale
	pseudo  bool
	msgs    *i18n.Localizer
	printer *message.Printer
	dates   locales.Translator
	// digits rewrites ASCII digits into the locale's digits (Arabic-Indic
	// for ar, as x/text writes its numbers) in dates, which go-playground
	// always writes with ASCII digits; nil when the locale uses ASCII.
	digits *strings.Replacer
	// cal is the calendar dates are shown in, the locale's by default.
	cal Calendar
}

// New returns a Localizer for the locale with the given code. An unknown code
// gives English; "x-pseudo" gives the pseudo-locale (see NewPseudo).
func New(code string) *Localizer {
	if strings.EqualFold(strings.TrimSpace(code), PseudoCode) {
		return NewPseudo()
	}
	loc, ok := Lookup(code)
	if !ok {
		loc = registry[0]
	}
	return newLocalizer(loc, i18n.NewLocalizer(bundle, loc.Tag.String()), false)
}

func newLocalizer(loc Locale, msgs *i18n.Localizer, pseudo bool) *Localizer {
	l := &Localizer{
		loc:     loc,
		pseudo:  pseudo,
		msgs:    msgs,
		printer: message.NewPrinter(loc.Tag),
		dates:   loc.dates(),
		cal:     loc.Calendar,
	}
	l.digits = digitReplacer(l.printer)
	return l
}

// WithCalendar returns a Localizer like l that shows dates in calendar c,
// e.g. Gregorian dates for a Persian reader who asks for them.
func (l *Localizer) WithCalendar(c Calendar) *Localizer {
	cp := *l
	cp.cal = c
	return &cp
}

// Calendar returns the calendar l shows dates in.
func (l *Localizer) Calendar() Calendar { return l.cal }

// Code returns the locale's code, e.g. "pt-BR" or "x-pseudo".
func (l *Localizer) Code() string { return l.loc.Code }

// Locale returns the locale's registry entry.
func (l *Localizer) Locale() Locale { return l.loc }

// RTL reports whether the locale is written right to left.
func (l *Localizer) RTL() bool { return l.loc.RTL() }

// T returns the message with the given ID, rendered with data as template
// data (never as template text, so user input in data cannot inject
// template actions). A message missing from the locale falls back to
// English; one missing from English too returns id. T never panics.
func (l *Localizer) T(id string, data ...map[string]any) string {
	s, _ := l.localize(id, nil, merge(data))
	return s
}

// N returns the plural message with the given ID in the form the locale's
// CLDR plural rules choose for count. The template sees count as .Count,
// already formatted with the locale's digits and grouping, and data's other
// entries as in T.
func (l *Localizer) N(id string, count int, data ...map[string]any) string {
	return l.plural(id, int64(count), data...)
}

func (l *Localizer) plural(id string, count int64, data ...map[string]any) string {
	d := merge(data)
	d["Count"] = l.number(count)
	s, _ := l.localize(id, count, d)
	return s
}

// ReasonID returns the message ID for a validation or error reason code:
// "too_long" gives "ReasonTooLong", "invalid_utf8" "ReasonInvalidUtf8".
func ReasonID(code string) string {
	var b strings.Builder
	b.WriteString("Reason")
	for part := range strings.SplitSeq(code, "_") {
		r := []rune(part)
		if len(r) == 0 {
			continue
		}
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// Reason returns the translated explanation for a reason code such as
// "required", "too_long" or "not_found" (see ReasonID); an unknown code gives
// the generic "ReasonInvalid" message rather than a raw code.
func (l *Localizer) Reason(code string, data ...map[string]any) string {
	if s, ok := l.localize(ReasonID(code), nil, merge(data)); ok {
		return s
	}
	return l.T("ReasonInvalid", data...)
}

// localize renders id and reports whether a message (in the locale or in
// English) was found. Any error other than a missing translation still
// yields the best text go-i18n produced, or id.
func (l *Localizer) localize(id string, count any, data map[string]any) (s string, found bool) {
	defer func() {
		// go-i18n executes text/template; a panic there must not reach a screen.
		if r := recover(); r != nil {
			s, found = id, false
		}
	}()
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if count != nil {
		cfg.PluralCount = count
	}
	out, err := l.msgs.Localize(cfg)
	if out == "" && err != nil {
		return id, false
	}
	return out, true
}

func merge(data []map[string]any) map[string]any {
	out := map[string]any{}
	for _, d := range data {
		maps.Copy(out, d)
	}
	return out
}
