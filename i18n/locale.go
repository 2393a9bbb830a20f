// Package i18n is the one place for language and locale in Regulars: the
// registry of supported locales, language negotiation, the go-i18n message
// bundle (locales/active.<code>.toml, embedded), and locale-aware formatting
// of numbers, points, money, dates, relative times and collation.
//
// Screens receive a *Localizer and never format user-visible text, numbers or
// dates themselves. The package knows nothing of Fyne: the app passes Fyne's
// system locale (or SystemLanguages on Linux) to Negotiate.
//
// Libraries behind each part:
//   - messages and plurals: github.com/nicksnyder/go-i18n/v2 (CLDR plural rules);
//   - numbers, digits, grouping, currency symbols and rounding: golang.org/x/text;
//   - dates, times, month and weekday names: github.com/go-playground/locales,
//     which is generated from CLDR and has per-locale FmtDateMedium/FmtDateFull/
//     FmtTimeShort; x/text has no date formatting;
//   - sorting: golang.org/x/text/collate.
package i18n

import (
	"os"
	"strings"

	"github.com/go-playground/locales"
	cldrAR "github.com/go-playground/locales/ar"
	cldrDE "github.com/go-playground/locales/de"
	cldrEN "github.com/go-playground/locales/en"
	cldrES "github.com/go-playground/locales/es"
	cldrFA "github.com/go-playground/locales/fa"
	cldrFR "github.com/go-playground/locales/fr"
	cldrHE "github.com/go-playground/locales/he"
	cldrHI "github.com/go-playground/locales/hi"
	cldrID "github.com/go-playground/locales/id"
	cldrIT "github.com/go-playground/locales/it"
	cldrJA "github.com/go-playground/locales/ja"
	cldrKO "github.com/go-playground/locales/ko"
	cldrPL "github.com/go-playground/locales/pl"
	cldrPT "github.com/go-playground/locales/pt_BR"
	cldrRU "github.com/go-playground/locales/ru"
	cldrTR "github.com/go-playground/locales/tr"
	cldrUK "github.com/go-playground/locales/uk"
	cldrUR "github.com/go-playground/locales/ur"
	cldrVI "github.com/go-playground/locales/vi"
	cldrZH "github.com/go-playground/locales/zh_Hans"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Direction is the writing direction of a locale.
type Direction int

const (
	// LTR is left-to-right text.
	LTR Direction = iota
	// RTL is right-to-left text (Arabic, Persian, Hebrew, Urdu).
	RTL
)

// String returns "ltr" or "rtl".
func (d Direction) String() string {
	if d == RTL {
		return "rtl"
	}
	return "ltr"
}

// Locale describes one supported language and its cultural defaults.
type Locale struct {
	// Code is the short, stable identifier stored in a member's profile and
	// used in message file names (active.<Code>.toml), e.g. "pt-BR".
	Code string
	// Tag is the BCP 47 language tag.
	Tag language.Tag
	// Name is the language's name in itself, as shown in a language picker.
	Name string
	// English is the language's name in English, for owners and logs.
	English string
	// Dir is the writing direction.
	Dir Direction
	// Currency is the currency of the locale's most likely region per CLDR
	// (the test checks it against currency.FromTag).
	Currency currency.Unit

	// currencyPattern is the CLDR standard currency pattern (latn or the
	// locale's default numbering system). x/text formats currency amounts as
	// "symbol amount" whatever the locale, so the symbol's position and the
	// space beside it are kept here; digits, separators and grouping still
	// come from x/text.
	currencyPattern string
	// dates builds the CLDR calendar formatter for the locale.
	dates func() locales.Translator

	// Calendar is the calendar the locale's readers date things in by
	// default: Persian (Solar Hijri) for fa, Gregorian elsewhere. A
	// Localizer can be switched to another with WithCalendar.
	Calendar Calendar
}

// RTL reports whether the locale is written right to left.
func (l Locale) RTL() bool { return l.Dir == RTL }

// DefaultCode is the code of the fallback locale.
const DefaultCode = "en"

// registry is the one table of supported locales, in picker order; the first
// is the fallback. The currency patterns are CLDR's "standard" currency
// formats (U+00A0 is a no-break space), without the bidi marks CLDR puts in
// some right-to-left ones: the UI lays text out by direction. fa, he and ur
// write digits as CLDR's default numbering system says: Persian digits for
// fa, ASCII for he and for ur (CLDR ur's default is "latn", as Pakistan's
// press and phones write numbers; its "arabext" digits are ur-IN's).
var registry = []Locale{
	{"en", language.English, "English", "English", LTR, currency.USD, "¤#,##0.00", cldrEN.New, Gregorian},
	{"es", language.Spanish, "Español", "Spanish", LTR, currency.EUR, "#,##0.00\u00a0¤", cldrES.New, Gregorian},
	{"fr", language.French, "Français", "French", LTR, currency.EUR, "#,##0.00\u00a0¤", cldrFR.New, Gregorian},
	{"de", language.German, "Deutsch", "German", LTR, currency.EUR, "#,##0.00\u00a0¤", cldrDE.New, Gregorian},
	{"it", language.Italian, "Italiano", "Italian", LTR, currency.EUR, "#,##0.00\u00a0¤", cldrIT.New, Gregorian},
	{"pt-BR", language.BrazilianPortuguese, "Português (Brasil)", "Portuguese (Brazil)", LTR, currency.BRL, "¤\u00a0#,##0.00", cldrPT.New, Gregorian},
	{"tr", language.Turkish, "Türkçe", "Turkish", LTR, currency.MustParseISO("TRY"), "¤#,##0.00", cldrTR.New, Gregorian},
	{"ar", language.Arabic, "العربية", "Arabic", RTL, currency.MustParseISO("EGP"), "#,##0.00\u00a0¤", cldrAR.New, Gregorian},
	{"hi", language.Hindi, "हिन्दी", "Hindi", LTR, currency.INR, "¤#,##,##0.00", cldrHI.New, Gregorian},
	{"ja", language.Japanese, "日本語", "Japanese", LTR, currency.JPY, "¤#,##0.00", cldrJA.New, Gregorian},
	{"ko", language.Korean, "한국어", "Korean", LTR, currency.MustParseISO("KRW"), "¤#,##0.00", cldrKO.New, Gregorian},
	{"zh-Hans", language.SimplifiedChinese, "简体中文", "Chinese (Simplified)", LTR, currency.CNY, "¤#,##0.00", cldrZH.New, Gregorian},
	{"vi", language.Vietnamese, "Tiếng Việt", "Vietnamese", LTR, currency.MustParseISO("VND"), "#,##0.00\u00a0¤", cldrVI.New, Gregorian},
	{"fa", language.Persian, "فارسی", "Persian", RTL, currency.MustParseISO("IRR"), "¤#,##0.00", cldrFA.New, Persian},
	{"he", language.Hebrew, "עברית", "Hebrew", RTL, currency.MustParseISO("ILS"), "#,##0.00\u00a0¤", cldrHE.New, Gregorian},
	{"ur", language.Urdu, "اردو", "Urdu", RTL, currency.MustParseISO("PKR"), "¤#,##0.00", cldrUR.New, Gregorian},
	{"ru", language.Russian, "Русский", "Russian", LTR, currency.MustParseISO("RUB"), "#,##0.00\u00a0¤", cldrRU.New, Gregorian},
	{"pl", language.Polish, "Polski", "Polish", LTR, currency.MustParseISO("PLN"), "#,##0.00\u00a0¤", cldrPL.New, Gregorian},
	{"uk", language.Ukrainian, "Українська", "Ukrainian", LTR, currency.MustParseISO("UAH"), "#,##0.00\u00a0¤", cldrUK.New, Gregorian},
	{"id", language.Indonesian, "Bahasa Indonesia", "Indonesian", LTR, currency.MustParseISO("IDR"), "¤#,##0.00", cldrID.New, Gregorian},
}

// Locales returns the supported locales in picker order. The slice is a
// copy: callers may sort or trim it.
func Locales() []Locale {
	return append([]Locale(nil), registry...)
}

// Lookup returns the supported locale with the given code. Case and "_" for
// "-" do not matter ("pt_br" finds "pt-BR"); the pseudo-locale is not found.
func Lookup(code string) (Locale, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), "_", "-")
	for _, l := range registry {
		if strings.EqualFold(l.Code, code) {
			return l, true
		}
	}
	return Locale{}, false
}

