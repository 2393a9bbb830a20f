package i18n

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"golang.org/x/text/currency"
)

func TestLocalizer_Number(t *testing.T) {
	tests := []struct {
		code string
		n    int64
		want string
	}{
		{"en", 1234567, "1,234,567"},
		{"de", 1234, "1.234"},
		{"fr", 1234567, "1\u00a0234\u00a0567"},
		{"hi", 1234567, "12,34,567"},
		{"ar", 1234567, "١٬٢٣٤٬٥٦٧"},
		{"ja", 1234567, "1,234,567"},
		{"fa", 1234567, "۱٬۲۳۴٬۵۶۷"},
		{"he", 1234567, "1,234,567"},
		{"ur", 1234567, "1,234,567"},
		{"ru", 1234567, "1\u00a0234\u00a0567"},
		{"pl", 1234567, "1\u00a0234\u00a0567"},
		{"uk", 1234567, "1\u00a0234\u00a0567"},
		{"id", 1234567, "1.234.567"},
		{"en", 0, "0"},
		{"en", -1234, "-1,234"},
		{"ar", -1234, "\u061c-١٬٢٣٤"},
		{"en", math.MinInt64, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Number(tt.n); got != tt.want {
			t.Errorf("%s Number(%d) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
}

func TestLocalizer_Points(t *testing.T) {
	tests := []struct {
		code string
		n    int64
		want string
	}{
		{"en", 1234567, "1,234,567 points"},
		{"en", 1, "1 point"},
		{"de", 1234567, "1.234.567 Punkte"},
		{"ar", 1234567, "١٬٢٣٤٬٥٦٧ نقطة"},
		{"hi", 1234567, "12,34,567 पॉइंट"},
		{"ja", 1234567, "1,234,567ポイント"},
		{"fr", 2_000_000, "2\u00a0000\u00a0000 de points"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Points(tt.n); got != tt.want {
			t.Errorf("%s Points(%d) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
}

func TestLocalizer_Money(t *testing.T) {
	const nb = "\u00a0"
	kwd := currency.MustParseISO("KWD")
	tests := []struct {
		code  string
		minor int64
		cur   currency.Unit
		want  string
	}{
		{"en", 350, currency.EUR, "€3.50"},
		{"de", 350, currency.EUR, "3,50" + nb + "€"},
		{"fr", 350, currency.EUR, "3,50" + nb + "€"},
		{"es", 123456, currency.EUR, "1.234,56" + nb + "€"},
		{"pt-BR", 350, currency.BRL, "R$" + nb + "3,50"},
		{"tr", 350, currency.MustParseISO("TRY"), "₺3,50"},
		{"ar", 350, currency.EUR, "٣٫٥٠" + nb + "€"},
		{"hi", 12345678, currency.INR, "₹1,23,456.78"},
		{"ja", 350, currency.JPY, "￥350"},
		{"en", 350, currency.JPY, "¥350"},
		{"ko", 5000, currency.MustParseISO("KRW"), "₩5,000"},
		{"zh-Hans", 990, currency.CNY, "￥9.90"},
		{"vi", 50000, currency.MustParseISO("VND"), "50.000" + nb + "₫"},
		{"fa", 123450, currency.MustParseISO("IRR"), "ریال" + nb + "۱۲۳٬۴۵۰"},
		{"he", 123450, currency.MustParseISO("ILS"), "1,234.50" + nb + "₪"},
		{"ur", 123450, currency.MustParseISO("PKR"), "Rs" + nb + "123,450"},
		{"ru", 123450, currency.MustParseISO("RUB"), "1\u00a0234,50" + nb + "₽"},
		{"pl", 123450, currency.MustParseISO("PLN"), "1\u00a0234,50" + nb + "zł"},
		{"uk", 123450, currency.MustParseISO("UAH"), "1\u00a0234,50" + nb + "₴"},
		{"id", 1500000, currency.MustParseISO("IDR"), "Rp" + nb + "1.500.000"},
		{"en", 1234, kwd, "KWD\u00a01.234"}, // CLDR currencySpacing: a letter symbol gets a space
		{"en", 5, currency.CHF, "CHF\u00a00.05"},
		{"en", 0, currency.USD, "$0.00"},
		{"en", -350, currency.USD, "-$3.50"},
		{"de", -5, currency.EUR, "-0,05" + nb + "€"},
		{"ar", -350, currency.EUR, "\u061c-٣٫٥٠" + nb + "€"},
		{"en", math.MaxInt64, currency.USD, "$92,233,720,368,547,758.07"},
		{"en", math.MinInt64, currency.USD, "-$92,233,720,368,547,758.08"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Money(tt.minor, tt.cur); got != tt.want {
			t.Errorf("%s Money(%d, %v) = %q, want %q", tt.code, tt.minor, tt.cur, got, tt.want)
		}
	}
}

// FuzzLocalizer_Money checks that every int64 amount comes out exact, digit
// for digit, as integer arithmetic says: no float ever rounds it.
func FuzzLocalizer_Money(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 350, 999999999999999999, math.MaxInt64, math.MinInt64} {
		f.Add(n)
	}
	en := New("en")
	f.Fuzz(func(t *testing.T, minor int64) {
		got := en.Money(minor, currency.USD)
		abs := uint64(minor)
		sign := ""
		if minor < 0 {
			abs, sign = -abs, "-"
		}
		want := fmt.Sprintf("%s$%d.%02d", sign, abs/100, abs%100)
		if plain := strings.ReplaceAll(got, ",", ""); plain != want {
			t.Fatalf("Money(%d) = %q, want %q without grouping", minor, got, want)
		}
		for _, code := range []string{"ar", "hi", "ja", "de"} {
			if New(code).Money(minor, currency.JPY) == "" {
				t.Fatalf("%s Money(%d, JPY) is empty", code, minor)
			}
		}
	})
}

func TestLocalizer_SplitPattern(t *testing.T) {
	tests := []struct{ pattern, prefix, suffix string }{
		{"¤#,##0.00", "¤", ""},
		{"#,##0.00\u00a0¤", "", "\u00a0¤"},
		{"¤\u00a0#,##0.00", "¤\u00a0", ""},
		{"nonsense", "¤", ""},
	}
	for _, tt := range tests {
		if p, s := splitPattern(tt.pattern); p != tt.prefix || s != tt.suffix {
			t.Errorf("splitPattern(%q) = %q, %q; want %q, %q", tt.pattern, p, s, tt.prefix, tt.suffix)
		}
	}
}

func TestASCIIDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"۱۸:۳۰", "18:30"},
		{"١٨:٣٠", "18:30"},
		{"१८:३०", "18:30"},
		{"18:30", "18:30"},
		{"۰۹", "09"},
		{"RG-۴۲ abc", "RG-42 abc"},
	}
	for _, tt := range tests {
		if got := ASCIIDigits(tt.in); got != tt.want {
			t.Errorf("ASCIIDigits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
