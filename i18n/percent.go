package i18n

import "golang.org/x/text/number"

// Percent formats a share (0.44 for 44 %) as a whole percentage in the
// locale's digits, sign and pattern, through x/text: en "44%", de "44 %",
// tr "%44", ar "٤٤٪؜". A chart's axis ticks and a poll's bars use it, so
// that a sentence holding a percentage keeps one digit system.
func (l *Localizer) Percent(share float64) string {
	return l.mark(l.printer.Sprint(number.Percent(share, number.MaxFractionDigits(0))))
}
