package screens

// Shared building blocks of every screen: refusals shown next to a field,
// empty states, section headers, avatars, tier badges, and the helpers that
// mirror a layout for right-to-left languages (Fyne 2.7 does not mirror
// layouts by itself: rows, text alignment and progress bars are turned here).
//
// User content (names, titles, posts written by people, the business's own
// texts) is shown through NewDataLabel or inside a widget that implements
// UserData, so the pseudo-locale test can tell it from interface text that
// should have gone through the message catalog.

import (
	"errors"
	"image/color"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"golang.org/x/text/unicode/bidi"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
)

// UserData is implemented by widgets that show user content rather than
// interface text. The pseudo-locale test skips them and everything inside.
type UserData interface {
	IsUserData() bool
}

// ErrorText explains err in the user's language. A validation error reads
// "<field label>: <reason>" when the catalog has a label for the field
// (ValidationError.FieldMessageID) and just the reason otherwise; the store's
// sentinel errors have their own reasons; anything else asks to try again.
func ErrorText(l *i18n.Localizer, err error) string {
	if err == nil {
		return ""
	}
	if v, ok := community.AsValidation(err); ok {
		data := map[string]any{"Limit": l.Number(int64(v.Limit))}
		msg := l.T(v.MessageID(), data)
		if msg == v.MessageID() { // a reason the catalog lacks
			msg = l.T("ReasonInvalid")
		}
		if id := v.FieldMessageID(); l.T(id) != id {
			return l.T(id) + ": " + msg
		}
		return msg
	}
	switch {
	case errors.Is(err, community.ErrForbidden):
		return l.T("ReasonForbidden")
	case errors.Is(err, community.ErrNotFound):
		return l.T("ReasonNotFound")
	case errors.Is(err, community.ErrConflict):
		return l.T("ReasonConflict")
	case errors.Is(err, community.ErrUnavailable):
		return l.T("ReasonUnavailable")
	}
	return l.T("ReasonUnavailable")
}

// FieldError is a label in the theme's error colour, shown next to a field
// when a write is refused; it is hidden while there is nothing to say.
type FieldError struct {
	widget.Label
	env *Env
}

// NewFieldError returns a hidden FieldError speaking env's language.
func NewFieldError(env *Env) *FieldError {
	f := &FieldError{env: env}
	f.Importance = widget.DangerImportance
	f.Wrapping = fyne.TextWrapWord
	f.Alignment = TextAlign(env)
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

// SetError shows err explained in the user's language (see ErrorText); nil
// hides the label.
func (f *FieldError) SetError(err error) {
	if err == nil {
		f.Clear()
		return
	}
	f.SetMessage(ErrorText(f.env.L(), err))
}

// SetMessage shows an already translated message; "" hides the label.
func (f *FieldError) SetMessage(msg string) {
	f.SetText(Visual(f.env, msg))
	if msg == "" {
		f.Hide()
	} else {
		f.Show()
	}
}

// Clear hides the label.
func (f *FieldError) Clear() {
	f.Label.SetText("")
	f.Hide()
}

// FieldErrors routes a refused write to the label of the field it names, so
// a form with several fields shows the reason next to the right one; errors
// that name no known field go to General.
type FieldErrors struct {
	env     *Env
	fields  map[string]*FieldError
	general *FieldError
}

// NewFieldErrors returns an empty set of field labels.
func NewFieldErrors(env *Env) *FieldErrors {
	return &FieldErrors{env: env, fields: map[string]*FieldError{}, general: NewFieldError(env)}
}

// Field returns the label of a field, by the name validation errors use
// ("title", "starts_at"), creating it on first use.
func (f *FieldErrors) Field(name string) *FieldError {
	fe, ok := f.fields[name]
	if !ok {
		fe = NewFieldError(f.env)
		f.fields[name] = fe
	}
	return fe
}

// General is the label for refusals that belong to no single field.
func (f *FieldErrors) General() *FieldError { return f.general }

// Show clears every label, then shows err next to its field (or in General).
// It reports whether err was not nil. The form keeps what the user typed.
func (f *FieldErrors) Show(err error) bool {
	f.Clear()
	if err == nil {
		return false
	}
	if v, ok := community.AsValidation(err); ok {
		if fe, ok := f.fields[v.Field]; ok {
			fe.SetError(err)
			return true
		}
	}
	f.general.SetError(err)
	return true
}

// Clear hides every label.
func (f *FieldErrors) Clear() {
	for _, fe := range f.fields {
		fe.Clear()
	}
	f.general.Clear()
}

// NewFormRow stacks a field's label, its input and its refusal label, aligned
// to the reading direction's start. fe may be nil.
func NewFormRow(env *Env, label string, input fyne.CanvasObject, fe *FieldError) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.TextStyle.Bold = true
	l.Alignment = TextAlign(env)
	l.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{l, input}
	if fe != nil {
		objs = append(objs, fe)
	}
	return container.NewVBox(objs...)
}

