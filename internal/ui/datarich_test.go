package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// firstAlign is the alignment of the first text segment of rich text.
func firstAlign(t *testing.T, r *widget.RichText) fyne.TextAlign {
	t.Helper()
	for _, seg := range r.Segments {
		switch s := seg.(type) {
		case *widget.TextSegment:
			return s.Style.Alignment
		case *widget.ParagraphSegment:
			for _, x := range s.Texts {
				if ts, ok := x.(*widget.TextSegment); ok {
					return ts.Style.Alignment
				}
			}
		}
	}
	t.Fatal("no text segment")
	return 0
}

func TestNewMarkdown_AlignsByItsOwnDirection(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		text string
		want fyne.TextAlign
	}{
		{"Try a **Comandante**", fyne.TextAlignLeading},
		{"مرحبا **بالجميع**", fyne.TextAlignTrailing},
		{bidi.RLM + "Amira **says**", fyne.TextAlignTrailing}, // RLM is strong right to left
	}
	for _, c := range cases {
		if got := firstAlign(t, &NewMarkdown(c.text).RichText); got != c.want {
			t.Errorf("%q aligned %v, want %v", c.text, got, c.want)
		}
	}
}

func TestSetBody(t *testing.T) {
	test.NewTempApp(t)
	rich, plain := NewDataRich(), NewPlainBody()
	// Plain Arabic: Paragraphs, one a paragraph.
	SetBody(bidi.LeftToRight, rich, plain, "الفقرة الأولى.\n\nالفقرة الثانية.")
	if rich.Visible() || !plain.Visible() || len(plain.Objects) != 2 {
		t.Errorf("plain arabic: rich shown %v, plain shown %v with %d paragraphs", rich.Visible(), plain.Visible(), len(plain.Objects))
	}
	if p := plain.Objects[0].(*Paragraph); !p.RTL {
		t.Error("an Arabic paragraph is not right to left")
	}
	// Markdown, or plain English on an English screen: rich text.
	SetBody(bidi.LeftToRight, rich, plain, "Plain English.")
	if !rich.Visible() || plain.Visible() {
		t.Errorf("english: rich shown %v, plain shown %v", rich.Visible(), plain.Visible())
	}
	// Bold and italic words stay in the paragraph, in their style.
	SetBody(bidi.RightToLeft, rich, plain, "**مرحبا** بكم")
	if p := plain.Objects[0].(*Paragraph); rich.Visible() || len(p.Spans) != 2 || !p.Spans[0].Style.Bold {
		t.Errorf("arabic with a bold word: rich shown %v, paragraph %+v", rich.Visible(), p.Spans)
	}
	// Other Markdown (a heading): right-aligned rich text.
	SetBody(bidi.RightToLeft, rich, plain, "# مرحبا\n\nبكم")
	if !rich.Visible() || firstAlign(t, &rich.RichText) != fyne.TextAlignTrailing {
		t.Error("arabic markdown is not right-aligned rich text")
	}
}

func TestMarkdownParagraphs(t *testing.T) {
	for text, want := range map[string]bool{
		"Just words.":          true,
		"Two\n\nparagraphs":    true,
		"**bold** and *it*":    true,
		"- a list":             false,
		"1. first":             false,
		"# heading":            false,
		"a [link](x)":          false,
		"7.30 in the morning.": true,
	} {
		if _, got := markdownParagraphs(text); got != want {
			t.Errorf("markdownParagraphs(%q) ok = %v, want %v", text, got, want)
		}
	}
	// Fyne's renderer showed "drink ☕ !": "!" is a text node of its own.
	paras, _ := markdownParagraphs("What do you drink ☕!\nTell us.")
	if got := spansText(paras[0]); got != "What do you drink ☕! Tell us." {
		t.Errorf("text = %q", got)
	}
}

// longPost is a post of about n characters in the style of lang: Markdown
// paragraphs of words, Arabic with digits, Japanese without spaces.
func longPost(lang string, n int) string {
	para := map[string]string{
		"en": "The Ethiopian was bright this morning, with jasmine and lemon; the **Colombian** rounder, like cocoa. ",
		"ar": "كانت القهوة الإثيوبية مشرقة هذا الصباح، برائحة الياسمين والليمون، وسعرها 4.50 يورو. ",
		"ja": "今朝のエチオピアはジャスミンとレモンの香りで明るく、コロンビアはまろやかでした。",
	}[lang]
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(para)
	}
	return b.String()
}

func TestParseMarkdown_LongPostWrapsAsOneText(t *testing.T) {
	test.NewTempApp(t)
	for _, lang := range []string{"en", "ar", "ja"} {
		text := longPost(lang, 2400)
		split := NewMarkdown(text)
		whole := widget.NewRichText()
		whole.Wrapping = fyne.TextWrapWord
		whole.ParseMarkdown(text)
		AlignRich(whole, bidi.Content(bidi.LeftToRight, text))
		for _, r := range []fyne.CanvasObject{split, whole} {
			r.Resize(fyne.NewSize(360, 100))
		}
		if got, want := split.MinSize().Height, whole.MinSize().Height; got != want {
			t.Errorf("%s: %.0f high cut into runs, %.0f as Fyne lays it out whole", lang, got, want)
		}
		if got := strings.ReplaceAll(split.String(), zwsp, ""); got != whole.String() {
			t.Errorf("%s: the runs read %q, want %q", lang, got, whole.String())
		}
		var runs func([]widget.RichTextSegment)
		runs = func(segs []widget.RichTextSegment) {
			for _, s := range segs {
				switch x := s.(type) {
				case *widget.ParagraphSegment:
					runs(x.Texts)
				case *widget.TextSegment:
					if n := utf8.RuneCountInString(x.Text); n > maxRun+1 {
						t.Errorf("%s: a run of %d characters is laid out whole (at most %d)", lang, n, maxRun+1)
					}
				}
			}
		}
		runs(split.Segments)
	}
}

func TestCutRun(t *testing.T) {
	cases := []struct {
		text string
		n    int
		want []string
	}{
		{"short", 10, []string{"short"}},
		{"aaa bbb ccc ddd", 8, []string{"aaa bbb", zwsp + " ccc ddd"}},
		{"今朝のエチオピア", 3, []string{"今朝の", zwsp + "エチオ", zwsp + "ピア"}},
	}
	for _, c := range cases {
		if got := cutRun(c.text, c.n); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("cutRun(%q, %d) = %q, want %q", c.text, c.n, got, c.want)
		}
	}
}

// BenchmarkDataRich_LongPost lays out a 10,000-character post at a phone's
// width: before the runs were cut, Fyne took seconds (minutes in Japanese).
func BenchmarkDataRich_LongPost(b *testing.B) {
	test.NewTempApp(b)
	for _, lang := range []string{"en", "ar", "ja"} {
		text := longPost(lang, 10_000)
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				r := NewMarkdown(text)
				r.Resize(fyne.NewSize(360, 100))
				r.MinSize()
			}
		})
	}
}
