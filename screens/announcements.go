package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
)

// announcementsLimit is how many announcements the list shows.
const announcementsLimit = 50

// announcements lists the business's news, pinned first, each in the
// language that best matches the member's.
type announcements struct {
	env     *Env
	scope   *Scope
	items   []community.Announcement
	zone    *time.Location
	list    *widget.List
	empty   fyne.CanvasObject
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewAnnouncements returns the announcements list; tapping one pushes
// NewAnnouncementDetail.
func NewAnnouncements(env *Env) fyne.CanvasObject {
	return newAnnouncements(env).root
}

func newAnnouncements(env *Env) *announcements {
	s := &announcements{env: env, zone: time.UTC}
	s.scope = env.Open("announcements", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *announcements) buildUI() {
	s.list = widget.NewList(func() int { return len(s.items) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.empty = ui.NewEmptyState(theme.InfoIcon(), s.env.L().T("AnnouncementsEmpty"), "", nil)
	s.empty.Hide()
	s.problem = ui.NewRefusal(s.env)
	s.root = container.NewBorder(s.problem, nil, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *announcements) createRow() fyne.CanvasObject {
	return container.NewVBox(ui.NewDataLine(s.env, true), ui.NewContentRow(s.env), ui.NewFaint(s.env, ""))
}

func (s *announcements) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.items) {
		return
	}
	a, l := s.items[id], s.env.L()
	text, _ := a.In(l.Code())
	box := o.(*fyne.Container)
	title := text.Title
	if a.Pinned {
		title = l.T("AnnouncementPinnedMark", map[string]any{"Title": title})
	}
	box.Objects[0].(*ui.DataLabel).SetContent(s.env, title)
	ui.SetRowContent(s.env, box.Objects[1], firstLine(text.Body))
	ui.SetLine(s.env, ui.AsLabel(box.Objects[2]), announcementWhen(l, a, s.env.Svc, s.zone))
}

// announcementWhen says when an announcement was (or will be) published.
// Dates are in the business's time zone, where the news happens.
func announcementWhen(l *i18n.Localizer, a community.Announcement, svc *community.Service, zone *time.Location) string {
	if a.PublishAt.After(svc.Now()) {
		return l.T("AnnouncementScheduledFor", map[string]any{"When": l.DateTime(a.PublishAt, zone)})
	}
	return l.Date(a.PublishAt, zone)
}

func (s *announcements) load() {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		items, err := svc.Announcements(ctx, me, false, announcementsLimit)
		c, cerr := svc.Community(ctx)
		return func() {
			if cerr == nil {
				s.zone = c.Location()
			}
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.items = items
			showEmpty(s.empty, len(items))
			s.list.Refresh()
		}
	})
}

func (s *announcements) onOpen(id widget.ListItemID) {
	s.list.UnselectAll()
	if id < len(s.items) {
		text, _ := s.items[id].In(s.env.L().Code())
		s.env.Push(text.Title, NewAnnouncementDetail(s.env, s.items[id].ID))
	}
}

func (s *announcements) onChange(c community.Change) {
	if c.Kind == community.KindAnnouncement {
		s.load()
	}
}