// matcher picks among the registry's tags; English comes first, so it is
// what the matcher falls back to.
var matcher = func() language.Matcher {
	tags := make([]language.Tag, len(registry))
	for i, l := range registry {
		tags[i] = l.Tag
	}
	return language.NewMatcher(tags)
}()

// Negotiate chooses the locale to show: the member's saved choice if it is
// supported, else the best supported match for the system's preferred
// languages in order ("es-MX" gives es, "pt" pt-BR, "zh-CN" zh-Hans), else
// English. Unparsable preferences are skipped.
func Negotiate(saved string, preferred []string) Locale {
	if l, ok := Lookup(saved); ok {
		return l
	}
	var want []language.Tag
	for _, p := range preferred {
		p = strings.ReplaceAll(strings.TrimSpace(p), "_", "-")
		if t, err := language.Parse(p); err == nil {
			want = append(want, t)
		}
	}
	if len(want) == 0 {
		return registry[0]
	}
	_, i, conf := matcher.Match(want...)
	if conf == language.No {
		return registry[0]
	}
	return registry[i]
}

// SystemLanguages returns the user's preferred languages from the POSIX
// environment, most preferred first, as BCP 47-ish strings for Negotiate:
// LANGUAGE (a colon-separated list), then LC_ALL, LC_MESSAGES and LANG.
// Encodings and modifiers are stripped ("de_DE.UTF-8@euro" gives "de-DE"),
// "C", "POSIX", values that are no language tag and duplicates are dropped. On Android, iOS, macOS
// and Windows the environment says little: the app should also pass Fyne's
// system locale.
func SystemLanguages() []string {
	return systemLanguages(os.Getenv)
}

func systemLanguages(getenv func(string) string) []string {
	var raw []string
	raw = append(raw, strings.Split(getenv("LANGUAGE"), ":")...)
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		raw = append(raw, getenv(k))
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		if i := strings.IndexAny(r, ".@"); i >= 0 {
			r = r[:i]
		}
		r = strings.ReplaceAll(strings.TrimSpace(r), "_", "-")
		if r == "" || r == "C" || r == "POSIX" || seen[r] {
			continue
		}
		if _, err := language.Parse(r); err != nil {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}
