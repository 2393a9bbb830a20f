package community

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/rangetable"
)

// Search works the same on every store: a post or a thread carries index
// terms (IndexTerms of its text), a query is cut into terms the same way
// (QueryTerms), the store returns the records holding the query's most
// selective term (SearchKey) and the domain keeps those holding them all.
// Firestore has no full-text search; an array of terms and array-contains is
// what it can query.

// Search limits.
const (
	// MaxTerms bounds the terms one record carries (Firestore indexes each
	// element of an array: 40,000 index entries per document at most).
	MaxTerms = 800
	// MaxTermBytes bounds one term: a longer word is cut (on a rune boundary).
	MaxTermBytes = 60
	// MaxQueryTerms bounds the terms of a query.
	MaxQueryTerms = 30
)

// strippedMarks are what Fold removes: the Arabic tatweel (a stretching
// stroke, not a letter) and the combining marks that are accents: on Latin,
// Greek and Cyrillic letters (the combining diacritical blocks), Arabic
// harakat, Quranic marks and the superscript alef, Hebrew niqqud and
// cantillation. Other marks are letters of their word and stay: Devanagari
// vowel signs, virama and nukta (हिंदी without them is another word), the
// kana voicing marks of Japanese (が is not か). This is runes.Remove of the
// marks, narrowed from all of Mn for those scripts.
var strippedMarks = rangetable.Merge(
	&unicode.RangeTable{R16: []unicode.Range16{
		{Lo: 0x0300, Hi: 0x036f, Stride: 1}, // combining diacritical marks
		{Lo: 0x0591, Hi: 0x05bd, Stride: 1}, // Hebrew cantillation and points
		{Lo: 0x05bf, Hi: 0x05bf, Stride: 1},
		{Lo: 0x05c1, Hi: 0x05c2, Stride: 1},
		{Lo: 0x05c4, Hi: 0x05c5, Stride: 1},
		{Lo: 0x05c7, Hi: 0x05c7, Stride: 1},
		{Lo: 0x0610, Hi: 0x061a, Stride: 1}, // Arabic honorifics and small marks
		{Lo: 0x0640, Hi: 0x0640, Stride: 1}, // tatweel: a stretching stroke, not a letter
		{Lo: 0x064b, Hi: 0x065f, Stride: 1}, // harakat: fathatan .. wavy hamza below
		{Lo: 0x0670, Hi: 0x0670, Stride: 1}, // superscript alef
		{Lo: 0x06d6, Hi: 0x06dc, Stride: 1}, // Quranic annotation marks
		{Lo: 0x06df, Hi: 0x06e4, Stride: 1},
		{Lo: 0x06e7, Hi: 0x06e8, Stride: 1},
		{Lo: 0x06ea, Hi: 0x06ed, Stride: 1},
		{Lo: 0x08d3, Hi: 0x08ff, Stride: 1}, // Arabic extended-A marks
		{Lo: 0x1ab0, Hi: 0x1aff, Stride: 1}, // combining diacritical marks extended
		{Lo: 0x1dc0, Hi: 0x1dff, Stride: 1}, // combining diacritical marks supplement
		{Lo: 0x20d0, Hi: 0x20ff, Stride: 1}, // combining marks for symbols
		{Lo: 0xfe20, Hi: 0xfe2f, Stride: 1}, // combining half marks
	}},
)

// letterVariant maps letters a searcher cannot be expected to type as the
// writer did onto one form: Turkish dotless ı (so that "ISPARTA" written in
// Turkish, lower-cased to "ısparta", is found by "isparta"); alef maqsura
// and the Persian/Urdu yeh and keheh onto the Arabic yeh and kaf, which
// keyboards of the region mix.
func letterVariant(r rune) rune {
	switch r {
	case 'ı':
		return 'i'
	case 'ى', 'ی': // alef maqsura, Farsi yeh
		return 'ي'
	case 'ک': // keheh
		return 'ك'
	}
	return r
}

// Fold returns s as search compares it: lower-cased by the rules of lang
// (Turkish and Azeri İ/I, Lithuanian), case-folded (ß is ss), compatibility
// decomposed (full-width Latin, half-width kana, ligatures), without the
// marks of strippedMarks and the Arabic tatweel (café is cafe, مَدْرَسَة is مدرسة), with the
// variants of letterVariant merged, and recomposed (NFC).
func Fold(s, lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	s = cases.Lower(tag).String(s)
	s = cases.Fold().String(s)
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(strippedMarks)), runes.Map(letterVariant), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// isCJK reports whether r is written without spaces between words: Han,
// kana and Hangul (and the marks that live inside their words: the long
// vowel mark ー and the iteration mark 々).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー' || r == '々'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// runs cuts folded text into words: runs of letters, digits and marks, with
// CJK runs apart from the others (a Latin name inside Japanese is a word).
func runs(folded string) (words []string, cjk []bool) {
	start, kind := -1, false
	flush := func(end int) {
		if start >= 0 {
			words, cjk = append(words, folded[start:end]), append(cjk, kind)
		}
		start = -1
	}
	for i, r := range folded {
		switch {
		case !isWordRune(r):
			flush(i)
		case start < 0:
			start, kind = i, isCJK(r)
		case isCJK(r) != kind && !(unicode.IsMark(r) && !kind):
			flush(i)
			start, kind = i, isCJK(r)
		}
	}
	flush(len(folded))
	return words, cjk
}

