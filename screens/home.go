package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// home is what a member sees first: who they are to the business (name,
// tier, points, how far to the next tier), then what is going on: the pinned
// announcement, their next event, the open poll and the newest story.
type home struct {
	env   *Env
	scope *Scope
	body  *fyne.Container
}

// NewHome returns the Home screen of the signed-in member.
func NewHome(env *Env) fyne.CanvasObject {
	return newHome(env).buildUI()
}

func newHome(env *Env) *home {
	return &home{env: env}
}

func (h *home) buildUI() fyne.CanvasObject {
	h.body = container.NewVBox(widget.NewProgressBarInfinite())
	h.scope = h.env.Open("home", h.onChange)
	h.load()
	return container.NewVScroll(ui.CardPage(h.body))
}

// load reads the member's home off the UI goroutine and shows it.
func (h *home) load() {
	me := h.env.Me()
	h.scope.Go(func(ctx context.Context) func() {
		data, err := h.env.Svc.Home(ctx, me)
		return func() { h.show(data, err) }
	})
}

// onChange reloads when something the home shows changed.
func (h *home) onChange(c community.Change) {
	switch c.Kind {
	case community.KindMember, community.KindLedger, community.KindNotification:
		if c.MemberID != "" && c.MemberID != h.env.Me().ID && c.ID != h.env.Me().ID {
			return
		}
	case community.KindAnnouncement, community.KindEvent, community.KindRSVP, community.KindPoll, community.KindStory, community.KindCommunity:
	default:
		return
	}
	h.load()
}

func (h *home) show(data community.Home, err error) {
	l := h.env.L()
	if err != nil {
		fe := ui.NewFieldError(h.env)
		fe.SetError(err)
		h.body.Objects = []fyne.CanvasObject{fe, container.NewCenter(widget.NewButton(l.T("CommonRetry"), h.onRetry))}
		h.body.Refresh()
		return
	}
	objs := []fyne.CanvasObject{h.header(data), h.loyaltyCard(data)}
	if data.Unread > 0 {
		b := ui.NewIconButton(h.env, bidi.Visual(h.env, l.N("HomeUnread", data.Unread)), theme.MailComposeIcon(), h.onNotifications)
		b.Importance = widget.LowImportance
		objs = append(objs, mirror.Row(h.env, b))
	}
	objs = append(objs, h.announcement(data), h.nextEvent(data), h.poll(data), h.story(data))
	h.body.Objects = objs
	h.body.Refresh()
}

// header greets the member by name (on their birthday, with wishes).
func (h *home) header(data community.Home) fyne.CanvasObject {
	l := h.env.L()
	greeting := l.T("HomeGreeting", map[string]any{"Name": data.Member.Name})
	if data.Birthday {
		greeting = l.T("HomeBirthday", map[string]any{"Name": data.Member.Name})
	}
	g := ui.NewWrapped(h.env, greeting, fyne.TextStyle{Bold: true}, theme.SizeNameSubHeadingText)
	lines := []fyne.CanvasObject{g}
	if data.Birthday {
		lines = append(lines, ui.NewWrapped(h.env, l.T("HomeBirthdayGift"), fyne.TextStyle{}, ""))
	}
	return mirror.Border(h.env, nil, nil, container.NewCenter(ui.NewAvatar(data.Member.Name, 0)), nil, container.NewVBox(lines...))
}

// loyaltyCard is the member's card: the balance and the way through the
// tiers; it opens the card with the code to show at the counter.
func (h *home) loyaltyCard(data community.Home) fyne.CanvasObject {
	card := ui.NewLoyaltyCard(h.env, loyaltyCardData(h.env, data.Community, data.Member))
	open := ui.NewIconButton(h.env, h.env.L().T("HomeOpenCard"), theme.AccountIcon(), h.onOpenCard)
	return container.NewVBox(card, mirror.Row(h.env, open))
}

func (h *home) announcement(data community.Home) fyne.CanvasObject {
	l := h.env.L()
	all := widget.NewButton(l.T("HomeAllAnnouncements"), h.onAllAnnouncements)
	all.Importance = widget.LowImportance
	head := mirror.Border(h.env, nil, nil, nil, all, ui.NewSectionHeader(h.env, l.T("HomeNews")))
	if data.Pinned == nil {
		return container.NewVBox(head, ui.NewEmptyState(nil, l.T("HomeNoNews"), "", nil))
	}
	an := *data.Pinned
	text, _ := an.In(l.Code())
	title := ui.NewContentLabel(h.env, text.Title, true)
	body := ui.NewContentText(h.env, excerpt(text.Body, 160))
	return container.NewVBox(head, ui.NewTapCard(container.NewVBox(title, body), func() { h.onAnnouncement(an.ID) }))
}

