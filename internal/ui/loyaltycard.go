package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
)

// Milestone is a tier on the way: its name (the business's text) and the
// lifetime points that reach it.
type Milestone struct {
	Name string
	At   int64
}

// LoyaltyCardData is what the loyalty card shows. Cafe, Member, Tier and
// the milestones' names are content; Balance and Next are interface text.
type LoyaltyCardData struct {
	Cafe       string
	Logo       []byte
	Member     string
	Tier       string
	TierIndex  int    // which milestone the member has reached
	Balance    string // "740 points"
	Next       string // "10 more points to Local Legend"
	Lifetime   int64
	Milestones []Milestone // ascending
}

// NewLoyaltyCard is the member's card in the café's colour: logo and name,
// the member and their tier, the balance large, and the way through the
// tiers with a mark at each.
func NewLoyaltyCard(d bidi.Dir, c LoyaltyCardData) fyne.CanvasObject {
	cafe := NewDataLine(d, true)
	cafe.SetData(d, c.Cafe)
	member := NewDataLine(d, false)
	member.SetData(d, c.Member)
	top := mirror.Border(d, nil, nil, container.NewCenter(NewLogo(c.Cafe, c.Logo, 36)), newTierChip(d, c.Tier, c.TierIndex),
		container.NewVBox(Compact(cafe), Compact(member)))
	balance := NewText(d, c.Balance)
	balance.TextStyle.Bold = true
	balance.SizeName = theme.SizeNameHeadingText
	next := NewText(d, c.Next)
	next.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(top, balance, NewMilestones(d, c.Milestones, c.Lifetime), Compact(next))
	s := NewSurface(content)
	s.Fill = theme.ColorNamePrimary
	return container.NewThemeOverride(s, onPrimaryTheme{})
}

// onPrimaryTheme is the app's theme with text in the colour that reads on
// the primary colour: the loyalty card is painted in the café's accent.
type onPrimaryTheme struct{}

func (onPrimaryTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t onPrimaryTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground, uitheme.ColorNameSecondaryText, theme.ColorNamePlaceHolder:
		return t.base().Color(theme.ColorNameForegroundOnPrimary, v)
	}
	return t.base().Color(n, v)
}

func (t onPrimaryTheme) HasColor(n fyne.ThemeColorName) bool {
	h, ok := t.base().(uitheme.ColorHaver)
	return n == uitheme.ColorNameSecondaryText || ok && h.HasColor(n)
}

func (t onPrimaryTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t onPrimaryTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t onPrimaryTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// newTierChip is the tier's name beside its mark, on a pill a shade away
// from the card: a status, not a filter to tap.
func newTierChip(d bidi.Dir, name string, index int) fyne.CanvasObject {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	on := th.Color(theme.ColorNameForegroundOnPrimary, v)
	shade := color.NRGBA{A: 0x38}
	if uitheme.Luminance(on) < 0.5 {
		shade = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x48}
	}
	pill := canvas.NewRectangle(shade)
	pill.CornerRadius = 14
	dot := canvas.NewCircle(uitheme.TierColor(th, v, index))
	dot.StrokeColor = on
	dot.StrokeWidth = 1.5
	label := canvas.NewText(bidi.Visual(bidi.Content(d, name), name), on)
	label.TextStyle.Bold = true
	label.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	chip := &tierChip{content: &fyne.Container{Layout: chipLayout{rtl: d.RTL()}, Objects: []fyne.CanvasObject{pill, dot, label}}}
	chip.ExtendBaseWidget(chip)
	return container.NewCenter(chip)
}

// tierChip holds the tier's pill: its name is the business's text.
type tierChip struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

// IsUserData marks the tier name as the business's content.
func (c *tierChip) IsUserData() bool { return true }

func (c *tierChip) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

type chipLayout struct{ rtl bool }

func (chipLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[2].MinSize()
	return fyne.NewSize(10+12+6+t.Width+12, max(28, t.Height+8))
}

func (c chipLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	t := objs[2].MinSize()
	dotX, textX := float32(10), float32(10+12+6)
	if c.rtl {
		dotX, textX = size.Width-10-12, size.Width-10-12-6-t.Width
	}
	objs[1].Resize(fyne.NewSquareSize(12))
	objs[1].Move(fyne.NewPos(dotX, (size.Height-12)/2))
	objs[2].Resize(t)
	objs[2].Move(fyne.NewPos(textX, (size.Height-t.Height)/2))
}

