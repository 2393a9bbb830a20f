package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
	"github.com/regulars-app/regulars/internal/ui/uitheme"
	"github.com/regulars-app/regulars/screens"
)

// Layout is how the shell arranges places.
type Layout int

const (
	// LayoutAuto picks the phone layout on a mobile device or in a window
	// narrower than PhoneWidth, the desktop layout otherwise, and switches
	// when the window is resized across PhoneWidth.
	LayoutAuto Layout = iota
	// LayoutPhone always shows bottom tabs.
	LayoutPhone
	// LayoutDesktop always shows the side navigation.
	LayoutDesktop
)

// PhoneWidth is the window width under which the phone layout is used.
const PhoneWidth = 600

// Profile is someone the local mode lets one person act as (the demo
// member, the owner), to see both views on one machine.
type Profile struct {
	Title    string // message ID, e.g. "AppProfileMember"
	MemberID string
}

// Shell hosts the places: bottom tabs on a phone, side navigation on a
// desktop. It implements screens.Navigator, rebuilds every screen when the
// language or the profile changes, and offers Ctrl+N to the current screen.
type Shell struct {
	win      fyne.Window
	env      *screens.Env
	layout   Layout
	profiles []Profile
	// OnLanguage, when set, is told the language the member chose (the app
	// saves it as the device's preference).
	OnLanguage func(code string)

	phone   bool
	current string
	stack   []view // pushed detail views over the current place
	content *fyne.Container
	fit     *readable       // keeps the content to a readable width on a desktop
	fitBox  *fyne.Container // the content laid out by fit
	title   *widget.Label
	back    *widget.Button
	logo    fyne.CanvasObject // the business's, left of a place's title on a phone

	// comm is the business: its name and logo head the navigation.
	comm community.Community

	// The quiet banners under the header: offline, email not verified.
	banners    *fyne.Container
	offline    bool
	alerts     *screens.NoticeAlerts // new notices as system notifications (issue 14)
	unread     int                   // the member's unread notices, badged on Me
	meTab      *navTab               // phone: Me's tab, which carries the badge
	meButton   *widget.Button        // desktop: Me's entry, which carries the badge
	unverified bool
}

type view struct {
	title   string
	content fyne.CanvasObject
	scopes  map[string]bool // the screens open while this view was on top
}

var _ screens.Navigator = (*Shell)(nil)

// NewShell builds the shell into win for env's member. profiles (may be
// empty) are offered by the profile switch.
func NewShell(win fyne.Window, env *screens.Env, layout Layout, profiles []Profile) *Shell {
	s := &Shell{win: win, env: env, layout: layout, profiles: profiles, current: "home"}
	env.Nav = s
	env.OnLanguageRequest(s.SetLanguage)
	env.SetProfiles(s.profileChoices)
	// The business's name, logo and colour: one document, read once (the
	// app is its café's; a failure leaves the app's own name and colour).
	if c, err := env.Svc.Community(context.Background()); err == nil {
		s.comm = c
		if a := fyne.CurrentApp(); a != nil {
			if th, ok := a.Settings().Theme().(*Theme); ok {
				if nt := th.WithBrand(c.Brand); nt.accent != th.accent {
					a.Settings().SetTheme(nt)
				}
			}
		}
	}
	s.phone = s.wantPhone(win.Canvas().Size().Width)
	s.rebuild()
	s.alerts = screens.NewNoticeAlerts(env)
	s.alerts.OnUnread = s.setUnread
	return s
}

// SetTouch gives the app's theme touch sizes (44 dp controls) or takes
// them away: a phone layout in a desktop window has them too. The whole
// app's theme changes, not a subtree's: widgets that screens add after
// loading, and pop-ups, would miss a container's theme override.
func SetTouch(on bool) {
	if a := fyne.CurrentApp(); a != nil {
		if th, ok := a.Settings().Theme().(*Theme); ok && th.Touch() != on {
			a.Settings().SetTheme(th.WithTouch(on))
		}
	}
}