func (h *home) nextEvent(data community.Home) fyne.CanvasObject {
	l := h.env.L()
	head := ui.NewSectionHeader(h.env, l.T("HomeNextEvent"))
	if data.NextEvent == nil {
		return container.NewVBox(head, ui.NewEmptyState(theme.CalendarIcon(), l.T("HomeNoEvent"), l.T("HomeSeeEvents"), h.onEvents))
	}
	e := *data.NextEvent
	var mine community.RSVP
	if data.NextRSVP != nil {
		mine = *data.NextRSVP
	}
	return container.NewVBox(head, ui.NewEventCard(h.env, eventCardData(h.env, e, mine), func() { h.onEvent(e.ID) }))
}

func (h *home) poll(data community.Home) fyne.CanvasObject {
	l := h.env.L()
	head := ui.NewSectionHeader(h.env, l.T("HomeOpenPoll"))
	if data.OpenPoll == nil {
		return container.NewVBox(head, ui.NewEmptyState(nil, l.T("HomeNoPoll"), "", nil))
	}
	q := ui.NewContentLabel(h.env, data.OpenPoll.Question, false)
	vote := widget.NewButton(l.T("HomeVote"), h.onPolls)
	vote.Importance = widget.HighImportance
	return container.NewVBox(head, ui.NewTapCard(container.NewVBox(q, mirror.Row(h.env, vote)), h.onPolls))
}

func (h *home) story(data community.Home) fyne.CanvasObject {
	l := h.env.L()
	all := widget.NewButton(l.T("HomeAllStories"), h.onAllStories)
	all.Importance = widget.LowImportance
	head := mirror.Border(h.env, nil, nil, nil, all, ui.NewSectionHeader(h.env, l.T("HomeNewestStory")))
	if data.NewestStory == nil {
		return container.NewVBox(head, ui.NewEmptyState(nil, l.T("HomeNoStory"), l.T("HomeTellStory"), h.onAllStories))
	}
	s := *data.NewestStory
	title := ui.NewContentLabel(h.env, s.Title, true)
	by := ui.SecondaryOf(ui.NewText(h.env, l.T("HomeStoryBy", map[string]any{"Name": s.AuthorName})))
	return container.NewVBox(head, ui.NewTapCard(container.NewVBox(title, by, ui.NewContentText(h.env, excerpt(s.Body, 140))), func() { h.onStory(s.ID) }))
}

func (h *home) onRetry() { h.load() }

func (h *home) onOpenCard() { h.env.Push(h.env.L().T("LoyaltyTitle"), NewLoyalty(h.env)) }

func (h *home) onNotifications() { h.env.Nav.Push(h.env.L().T("NoticesTitle"), NewNotices(h.env)) }

func (h *home) onEvents() { showPlace(h.env, "events") }

func (h *home) onPolls() { showPlace(h.env, "polls") }

func (h *home) onAllAnnouncements() {
	h.env.Push(h.env.L().T("HomeNews"), NewAnnouncements(h.env))
}

func (h *home) onAllStories() { h.env.Push(h.env.L().T("HomeNewestStory"), NewStories(h.env)) }

func (h *home) onAnnouncement(id string) {
	h.env.Push(h.env.L().T("HomeNews"), ShowAnnouncement(h.env, id))
}

func (h *home) onEvent(id string) { h.env.Push(h.env.L().T("EventTitle"), NewEventDetail(h.env, id)) }

func (h *home) onStory(id string) {
	h.env.Push(h.env.L().T("HomeNewestStory"), NewStoryDetail(h.env, id))
}

// showPlace switches to a top-level place when there is a navigator.
func showPlace(env *Env, place string) {
	if env.Nav != nil {
		env.Nav.Show(place)
	}
}

// ShowAnnouncement builds the detail view of an announcement. It is a
// variable so the app can swap the view without touching Home.
var ShowAnnouncement = NewAnnouncementDetail

// excerpt shortens s to about n runes at a word boundary, with an ellipsis.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + "…"
}

// rsvpText says where the member stands for an event.
func rsvpText(env *Env, r community.RSVP) string {
	l := env.L()
	switch r.Status {
	case community.StatusGoing:
		return l.T("EventYouAreGoing")
	case community.StatusCheckedIn:
		return l.T("EventCheckedIn")
	case community.StatusWaiting:
		return l.T("EventWaitlistPosition", map[string]any{"Position": l.Number(int64(r.Position))})
	}
	return ""
}
