package i18n

import (
	"strconv"
	"time"
)

// DayBlock returns the parts of a calendar's page for t in loc, as an event
// card's date block shows them: the month abbreviated as it stands alone
// ("Nov", "نوفمبر", "11月") and the day of the month in the locale's digits
// ("27", "٢٧"), in the Localizer's calendar.
func (l *Localizer) DayBlock(t time.Time, loc *time.Location) (month, day string) {
	t = in(t, loc)
	d := l.cal.date(t)
	if l.cal == Persian {
		month = persianMonths[d.month-1]
	} else {
		month = l.dates.MonthAbbreviated(t.Month())
		if a, ok := standaloneAbbr[l.Code()]; ok {
			month = a[t.Month()-1]
		}
	}
	return l.mark(l.localDigits(month)), l.mark(l.localDigits(strconv.Itoa(d.day)))
}