// name is the business's name, or the app's before it is known.
func (s *Shell) name() string {
	if s.comm.Name != "" {
		return s.comm.Name
	}
	return s.env.L().T("AppName")
}

// brandMark is the business's logo beside its name.
func (s *Shell) brandMark(size float32) fyne.CanvasObject {
	name := widget.NewLabel(bidi.Visual(s.env, s.name()))
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	name.Alignment = mirror.Start(s.env)
	return mirror.Border(s.env, nil, nil, container.NewCenter(ui.NewLogo(s.name(), s.comm.Brand.Logo, size)), nil, name)
}

// Env is the environment the shell's screens share.
func (s *Shell) Env() *screens.Env { return s.env }

// Current is the ID of the place on show.
func (s *Shell) Current() string { return s.current }

func (s *Shell) wantPhone(width float32) bool {
	switch s.layout {
	case LayoutPhone:
		return true
	case LayoutDesktop:
		return false
	}
	if fyne.CurrentDevice().IsMobile() {
		return true
	}
	return width > 0 && width < PhoneWidth
}

// rebuild lays the whole window out again and shows the current place.
func (s *Shell) rebuild() {
	s.env.SetPhone(s.phone)
	SetTouch(s.phone)
	s.win.SetTitle(s.name())
	s.content = container.NewStack()
	s.title = widget.NewLabel("")
	s.title.TextStyle.Bold = true
	s.title.Truncation = fyne.TextTruncateEllipsis
	s.title.Alignment = mirror.Start(s.env)
	backIcon := theme.NavigateBackIcon()
	if s.env.RTL() {
		backIcon = theme.NavigateNextIcon()
	}
	s.back = ui.NewIconButton(s.env, s.env.L().T("NavBack"), backIcon, s.Pop)
	s.back.Importance = widget.LowImportance
	s.logo = container.NewPadded(ui.NewLogo(s.name(), s.comm.Brand.Logo, 28))

	var root fyne.CanvasObject
	if s.phone {
		root = s.phoneLayout()
	} else {
		root = s.desktopLayout()
	}
	if s.layout == LayoutAuto && !fyne.CurrentDevice().IsMobile() {
		root = container.New(&widthWatch{shell: s}, root)
	}
	s.win.SetContent(root)
	s.showPlace(s.current)
}

// places are what the signed-in member may see.
func (s *Shell) places() []Place { return placesFor(s.env.Me().Role) }

func (s *Shell) header() fyne.CanvasObject {
	s.banners = container.NewVBox()
	s.showBanners()
	return container.NewVBox(mirror.Border(s.env, nil, nil, container.NewStack(s.back, s.logo), nil, s.title), widget.NewSeparator(), s.banners)
}

// SetVerified says whether the member's email is verified; until it is, a
// banner says what waits for it and offers to confirm it.
func (s *Shell) SetVerified(ok bool) {
	s.unverified = !ok
	s.showBanners()
}

// Offline reports whether the offline banner is on show.
func (s *Shell) Offline() bool { return s.offline }

// showBanners lays out the banners the state calls for.
func (s *Shell) showBanners() {
	if s.banners == nil {
		return
	}
	l := s.env.L()
	var objs []fyne.CanvasObject
	if s.offline {
		objs = append(objs, newBanner(s.env, theme.WarningIcon(), l.T("AppOffline"), nil))
	}
	if s.unverified && s.env.Account != nil {
		confirm := widget.NewButton(l.T("AppVerifyOpen"), s.env.Account.ConfirmEmail)
		confirm.Importance = widget.LowImportance
		objs = append(objs, newBanner(s.env, theme.MailComposeIcon(), l.T("AppVerifyBanner"), confirm))
	}
	s.banners.Objects = objs
	if len(objs) == 0 {
		s.banners.Hide() // no gap under the header
	} else {
		s.banners.Show()
	}
	s.banners.Refresh()
}

