package community

import (
	"slices"
	"testing"
	"unicode/utf8"
)

var foldTests = []struct {
	name, in, lang, want string
}{
	{"accent", "Café", "es", "cafe"},
	{"spanish", "Mañana el Niño", "es", "manana el nino"},
	{"turkish capital dotted I", "İstanbul", "tr", "istanbul"},
	{"dotted I outside Turkish", "İstanbul", "en", "istanbul"},
	{"turkish capital I is dotless, merged", "ISPARTA", "tr", "isparta"},
	{"english capital I", "ISPARTA", "en", "isparta"},
	{"dotless i", "ılık", "tr", "ilik"},
	{"german sharp s", "Straße", "de", "strasse"},
	{"full-width latin", "Ｃａｆé", "ja", "cafe"},
	{"arabic harakat", "مَدْرَسَة", "ar", "مدرسة"},
	{"arabic tatweel", "قهـــوة", "ar", "قهوة"},
	{"arabic alef with hamza", "أحمد", "ar", "احمد"},
	{"farsi yeh", "قهوهی", "fa", "قهوهي"},
	{"hebrew niqqud", "קָפֶה", "he", "קפה"},
	{"hindi keeps its vowel signs", "हिंदी", "hi", "हिंदी"},
	{"japanese keeps voicing", "ガラス", "ja", "ガラス"},
	{"half-width kana", "ｶﾞﾗｽ", "ja", "ガラス"},
	{"vietnamese", "Cà phê sữa đá", "vi", "ca phe sua đa"},
	{"greek final sigma", "ΟΔΟΣ", "el", "οδοσ"},
	{"unknown language", "Café", "xx-??", "cafe"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in, tt.lang); got != tt.want {
				t.Errorf("Fold(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
			}
		})
	}
}

var termTests = []struct {
	name, text, lang, query, qlang string
	match                          bool
}{
	{"cafe finds café", "Le meilleur café de la ville", "fr", "cafe", "en", true},
	{"café finds cafe", "best cafe in town", "en", "CAFÉ", "es", true},
	{"turkish istanbul", "İstanbul'da bir kahve", "tr", "istanbul", "tr", true},
	{"turkish query by an english reader", "İstanbul'da bir kahve", "tr", "Istanbul", "en", true},
	{"turkish capital query", "istanbul kahvesi", "tr", "İSTANBUL", "tr", true},
	{"japanese word inside a sentence", "私は東京タワーに行きました", "ja", "東京", "ja", true},
	{"japanese katakana word", "私は東京タワーに行きました", "ja", "タワー", "ja", true},
	{"japanese single kanji", "今日は猫と遊んだ", "ja", "猫", "ja", true},
	{"japanese absent word", "私は東京タワーに行きました", "ja", "京都", "ja", false},
	{"chinese", "我们明天去咖啡馆见面", "zh-Hans", "咖啡馆", "zh-Hans", true},
	{"korean with particle", "서울에서 만나요", "ko", "서울", "ko", true},
	{"arabic without diacritics finds with", "قَهْوَة عربية", "ar", "قهوة", "ar", true},
	{"arabic with diacritics finds without", "قهوة عربية", "ar", "قَهْوَة", "ar", true},
	{"arabic tatweel", "قهـــوة", "ar", "قهوة", "ar", true},
	{"arabic article", "أحب القَهْوَة", "ar", "قهوة", "ar", true},
	{"arabic article in the query", "أحب القهوة", "ar", "القهوة", "ar", true},
	{"arabic short word keeps its letters", "الم", "ar", "م", "ar", false},
	{"hindi", "मुझे यहाँ की चाय बहुत पसंद है", "hi", "चाय", "hi", true},
	{"hindi different word", "मुझे यहाँ की चाय बहुत पसंद है", "hi", "चीनी", "hi", false},
	{"spanish accents", "La canción del señor", "es", "cancion senor", "es", true},
	{"all terms needed", "La canción del señor", "es", "cancion guitarra", "es", false},
	{"mixed scripts", "Tokyoタワーで会おう", "ja", "tokyo タワー", "ja", true},
	{"punctuation", "coffee, tea & cake!", "en", "cake", "en", true},
	{"one-letter query finds nothing", "a b c", "en", "a", "en", false},
	{"empty query finds nothing", "anything", "en", "", "en", false},
}