// clip cuts a term to MaxTermBytes on a rune boundary.
func clip(t string) string {
	if len(t) <= MaxTermBytes {
		return t
	}
	t = t[:MaxTermBytes]
	for !utf8.ValidString(t) {
		t = t[:len(t)-1]
	}
	return t
}

// terms cuts text into terms. Words of other scripts are terms when they have
// two runes or more; an index also holds Arabic words without their article. A CJK run gives its overlapping bigrams (東京に行く:
// 東京 京に に行 行く), so that a word inside a sentence written without
// spaces is found by its own bigrams; unigrams too when index is true, so
// that a one-character query (猫) is found, and a one-character run is its
// own term either way.
func terms(text, lang string, index bool, limit int) []string {
	words, cjk := runs(Fold(text, lang))
	seen := map[string]bool{}
	var out []string
	add := func(t string) bool {
		t = clip(t)
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
		return len(out) < limit
	}
	for i, w := range words {
		if !cjk[i] {
			if utf8.RuneCountInString(w) >= 2 && !add(w) {
				return out
			}
			if bare := withoutArticle(w); index && bare != w && !add(bare) {
				return out
			}
			continue
		}
		rs := []rune(w)
		if len(rs) == 1 {
			if !add(w) {
				return out
			}
			continue
		}
		for j := 0; j+1 < len(rs); j++ {
			if !add(string(rs[j : j+2])) {
				return out
			}
		}
		if index {
			for _, r := range rs {
				if !add(string(r)) {
					return out
				}
			}
		}
	}
	return out
}

// arabicArticles are the definite article and the particles written onto it
// (و, ب, ف, ك + ال; لل), longest first.
var arabicArticles = []string{"وال", "بال", "فال", "كال", "ال", "لل"}

// withoutArticle returns an Arabic word without its article, so that a record
// saying القهوة ("the coffee") is found by قهوة; w itself when it has none or
// would keep fewer than three letters.
func withoutArticle(w string) string {
	for _, a := range arabicArticles {
		if rest, ok := strings.CutPrefix(w, a); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}

// IndexTerms returns the terms a record written in lang carries for search,
// distinct, in order of first appearance, at most MaxTerms.
func IndexTerms(text, lang string) []string { return terms(text, lang, true, MaxTerms) }

// QueryTerms returns the terms a query typed in lang must all find, at most
// MaxQueryTerms. A query with no term of two runes (or CJK character) finds
// nothing.
func QueryTerms(query, lang string) []string { return terms(query, lang, false, MaxQueryTerms) }

// SearchKey picks the query term a store looks up: the one likely to be
// rarest, so that the bounded page it returns holds the records with all the
// terms. Longer is rarer; a CJK bigram counts three times its runes (two
// characters of Japanese say as much as a six-letter word).
func SearchKey(queryTerms []string) string {
	best, score := "", -1
	for _, t := range queryTerms {
		n := 0
		for _, r := range t {
			if isCJK(r) {
				n += 3
			} else {
				n++
			}
		}
		if n > score || n == score && t < best {
			best, score = t, n
		}
	}
	return best
}

// HasAllTerms reports whether the record's terms hold every query term.
func HasAllTerms(recordTerms, queryTerms []string) bool {
	if len(queryTerms) == 0 {
		return false
	}
	have := make(map[string]bool, len(recordTerms))
	for _, t := range recordTerms {
		have[t] = true
	}
	for _, q := range queryTerms {
		if !have[q] {
			return false
		}
	}
	return true
}

// Matches reports whether text written in lang holds every term of a query
// typed in queryLang.
func Matches(text, lang, query, queryLang string) bool {
	return HasAllTerms(IndexTerms(text, lang), QueryTerms(query, queryLang))
}

// ContainsFolded reports whether folded text holds the folded needle, for
// matching names (mentions, completion) across case, accents and scripts'
// variant letters.
func ContainsFolded(text, needle, lang string) bool {
	n := Fold(strings.TrimSpace(needle), lang)
	return n != "" && strings.Contains(Fold(text, lang), n)
}