// newBanner is a quiet line under the header: an icon, a sentence, maybe a
// button, over a separator.
func newBanner(env *screens.Env, icon fyne.Resource, text string, action fyne.CanvasObject) fyne.CanvasObject {
	msg := widget.NewLabel(bidi.Visual(env, text))
	msg.Wrapping = fyne.TextWrapWord
	msg.SizeName = theme.SizeNameCaptionText
	msg.Alignment = mirror.Start(env)
	return container.NewVBox(mirror.Border(env, nil, nil, widget.NewIcon(icon), action, msg), widget.NewSeparator())
}

func (s *Shell) desktopLayout() fyne.CanvasObject {
	l := s.env.L()
	var items []fyne.CanvasObject
	staffHeader := false
	for _, p := range s.places() {
		if p.StaffOnly && !staffHeader {
			staffHeader = true
			items = append(items, widget.NewSeparator(), ui.NewSectionHeader(s.env, l.T("NavOwnerTools")))
		}
		b := ui.NewIconButton(s.env, l.T(p.Title), p.Icon, func() { s.Show(p.ID) })
		b.Alignment = widget.ButtonAlignLeading
		if s.env.RTL() {
			b.Alignment = widget.ButtonAlignTrailing
		}
		if p.ID == "me" {
			s.meButton = b
			b.SetText(bidi.Visual(s.env, s.badged(l.T(p.Title))))
		}
		if p.ID == s.current {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		items = append(items, b)
	}
	side := container.NewBorder(container.NewVBox(container.NewPadded(s.brandMark(40)), widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewVBox(items...)))
	sideBox := container.New(&fixedWidth{width: 220}, side)
	s.fit = &readable{max: 720} // about 70 characters of body text a line
	s.fitBox = container.New(s.fit, s.content)
	main := container.NewBorder(ui.Backdrop(s.header()), nil, nil, nil, s.fitBox)
	return mirror.Border(s.env, nil, nil, container.NewHBox(sideBox, widget.NewSeparator()), nil, main)
}

func (s *Shell) phoneLayout() fyne.CanvasObject {
	l := s.env.L()
	var tabs []fyne.CanvasObject
	var tools []Place
	for _, p := range s.places() {
		if p.StaffOnly {
			tools = append(tools, p)
			continue
		}
		tab := newNavTab(l.T(p.Title), p.Icon, p.ID == s.current, func() { s.Show(p.ID) })
		if p.ID == "me" {
			s.meTab = tab
			tab.badge, tab.rtl = s.badged(""), s.env.RTL()
		}
		tabs = append(tabs, tab)
	}
	if len(tools) > 0 {
		active := false
		for _, t := range tools {
			active = active || t.ID == s.current
		}
		tabs = append(tabs, newNavTab(l.T("NavTools"), theme.SettingsIcon(), active, s.showTools))
	}
	bar := container.NewGridWithColumns(len(tabs), mirror.Order(s.env, tabs...)...)
	return container.NewBorder(ui.Backdrop(s.header()), ui.Backdrop(container.NewVBox(widget.NewSeparator(), bar)), nil, nil, s.content)
}

// showTools lists the staff's places on a phone.
func (s *Shell) showTools() {
	l := s.env.L()
	var items []fyne.CanvasObject
	for _, p := range s.places() {
		if !p.StaffOnly {
			continue
		}
		b := ui.NewIconButton(s.env, l.T(p.Title), p.Icon, func() { s.Show(p.ID) })
		b.Alignment = widget.ButtonAlignLeading
		if s.env.RTL() {
			b.Alignment = widget.ButtonAlignTrailing
		}
		items = append(items, b)
	}
	s.Push(l.T("NavOwnerTools"), container.NewVScroll(container.NewPadded(container.NewVBox(items...))))
}

// profileChoices are who the demo lets one person act as (Me offers them).
func (s *Shell) profileChoices() []screens.ProfileChoice {
	if len(s.profiles) < 2 {
		return nil
	}
	var out []screens.ProfileChoice
	for _, p := range s.profiles {
		id := p.MemberID
		out = append(out, screens.ProfileChoice{Title: s.env.L().T(p.Title), Active: id == s.env.Me().ID,
			Choose: func() { s.SwitchProfile(id) }})
	}
	return out
}

// SwitchProfile acts as another member and rebuilds every screen.
func (s *Shell) SwitchProfile(memberID string) {
	if memberID == s.env.Me().ID {
		return
	}
	m, err := s.env.Svc.Member(context.Background(), community.Actor{ID: memberID}, memberID)
	if err != nil {
		screens.ShowError(s.env, err)
		return
	}
	s.env.SetMe(m.Actor())
	s.unread = 0
	s.alerts.Restart()
	visible := false
	for _, p := range s.places() {
		visible = visible || p.ID == s.current
	}
	if !visible {
		s.current = "home"
	}
	s.rebuild()
}

// SetLanguage switches every screen to the language with the given code at
// once, without a restart.
func (s *Shell) SetLanguage(code string) {
	s.env.SetL(i18n.New(code))
	if a := fyne.CurrentApp(); a != nil {
		th := NewTheme(code)
		if cur, ok := a.Settings().Theme().(*Theme); ok {
			th = cur.ForLanguage(code)
		}
		a.Settings().SetTheme(th)
	}
	if s.OnLanguage != nil {
		s.OnLanguage(code)
	}
	s.rebuild()
}

// Show switches to a top-level place.
func (s *Shell) Show(place string) {
	found := false
	for _, p := range s.places() {
		found = found || p.ID == place
	}
	if !found {
		return
	}
	if s.current != place {
		s.current = place
		s.rebuild() // the navigation marks the current place
		return
	}
	s.showPlace(place)
}

// showPlace builds the place's screen afresh (dropping any detail views):
// the screen reads current data, and offers Ctrl+N if it has something new.
func (s *Shell) showPlace(place string) {
	var p Place
	for _, q := range s.places() {
		if q.ID == place {
			p = q
		}
	}
	if p.New == nil {
		p = s.places()[0]
		s.current = p.ID
	}
	if s.fit != nil && s.fit.wide != p.Wide {
		s.fit.wide = p.Wide
		s.fitBox.Refresh()
	}
	s.env.CloseAll()
	s.env.OfferNew(nil)
	s.registerShortcuts()
	s.stack = []view{{title: s.env.L().T(p.Title), content: p.New(s.env)}}
	s.showTop()
}

// Push shows a detail view over the current place.
func (s *Shell) Push(title string, content fyne.CanvasObject) {
	s.stack = append(s.stack, view{title: title, content: content})
	s.showTop()
}

// Pop returns to the previous view.
func (s *Shell) Pop() {
	if len(s.stack) <= 1 {
		return
	}
	s.stack = s.stack[:len(s.stack)-1]
	// The closed views' screens stop their work and stop listening to the store.
	keep := s.stack[len(s.stack)-1].scopes
	for _, kind := range s.env.Scopes() {
		if !keep[kind] {
			s.env.Close(kind)
		}
	}
	s.showTop()
}

func (s *Shell) showTop() {
	top := &s.stack[len(s.stack)-1]
	if top.scopes == nil {
		top.scopes = map[string]bool{}
		for _, kind := range s.env.Scopes() {
			top.scopes[kind] = true
		}
	}
	s.title.SetText(top.title)
	if len(s.stack) > 1 {
		s.back.Show()
		s.logo.Hide()
	} else {
		s.back.Hide()
		if s.phone { // a desktop shows it atop the navigation
			s.logo.Show()
		} else {
			s.logo.Hide()
		}
	}
	s.content.Objects = []fyne.CanvasObject{top.content}
	s.content.Refresh()
}

// registerShortcuts binds Ctrl+N (Cmd+N on macOS) to what the current screen
// offers. A screen may bind its own Ctrl+N on the canvas; the shell binds
// its own again whenever it changes place.
func (s *Shell) registerShortcuts() {
	sc := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	s.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) {
		if fn := s.env.NewAction(); fn != nil {
			fn()
		}
	})
}