func TestMatches(t *testing.T) {
	for _, tt := range termTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Matches(tt.text, tt.lang, tt.query, tt.qlang); got != tt.match {
				t.Errorf("Matches(%q, %q) = %v, want %v; index %q, query %q", tt.text, tt.query, got, tt.match,
					IndexTerms(tt.text, tt.lang), QueryTerms(tt.query, tt.qlang))
			}
		})
	}
}

func TestIndexTerms_Bigrams(t *testing.T) {
	got := IndexTerms("東京に行く", "ja")
	want := []string{"東京", "京に", "に行", "行く", "東", "京", "に", "行", "く"}
	if !slices.Equal(got, want) {
		t.Errorf("IndexTerms = %q, want %q", got, want)
	}
	if q := QueryTerms("東京に", "ja"); !slices.Equal(q, []string{"東京", "京に"}) {
		t.Errorf("QueryTerms = %q", q)
	}
}

func TestIndexTerms_Bounded(t *testing.T) {
	long := ""
	for i := 0; i < 3000; i++ {
		long += string(rune(0x4e00+i)) + " w" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + " "
	}
	if n := len(IndexTerms(long, "ja")); n != MaxTerms {
		t.Errorf("%d terms, want %d", n, MaxTerms)
	}
	word := ""
	for i := 0; i < 100; i++ {
		word += "é"
	}
	for _, term := range IndexTerms(word+"ü", "de") {
		if len(term) > MaxTermBytes || !utf8.ValidString(term) {
			t.Errorf("term %q: %d bytes", term, len(term))
		}
	}
	if n := len(QueryTerms(long, "ja")); n != MaxQueryTerms {
		t.Errorf("%d query terms, want %d", n, MaxQueryTerms)
	}
}

func TestSearchKey(t *testing.T) {
	tests := []struct {
		terms []string
		want  string
	}{
		{[]string{"la", "cancion"}, "cancion"},
		{[]string{"tokyo", "タワ"}, "タワ"},
		{[]string{"ab", "aa"}, "aa"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := SearchKey(tt.terms); got != tt.want {
			t.Errorf("SearchKey(%q) = %q, want %q", tt.terms, got, tt.want)
		}
	}
}

// FuzzSearch checks, for any text, that terms are valid, bounded and
// distinct, that folding is idempotent, and that a text's own words find it.
func FuzzSearch(f *testing.F) {
	for _, tt := range foldTests {
		f.Add(tt.in, tt.lang)
	}
	for _, tt := range termTests {
		f.Add(tt.text, tt.lang)
		f.Add(tt.query, tt.qlang)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		if !utf8.ValidString(text) {
			return
		}
		folded := Fold(text, lang)
		if again := Fold(folded, lang); again != folded {
			t.Errorf("Fold not idempotent: %q -> %q -> %q", text, folded, again)
		}
		idx := IndexTerms(text, lang)
		if len(idx) > MaxTerms {
			t.Fatalf("%d terms", len(idx))
		}
		seen := map[string]bool{}
		for _, term := range idx {
			if term == "" || len(term) > MaxTermBytes || !utf8.ValidString(term) || seen[term] {
				t.Fatalf("bad term %q in %q", term, idx)
			}
			seen[term] = true
		}
		q := QueryTerms(text, lang)
		if len(idx) < MaxTerms && len(q) > 0 && !HasAllTerms(idx, q) {
			t.Errorf("%q does not find itself: index %q, query %q", text, idx, q)
		}
	})
}
