package i18n

import (
	"slices"
	"testing"
)

func TestLocalizer_SortNames(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		names []string
		want  []string
	}{
		// Spanish treats ñ as a letter after n; English as an accented n.
		{"es ñ", "es", []string{"oso", "ñu", "nube"}, []string{"nube", "ñu", "oso"}},
		{"en ñ", "en", []string{"oso", "ñu", "nube"}, []string{"ñu", "nube", "oso"}},
		// Turkish sorts ç after c and dotless ı before i.
		{"tr ç ı", "tr", []string{"iyi", "ılık", "çay", "cuma", "ufuk"}, []string{"cuma", "çay", "ılık", "iyi", "ufuk"}},
		{"en ç ı", "en", []string{"iyi", "ılık", "çay", "cuma", "ufuk"}, []string{"çay", "cuma", "iyi", "ılık", "ufuk"}},
		{"de umlaut", "de", []string{"Zoe", "Ölfe", "Ofen"}, []string{"Ofen", "Ölfe", "Zoe"}},
		{"ja kana", "ja", []string{"さくら", "あおい"}, []string{"あおい", "さくら"}},
		// Polish sorts ć, ł, ś as letters of their own, after c, l, s.
		{"pl ć", "pl", []string{"ćma", "cześć", "dom"}, []string{"cześć", "ćma", "dom"}},
		{"en ć", "en", []string{"ćma", "cześć", "dom"}, []string{"ćma", "cześć", "dom"}},
		{"pl ś", "pl", []string{"Ścibor", "Szymon", "Sara"}, []string{"Sara", "Szymon", "Ścibor"}},
		// Persian letters pe, che, zhe and gaf follow be, jim, ze and kaf.
		{"fa", "fa", []string{"گلناز", "کاوه", "ژاله", "زهرا", "چکاوک", "پریسا", "بهرام"}, []string{"بهرام", "پریسا", "چکاوک", "زهرا", "ژاله", "کاوه", "گلناز"}},
		{"ru ё", "ru", []string{"Яна", "Елена", "Ёжик", "Алла"}, []string{"Алла", "Ёжик", "Елена", "Яна"}},
		{"uk ґ є і ї", "uk", []string{"Їжак", "Ігор", "Ґанна", "Галя", "Єва", "Євген"}, []string{"Галя", "Ґанна", "Єва", "Євген", "Ігор", "Їжак"}},
		{"he", "he", []string{"תמר", "שרה", "אורי", "דנה"}, []string{"אורי", "דנה", "שרה", "תמר"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.names)
			New(tt.code).SortNames(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s SortNames(%q) = %q, want %q", tt.code, tt.names, got, tt.want)
			}
		})
	}
}

func TestLocalizer_Collator(t *testing.T) {
	if c := New("es").Collator().CompareString("ñu", "nz"); c <= 0 {
		t.Errorf("es: ñu vs nz = %d, want > 0", c)
	}
	if c := New("en").Collator().CompareString("ñu", "nz"); c >= 0 {
		t.Errorf("en: ñu vs nz = %d, want < 0", c)
	}
}
