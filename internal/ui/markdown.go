package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdownParagraphs parses text as Markdown, as Fyne's RichText does
// (goldmark), and returns its paragraphs as styled spans, one a text or
// emphasis node. ok is false when text has anything else (headings, lists,
// quotes, links, code, images, HTML): such a body stays rich text.
//
// A soft line break is a space. Fyne's own renderer also adds a space after
// every text node followed by another inline node, so that "☕!" (two text
// nodes: "!" may start an image) showed as "☕ !"; here it does not.
func markdownParagraphs(src string) (paras [][]Span, ok bool) {
	source := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		if block.Kind() != ast.KindParagraph {
			return nil, false
		}
		var spans []Span
		for n := block.FirstChild(); n != nil; n = n.NextSibling() {
			switch t := n.(type) {
			case *ast.Text:
				spans = append(spans, Span{Text: nodeText(source, t)})
			case *ast.Emphasis:
				var b strings.Builder
				for c := t.FirstChild(); c != nil; c = c.NextSibling() {
					ct, isText := c.(*ast.Text)
					if !isText {
						return nil, false
					}
					b.WriteString(nodeText(source, ct))
				}
				sp := Span{Text: strings.TrimSuffix(b.String(), " ")}
				sp.Style.Bold = t.Level == 2
				sp.Style.Italic = t.Level != 2
				spans = append(spans, sp)
			default:
				return nil, false
			}
		}
		if n := len(spans); n > 0 {
			spans[n-1].Text = strings.TrimRightFunc(spans[n-1].Text, unicode.IsSpace)
		}
		paras = append(paras, spans)
	}
	return paras, true
}

func nodeText(source []byte, t *ast.Text) string {
	s := string(t.Value(source))
	if t.SoftLineBreak() || t.HardLineBreak() {
		s += " "
	}
	return s
}

// richSegments are paragraphs of spans as the segments Fyne's Markdown
// renderer makes of them: inline text, strong or emphasised, and an empty
// paragraph segment after each paragraph.
func richSegments(paras [][]Span) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, spans := range paras {
		for _, sp := range spans {
			style := widget.RichTextStyleInline
			switch {
			case sp.Style.Bold:
				style = widget.RichTextStyleStrong
			case sp.Style.Italic:
				style = widget.RichTextStyleEmphasis
			}
			segs = append(segs, &widget.TextSegment{Text: sp.Text, Style: style})
		}
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
	}
	return segs
}

// spansText is the text of spans.
func spansText(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// needsLayout reports whether text needs the toolkit's own layout rather
// than Fyne's: it has right-to-left letters or Arabic-Indic digits (the bidi
// algorithm, which Fyne does not finish), or Chinese, Japanese or Korean
// (line breaking by UAX #14, which Fyne does not do).
func needsLayout(text string) bool {
	for _, r := range text {
		switch {
		case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
			return true // Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			return true
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
			return true // CJK punctuation and full-width forms
		}
	}
	return false
}