// Milestones is a progress track through the tiers: filled up to the
// member's lifetime points, with a mark and a name at each tier's
// threshold, from the reading direction's start.
type Milestones struct {
	widget.BaseWidget
	dir        bidi.Dir
	milestones []Milestone
	value      int64
}

// NewMilestones returns the track for value points through milestones.
func NewMilestones(d bidi.Dir, ms []Milestone, value int64) *Milestones {
	m := &Milestones{dir: d, milestones: ms, value: value}
	m.ExtendBaseWidget(m)
	return m
}

// IsUserData marks the tier names as the business's content.
func (m *Milestones) IsUserData() bool { return true }

// CreateRenderer draws the track, the marks and their names.
func (m *Milestones) CreateRenderer() fyne.WidgetRenderer {
	r := &milestonesRenderer{m: m, track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent)}
	for _, ms := range m.milestones {
		r.marks = append(r.marks, canvas.NewCircle(color.Transparent))
		t := canvas.NewText(bidi.Visual(bidi.Content(m.dir, ms.Name), ms.Name), color.Transparent)
		r.names = append(r.names, t)
	}
	r.Refresh()
	return r
}

type milestonesRenderer struct {
	m           *Milestones
	track, fill *canvas.Rectangle
	marks       []*canvas.Circle
	names       []*canvas.Text
}

const trackH, markD = float32(8), float32(18)

func (r *milestonesRenderer) top() int64 {
	if n := len(r.m.milestones); n > 0 && r.m.milestones[n-1].At > 0 {
		return r.m.milestones[n-1].At
	}
	return max(1, r.m.value)
}

// x is where v points sit on a track w wide, from the reading start.
func (r *milestonesRenderer) x(v int64, w float32) float32 {
	f := float32(min(v, r.top())) / float32(r.top())
	pad := markD / 2
	x := pad + f*(w-2*pad)
	if r.m.dir.RTL() {
		x = w - x
	}
	return x
}

func (r *milestonesRenderer) Layout(size fyne.Size) {
	cy := markD / 2
	pad := markD / 2
	r.track.Resize(fyne.NewSize(size.Width-2*pad, trackH))
	r.track.Move(fyne.NewPos(pad, cy-trackH/2))
	end := r.x(r.m.value, size.Width)
	start := pad
	if r.m.dir.RTL() {
		start, end = end, size.Width-pad
	}
	r.fill.Resize(fyne.NewSize(max(0, end-start), trackH))
	r.fill.Move(fyne.NewPos(start, cy-trackH/2))
	for i, ms := range r.m.milestones {
		x := r.x(ms.At, size.Width)
		r.marks[i].Resize(fyne.NewSquareSize(markD))
		r.marks[i].Move(fyne.NewPos(x-markD/2, 0))
		t := r.names[i].MinSize()
		tx := min(max(0, x-t.Width/2), size.Width-t.Width)
		r.names[i].Resize(t)
		r.names[i].Move(fyne.NewPos(tx, markD+2))
	}
}

func (r *milestonesRenderer) MinSize() fyne.Size {
	h := markD
	w := float32(0)
	for _, t := range r.names {
		s := t.MinSize()
		h = max(h, markD+2+s.Height)
		w += s.Width + 8
	}
	return fyne.NewSize(w, h)
}

func (r *milestonesRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	track := color.NRGBAModel.Convert(fg).(color.NRGBA)
	track.A = 0x55
	r.track.FillColor = track
	r.track.CornerRadius = trackH / 2
	r.fill.FillColor = fg
	r.fill.CornerRadius = trackH / 2
	for i, ms := range r.m.milestones {
		r.marks[i].StrokeColor = fg
		r.marks[i].StrokeWidth = 2
		if r.m.value >= ms.At {
			r.marks[i].FillColor = uitheme.TierColor(th, v, i)
		} else {
			r.marks[i].FillColor = th.Color(theme.ColorNamePrimary, v)
		}
		r.names[i].Color = fg
		r.names[i].TextSize = th.Size(theme.SizeNameCaptionText)
		r.names[i].TextStyle.Bold = r.m.value >= ms.At
	}
	canvas.Refresh(r.m)
}

func (r *milestonesRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.track, r.fill}
	for _, m := range r.marks {
		objs = append(objs, m)
	}
	for _, t := range r.names {
		objs = append(objs, t)
	}
	return objs
}

func (r *milestonesRenderer) Destroy() {}
