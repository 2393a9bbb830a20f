package i18n

import "golang.org/x/text/number"

// Decimal formats f with exactly digits fraction digits in the locale's
// digits and separators (en "4.5", de "4,5", ar "٤٫٥"): an average rating.
func (l *Localizer) Decimal(f float64, digits int) string {
	return l.mark(l.printer.Sprint(number.Decimal(f, number.MinFractionDigits(digits), number.MaxFractionDigits(digits))))
}
