package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// NoticesLimit is how many notices the list reads: a bounded read whatever
// the member's history.
const NoticesLimit = 50

// notices lists the member's notices, newest first: unread ones bold, a tap
// marks one read and opens what it is about; below, which kinds they want.
type notices struct {
	env     *Env
	scope   *Scope
	loads   loader
	list    *fyne.Container
	unread  *widget.Label
	problem *widget.Label
	muted   map[string]*ui.Check
	push    *ui.Check
	member  community.Member
	root    fyne.CanvasObject
}

// NewNotices returns the member's notices and their settings.
func NewNotices(env *Env) fyne.CanvasObject { return newNotices(env).root }

func newNotices(env *Env) *notices {
	s := &notices{env: env, muted: map[string]*ui.Check{}}
	s.scope = env.Open("notices", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *notices) buildUI() {
	l := s.env.L()
	s.list = container.NewVBox()
	s.unread = ui.NewHeading(s.env, "")
	s.problem = ui.NewRefusal(s.env)
	all := ui.NewIconButton(s.env, l.T("NoticesMarkAllRead"), theme.MailComposeIcon(), s.onMarkAll)
	var kinds []fyne.CanvasObject
	for _, g := range muteGroups {
		c := ui.NewCheck(s.env, l.T(g.label), nil)
		c.OnChanged = func(bool) { s.onMute() }
		s.muted[g.label] = c
		kinds = append(kinds, c)
	}
	s.push = ui.NewCheck(s.env, l.T("NoticesPush"), func(bool) { s.onPush() })
	device := l.T("NoticesPushNoDevice")
	if s.env.DeviceToken != "" {
		device = l.T("NoticesPushDevice")
	}
	deviceNote := ui.NewWrapped(s.env, device, fyne.TextStyle{Italic: true}, theme.SizeNameCaptionText)
	settings := container.NewVBox(append([]fyne.CanvasObject{ui.NewSectionHeader(s.env, l.T("NoticesSettings")),
		ui.NewFaint(s.env, l.T("NoticesSettingsHelp"))}, kinds...)...)
	settings.Add(s.push)
	settings.Add(deviceNote)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(mirror.Border(s.env, nil, nil, nil, all, s.unread), s.problem, s.list, settings)))
}

// muteGroups are the settings a member sees: each mutes its kinds together.
var muteGroups = []struct {
	label string
	kinds []string
}{
	{"MuteReplies", []string{community.NoticeReply}},
	{"MuteMentions", []string{community.NoticeMention}},
	{"MuteIdeas", []string{community.NoticeIdeaPlanned, community.NoticeIdeaInProgress, community.NoticeIdeaShipped, community.NoticeIdeaDeclined}},
	{"MuteReminders", []string{community.NoticeReminderDay, community.NoticeReminderSoon}},
	{"MuteSeats", []string{community.NoticePromoted}},
	{"MutePoints", []string{community.NoticePoints, community.NoticeStoryPublished, community.NoticeRate}},
	{"MuteCafe", []string{community.NoticeFeedbackReply, community.NoticeNote}},
}

// camelKind turns a notice kind into the suffix of its message IDs
// ("idea_in_progress" -> "IdeaInProgress").
func camelKind(k string) string {
	out, up := []rune{}, true
	for _, r := range k {
		if r == '_' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		out = append(out, r)
	}
	return string(out)
}

func (s *notices) load() {
	svc, me := s.env.Svc, s.env.Me()
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		notes, err := svc.Notifications(ctx, me, NoticesLimit)
		m, merr := svc.Member(ctx, me, me.ID)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			if merr == nil {
				s.member = m
			}
			s.show(notes)
		}
	})
}

func (s *notices) show(notes []community.Notification) {
	l := s.env.L()
	unread := 0
	s.list.Objects = nil
	if len(notes) == 0 {
		s.list.Add(ui.NewEmptyState(theme.MailComposeIcon(), l.T("MeNoNotifications"), "", nil))
	}
	for _, n := range notes {
		if !n.Read {
			unread++
		}
		s.list.Add(s.row(l, n))
	}
	ui.SetLine(s.env, s.unread, l.T("NoticesUnread", map[string]any{"Unread": l.Number(int64(unread))}))
	for _, g := range muteGroups {
		s.muted[g.label].SetChecked(!s.member.Mutes(g.kinds[0]))
	}
	s.push.SetChecked(s.member.PushOptIn)
	s.list.Refresh()
	ui.Relayout(s.root)
}

