package app

import (
	"encoding/binary"
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// Theme is the look of Regulars: Fyne's default theme with a warm coffee
// primary colour, and text fonts chosen for the language shown. Fyne's
// bundled font has no Arabic-script, Hebrew, Devanagari or CJK glyphs, so for those
// languages the theme loads the Noto fonts the system has (Debian's
// fonts-noto-core and fonts-noto-cjk); text in other scripts inside them
// (a Latin name in an Arabic screen) falls back to Fyne's own font.
type Theme struct {
	base          fyne.Theme
	regular, bold fyne.Resource // nil: Fyne's default font
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns the theme for the language with the given code.
func NewTheme(lang string) *Theme {
	t := &Theme{base: theme.DefaultTheme()}
	t.regular, t.bold = fontsFor(lang)
	return t
}

// Color returns the theme's colours: Fyne's, with Regulars' primary colour.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if t.dark(v) {
			return color.NRGBA{R: 0xe0, G: 0x8a, B: 0x4f, A: 0xff}
		}
		return color.NRGBA{R: 0xa8, G: 0x51, B: 0x1c, A: 0xff}
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xa8, G: 0x51, B: 0x1c, A: 0x7f}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xa8, G: 0x51, B: 0x1c, A: 0x3f}
	case uitheme.ColorNameSecondaryText:
		// Dates, authors, subtitles: quieter than the foreground but
		// readable (at least 4.5:1 on the background and on cards), unlike
		// the disabled colour low-importance labels get.
		if t.dark(v) {
			return color.NRGBA{R: 0xa6, G: 0xa6, B: 0xab, A: 0xff}
		}
		return color.NRGBA{R: 0x5f, G: 0x5f, B: 0x66, A: 0xff}
	}
	return t.base.Color(n, v)
}

// dark reports whether the background drawn for variant v is dark. It is
// asked of the base theme rather than read from v: a base may hold one
// variant whatever the settings ask for (Fyne's test app does), and the
// colours here must suit the background actually drawn.
func (t *Theme) dark(v fyne.ThemeVariant) bool {
	r, g, b, _ := t.base.Color(theme.ColorNameBackground, v).RGBA()
	return r+g+b < 3*0x8000
}

// HasColor reports the colours the theme adds to Fyne's (uitheme.ColorHaver).
func (t *Theme) HasColor(n fyne.ThemeColorName) bool { return n == uitheme.ColorNameSecondaryText }

// Font returns the language's font for regular and bold text; monospace and
// symbols stay Fyne's.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol || t.regular == nil {
		return t.base.Font(s)
	}
	if s.Bold && t.bold != nil {
		return t.bold
	}
	return t.regular
}

// Icon returns Fyne's icons.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns Fyne's sizes.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }

// fontDirs are where Debian and most Linux systems keep the Noto fonts.
var fontDirs = []string{"/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto", "/usr/share/fonts/google-noto"}

// scriptFont names the font files of a language's script; ttcIndex picks the
// face in a CJK collection (Noto Sans CJK orders them JP, KR, SC, TC, HK).
type scriptFont struct {
	regular, bold string
	ttcIndex      int
}

// scriptFonts lists, for each language Fyne's font does not cover, the
// fonts to try in order: Urdu is written in Nastaliq where the system has
// it (Debian's fonts-noto-core does), else in Naskh like Arabic.
var scriptFonts = map[string][]scriptFont{
	"ar":      {{"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", 0}},
	"fa":      {{"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", 0}},
	"ur":      {{"NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf", 0}, {"NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", 0}},
	"he":      {{"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", 0}},
	"hi":      {{"NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", 0}},
	"ja":      {{"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", 0}},
	"ko":      {{"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", 1}},
	"zh-Hans": {{"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", 2}},
}

var (
	fontMu    sync.Mutex
	fontCache = map[string]fyne.Resource{}
)

// fontsFor loads (once) the fonts of a language, or returns nil for
// languages Fyne's font covers and when the files are missing.
func fontsFor(lang string) (regular, bold fyne.Resource) {
	for _, sf := range scriptFonts[lang] {
		if regular = loadFont(sf.regular, sf.ttcIndex); regular != nil {
			return regular, loadFont(sf.bold, sf.ttcIndex)
		}
	}
	return nil, nil
}

func loadFont(name string, index int) fyne.Resource {
	fontMu.Lock()
	defer fontMu.Unlock()
	key := name + "#" + string(rune('0'+index))
	if r, ok := fontCache[key]; ok {
		return r
	}
	var res fyne.Resource
	for _, dir := range fontDirs {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		if strings.HasSuffix(name, ".ttc") {
			if data, err = ttcFace(data, index); err != nil {
				fyne.LogError("font "+name, err)
				continue
			}
			name = strings.TrimSuffix(name, ".ttc") + "-" + string(rune('0'+index)) + ".otf"
		}
		res = fyne.NewStaticResource(name, data)
		break
	}
	fontCache[key] = res
	return res
}

// ttcFace extracts face index of a TrueType/OpenType collection as a
// standalone font: Fyne parses single fonts only. The tables are copied and
// the table directory's offsets rewritten (collections share tables, so each
// face's tables may lie anywhere in the file).
func ttcFace(data []byte, index int) ([]byte, error) {
	be := binary.BigEndian
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return nil, errors.New("not a font collection")
	}
	n := int(be.Uint32(data[8:]))
	if index >= n || 12+4*index+4 > len(data) {
		return nil, errors.New("font collection has no such face")
	}
	off := int(be.Uint32(data[12+4*index:]))
	if off+12 > len(data) {
		return nil, errors.New("truncated font collection")
	}
	numTables := int(be.Uint16(data[off+4:]))
	dirLen := 12 + 16*numTables
	if off+dirLen > len(data) {
		return nil, errors.New("truncated font collection")
	}
	out := make([]byte, dirLen)
	copy(out, data[off:off+dirLen])
	for i := 0; i < numTables; i++ {
		rec := out[12+16*i:]
		tOff, tLen := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if tOff+tLen > len(data) {
			return nil, errors.New("truncated font table")
		}
		be.PutUint32(rec[8:], uint32(len(out)))
		out = append(out, data[tOff:tOff+tLen]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
