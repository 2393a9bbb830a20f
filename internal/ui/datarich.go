package ui

import (
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
	r.ParseMarkdown(text)
	AlignRich(&r.RichText, bidi.Content(bidi.LeftToRight, text))
	return r
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
		rich.Segments = richSegments(paras)
	} else {
		rich.ParseMarkdown(text)
	}
	AlignRich(&rich.RichText, bidi.Content(bidi.LeftToRight, text))
	plain.Hide()
	rich.Show()
}