// NewEmptyState is what an empty list shows: what is missing and what to do
// next, with an optional button that does it (actionText "" or action nil
// for none). icon may be nil.
func NewEmptyState(env *Env, icon fyne.Resource, text, actionText string, action func()) fyne.CanvasObject {
	msg := secondaryWrapped(text)
	msg.Label.Alignment = fyne.TextAlignCenter
	objs := []fyne.CanvasObject{}
	if icon != nil {
		img := widget.NewIcon(theme.NewDisabledResource(icon))
		objs = append(objs, container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(theme.IconInlineSize()*2), img)))
	}
	objs = append(objs, msg)
	if actionText != "" && action != nil {
		b := widget.NewButton(actionText, action)
		b.Importance = widget.HighImportance
		objs = append(objs, container.NewCenter(b))
	}
	return container.NewPadded(container.NewVBox(objs...))
}

// NewSectionHeader is a bold heading over a section, at the reading
// direction's start, with a separator under it.
func NewSectionHeader(env *Env, text string) fyne.CanvasObject {
	l := widget.NewLabel(Visual(env, text))
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	l.Alignment = TextAlign(env)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(l, widget.NewSeparator())
}

// NewText returns a word-wrapping label aligned to the reading direction's start.
func NewText(env *Env, text string) *widget.Label {
	l := widget.NewLabel(Visual(env, text))
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = TextAlign(env)
	return l
}

// DataLabel is a label showing user content (a name, a title, a note).
type DataLabel struct {
	widget.Label
}

// NewDataLabel returns a word-wrapping DataLabel aligned to the reading start.
func NewDataLabel(env *Env, text string) *DataLabel {
	d := &DataLabel{}
	d.Text = visualContent(env, text)
	d.Wrapping = fyne.TextWrapWord
	d.Alignment = TextAlign(env)
	d.ExtendBaseWidget(d)
	return d
}

// IsUserData marks the label as user content.
func (d *DataLabel) IsUserData() bool { return true }

// RTL reports whether env's language is written right to left.
func RTL(env *Env) bool { return env.L().RTL() }

// TextAlign is the alignment of the reading direction's start.
func TextAlign(env *Env) fyne.TextAlign {
	if RTL(env) {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// TextAlignEnd is the alignment of the reading direction's end.
func TextAlignEnd(env *Env) fyne.TextAlign {
	if RTL(env) {
		return fyne.TextAlignLeading
	}
	return fyne.TextAlignTrailing
}

// Mirror returns objs in reading order: reversed for right-to-left languages.
func Mirror(env *Env, objs ...fyne.CanvasObject) []fyne.CanvasObject {
	if !RTL(env) {
		return objs
	}
	rev := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		rev[len(objs)-1-i] = o
	}
	return rev
}

// NewRow lays objs out in a row from the reading direction's start (packed
// to the right, in reverse order, for right-to-left languages).
func NewRow(env *Env, objs ...fyne.CanvasObject) *fyne.Container {
	if RTL(env) {
		return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, Mirror(env, objs...)...)...)
	}
	return container.NewHBox(objs...)
}