// Dispatch hands a store change to the screens, and shows or hides the
// offline banner on a change of connection. Call it on the UI goroutine.
func (s *Shell) Dispatch(c community.Change) {
	if c.Kind == community.KindConnection {
		if off := c.ID == "offline"; off != s.offline {
			s.offline = off
			s.showBanners()
		}
	}
	s.env.Dispatch(c)
	if s.alerts != nil {
		s.alerts.Change(c)
	}
}

// EnteredForeground tells the shell the app came back to the foreground
// (Fyne's lifecycle): the member's due event reminders are checked then.
func (s *Shell) EnteredForeground() { s.alerts.EnteredForeground() }

// ExitedForeground tells the shell the app left the foreground.
func (s *Shell) ExitedForeground() { s.alerts.ExitedForeground() }

// Close ends the shell's background work: the notice alerts and their
// periodic reminder check, and every screen's scope (the member signed out;
// the store goes away). UI goroutine.
func (s *Shell) Close() {
	s.alerts.Stop()
	s.env.CloseAll()
}

// setUnread shows the member's unread count on Me (UI goroutine).
func (s *Shell) setUnread(n int) {
	if n == s.unread {
		return
	}
	s.unread = n
	l := s.env.L()
	if s.meButton != nil {
		s.meButton.SetText(bidi.Visual(s.env, s.badged(l.T("TabMe"))))
	}
	if s.meTab != nil {
		s.meTab.setBadge(s.badged(""))
	}
}

