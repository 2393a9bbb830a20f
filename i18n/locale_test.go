package i18n

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// rtlCodes are the locales written right to left.
var rtlCodes = map[string]bool{"ar": true, "fa": true, "he": true, "ur": true}

func TestLocales_Registry(t *testing.T) {
	wantCodes := []string{"en", "es", "fr", "de", "it", "pt-BR", "tr", "ar", "hi", "ja", "ko", "zh-Hans", "vi", "fa", "he", "ur", "ru", "pl", "uk", "id"}
	var codes []string
	for _, l := range Locales() {
		codes = append(codes, l.Code)
	}
	if !slices.Equal(codes, wantCodes) || registry[0].Code != DefaultCode {
		t.Fatalf("codes = %v, want %v", codes, wantCodes)
	}
	for _, l := range Locales() {
		t.Run(l.Code, func(t *testing.T) {
			if got := l.Tag.String(); got != l.Code {
				t.Errorf("Tag = %s, want the code %s", got, l.Code)
			}
			if l.Name == "" || l.English == "" {
				t.Errorf("Name %q, English %q: both needed", l.Name, l.English)
			}
			if want := rtlCodes[l.Code]; l.RTL() != want {
				t.Errorf("RTL() = %v, want %v", l.RTL(), want)
			}
			// The registry's currency is CLDR's for the most likely region.
			if want, _ := currency.FromTag(l.Tag); l.Currency != want {
				t.Errorf("Currency = %v, CLDR says %v", l.Currency, want)
			}
			if got := strings.ReplaceAll(l.dates().Locale(), "_", "-"); got != l.Code {
				t.Errorf("date formatter locale = %s, want %s", got, l.Code)
			}
			if strings.Count(l.currencyPattern, "¤") != 1 {
				t.Errorf("currency pattern %q needs one ¤", l.currencyPattern)
			}
		})
	}
	names := map[string]string{"ar": "العربية", "hi": "हिन्दी", "ja": "日本語", "es": "Español"}
	for code, want := range names {
		if l, _ := Lookup(code); l.Name != want {
			t.Errorf("Lookup(%s).Name = %q, want %q", code, l.Name, want)
		}
	}
	// Callers may change the returned slice without touching the registry.
	Locales()[0].Code = "xx"
	if Locales()[0].Code != "en" {
		t.Error("Locales() shares the registry")
	}
}

func TestLocales_Lookup(t *testing.T) {
	tests := []struct {
		code string
		want string
		ok   bool
	}{
		{"en", "en", true},
		{"pt-BR", "pt-BR", true},
		{"pt_br", "pt-BR", true},
		{" ZH-hans ", "zh-Hans", true},
		{"pt", "", false},
		{"x-pseudo", "", false},
		{"", "", false},
		{"klingon", "", false},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.code)
		if ok != tt.ok || got.Code != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.code, got.Code, ok, tt.want, tt.ok)
		}
	}
}

func TestLocales_Negotiate(t *testing.T) {
	tests := []struct {
		name      string
		saved     string
		preferred []string
		want      string
	}{
		{"saved wins", "de", []string{"fr-FR"}, "de"},
		{"saved normalised", "pt_BR", nil, "pt-BR"},
		{"saved unsupported", "sv", []string{"es-MX"}, "es"},
		{"regional Spanish", "", []string{"es-MX"}, "es"},
		{"bare Portuguese", "", []string{"pt"}, "pt-BR"},
		{"European Portuguese", "", []string{"pt-PT"}, "pt-BR"},
		{"mainland Chinese", "", []string{"zh-CN"}, "zh-Hans"},
		{"scripted Chinese", "", []string{"zh-Hans-CN"}, "zh-Hans"},
		{"Singapore Chinese", "", []string{"zh-SG"}, "zh-Hans"},
		{"Egyptian Arabic", "", []string{"ar-EG"}, "ar"},
		{"POSIX form", "", []string{"fr_CA"}, "fr"},
		{"first supported in order", "", []string{"sv-SE", "de-AT", "fr"}, "de"},
		{"Indian English", "", []string{"en-IN"}, "en"},
		{"Hindi", "", []string{"hi-IN"}, "hi"},
		{"Korean", "", []string{"ko-KR"}, "ko"},
		{"nothing supported", "", []string{"sv-SE", "fi"}, "en"},
		{"garbage", "", []string{"@@", ""}, "en"},
		{"nothing at all", "", nil, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Negotiate(tt.saved, tt.preferred).Code; got != tt.want {
				t.Errorf("Negotiate(%q, %q) = %s, want %s", tt.saved, tt.preferred, got, tt.want)
			}
		})
	}
}