// NewRowBorder puts leading at the reading start and trailing at its end,
// center filling the rest (container.NewBorder, mirrored for RTL).
func NewRowBorder(env *Env, leading, trailing fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	if RTL(env) {
		leading, trailing = trailing, leading
	}
	return container.NewBorder(nil, nil, leading, trailing, center...)
}

// NewPage is a screen's scrolling body: objs stacked with the theme's padding.
func NewPage(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(objs...)))
}

// Confirm asks before something that cannot be undone; yes runs when the
// user confirms with confirmText. The other answer is "Cancel".
func Confirm(env *Env, title, message, confirmText string, yes func()) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, confirmText, env.L().T("CommonCancel"), msg, func(ok bool) {
		if ok {
			yes()
		}
	}, env.Win)
	d.Resize(fyne.NewSize(340, 0))
	d.Show()
}

// ShowError tells the user, in a dialog, why something failed that belongs
// to no field.
func ShowError(env *Env, err error) {
	msg := widget.NewLabel(ErrorText(env.L(), err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(env.L().T("CommonErrorTitle"), env.L().T("CommonOK"), msg, env.Win)
	d.Resize(fyne.NewSize(340, 0))
	d.Show()
}

// Initials returns up to two initials of a name: the first letters of its
// first and last words ("Amira El-Sayed" gives "AE", "Lucía" gives "L").
func Initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) })
	if len(words) == 0 {
		return "?"
	}
	first := []rune(words[0])[:1]
	out := string(unicode.ToUpper(first[0]))
	if len(words) > 1 {
		last := []rune(words[len(words)-1])
		out += string(unicode.ToUpper(last[0]))
	}
	return out
}

// Avatar is a circle in the theme's primary colour with a person's initials.
type Avatar struct {
	widget.BaseWidget
	name string
	size float32
}

// NewAvatar returns an avatar for name, size units across (0: twice the
// inline icon size).
func NewAvatar(name string, size float32) *Avatar {
	if size <= 0 {
		size = theme.IconInlineSize() * 2
	}
	a := &Avatar{name: name, size: size}
	a.ExtendBaseWidget(a)
	return a
}

// IsUserData marks the initials as user content.
func (a *Avatar) IsUserData() bool { return true }

// CreateRenderer draws the circle and the initials.
func (a *Avatar) CreateRenderer() fyne.WidgetRenderer {
	circle := &canvas.Circle{}
	text := canvas.NewText(Initials(a.name), color.Transparent)
	text.TextStyle.Bold = true
	text.Alignment = fyne.TextAlignCenter
	r := &avatarRenderer{a: a, circle: circle, text: text}
	r.Refresh()
	return r
}

type avatarRenderer struct {
	a      *Avatar
	circle *canvas.Circle
	text   *canvas.Text
}

func (r *avatarRenderer) Layout(s fyne.Size) {
	d := fyne.Min(s.Width, s.Height)
	pos := fyne.NewPos((s.Width-d)/2, (s.Height-d)/2)
	r.circle.Resize(fyne.NewSquareSize(d))
	r.circle.Move(pos)
	ts := r.text.MinSize()
	r.text.Resize(fyne.NewSize(d, ts.Height))
	r.text.Move(fyne.NewPos(pos.X, pos.Y+(d-ts.Height)/2))
}

func (r *avatarRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(r.a.size) }

func (r *avatarRenderer) Refresh() {
	th := r.a.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.circle.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.text.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	r.text.Text = Initials(r.a.name)
	r.text.TextSize = r.a.size * 0.4
	r.circle.Refresh()
	r.text.Refresh()
	r.Layout(r.a.Size())
}

func (r *avatarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.circle, r.text} }
func (r *avatarRenderer) Destroy()                     {}

// TierName is a tier's name in the member's language, as the business wrote it.
func TierName(l *i18n.Localizer, t community.Tier) string {
	if n := t.Names.In(l.Code()); n != "" {
		return n
	}
	return t.ID
}

// TierBadge is a pill with a star and the tier's name (the business's text).
type TierBadge struct {
	widget.BaseWidget
	name string
}

// NewTierBadge returns a badge for tier t in env's language.
func NewTierBadge(env *Env, t community.Tier) *TierBadge {
	b := &TierBadge{name: visualContent(env, TierName(env.L(), t))}
	b.ExtendBaseWidget(b)
	return b
}

