package i18n

import "golang.org/x/text/collate"

// Collator returns a new collator for the locale's alphabetical order (es
// sorts "ñ" after "n", tr "ç" after "c" and "ı" before "i"). A Collator is
// not safe for concurrent use, hence a new one on each call.
func (l *Localizer) Collator() *collate.Collator {
	return collate.New(l.loc.Tag)
}

// SortNames sorts names in place in the locale's alphabetical order.
func (l *Localizer) SortNames(names []string) {
	l.Collator().SortStrings(names)
}
