package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// announcementDetail shows one announcement in the member's best-matching
// language, with buttons to read the versions in the other languages.
type announcementDetail struct {
	env   *Env
	scope *Scope
	id    string
	an    community.Announcement
	lang  string // the version shown
	zone  *time.Location

	title   *ui.DataLabel
	when    *ui.Secondary
	body    *ui.DataRich
	plain   *fyne.Container // the body as Paragraphs (see setBody)
	others  *fyne.Container
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewAnnouncementDetail returns the announcement with the given ID.
func NewAnnouncementDetail(env *Env, announcementID string) fyne.CanvasObject {
	return newAnnouncementDetail(env, announcementID).root
}

func newAnnouncementDetail(env *Env, id string) *announcementDetail {
	s := &announcementDetail{env: env, id: id, zone: time.UTC}
	s.scope = env.Open("announcement", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *announcementDetail) buildUI() {
	s.title = ui.NewDataLabel(s.env, "", true)
	s.when = ui.NewFaint(s.env, "")
	s.body = ui.NewDataRich()
	s.plain = ui.NewPlainBody()
	s.others = container.NewVBox()
	s.problem = ui.NewRefusal(s.env)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(s.title, s.when, s.body, s.plain, widget.NewSeparator(), s.others, s.problem)))
}

func (s *announcementDetail) load() {
	svc, id := s.env.Svc, s.id
	s.scope.Go(func(ctx context.Context) func() {
		an, err := svc.Announcement(ctx, id)
		c, cerr := svc.Community(ctx)
		return func() {
			if cerr == nil {
				s.zone = c.Location()
			}
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.an = an
			if _, ok := an.Texts[s.lang]; !ok {
				_, s.lang = an.In(s.env.L().Code())
			}
			s.render()
		}
	})
}

func (s *announcementDetail) render() {
	l := s.env.L()
	text := s.an.Texts[s.lang]
	s.title.SetContent(s.env, text.Title)
	ui.SetLine(s.env, s.when, announcementWhen(l, s.an, s.env.Svc, s.zone))
	ui.SetBody(s.env, s.body, s.plain, text.Body)
	ui.Relayout(s.root) // the body may have changed height
	s.others.RemoveAll()
	langs := s.an.Languages()
	if len(langs) > 1 {
		names := make([]string, len(langs))
		for i, lang := range langs {
			names[i] = languageName(lang)
		}
		pick := widget.NewSelect(names, nil)
		pick.SetSelected(languageName(s.lang))
		pick.OnChanged = func(name string) {
			for i, n := range names {
				if n == name && langs[i] != s.lang {
					s.onLanguage(langs[i])
				}
			}
		}
		s.others.Add(mirror.Border(l, nil, nil, widget.NewLabel(l.T("AnnouncementReadIn")), nil, pick))
	}
	s.others.Refresh()
}

// languageName is a language's own name ("Español"), or its tag.
func languageName(tag string) string {
	if loc, ok := i18n.Lookup(tag); ok && loc.Name != "" {
		return loc.Name
	}
	return tag
}

func (s *announcementDetail) onLanguage(lang string) {
	s.lang = lang
	s.render()
}

func (s *announcementDetail) onChange(c community.Change) {
	if c.About(community.KindAnnouncement, s.id) {
		s.load()
	}
}