// IsUserData marks the tier name as the business's content.
func (b *TierBadge) IsUserData() bool { return true }

// CreateRenderer draws the pill.
func (b *TierBadge) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	icon := widget.NewIcon(theme.NewPrimaryThemedResource(theme.ConfirmIcon()))
	label := widget.NewLabel(b.name)
	label.TextStyle.Bold = true
	row := container.NewHBox(icon, label)
	r := &badgeRenderer{b: b, bg: bg, row: row, label: label}
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b     *TierBadge
	bg    *canvas.Rectangle
	row   *fyne.Container
	label *widget.Label
}

func (r *badgeRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.row.Resize(s)
}

func (r *badgeRenderer) MinSize() fyne.Size { return r.row.MinSize() }

func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius) * 2
	r.label.SetText(r.b.name)
	r.bg.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.row} }
func (r *badgeRenderer) Destroy()                     {}

// ProgressBar is a progress bar that fills from the reading direction's
// start: from the right in right-to-left languages (widget.ProgressBar always
// fills from the left). Its text, when set, is drawn centred over the bar.
type ProgressBar struct {
	widget.BaseWidget
	rtl   bool
	value float64
	text  string
}

// NewProgressBar returns an empty bar for env's writing direction.
func NewProgressBar(env *Env) *ProgressBar {
	p := &ProgressBar{rtl: RTL(env)}
	p.ExtendBaseWidget(p)
	return p
}

// Value is how full the bar is, from 0 to 1.
func (p *ProgressBar) Value() float64 { return p.value }

// SetValue fills the bar to v, clamped to 0..1.
func (p *ProgressBar) SetValue(v float64) {
	p.value = max(0, min(1, v))
	p.Refresh()
}

// SetText sets the (translated) text drawn over the bar; "" for none.
func (p *ProgressBar) SetText(s string) {
	p.text = s
	p.Refresh()
}

// CreateRenderer draws the track, the fill and the text.
func (p *ProgressBar) CreateRenderer() fyne.WidgetRenderer {
	r := &progressRenderer{p: p, track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText("", color.Transparent)}
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type progressRenderer struct {
	p           *ProgressBar
	track, fill *canvas.Rectangle
	text        *canvas.Text
}

func (r *progressRenderer) Layout(s fyne.Size) {
	r.track.Resize(s)
	w := float32(r.p.value) * s.Width
	r.fill.Resize(fyne.NewSize(w, s.Height))
	if r.p.rtl {
		r.fill.Move(fyne.NewPos(s.Width-w, 0))
	} else {
		r.fill.Move(fyne.NewPos(0, 0))
	}
	ts := r.text.MinSize()
	r.text.Resize(fyne.NewSize(s.Width, ts.Height))
	r.text.Move(fyne.NewPos(0, (s.Height-ts.Height)/2))
}

func (r *progressRenderer) MinSize() fyne.Size {
	th := r.p.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	h := th.Size(theme.SizeNameText) + pad
	if r.p.text != "" {
		ts := r.text.MinSize()
		return fyne.NewSize(ts.Width+2*pad, ts.Height+pad)
	}
	return fyne.NewSize(pad*4, h/2)
}

func (r *progressRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.track.CornerRadius = radius
	r.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.fill.CornerRadius = radius
	r.text.Text = r.p.text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.track.Refresh()
	r.fill.Refresh()
	r.text.Refresh()
	r.Layout(r.p.Size())
}

func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.fill, r.text}
}
func (r *progressRenderer) Destroy() {}

// TapCard is a card the user taps to open what it shows (an announcement,
// an event). Its content is laid out by the caller, so it can be mirrored.
type TapCard struct {
	widget.Card
	OnTapped func()
}

// NewTapCard wraps content in a card that calls tapped when tapped.
func NewTapCard(content fyne.CanvasObject, tapped func()) *TapCard {
	c := &TapCard{OnTapped: tapped}
	c.Content = content
	c.ExtendBaseWidget(c)
	return c
}