// badged returns label with the unread count ("Me (3)", "Me (99+)"), or the
// count alone when label is "" (the phone tab's badge), or label when
// nothing is unread.
func (s *Shell) badged(label string) string {
	if s.unread == 0 {
		return label
	}
	l := s.env.L()
	count := l.Number(int64(s.unread))
	if s.unread > community.UnreadCap {
		count = l.T("NavBadgeMany", map[string]any{"Unread": l.Number(community.UnreadCap)})
	}
	if label == "" {
		return count
	}
	return l.T("NavBadge", map[string]any{"Label": label, "Unread": count})
}

// widthWatch lays its one object out over the whole space and switches the
// shell between phone and desktop when the width crosses PhoneWidth.
type widthWatch struct {
	shell   *Shell
	pending bool
}

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if want := w.shell.wantPhone(size.Width); want != w.shell.phone && !w.pending {
		w.pending = true
		// Not during layout: the switch replaces the window's content. The
		// window's size decides then; layouts at passing sizes (a window
		// being created lays its content out at its minimum first) must not
		// rebuild the shell, or it would rebuild for ever.
		later(func() {
			w.pending = false
			if want := w.shell.wantPhone(w.shell.win.Canvas().Size().Width); want != w.shell.phone {
				w.shell.phone = want
				w.shell.rebuild()
			}
		})
	}
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// readable centres its objects at most max wide: lines of text wider than
// that are hard to read on a big desktop window. A wide place (a list beside
// its detail) takes the whole width instead: centred, it would leave an
// empty gap between the navigation and its list.
type readable struct {
	max  float32
	wide bool
}

