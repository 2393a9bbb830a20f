package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/regulars-app/regulars/app"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/uitest"
)

// TestGallery_TextReadsRight renders every screen of the gallery, phone and
// desktop, in English, Arabic and Japanese, on the demo community (posts,
// stories and names in Arabic, English and Japanese, so that every screen
// shows text of both directions in an interface of either), and checks every
// run of text drawn:
//
//   - bidi: the order in which Fyne draws its characters, left to right, is
//     the order the bidi algorithm (UAX #9, bidi.Display, itself checked
//     against x/text) shows the text in, in the paragraph direction the text
//     gives (its first strong character: the toolkit starts reordered text
//     with a mark). Fyne's drawing is modelled the way Fyne 2.7 draws: go-text
//     splits the text by direction, script and font, and each piece is drawn
//     left to right in logical order, turned when right to left; the fonts
//     are the theme's for the language, Fyne's and its emoji font, and one
//     font a script for what they lack (the system's fallback).
//   - line breaks: no line of Japanese starts with "。", "、", "！", "？", a
//     closing bracket or a small kana (UAX #14), and no line ends inside a
//     Latin word that the next line goes on with.
//   - digits: no text mixes Latin and Arabic-Indic digits, and none puts "·"
//     (which reads as the Arabic-Indic zero "٠") next to Arabic-Indic digits.
func TestGallery_TextReadsRight(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole gallery")
	}
	svc, closeStore, err := seeded()
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	a := uitest.NewApp()
	defer a.Quit()
	for _, code := range []string{"en", "ar", "ja"} {
		a.Settings().SetTheme(app.NewTheme(code))
		a.Settle()
		fonts := newFontModel(app.NewTheme(code))
		for _, sh := range shots() {
			for _, form := range []struct {
				name   string
				layout app.Layout
				size   fyne.Size
			}{{"phone", app.LayoutPhone, app.PhoneSize}, {"desktop", app.LayoutDesktop, app.DesktopSize}} {
				name := fmt.Sprintf("%s-%s-%s", sh.name, form.name, code)
				t.Run(name, func(t *testing.T) {
					win, done, err := render(a, svc, sh, code, form.layout, form.size)
					if err != nil {
						t.Fatal(err)
					}
					defer done()
					for _, p := range textProblems(win, fonts, code) {
						t.Error(p)
					}
				})
			}
		}
	}
}

// drawnText is a canvas text on screen.
type drawnText struct {
	text  *canvas.Text
	owner fyne.CanvasObject // the widget or container holding it
}

// texts are the visible canvas texts of the window, with their holders.
func texts(win fyne.Window) []drawnText {
	var out []drawnText
	var walk func(o, owner fyne.CanvasObject)
	walk = func(o, owner fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			out = append(out, drawnText{x, owner})
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, x)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, x)
			}
		}
	}
	walk(win.Canvas().Content(), nil)
	for _, o := range win.Canvas().Overlays().List() {
		walk(o, nil)
	}
	return out
}

// textProblems checks every text drawn in win (see TestGallery_TextReadsRight).
func textProblems(win fyne.Window, fonts *fontModel, code string) []string {
	var out []string
	all := texts(win)
	for i, dt := range all {
		s := dt.text.Text
		if strings.TrimSpace(s) == "" {
			continue
		}
		drawn := fonts.drawn(s, dt.text.TextStyle)
		want := bidi.Display(s, bidi.IsRTL(s, false))
		if strings.TrimSpace(drawn) != strings.TrimSpace(want) {
			out = append(out, fmt.Sprintf("bidi: %q is drawn as %q, the bidi algorithm shows %q", s, drawn, want))
		}
		if code == "ja" {
			if r := []rune(strings.TrimLeft(strip(s), " ")); len(r) > 0 && strings.ContainsRune(noLineStart, r[0]) && i > 0 && sameBlock(all[i-1], dt) {
				out = append(out, fmt.Sprintf("line break: the line %q starts with %q", s, r[0]))
			}
			if i > 0 && sameBlock(all[i-1], dt) {
				if tail, head := latinEnd(all[i-1].text.Text), latinStart(s); tail != "" && head != "" && strings.Contains(strip(holderText(dt.owner)), tail+head) {
					out = append(out, fmt.Sprintf("line break: the word %q is broken between %q and %q", tail+head, all[i-1].text.Text, s))
				}
			}
		}
		hasLatin := strings.ContainsAny(s, "0123456789")
		hasArabic := strings.ContainsAny(s, "٠١٢٣٤٥٦٧٨٩")
		if hasLatin && hasArabic {
			out = append(out, fmt.Sprintf("digits: %q mixes Latin and Arabic-Indic digits", s))
		}
		if hasArabic && strings.Contains(s, "·") {
			out = append(out, fmt.Sprintf("digits: %q puts · (read as ٠) next to Arabic-Indic digits", s))
		}
	}
	return out
}

