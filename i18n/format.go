package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Number formats n with the locale's digits and grouping, through
// golang.org/x/text/message: en "1,234,567", de "1.234.567", fr
// "1 234 567" (no-break spaces), hi "12,34,567" (Indian grouping), ar
// "١٬٢٣٤٬٥٦٧" (Arabic-Indic digits, CLDR's default numbering for ar).
func (l *Localizer) Number(n int64) string {
	return l.mark(l.number(n))
}

func (l *Localizer) number(n int64) string {
	return l.printer.Sprint(number.Decimal(n))
}

// Points returns a points balance as a plural message ("Points"), e.g. en
// "1,234,567 points", de "1.234.567 Punkte", ja "1,234,567ポイント".
func (l *Localizer) Points(n int64) string {
	return l.plural("Points", n)
}

// Money formats an amount given in minor units of cur (cents for EUR, yen for
// JPY) in the locale: en EUR 350 gives "€3.50", de "3,50 €", pt-BR
// "€ 3,50", ar "٣٫٥٠ €".
//
// The number of minor digits is the currency's standard CLDR scale from
// currency.Standard.Rounding (2 for EUR, 0 for JPY, 3 for KWD). The amount
// never passes through a float: major and minor parts are split with integer
// arithmetic and each is formatted by x/text, which supplies the digits, the
// grouping and the decimal separator. The symbol is x/text's CLDR symbol for
// the locale ("€", "US$" outside the US, "￥" in ja). Its position comes
// from the registry's CLDR currency pattern, because x/text's own currency
// formatter always writes "symbol amount" (e.g. "€ 3,50" for de). No bidi
// marks are added for ar: the UI lays text out by direction.
func (l *Localizer) Money(minor int64, cur currency.Unit) string {
	return l.mark(formatMoney(l.printer, l.loc.currencyPattern, minor, cur))
}

func formatMoney(p *message.Printer, pattern string, minor int64, cur currency.Unit) string {
	scale, _ := currency.Standard.Rounding(cur)
	neg := minor < 0
	// Work in uint64 so that the most negative int64 has a magnitude.
	abs := uint64(minor)
	if neg {
		abs = -abs
	}
	unit := uint64(1)
	for range scale {
		unit *= 10
	}
	major, frac := abs/unit, abs%unit

	// "1,234.00" in the locale's digits, then its trailing zero digits
	// replaced by the fraction, padded by x/text to the scale.
	amount := p.Sprint(number.Decimal(major, number.Scale(scale)))
	if scale > 0 {
		fd := []rune(p.Sprint(number.Decimal(frac, number.MinIntegerDigits(scale), number.NoSeparator())))
		r := []rune(amount)
		if len(fd) == scale && len(r) >= scale {
			amount = string(r[:len(r)-scale]) + string(fd)
		}
	}

	prefix, suffix := splitPattern(pattern)
	sym := p.Sprint(currency.Symbol(cur))
	prefix, suffix = strings.ReplaceAll(prefix, "¤", sym), strings.ReplaceAll(suffix, "¤", sym)
	// CLDR's currencySpacing: a symbol that is a word ("Rp", "ریال", "CHF")
	// and touches the digits gets a no-break space; "$" and "€" do not.
	if r, _ := utf8.DecodeLastRuneInString(prefix); prefix != "" && unicode.IsLetter(r) {
		prefix += "\u00a0"
	}
	if r, _ := utf8.DecodeRuneInString(suffix); suffix != "" && unicode.IsLetter(r) {
		suffix = "\u00a0" + suffix
	}
	s := prefix + amount + suffix
	if neg {
		s = minusSign(p) + s
	}
	return s
}

// splitPattern returns what a CLDR number pattern puts before and after the
// number ("¤", "" for "¤#,##0.00"; "", " ¤" for "#,##0.00 ¤").
func splitPattern(pattern string) (prefix, suffix string) {
	first := strings.IndexAny(pattern, "#0")
	last := strings.LastIndexAny(pattern, "#0")
	if first < 0 {
		return "¤", ""
	}
	return pattern[:first], pattern[last+1:]
}

// minusSign returns the locale's minus sign as x/text writes it before a
// number (with the Arabic letter mark for ar).
func minusSign(p *message.Printer) string {
	minusOne := p.Sprint(number.Decimal(-1))
	one := p.Sprint(number.Decimal(1))
	return strings.TrimSuffix(minusOne, one)
}

// digitReplacer maps ASCII digits to the digits x/text writes for the
// printer's locale, or returns nil when those are ASCII already.
func digitReplacer(p *message.Printer) *strings.Replacer {
	var pairs []string
	for d := range int64(10) {
		local := p.Sprint(number.Decimal(d))
		ascii := string(rune('0' + d))
		if local != ascii {
			pairs = append(pairs, ascii, local)
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	return strings.NewReplacer(pairs...)
}

// localDigits rewrites ASCII digits in s into the locale's digits.
func (l *Localizer) localDigits(s string) string {
	if l.digits == nil {
		return s
	}
	return l.digits.Replace(s)
}

// ASCIIDigits returns s with every decimal digit of any script (Persian
// ۱۸, Arabic-Indic ١٨, Devanagari १८) rewritten as an ASCII digit, so that a
// field a member types with their own keyboard ("۱۸:۳۰") parses like
// "18:30". Other characters are kept.
func ASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII && unicode.Is(unicode.Nd, r) {
			// Unicode lays out every decimal digit block as 0-9 in order.
			for z := r; z > r-10; z-- {
				if !unicode.Is(unicode.Nd, z-1) {
					return '0' + (r - z)
				}
			}
		}
		return r
	}, s)
}
