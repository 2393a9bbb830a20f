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

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// Theme is the look of Regulars: a warm light or dark palette (following
// the system's choice) around the business's accent colour, larger touch
// targets on a phone, and text fonts chosen for the language shown. Fyne's
// bundled font has no Arabic-script, Hebrew, Devanagari or CJK glyphs, so for those
// languages the theme loads the Noto fonts the system has (Debian's
// fonts-noto-core and fonts-noto-cjk); text in other scripts inside them
// (a Latin name in an Arabic screen) falls back to Fyne's own font.
type Theme struct {
	base          fyne.Theme
	regular, bold fyne.Resource // nil: Fyne's default font
	lang          string
	accent        color.NRGBA
	// variant forces light or dark (the gallery); followSystem lets the
	// system's preference decide.
	variant fyne.ThemeVariant
	touch   bool // a phone: every control at least 44 dp tall
	light   uitheme.Palette
	dark    uitheme.Palette
}

var _ fyne.Theme = (*Theme)(nil)

// followSystem is the variant value meaning "what the system prefers".
const followSystem fyne.ThemeVariant = 99

// NewTheme returns the theme for the language with the given code, in the
// default coffee accent, following the system's light or dark preference,
// with touch sizes on a mobile device.
func NewTheme(lang string) *Theme {
	t := &Theme{base: theme.DefaultTheme(), lang: lang, accent: uitheme.DefaultAccent, variant: followSystem}
	if d := fyne.CurrentDevice(); d != nil {
		t.touch = d.IsMobile()
	}
	t.regular, t.bold = fontsFor(lang)
	t.palettes()
	return t
}

func (t *Theme) palettes() {
	t.light = uitheme.NewPalette(false, t.accent)
	t.dark = uitheme.NewPalette(true, t.accent)
}

func (t *Theme) copy() *Theme { c := *t; return &c }

// WithBrand returns the theme in the business's accent colour ("#rrggbb";
// the default coffee if empty or malformed).
func (t *Theme) WithBrand(b community.Brand) *Theme {
	c := t.copy()
	c.accent = uitheme.DefaultAccent
	if rgb, ok := community.ParseAccent(b.Accent); ok {
		c.accent = color.NRGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xff}
	}
	c.palettes()
	return c
}

// WithVariant returns the theme always light or dark, whatever the system
// prefers (the screenshot gallery renders both).
func (t *Theme) WithVariant(v fyne.ThemeVariant) *Theme {
	c := t.copy()
	c.variant = v
	return c
}

// WithTouch returns the theme with (or without) touch sizes: controls at
// least 44 dp tall, for a phone layout in a desktop window too.
func (t *Theme) WithTouch(on bool) *Theme {
	c := t.copy()
	c.touch = on
	return c
}

// ForLanguage returns the theme with the fonts of another language, keeping
// its colours and sizes.
func (t *Theme) ForLanguage(lang string) *Theme {
	c := t.copy()
	c.lang = lang
	c.regular, c.bold = fontsFor(lang)
	return c
}

// Touch reports whether the theme has touch sizes.
func (t *Theme) Touch() bool { return t.touch }

// Palette is the palette drawn for variant v.
func (t *Theme) Palette(v fyne.ThemeVariant) uitheme.Palette {
	if t.variant != followSystem {
		v = t.variant
	}
	if v == theme.VariantDark {
		return t.dark
	}
	return t.light // a light café, also when the system says nothing
}

// Color returns the theme's colours, all from its palette.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	p := t.Palette(v)
	switch n {
	case theme.ColorNameBackground:
		return p.Background
	case theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground:
		return p.Surface
	case theme.ColorNameInputBackground, theme.ColorNameHeaderBackground:
		return p.Input
	case theme.ColorNameInputBorder:
		return p.InputBorder
	case theme.ColorNameForeground:
		return p.Foreground
	case uitheme.ColorNameSecondaryText, theme.ColorNamePlaceHolder:
		return p.Secondary
	case theme.ColorNameDisabled:
		return p.Disabled
	case theme.ColorNameButton:
		return p.Button
	case theme.ColorNameDisabledButton:
		return p.DisabledButton
	case theme.ColorNameSeparator:
		return p.Separator
	case theme.ColorNameHover:
		return p.Hover
	case theme.ColorNamePressed:
		return p.Pressed
	case theme.ColorNameScrollBar:
		return p.ScrollBar
	case theme.ColorNameScrollBarBackground:
		return color.Transparent
	case theme.ColorNameShadow:
		return p.Shadow
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return p.Primary
	case theme.ColorNameForegroundOnPrimary:
		return p.OnPrimary
	case theme.ColorNameFocus:
		c := p.Primary
		c.A = 0x80
		return c
	case theme.ColorNameSelection:
		c := p.Primary
		c.A = 0x30
		return c
	case theme.ColorNameSuccess:
		return p.Success
	case theme.ColorNameWarning:
		return p.Warning
	case theme.ColorNameError:
		return p.Error
	case theme.ColorNameForegroundOnSuccess:
		return p.OnSuccess
	case theme.ColorNameForegroundOnWarning:
		return p.OnWarning
	case theme.ColorNameForegroundOnError:
		return p.OnError
	case uitheme.ColorNameImageSlot:
		return p.ImageSlot
	}
	if strings.HasPrefix(string(n), string(uitheme.ColorNameTier)) {
		i := 0
		if rest := strings.TrimPrefix(string(n), string(uitheme.ColorNameTier)); rest != "" {
			i = int(rest[0] - '0')
		}
		if i < len(p.Tiers) {
			return p.Tiers[i]
		}
		return p.Primary
	}
	return t.base.Color(n, v)
}

// HasColor reports the colours the theme adds to Fyne's (uitheme.ColorHaver).
func (t *Theme) HasColor(n fyne.ThemeColorName) bool {
	return n == uitheme.ColorNameSecondaryText || n == uitheme.ColorNameImageSlot ||
		strings.HasPrefix(string(n), string(uitheme.ColorNameTier))
}

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

// Size returns Fyne's sizes with rounder corners, and on a phone a larger
// text and inner padding: a button, an entry, a select or a check is then
// 44 dp tall (measured: 15 pt text and 12 dp inner padding give 44.4 dp;
// 13 leaves room for the parts of an entry: its password revealer is then
// 44 dp tall, at 12.5 it was 43).
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 8
	}
	if t.touch {
		switch n {
		case theme.SizeNameInnerPadding:
			return 13
		case theme.SizeNameText:
			return 15
		}
	}
	return t.base.Size(n)
}

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
