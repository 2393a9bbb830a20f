package bench

import (
	"math"
	"math/rand/v2"
	"strings"
)

// Sentences the forum's posts are made of: a café's members writing in
// English with Markdown, in Arabic (with digits and a Latin name) and in
// Japanese (no spaces between words).
var (
	sentencesEN = []string{
		"The Ethiopian on the **pour-over** this morning was bright, with jasmine and lemon.",
		"Has anyone tried the _oat flat white_ since they changed the milk?",
		"I brought my own cup and got 10 points, nice touch.",
		"The cupping night on Thursday is full, is there a waitlist?",
		"Tip: ask for the `V60` if you like it lighter; the batch brew is roasted darker.",
		"Their cardamom buns come out of the oven at 10, and they are gone by 11.",
		"We should vote for the **Kenyan** next, it was lovely in the spring.",
		"See the roaster's notes at [their site](https://example.com/roast) for the altitude and process.",
		"Quiet corner by the window is perfect for reading on a rainy Sunday.",
		"Grinder settings at home: 18 clicks for the Aeropress, 24 for the French press.",
	}
	sentencesAR = []string{
		"كانت القهوة الإثيوبية مشرقة هذا الصباح برائحة الياسمين والليمون.",
		"هل جرب أحدكم الكابتشينو بحليب الشوفان بعد تغيير المورد؟",
		"حصلت على 10 نقاط لأنني أحضرت كوبي الخاص، لفتة جميلة.",
		"أمسية التذوق يوم الخميس في الساعة 7:30 مساءً، من سيحضر؟",
		"أنصح بطريقة V60 لمن يحب القهوة الخفيفة.",
	}
	sentencesJA = []string{
		"今朝のエチオピアはジャスミンとレモンの香りで明るかったです。",
		"木曜日のカッピングナイトは満席ですか？キャンセル待ちはありますか。",
		"カルダモンロールは10時に焼き上がり、11時には売り切れます。",
		"自分のカップを持参したら10ポイントもらえました。",
		"次はケニアに投票しましょう、春に飲んだのが美味しかったので。",
	}
)

// PostBody is a forum post of about n characters (runes): mostly English
// with Markdown (a list now and then), some posts in Arabic or Japanese,
// in paragraphs of two to five sentences.
func PostBody(rng *rand.Rand, n int) string {
	pool, lang := sentencesEN, "en"
	switch rng.IntN(10) {
	case 0:
		pool, lang = sentencesAR, "ar"
	case 1:
		pool, lang = sentencesJA, "ja"
	}
	var b strings.Builder
	count := 0
	inPara := 0
	for count < n {
		s := pool[rng.IntN(len(pool))]
		if inPara > 0 {
			if inPara >= 2+rng.IntN(4) {
				b.WriteString("\n\n")
				count += 2
				inPara = 0
				if rng.IntN(8) == 0 && lang == "en" {
					s = "- " + s + "\n- " + pool[rng.IntN(len(pool))]
				}
			} else if lang != "ja" { // Japanese runs its sentences together
				b.WriteByte(' ')
				count++
			}
		}
		b.WriteString(s)
		count += len([]rune(s))
		inPara++
	}
	return truncateRunes(b.String(), n)
}

// PostLength draws a post's length between 20 and 3,000 characters, most of
// them short (log-uniform: the median about 245).
func PostLength(rng *rand.Rand) int {
	return int(math.Exp(math.Log(20) + rng.Float64()*(math.Log(3000)-math.Log(20))))
}

// LongPost is a post of exactly n characters in all three languages, each
// paragraph in one of them.
func LongPost(n int) string {
	rng := rand.New(rand.NewPCG(10_000, 1))
	var b strings.Builder
	for i := 0; len([]rune(b.String())) < n; i++ {
		pool := [][]string{sentencesEN, sentencesEN, sentencesAR, sentencesJA}[i%4]
		for j := range 4 {
			if j > 0 && i%4 != 3 {
				b.WriteByte(' ')
			}
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		b.WriteString("\n\n")
	}
	return truncateRunes(b.String(), n)
}

func truncateRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimRight(string(rs[:n]), " \n")
}