// noLineStart are the characters UAX #14 keeps from starting a line (CL,
// EX, IS, NS, CJ among those Japanese uses).
const noLineStart = "。、！？」』）】〕・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ，．：；"

// sameBlock reports whether two texts are lines of one block: the same
// holder, the second below the first.
func sameBlock(a, b drawnText) bool {
	return a.owner == b.owner && b.text.Position().Y > a.text.Position().Y
}

func isLatin(r rune) bool { return unicode.Is(unicode.Latin, r) }

// latinEnd is the Latin letters s ends with; latinStart those it starts
// with.
func latinEnd(s string) string {
	rs := []rune(strip(s))
	i := len(rs)
	for i > 0 && isLatin(rs[i-1]) {
		i--
	}
	return string(rs[i:])
}

func latinStart(s string) string {
	rs := []rune(strip(s))
	i := 0
	for i < len(rs) && isLatin(rs[i]) {
		i++
	}
	return string(rs[:i])
}

// holderText is the whole text of the widget that wraps it into lines.
func holderText(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *ui.Paragraph:
		return x.Text
	case interface{ String() string }:
		return x.String()
	}
	return ""
}

// strip is s without direction marks.
func strip(s string) string {
	return strings.NewReplacer(bidi.LRM, "", bidi.RLM, "").Replace(s)
}

// fontModel picks fonts as Fyne does: the theme's font for the style, then
// Fyne's own and its emoji font, then, for what none has, a font of the
// rune's script.
type fontModel struct {
	th       fyne.Theme
	faces    map[fyne.TextStyle][]*font.Face
	fallback map[language.Script]*font.Face
	last     *font.Face // the fallback font used last
	seg      shaping.Segmenter
}

func newFontModel(th fyne.Theme) *fontModel {
	return &fontModel{th: th, faces: map[fyne.TextStyle][]*font.Face{}, fallback: map[language.Script]*font.Face{}}
}

func parseFace(r fyne.Resource) *font.Face {
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		panic(fmt.Sprintf("font %s: %v", r.Name(), err))
	}
	return f
}

type fontmap struct {
	m     *fontModel
	faces []*font.Face
}

func (f fontmap) ResolveFace(r rune) *font.Face {
	for _, face := range f.faces {
		if _, ok := face.NominalGlyph(r); ok {
			return face
		}
	}
	sc := language.LookupScript(r)
	if (sc == language.Inherited || sc == language.Common) && f.m.last != nil {
		return f.m.last // a mark or a sign: the system font of the letters before
	}
	face, ok := f.m.fallback[sc]
	if !ok {
		face = parseFace(theme.DefaultTextFont()) // a face of its own: another font
		f.m.fallback[sc] = face
	}
	f.m.last = face
	return face
}

func (m *fontModel) fontmap(style fyne.TextStyle) fontmap {
	faces, ok := m.faces[style]
	if !ok {
		def := theme.DefaultTextFont()
		if style.Bold {
			def = theme.DefaultTextBoldFont()
		}
		faces = []*font.Face{parseFace(m.th.Font(style)), parseFace(def), parseFace(theme.DefaultEmojiFont())}
		m.faces[style] = faces
	}
	return fontmap{m, faces}
}

// drawn is the order, left to right, in which Fyne 2.7 draws s: go-text's
// segmenter splits it by direction (a paragraph of the direction of its first
// strong character), script and font; each piece is drawn after the one
// before, turned (and its brackets mirrored) when right to left. Marks are
// invisible and left out.
func (m *fontModel) drawn(s string, style fyne.TextStyle) string {
	rs := []rune(s)
	fm := m.fontmap(style)
	m.last = nil
	in := shaping.Input{
		Text: rs, RunStart: 0, RunEnd: len(rs),
		Direction: di.DirectionLTR, Face: fm.ResolveFace(' '), Size: fixed.I(14),
	}
	var b strings.Builder
	for _, piece := range m.seg.Split(in, fm) {
		part := slices.Clone(rs[piece.RunStart:piece.RunEnd])
		if piece.Direction.Progression() == di.TowardTopLeft {
			slices.Reverse(part)
			for i, r := range part {
				part[i] = mirrored(r)
			}
		}
		b.WriteString(string(part))
	}
	return strip(b.String())
}

// mirrored is the mirror image of a bracket, as a font shows it in right to
// left text.
func mirrored(r rune) rune {
	pairs := map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}
	if m, ok := pairs[r]; ok {
		return m
	}
	return r
}
