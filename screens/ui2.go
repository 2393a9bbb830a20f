package screens

// Helpers shared by the forum, stories, polls, announcements and owner
// screens. The general ones (inline error label, empty state, section
// header, tier badge) live in ui.go.

import (
	"errors"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
)

// toUI hands a function to the UI goroutine. Tests swap it for a queue they
// drain on their own goroutine, because the test driver runs fyne.Do inline
// on the calling goroutine, which would race with the test.
var toUI = fyne.Do

// inflight counts background loads, so tests can wait for them to finish.
var inflight sync.WaitGroup

// subKey is what a screen subscribes to store changes under: one key per
// kind of screen, so a new thread view replaces the subscription of the
// thread view shown before it instead of adding one more for every view
// ever opened (detail views are dropped without being told).
type subKey string

// background runs work off the UI goroutine (a store call may be a network
// round trip) and then the function it returns, if any, on the UI goroutine.
// work must not touch widgets; the returned function may.
func background(work func() func()) {
	inflight.Add(1)
	go func() {
		defer inflight.Done()
		if apply := work(); apply != nil {
			toUI(apply)
		}
	}()
}

// newRefusal returns a hidden label, in the theme's error colour, for
// refusals shown next to what the user did.
func newRefusal(env *Env) *widget.Label {
	l := widget.NewLabel("")
	l.Alignment = alignFor(env.L().RTL())
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showRefusal shows msg in l, or hides l when msg is empty.
func showRefusal(l *widget.Label, msg string) {
	l.Importance = widget.DangerImportance
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// showNote shows a confirmation in l (in the theme's success colour).
func showNote(l *widget.Label, msg string) {
	l.Importance = widget.SuccessImportance
	l.SetText(msg)
	l.Show()
}

// wrapped returns a word-wrapping label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading returns a bold, word-wrapping label for a title.
func heading(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}

// faint returns one line of secondary text for metadata (author, date).
func faint(text string) *Secondary {
	s := NewSecondary(text)
	s.Label.Truncation = fyne.TextTruncateEllipsis
	return s
}

// secondaryWrapped returns word-wrapping secondary text (a subtitle).
func secondaryWrapped(text string) *Secondary {
	s := NewSecondary(text)
	s.Label.Wrapping = fyne.TextWrapWord
	return s
}

// rowStart lays objects out in a row from the reading direction's start:
// left to right, or right to left for Arabic.
func rowStart(rtl bool, objs ...fyne.CanvasObject) *fyne.Container {
	if rtl {
		rev := make([]fyne.CanvasObject, len(objs))
		for i, o := range objs {
			rev[len(objs)-1-i] = o
		}
		return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, rev...)...)
	}
	return container.NewHBox(objs...)
}

// borderStart is container.NewBorder with leading and trailing swapped for
// right-to-left languages.
func borderStart(rtl bool, top, bottom, leading, trailing fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	if rtl {
		leading, trailing = trailing, leading
	}
	return container.NewBorder(top, bottom, leading, trailing, center...)
}