func (r *readable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, r.max)
	if r.wide {
		w = size.Width
	}
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (r *readable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// later runs f on the UI goroutine after the current event (tests swap it).
var later = func(f func()) { go fyne.Do(f) }

// fixedWidth gives its objects a fixed width and the full height.
type fixedWidth struct{ width float32 }

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(f.width, size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

// navTab is a bottom tab of the phone layout: an icon over its name,
// highlighted in the primary colour when its place is on show.
type navTab struct {
	widget.BaseWidget
	badge  string        // the unread count over the icon, "" for none
	rtl    bool          // the badge goes on the icon's top left then
	badged *widget.Label // shows badge once rendered
	label  string
	icon   fyne.Resource
	active bool
	tapped func()
}

func newNavTab(label string, icon fyne.Resource, active bool, tapped func()) *navTab {
	t := &navTab{label: label, icon: icon, active: active, tapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

func (t *navTab) Tapped(*fyne.PointEvent) { t.tapped() }

func (t *navTab) CreateRenderer() fyne.WidgetRenderer {
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	icon := t.icon
	col := uitheme.SecondaryTextColor(th, v)
	if t.active {
		icon = theme.NewPrimaryThemedResource(icon)
		col = th.Color(theme.ColorNamePrimary, v)
	}
	text := canvas.NewText(t.label, col)
	text.Alignment = fyne.TextAlignCenter
	text.TextStyle.Bold = t.active
	text.TextSize = th.Size(theme.SizeNameCaptionText)
	t.badged = widget.NewLabelWithStyle(t.badge, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.badged.Importance = widget.DangerImportance
	t.badged.SizeName = theme.SizeNameCaptionText
	showBadge(t.badged, t.badge)
	return &navTabRenderer{t: t, icon: widget.NewIcon(icon), text: text, badge: t.badged, size: text.TextSize}
}

// setBadge shows text (the unread count) over the tab's icon, or nothing.
func (t *navTab) setBadge(text string) {
	t.badge = text
	if t.badged != nil {
		t.badged.SetText(text)
		showBadge(t.badged, text)
	}
}

func showBadge(l *widget.Label, text string) {
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// navTabRenderer lays the icon over the name, and makes the name's text
// smaller, down to 9 pt, when the tab is too narrow for it: names must be
// read whole in every language (ja "マイページ", ar "الاستطلاعات"). The
// unread badge sits over the icon's top trailing corner (top left in a
// right-to-left language), so that the icon stays centred under it.
type navTabRenderer struct {
	t     *navTab
	icon  *widget.Icon
	text  *canvas.Text
	badge *widget.Label
	size  float32 // the caption size the text starts from
}

// navTabMargin is the room left on each side of a tab's name.
const navTabMargin = 2

func (r *navTabRenderer) Layout(s fyne.Size) {
	r.text.TextSize = r.size
	for r.text.TextSize > 9 && r.text.MinSize().Width > s.Width-2*navTabMargin {
		r.text.TextSize -= 0.5
	}
	is := r.icon.MinSize()
	ts := r.text.MinSize()
	top := (s.Height - is.Height - ts.Height) / 2
	r.icon.Resize(is)
	ix := (s.Width - is.Width) / 2
	r.icon.Move(fyne.NewPos(ix, top))
	r.text.Resize(fyne.NewSize(s.Width, ts.Height))
	r.text.Move(fyne.NewPos(0, top+is.Height))
	b := r.badge.MinSize()
	r.badge.Resize(b)
	x := ix + is.Width - b.Width/3
	if r.t.rtl {
		x = ix - b.Width*2/3
	}
	r.badge.Move(fyne.NewPos(x, top-b.Height/3))
}

func (r *navTabRenderer) MinSize() fyne.Size {
	is := r.icon.MinSize()
	th := r.t.Theme()
	return fyne.NewSize(ui.MinTouch, max(ui.MinTouch, is.Height+r.size*1.4+2*th.Size(theme.SizeNamePadding)))
}

func (r *navTabRenderer) Refresh() { r.Layout(r.t.Size()); canvas.Refresh(r.t) }
func (r *navTabRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.icon, r.text, r.badge}
}
func (r *navTabRenderer) Destroy() {}
