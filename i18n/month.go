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
	s := strings.NewReplacer(
		"{M}", l.dates.MonthAbbreviated(t.Month()),
		"{n}", strconv.Itoa(int(t.Month())),
		"{y}", strconv.Itoa(t.Year()),
	).Replace(pattern)
	return l.mark(l.localDigits(s))
}

// MonthName returns the full name of month m as it stands alone (a menu of
// months, a birthday): en "July", de "Juli", ar "يوليو", ja "7月".
func (l *Localizer) MonthName(m time.Month) string {
	return l.mark(l.localDigits(l.dates.MonthWide(m)))
}