// alignFor returns the text alignment of the reading direction's start.
func alignFor(rtl bool) fyne.TextAlign {
	if rtl {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// submitEntry is a multi-line entry where Enter sends and Shift+Enter or
// Ctrl+Enter starts a new line: chat habits, since a reply is usually short.
type submitEntry struct {
	widget.Entry
	onSend func()
	shift  bool
}

func newSubmitEntry(onSend func()) *submitEntry {
	e := &submitEntry{onSend: onSend}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown tracks Shift, which turns Enter into a new line.
func (e *submitEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp tracks Shift.
func (e *submitEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey sends on Enter.
func (e *submitEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.shift && e.onSend != nil {
		e.onSend()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut makes Ctrl+Enter a new line.
func (e *submitEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		return
	}
	e.Entry.TypedShortcut(s)
}

// iconButton is a low-importance button with an icon and a label.
func iconButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// push shows a detail view through the navigator, or in the window when
// there is none (a screen shown on its own).
func push(env *Env, title string, content fyne.CanvasObject) {
	if env.Nav != nil {
		env.Nav.Push(title, content)
		return
	}
	if env.Win != nil {
		env.Win.SetContent(content)
	}
}

// errorsIsNotFound reports whether err is (or wraps) community.ErrNotFound.
func errorsIsNotFound(err error) bool { return errors.Is(err, community.ErrNotFound) }

// wrappedCard is a card whose title and subtitle wrap (a stock card's
// don't, which makes it wider than a phone for a long title).
func wrappedCard(rtl bool, title, subtitle string, content fyne.CanvasObject) *widget.Card {
	box := container.NewVBox()
	if title != "" {
		t := heading(title)
		t.Alignment = alignFor(rtl)
		box.Add(t)
	}
	if subtitle != "" {
		s := secondaryWrapped(subtitle)
		s.Label.Alignment = alignFor(rtl)
		box.Add(s)
	}
	if content != nil {
		box.Add(content)
	}
	return widget.NewCard("", "", box)
}

// rowButtons returns the buttons of a row made by rowStart, in reading order
// (rowStart reverses them and adds a spacer for right-to-left languages).
func rowButtons(row *fyne.Container) []*widget.Button {
	var out []*widget.Button
	reversed := false
	for i, o := range row.Objects {
		switch b := o.(type) {
		case *widget.Button:
			out = append(out, b)
		case *dataButton:
			out = append(out, &b.Button)
		default:
			reversed = reversed || i == 0 // a spacer first: right to left, stored reversed
		}
	}
	if reversed {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// isRTLText reports whether text starts, at its first letter, in a
// right-to-left script: a post in Arabic reads from the right whatever the
// language of the interface.
func isRTLText(text string) bool {
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// alignRich aligns every paragraph of rich text to the start of its
// writing direction.
func alignRich(rt *widget.RichText, rtl bool) {
	align := alignFor(rtl)
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

// dataLabel is a label of user content (a name, a title, a post): the
// pseudo-locale test skips it. Short mixed-direction texts are put in visual
// order for right-to-left languages (see Visual).
func dataLabel(env *Env, text string, bold bool) *DataLabel {
	d := NewDataLabel(env, text)
	d.TextStyle.Bold = bold
	return d
}

// dataLine is a one-line dataLabel cut with an ellipsis, for list rows.
func dataLine(env *Env, bold bool) *DataLabel {
	d := dataLabel(env, "", bold)
	d.Wrapping = fyne.TextWrapOff
	d.Truncation = fyne.TextTruncateEllipsis
	return d
}

// setData sets a data label's text in visual order.
func setData(env *Env, d *DataLabel, text string) {
	d.Alignment = alignFor(env.L().RTL())
	d.SetText(visualContent(env, text))
}

// contentLabel is a word-wrapping label of user content aligned to the start
// of its own writing direction (see contentAlign): an Arabic story on an
// English screen, an English poll option on an Arabic one.
func contentLabel(env *Env, text string, bold bool) *DataLabel {
	d := dataLabel(env, text, bold)
	d.Alignment = contentAlign(env, text)
	return d
}

// setContent sets a content label's text, aligned by its own direction.
func setContent(env *Env, d *DataLabel, text string) {
	d.Alignment = contentAlign(env, text)
	d.SetText(visualContent(env, text))
}

// setLine sets an interface label's text (already translated, perhaps with
// names in it) in visual order, aligned to the reading start.
func setLine(env *Env, o fyne.CanvasObject, text string) {
	l := asLabel(o)
	l.Alignment = alignFor(env.L().RTL())
	l.SetText(Visual(env, text))
}

// dataRich is rich text of user content (a post, a story, an announcement).
type dataRich struct {
	widget.RichText
}

func newDataRich() *dataRich {
	r := &dataRich{}
	r.Wrapping = fyne.TextWrapWord
	r.Scroll = container.ScrollNone // what widget.NewRichText sets; the zero value scrolls
	r.ExtendBaseWidget(r)
	return r
}

// IsUserData marks the text as user content.
func (r *dataRich) IsUserData() bool { return true }

// dataButton is a button labelled with user content (a poll option) or with
// symbols that need no translation (reaction emoji).
type dataButton struct {
	widget.Button
}

func newDataButton(text string, tapped func()) *dataButton {
	b := &dataButton{}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// IsUserData marks the button's label as content, not interface text.
func (b *dataButton) IsUserData() bool { return true }

// dataCard is a card about one piece of user content: its title (a name, a
// story's title, an idea) and body are content, the subtitle and actions
// interface.
func dataCard(env *Env, title, subtitle string, body, actions fyne.CanvasObject) *widget.Card {
	box := container.NewVBox(dataLabel(env, title, true))
	if subtitle != "" {
		s := secondaryWrapped("")
		setLine(env, s.Label, subtitle)
		box.Add(s)
	}
	if body != nil {
		box.Add(body)
	}
	if actions != nil {
		box.Add(actions)
	}
	return widget.NewCard("", "", box)
}

// markdown renders user-written Markdown, aligned by its own script.
func markdown(text string) *dataRich {
	r := newDataRich()
	r.ParseMarkdown(text)
	alignRich(&r.RichText, isRTLText(text))
	return r
}

// uiHeading, uiText and uiFaint are heading, wrapped and faint labels of
// interface text, aligned to the reading start and in visual order.
func uiHeading(env *Env, text string) *widget.Label {
	l := heading("")
	setLine(env, l, text)
	return l
}

func uiText(env *Env, text string) *widget.Label {
	l := wrapped("")
	setLine(env, l, text)
	return l
}

func uiFaint(env *Env, text string) *Secondary {
	l := faint("")
	setLine(env, l.Label, text)
	return l
}

// relayout lays o out again, outermost first, after a background load
// changed the size of what it holds. Fyne re-lays out the parent of an
// object whose minimum size changed, but only one such parent per frame:
// when one update changes sizes in two branches (the composer's language
// tabs appear while its preview fills in), the first branch keeps its old
// layout and its widgets overlap until the window is resized. It walks the
// containers and scrolls under o (not into other widgets, which lay their
// own parts out when refreshed) and redraws o.
func relayout(o fyne.CanvasObject) {
	relayoutTree(o)
	canvas.Refresh(o)
}

func relayoutTree(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *container.Scroll:
		v.Refresh() // resizes its content to the content's new minimum
		relayoutTree(v.Content)
	case *fyne.Container:
		if v.Layout != nil {
			v.Layout.Layout(v.Objects, v.Size())
		}
		for _, c := range v.Objects {
			relayoutTree(c)
		}
	}
}

// listDetail lays a list out at the reading start and the detail of what is
// picked in it beside it, the list taking the share list of the width (the
// divider can be dragged): left to right, or mirrored for Arabic.
func listDetail(env *Env, list, detail fyne.CanvasObject, share float64) *container.Split {
	if env.L().RTL() {
		split := container.NewHSplit(detail, list)
		split.Offset = 1 - share
		return split
	}
	split := container.NewHSplit(list, detail)
	split.Offset = share
	return split
}

// newTabs returns tabs in reading order (see Tabs), the first selected.
func newTabs(env *Env, items ...*container.TabItem) *Tabs {
	t := &Tabs{env: env, Items: items}
	t.ExtendBaseWidget(t)
	return t
}

// asLabel returns the label of a label, of secondary text or of a data label.
func asLabel(o fyne.CanvasObject) *widget.Label {
	switch v := o.(type) {
	case *widget.Label:
		return v
	case *Secondary:
		return v.Label
	case *DataLabel:
		return &v.Label
	}
	panic("screens: not a label")
}
