package i18n

import (
	"strconv"
	"strings"
	"time"
)

// monthYearPatterns are CLDR's yMMM patterns where they are not "MMM y":
// {M} is the abbreviated month name, {n} the month's number, {y} the year.
var monthYearPatterns = map[string]string{
	"ja":      "{y}年{n}月",
	"zh-Hans": "{y}年{n}月",
	"ko":      "{y}년 {M}",
	"pt-BR":   "{M} de {y}",
	"ru":      "{L} {y} г.",
	"uk":      "{L} {y} р.",
	"pl":      "{L} {y}",
}

// standaloneMonths are CLDR's stand-alone wide month names (LLLL) where
// they differ from the format names go-playground/locales has: Slavic
// languages decline a month inside a date ("7 декабря") but name it in the
// nominative alone ("Декабрь"), capitalised in a menu as CLDR's
// contextTransforms say for uiListOrMenu.
var standaloneMonths = map[string][12]string{
	"ru": {"Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"},
	"uk": {"Січень", "Лютий", "Березень", "Квітень", "Травень", "Червень", "Липень", "Серпень", "Вересень", "Жовтень", "Листопад", "Грудень"},
	"pl": {"Styczeń", "Luty", "Marzec", "Kwiecień", "Maj", "Czerwiec", "Lipiec", "Sierpień", "Wrzesień", "Październik", "Listopad", "Grudzień"},
}

// standaloneAbbr are CLDR's stand-alone abbreviated month names (LLL), for
// the {L} of monthYearPatterns.
var standaloneAbbr = map[string][12]string{
	"ru": {"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."},
	"uk": {"січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."},
	"pl": {"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"},
}

// MonthYear formats the month and year of t in loc (nil: t's own location)
// as CLDR's yMMM skeleton does, for chart axes and headings: en "Jul 2026",
// fr "juil. 2026", ja "2026年7月", ar "يوليو ٢٠٢٦".
func (l *Localizer) MonthYear(t time.Time, loc *time.Location) string {
	t = in(t, loc)
	pattern, ok := monthYearPatterns[l.Code()]
	if !ok {
		pattern = "{M} {y}"
	}
	abbr := l.dates.MonthAbbreviated(t.Month())
	if a, ok := standaloneAbbr[l.Code()]; ok {
		abbr = a[t.Month()-1]
	}
	s := strings.NewReplacer(
		"{L}", abbr,
		"{M}", l.dates.MonthAbbreviated(t.Month()),
		"{n}", strconv.Itoa(int(t.Month())),
		"{y}", strconv.Itoa(t.Year()),
	).Replace(pattern)
	return l.mark(l.localDigits(s))
}

// MonthName returns the full name of month m as it stands alone (a menu of
// months, a birthday): en "July", de "Juli", ar "يوليو", ja "7月", ru
// "Июль" (not the genitive "июля" of a date).
func (l *Localizer) MonthName(m time.Month) string {
	if names, ok := standaloneMonths[l.Code()]; ok {
		return l.mark(names[m-1])
	}
	return l.mark(l.localDigits(l.dates.MonthWide(m)))
}