func (s *notices) row(l *i18n.Localizer, n community.Notification) fyne.CanvasObject {
	// Wrapped by the toolkit (UAX #14, then each line in bidi order): a
	// notice names people and threads in any script.
	style := fyne.TextStyle{Bold: !n.Read}
	lines := []fyne.CanvasObject{ui.NewWrapped(s.env, NoticeText(l, n), style, "")}
	if n.Text != "" {
		// The excerpt is what someone wrote, in its own direction.
		ex := ui.SecondaryData(ui.NewContentLabel(s.env, n.Text, false))
		ex.Label.Wrapping = fyne.TextWrapOff
		ex.Label.Truncation = fyne.TextTruncateEllipsis
		lines = append(lines, ex)
	}
	lines = append(lines, ui.SecondaryOf(ui.NewText(s.env, l.Relative(n.At, s.env.Svc.Now()))))
	icon := widget.NewIcon(noticeIcon(n))
	if n.Read {
		icon.SetResource(theme.NewDisabledResource(noticeIcon(n)))
	}
	return ui.NewTapCard(mirror.Border(s.env, nil, nil, icon, nil, container.NewVBox(lines...)), func() { s.onOpen(n) })
}

// noticeIcon is the icon of what a notice is about.
func noticeIcon(n community.Notification) fyne.Resource {
	switch n.Target().Place {
	case community.PlaceThread:
		return theme.MailReplyIcon()
	case community.PlaceEvent:
		return theme.CalendarIcon()
	case community.PlaceIdea:
		return theme.ListIcon()
	case community.PlaceFeedback:
		return theme.MailComposeIcon()
	case community.PlaceStory:
		return theme.DocumentIcon()
	}
	return theme.InfoIcon()
}

// NoticeText says a notice in the member's language.
func NoticeText(l *i18n.Localizer, n community.Notification) string {
	data := map[string]any{"Title": n.Title, "Points": l.Points(n.Amount), "From": n.From}
	switch n.Kind {
	case community.NoticeIdeaShipped:
		if n.Amount > 0 {
			return l.T("NoteIdeaShippedPoints", data)
		}
		return l.T("NoteIdeaShipped", data)
	case community.NoticeReply, community.NoticeMention, community.NoticeIdeaPlanned, community.NoticeIdeaInProgress,
		community.NoticeIdeaDeclined, community.NoticeReminderDay, community.NoticeReminderSoon, community.NoticeFeedbackReply,
		community.NoticeNote, community.NoticeRate, community.NoticeCancelled:
		return l.T("Note"+camelKind(n.Kind), data)
	}
	return notificationText(l, n)
}

func (s *notices) onOpen(n community.Notification) {
	svc, me := s.env.Svc, s.env.Me()
	if !n.Read {
		s.scope.Save(func(ctx context.Context) func() {
			_ = svc.MarkRead(ctx, me, n.ID) // best effort: the notice opens either way
			return nil
		})
	}
	if n.Kind == community.NoticeRate {
		s.askRating(n)
		return
	}
	OpenNotice(s.env, n)
}

// askRating asks "how was it?" (1 to 5) for the event a rate notice names.
func (s *notices) askRating(n community.Notification) {
	l := s.env.L()
	var d dialog.Dialog
	var stars []fyne.CanvasObject
	for i := 1; i <= 5; i++ {
		stars = append(stars, widget.NewButton(l.Number(int64(i))+" ★", func() {
			d.Hide()
			svc, me := s.env.Svc, s.env.Me()
			s.scope.Save(func(ctx context.Context) func() {
				err := svc.RateEvent(ctx, me, n.Ref, i)
				return func() {
					if err != nil {
						ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
					}
				}
			})
		}))
	}
	d = dialog.NewCustom(l.T("NoteRate", map[string]any{"Title": n.Title}), l.T("CommonCancel"),
		container.NewGridWithColumns(5, mirror.Order(s.env, stars...)...), s.env.Win)
	d.Show()
}