func FuzzLocales_Negotiate(f *testing.F) {
	f.Add("de", "fr-FR")
	f.Add("", "es-MX")
	f.Add("", "zh-Hans-CN")
	f.Add("x-pseudo", "ar_EG.UTF-8")
	f.Fuzz(func(t *testing.T, saved, preferred string) {
		got := Negotiate(saved, strings.Split(preferred, ","))
		if _, ok := Lookup(got.Code); !ok {
			t.Fatalf("Negotiate(%q, %q) = %q, not a supported locale", saved, preferred, got.Code)
		}
	})
}

func TestLocales_SystemLanguages(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"LANG only", map[string]string{"LANG": "de_DE.UTF-8"}, []string{"de-DE"}},
		{"modifier", map[string]string{"LANG": "sr_RS.UTF-8@latin"}, []string{"sr-RS"}},
		{"LANGUAGE list first", map[string]string{"LANGUAGE": "fr_CA:fr:en", "LANG": "en_US.UTF-8"}, []string{"fr-CA", "fr", "en", "en-US"}},
		{"precedence", map[string]string{"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "it_IT", "LANG": "de_DE"}, []string{"es-ES", "it-IT", "de-DE"}},
		{"C and POSIX ignored", map[string]string{"LC_ALL": "C", "LC_MESSAGES": "POSIX", "LANG": "C.UTF-8"}, nil},
		{"duplicates dropped", map[string]string{"LANGUAGE": "ja_JP", "LANG": "ja_JP.UTF-8"}, []string{"ja-JP"}},
		{"empty", map[string]string{}, nil},
		{"not a language", map[string]string{"LANGUAGE": "::", "LANG": "!!"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := systemLanguages(func(k string) string { return tt.env[k] })
			if !slices.Equal(got, tt.want) {
				t.Errorf("systemLanguages(%v) = %q, want %q", tt.env, got, tt.want)
			}
		})
	}
	t.Run("environment", func(t *testing.T) {
		for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
			t.Setenv(k, "")
		}
		t.Setenv("LANG", "ko_KR.UTF-8")
		if got := SystemLanguages(); !slices.Equal(got, []string{"ko-KR"}) {
			t.Errorf("SystemLanguages() = %q, want [ko-KR]", got)
		}
		if got := Negotiate("", SystemLanguages()).Code; got != "ko" {
			t.Errorf("Negotiate from the environment = %s, want ko", got)
		}
	})
}

func FuzzLocales_SystemLanguages(f *testing.F) {
	f.Add("fr_CA:fr", "de_DE.UTF-8@euro")
	f.Add("", "C")
	f.Fuzz(func(t *testing.T, languages, lang string) {
		env := map[string]string{"LANGUAGE": languages, "LANG": lang}
		for _, s := range systemLanguages(func(k string) string { return env[k] }) {
			if _, err := language.Parse(s); err != nil || s == "C" || s == "POSIX" || strings.ContainsAny(s, "_.@:") {
				t.Fatalf("systemLanguages gave %q (%v)", s, err)
			}
		}
	})
}

func TestDirection_String(t *testing.T) {
	for d, want := range map[Direction]string{LTR: "ltr", RTL: "rtl"} {
		if got := d.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", d, got, want)
		}
	}
}
