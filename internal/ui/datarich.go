package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// DataRich is rich text of user content (a post, a story, an announcement).
type DataRich struct {
	widget.RichText
}

// NewDataRich returns empty, word-wrapping rich text of user content.
func NewDataRich() *DataRich {
	r := &DataRich{}
	r.Wrapping = fyne.TextWrapWord
	r.Scroll = container.ScrollNone // what widget.NewRichText sets; the zero value scrolls
	r.ExtendBaseWidget(r)
	return r
}

// NewMarkdown renders user-written Markdown, aligned to the start of its own
// direction.
func NewMarkdown(text string) *DataRich {
	r := NewDataRich()
	r.SetMarkdown(text)
	return r
}

// SetMarkdown shows user-written Markdown, aligned to the start of its own
// direction (see ParseMarkdown).
func (r *DataRich) SetMarkdown(text string) {
	ParseMarkdown(&r.RichText, text)
	AlignRich(&r.RichText, bidi.Content(bidi.LeftToRight, text))
}

// ParseMarkdown sets rt's segments from Markdown, as rt.ParseMarkdown does,
// with every run of plain text cut into pieces of at most maxRun runes.
//
// Fyne's rich text wraps a text segment by measuring, for each line, the
// whole rest of the segment and then searching it for the break: a
// paragraph of n characters costs about n²·log n shaped characters, so a
// 10,000-character post took seconds to lay out (minutes in Japanese). Runs
// of inline segments flow on one row as a single text does, so the pieces
// wrap as the whole would, each costing only its own length.
func ParseMarkdown(rt *widget.RichText, text string) {
	rt.ParseMarkdown(text)
	rt.Segments = splitRuns(rt.Segments)
}

// zwsp (ZERO WIDTH SPACE) starts every piece after the first. Fyne gives a
// segment that starts where a row is full a width in which not one character
// fits, then lays the rest of that segment out one character a row (its
// wrapping never widens the row again on that path); a character of no
// width always fits, so the piece breaks the row after it instead.
const zwsp = "\u200b"

// maxRun is the longest run of text a segment keeps: a few lines on a phone.
const maxRun = 160

// splitRuns cuts the long inline text segments of segs (and of the
// paragraphs and lists in them) into pieces; other segments stay as they are.
func splitRuns(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.ParagraphSegment:
			s.Texts = splitRuns(s.Texts)
		case *widget.ListSegment:
			s.Items = splitRuns(s.Items)
		case *widget.TextSegment:
			if s.Inline() && utf8.RuneCountInString(s.Text) > maxRun {
				for _, piece := range cutRun(s.Text, maxRun) {
					out = append(out, &widget.TextSegment{Text: piece, Style: s.Style})
				}
				continue
			}
		}
		out = append(out, seg)
	}
	return out
}

// cutRun cuts text into pieces of at most n runes, each after the first
// starting with a space where there is one in the second half of the piece
// before it: a piece that does not fit the rest of a row then breaks at that
// space, not inside its first word. Text without spaces (Japanese) is cut
// between characters, where it may break anyway.
func cutRun(text string, n int) []string {
	var out []string
	rs := []rune(text)
	for len(rs) > n {
		cut := n
		for i := n - 1; i >= n/2; i-- {
			if rs[i] == ' ' {
				cut = i
				break
			}
		}
		out = append(out, string(rs[:cut]))
		rs = rs[cut:]
	}
	out = append(out, string(rs))
	for i := 1; i < len(out); i++ {
		out[i] = zwsp + out[i]
	}
	return out
}

// IsUserData marks the text as user content.
func (r *DataRich) IsUserData() bool { return true }

// AlignRich aligns every paragraph of rich text to the reading start of d.
func AlignRich(rt *widget.RichText, d bidi.Dir) {
	align := mirror.Start(d)
	for _, seg := range rt.Segments {
		switch s := seg.(type) {
		case *widget.TextSegment:
			s.Style.Alignment = align
		case *widget.ParagraphSegment:
			for _, t := range s.Texts {
				if ts, ok := t.(*widget.TextSegment); ok {
					ts.Style.Alignment = align
				}
			}
		}
	}
	rt.Refresh()
}

// NewPlainBody is the box SetBody fills with Paragraphs, next to a body's
// rich text; hidden until used.
func NewPlainBody() *fyne.Container {
	b := container.NewVBox()
	b.Hide()
	return b
}

// SetBody shows a body of user content written in Markdown (a post, a
// story, an announcement) on an interface read in direction d. A body of
// paragraphs (with bold and italic words, no other markup) that has
// right-to-left letters, Arabic-Indic digits or CJK text goes in plain as
// Paragraphs, one a paragraph, laid out by the toolkit (bidi by UAX #9, line
// breaks by UAX #14) in its own direction; another such body is rich text
// made from the same parse; anything else is Fyne's rich text, aligned by
// its own direction.
func SetBody(d bidi.Dir, rich *DataRich, plain *fyne.Container, text string) {
	paras, ok := markdownParagraphs(text)
	if ok && needsLayout(text) {
		// The paragraphs take the width the rich text had, so that their
		// heights are right before the screen is laid out again.
		w := max(plain.Size().Width, rich.Size().Width)
		plain.Objects = nil
		for _, spans := range paras {
			p := NewParagraph("", false)
			p.SetSpans(spans, bidi.IsRTL(spansText(spans), d.RTL()))
			if w > 0 {
				p.Resize(fyne.NewSize(w, 0))
				p.Resize(fyne.NewSize(w, p.MinSize().Height))
			}
			plain.Add(p)
		}
		rich.Hide()
		plain.Show()
		plain.Refresh()
		return
	}
	if ok {
		rich.Segments = splitRuns(richSegments(paras))
	} else {
		ParseMarkdown(&rich.RichText, text)
	}
	AlignRich(&rich.RichText, bidi.Content(bidi.LeftToRight, text))
	plain.Hide()
	rich.Show()
}
