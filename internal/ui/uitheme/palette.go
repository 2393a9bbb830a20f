package uitheme

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Colour names the toolkit adds for its cards and the loyalty card.
const (
	// ColorNameTier is the colour of the first tier's mark; ColorNameTier+"1",
	// "2"... name the following tiers' (see TierColor).
	ColorNameTier fyne.ThemeColorName = "regulars.tier"
	// ColorNameImageSlot is the background of an image slot without a photo.
	ColorNameImageSlot fyne.ThemeColorName = "regulars.imageSlot"
)

// Palette is the one set of colours of a variant (light or dark): every
// colour the theme returns comes from here, so success, warning and the
// tier colours agree with the background they are drawn on.
type Palette struct {
	Background, Surface, Input, InputBorder color.NRGBA
	Foreground, Secondary, Disabled         color.NRGBA
	Button, DisabledButton, Separator       color.NRGBA
	Hover, Pressed, ScrollBar, Shadow       color.NRGBA
	Primary, OnPrimary                      color.NRGBA
	Success, Warning, Error                 color.NRGBA
	OnSuccess, OnWarning, OnError           color.NRGBA
	ImageSlot                               color.NRGBA
	// Tiers are the marks of the loyalty tiers, lowest first: copper,
	// silver, gold, then the accent. Text is never drawn on them.
	Tiers []color.NRGBA
}

func rgb(h uint32) color.NRGBA {
	return color.NRGBA{R: uint8(h >> 16), G: uint8(h >> 8), B: uint8(h), A: 0xff}
}

func rgba(h uint32, a uint8) color.NRGBA { c := rgb(h); c.A = a; return c }

// DefaultAccent is the coffee colour used when the business has none.
var DefaultAccent = rgb(0x9c4a22)

// NewPalette returns the light or dark palette around accent (the
// business's colour), whose lightness is moved until text on it and it as
// text both read at 4.5:1 at least.
func NewPalette(dark bool, accent color.NRGBA) Palette {
	var p Palette
	if dark {
		p = Palette{
			Background: rgb(0x1c1714), Surface: rgb(0x28211d), Input: rgb(0x312924), InputBorder: rgb(0x6b5b4f),
			Foreground: rgb(0xf5eee8), Secondary: rgb(0xc6b7aa), Disabled: rgb(0x7e7066),
			Button: rgb(0x3b312b), DisabledButton: rgb(0x2c2520), Separator: rgb(0x3d332c),
			Hover: rgba(0xffffff, 0x14), Pressed: rgba(0xffffff, 0x26), ScrollBar: rgba(0xffffff, 0x55), Shadow: rgba(0x000000, 0x66),
			Success: rgb(0x8fd4a4), Warning: rgb(0xf2c46d), Error: rgb(0xf4aaa2),
			OnSuccess: rgb(0x1c1714), OnWarning: rgb(0x1c1714), OnError: rgb(0x1c1714), OnPrimary: rgb(0x1c1714),
			ImageSlot: rgb(0x3a2e26),
			Tiers:     []color.NRGBA{rgb(0xc98a5b), rgb(0xc9ccd1), rgb(0xe6c15a)},
		}
	} else {
		p = Palette{
			Background: rgb(0xfaf6f1), Surface: rgb(0xffffff), Input: rgb(0xf1e9e0), InputBorder: rgb(0xb9a695),
			Foreground: rgb(0x2a201a), Secondary: rgb(0x66554a), Disabled: rgb(0xa39386),
			Button: rgb(0xece2d7), DisabledButton: rgb(0xeee8e1), Separator: rgb(0xe3d8cc),
			Hover: rgba(0x000000, 0x0f), Pressed: rgba(0x000000, 0x1c), ScrollBar: rgba(0x000000, 0x55), Shadow: rgba(0x3a2a1e, 0x33),
			Success: rgb(0x2d6a40), Warning: rgb(0x8a5200), Error: rgb(0xb3261e),
			OnSuccess: rgb(0xffffff), OnWarning: rgb(0xffffff), OnError: rgb(0xffffff), OnPrimary: rgb(0xffffff),
			ImageSlot: rgb(0xefe1d2),
			Tiers:     []color.NRGBA{rgb(0xa8643a), rgb(0x8d949c), rgb(0xb8901c)},
		}
	}
	p.Primary = readableAccent(accent, p)
	return p
}

// readableAccent moves accent's lightness (keeping its hue) until OnPrimary
// reads on it and it reads as text on the background, a card and an entry.
func readableAccent(accent color.NRGBA, p Palette) color.NRGBA {
	h, s, l := toHSL(accent)
	ok := func(c color.NRGBA) bool {
		return Contrast(p.OnPrimary, c) >= 4.6 && Contrast(c, p.Background) >= 4.6 &&
			Contrast(c, p.Surface) >= 4.6 && Contrast(c, p.Input) >= 4.6
	}
	step := -0.01 // darker for white text
	if Luminance(p.OnPrimary) < 0.5 {
		step = 0.01 // lighter for dark text
	}
	for i := 0; i < 100; i++ {
		c := fromHSL(h, s, l)
		if ok(c) {
			return c
		}
		l = math.Max(0, math.Min(1, l+step))
	}
	return p.Foreground
}

// TierColor is the mark of tier i of n (lowest first) in th: copper, silver
// and gold for three tiers, the primary colour beyond.
func TierColor(th fyne.Theme, v fyne.ThemeVariant, i int) color.Color {
	name := ColorNameTier
	if i > 0 {
		name += fyne.ThemeColorName(rune('0' + i%10))
	}
	if h, ok := th.(ColorHaver); ok && h.HasColor(name) {
		return th.Color(name, v)
	}
	return th.Color(theme.ColorNamePrimary, v)
}

// ImageSlotColor is the background of an image slot in th.
func ImageSlotColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	if h, ok := th.(ColorHaver); ok && h.HasColor(ColorNameImageSlot) {
		return th.Color(ColorNameImageSlot, v)
	}
	return th.Color(theme.ColorNameInputBackground, v)
}

// Luminance is the WCAG relative luminance of c (composited on black if
// translucent: callers blend first).
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Contrast is the WCAG contrast ratio of two opaque colours.
func Contrast(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Over composites fg (maybe translucent, not premultiplied) over opaque bg.
func Over(fg, bg color.Color) color.NRGBA {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func toHSL(c color.NRGBA) (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6, s, l
}

func fromHSL(h, s, l float64) color.NRGBA {
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return color.NRGBA{R: v, G: v, B: v, A: 0xff}
	}
	q := l * (1 + s)
	if l >= 0.5 {
		q = l + s - l*s
	}
	p := 2*l - q
	hue := func(t float64) float64 {
		switch {
		case t < 0:
			t++
		case t > 1:
			t--
		}
		switch {
		case t < 1.0/6:
			return p + (q-p)*6*t
		case t < 0.5:
			return q
		case t < 2.0/3:
			return p + (q-p)*(2.0/3-t)*6
		}
		return p
	}
	u := func(x float64) uint8 { return uint8(math.Round(x * 255)) }
	return color.NRGBA{R: u(hue(h + 1.0/3)), G: u(hue(h)), B: u(hue(h - 1.0/3)), A: 0xff}
}