// OpenNotice shows what a notice is about.
func OpenNotice(env *Env, n community.Notification) {
	l := env.L()
	t := n.Target()
	switch t.Place {
	case community.PlaceThread:
		env.Nav.Push(n.Title, NewThread(env, t.ID))
	case community.PlaceEvent:
		env.Nav.Push(n.Title, NewEventDetail(env, t.ID))
	case community.PlaceStory:
		env.Nav.Push(n.Title, NewStoryDetail(env, t.ID))
	case community.PlaceIdea:
		env.Nav.Push(l.T("IdeaComments"), NewIdeaComments(env, t.ID, t.Sub, n.Title))
	case community.PlaceFeedback:
		env.Nav.Push(l.T("MyFeedbackTitle"), NewMyFeedback(env))
	case community.PlaceCard:
		env.Nav.Show("home")
	}
}

func (s *notices) onMarkAll() {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.MarkAllRead(ctx, me, NoticesLimit)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.load()
		}
	})
}

func (s *notices) onMute() {
	var muted []string
	for _, g := range muteGroups {
		if c := s.muted[g.label]; c != nil && !c.Checked {
			muted = append(muted, g.kinds...)
		}
	}
	if community.NewMuteList(muted) == s.member.Muted {
		return
	}
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		m, err := svc.SetMuted(ctx, me, muted)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.member = m
		}
	})
}

func (s *notices) onPush() {
	if s.push.Checked == s.member.PushOptIn {
		return
	}
	svc, me, on, token := s.env.Svc, s.env.Me(), s.push.Checked, s.member.PushToken
	if s.env.DeviceToken != "" {
		token = s.env.DeviceToken
	}
	s.scope.Save(func(ctx context.Context) func() {
		// The device token comes from the platform's messaging SDK
		// (docs/push.md); desktop builds have none, and the choice is kept
		// for the member's phone.
		m, err := svc.SetPush(ctx, me, on, token)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.member = m
		}
	})
}

func (s *notices) onChange(c community.Change) {
	if (c.Kind == community.KindNotification || c.Kind == community.KindMember) && c.MemberID == s.env.Me().ID {
		s.load()
	}
}

// myFeedback shows the member's answers and the owner's replies.
type myFeedback struct {
	env   *Env
	scope *Scope
	list  *fyne.Container
	root  fyne.CanvasObject
}

// NewMyFeedback returns the member's feedback with the owner's replies.
func NewMyFeedback(env *Env) fyne.CanvasObject {
	s := &myFeedback{env: env, list: container.NewVBox()}
	s.scope = env.Open("my-feedback", nil)
	s.root = container.NewVScroll(s.list)
	svc, me := env.Svc, env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		fs, err := svc.MyFeedback(ctx, me)
		return func() { s.show(fs, err) }
	})
	return s.root
}

func (s *myFeedback) show(fs []community.Feedback, err error) {
	env, l := s.env, s.env.L()
	s.list.Objects = nil
	if err != nil {
		s.list.Add(ui.NewText(env, ErrorText(l, err)))
	}
	for _, f := range fs {
		lines := []fyne.CanvasObject{
			ui.NewHeading(env, l.T("FeedbackScore", map[string]any{"Score": l.Number(int64(f.Score)), "Max": l.Number(10)})),
			ui.SecondaryOf(ui.NewText(env, l.Date(f.At, nil))),
		}
		if f.Comment != "" {
			lines = append(lines, ui.NewContentText(env, f.Comment))
		}
		if f.Reply != "" {
			lines = append(lines, ui.NewSectionHeader(env, l.T("FeedbackOwnerReplied")), ui.NewContentText(env, f.Reply))
		}
		s.list.Add(ui.NewCard(env, "", "", container.NewVBox(lines...)))
	}
	s.list.Refresh()
}

// noticesButton opens the notices and their settings from Me, with the
// unread count (read from the notices Me has already loaded).
func (s *me) noticesButton() fyne.CanvasObject {
	l := s.env.L()
	unread := 0
	for _, n := range s.notes {
		if !n.Read {
			unread++
		}
	}
	text := l.T("NoticesOpen")
	if unread > 0 {
		text = l.T("NoticesOpenUnread", map[string]any{"Unread": l.Number(int64(min(unread, community.UnreadCap)))})
	}
	b := ui.NewIconButton(s.env, bidi.Visual(s.env, text), theme.MailComposeIcon(), func() {
		s.env.Nav.Push(l.T("NoticesTitle"), NewNotices(s.env))
	})
	if unread > 0 {
		b.Importance = widget.HighImportance
	}
	return mirror.Row(s.env, b)
}