// Tapped calls OnTapped.
func (c *TapCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// deferredUI holds UI updates of background loads while QueueUI is in effect.
var deferredUI struct {
	sync.Mutex
	fns []func()
}

// QueueUI makes background loads hand their UI updates to Settle instead of
// fyne.Do. The screenshots command calls it: Fyne's test driver runs fyne.Do
// inline on the worker goroutine, which would race with the goroutine that
// drives and captures the window.
func QueueUI() {
	toUI = func(f func()) {
		deferredUI.Lock()
		deferredUI.fns = append(deferredUI.fns, f)
		deferredUI.Unlock()
	}
}

// Settle waits for the background loads of the screens and runs their UI
// updates on the calling goroutine until none is left (see QueueUI).
func Settle() {
	for {
		inflight.Wait()
		deferredUI.Lock()
		fns := deferredUI.fns
		deferredUI.fns = nil
		deferredUI.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// visualMax is the longest text Visual reorders: Fyne wraps a label's text
// before it draws it, so a long paragraph reordered as one line would wrap
// with its end first. Short texts (dates, counts, buttons, headers) fit on
// one line, where the reordering is right.
const visualMax = 60

// Visual returns interface text (a translated message, perhaps with names
// or numbers in it) with its direction runs in visual order for a
// right-to-left language, so that Fyne, which draws the runs of a text left
// to right in logical order (it resolves directions with a left-to-right
// paragraph and shapes each run in its own direction, but does not reorder
// them), shows "الجمعة، ٢٧ نوفمبر" or "عيد ميلاد سعيد يا Amira!" the way
// Arabic reads. The paragraph is right to left, as the interface, even when
// the text starts with a Latin name ("Amira Haddad · ٤ ردود"). Left-to-right
// languages and long texts are returned as is.
//
// The runs come from the Unicode bidi algorithm (golang.org/x/text, the
// package Fyne's text shaper uses too). A right-to-left run keeps its letters
// in logical order (Fyne shapes and turns them), but the spaces and
// punctuation at its edges are moved out of it, turned and mirrored, to the
// side the algorithm puts them: left inside the run, Fyne would resolve them
// as left to right and draw them at the wrong end. Where a moved space would
// still touch a number on one side and Arabic on the other (which Fyne would
// fold back into the Arabic run), left-to-right marks pin it.
func Visual(env *Env, s string) string {
	if !RTL(env) {
		return s
	}
	return visualOrder(s)
}

// visualContent is Visual for user content (a name, a title, a story): its
// paragraph direction is its own, from its first letter (Unicode bidi rule
// P2), whatever the interface's language; text without letters takes the
// interface's.
func visualContent(env *Env, s string) string {
	if !rtlParagraph(s, RTL(env)) {
		return s
	}
	return visualOrder(s)
}

// contentAlign is the alignment of user content: the start of its own
// writing direction (an Arabic story on an English screen reads from the
// right, an English poll option on an Arabic screen from the left).
func contentAlign(env *Env, s string) fyne.TextAlign {
	return alignFor(rtlParagraph(s, RTL(env)))
}

// visualOrder reorders s, read as a right-to-left paragraph, for Fyne: the
// characters in the order the bidi algorithm shows them, left to right,
// except that each group of right-to-left letters (with the spaces between
// them) is kept in logical order for Fyne to shape and turn. Fyne turns a
// right-to-left run only piece by piece where its font changes (a "·" the
// Arabic font lacks splits it), so every group is fenced with left-to-right
// marks to make it a run of its own, and a mark first makes Fyne's paragraph
// left to right: the spaces and punctuation between the groups are then
// drawn where they stand.
func visualOrder(s string) string {
	if len([]rune(s)) > visualMax {
		return s
	}
	return visualLine(s)
}

// visualLine is visualOrder for one line of any length: a Paragraph breaks
// its text into lines first, then reorders each.
func visualLine(s string) string {
	if s == "" {
		return s
	}
	runs, ok := bidiRuns(s, true)
	if !ok || len(runs) == 0 || len(runs) == 1 && (!runs[0].rtl || pureRTL(runs[0].text)) {
		return s
	}
	var b strings.Builder
	b.WriteString(lrm)
	pixels := []rune(displayOrder(s, true))
	for i := 0; i < len(pixels); {
		if !rtlLetter(pixels[i]) {
			b.WriteRune(pixels[i])
			i++
			continue
		}
		// A group: right-to-left letters and the spaces between them.
		j, end := i, i
		for j < len(pixels) && (rtlLetter(pixels[j]) || pixels[j] == ' ') {
			if rtlLetter(pixels[j]) {
				end = j + 1
			}
			j++
		}
		group := pixels[i:end]
		if !strings.HasSuffix(b.String(), lrm) {
			b.WriteString(lrm)
		}
		for k := len(group) - 1; k >= 0; k-- {
			b.WriteRune(group[k])
		}
		b.WriteString(lrm)
		i = end
	}
	return b.String()
}

// rtlLetter reports whether r is a right-to-left letter or a mark on one.
func rtlLetter(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL, bidi.NSM:
		return true
	}
	return false
}

// pureRTL reports whether s is right-to-left letters and the spaces between
// them only, which Fyne draws right as it is.
func pureRTL(s string) bool {
	if s == "" || !rtlLetter([]rune(s)[0]) || !rtlLetter([]rune(s)[len([]rune(s))-1]) {
		return false
	}
	for _, r := range s {
		if !rtlLetter(r) && r != ' ' {
			return false
		}
	}
	return true
}

// lrm and rlm are the left-to-right and right-to-left marks: invisible,
// strong characters of their direction.
const (
	lrm = "\u200e"
	rlm = "\u200f"
)

// bidiRun is a run of one direction, in logical order.
type bidiRun struct {
	text string
	rtl  bool
}

// bidiRuns splits s into its direction runs, in logical order: in a right to
// left paragraph with rtl, else in the paragraph direction its first letter
// gives (left to right without one), as Fyne's shaper splits it.
func bidiRuns(s string, rtl bool) ([]bidiRun, bool) {
	if rtl {
		s = rlm + s // x/text takes the paragraph's direction from the first letter
	}
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		return nil, false
	}
	o, err := p.Order()
	if err != nil {
		return nil, false
	}
	runs := make([]bidiRun, 0, o.NumRuns())
	for i := range o.NumRuns() {
		r := o.Run(i)
		text := r.String()
		if rtl && i == 0 {
			text = strings.TrimPrefix(text, rlm)
		}
		if text != "" {
			runs = append(runs, bidiRun{text: text, rtl: r.Direction() == bidi.RightToLeft})
		}
	}
	return runs, true
}

// mirrorReverse returns s backwards with brackets mirrored: how a run reads
// inside right-to-left text.
func mirrorReverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	for i, r := range rs {
		rs[i] = mirror(r)
	}
	return string(rs)
}

// mirror returns the mirrored form of a paired bracket, r for anything else.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '«':
		return '»'
	case '»':
		return '«'
	case '<':
		return '>'
	case '>':
		return '<'
	}
	return r
}

// displayOrder is the order, left to right, in which the characters of s
// appear on screen: with rtl, as the bidi algorithm shows a right-to-left
// paragraph (runs in reverse order); without, as Fyne draws a label (runs in
// logical order, whatever the paragraph's direction). The characters of a
// right-to-left run are reversed and mirrored; marks are invisible and left
// out.
func displayOrder(s string, rtl bool) string {
	runs, ok := bidiRuns(s, rtl)
	if !ok {
		return s
	}
	if rtl {
		for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
			runs[i], runs[j] = runs[j], runs[i]
		}
	}
	var b strings.Builder
	for _, r := range runs {
		if r.rtl {
			b.WriteString(mirrorReverse(r.text))
		} else {
			b.WriteString(r.text)
		}
	}
	return strings.NewReplacer(lrm, "", rlm, "").Replace(b.String())
}

// rtlParagraph reports whether the paragraph direction of s is right to
// left: its first strong character is Arabic or Hebrew (Unicode bidi rule
// P2), or, when it has none, whether dflt is.
func rtlParagraph(s string, dflt bool) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return dflt
}
