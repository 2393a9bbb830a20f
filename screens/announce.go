package screens

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// announce is the staff's announcement composer: one tab per language the
// business writes in, a preview as a member in a chosen language sees it,
// pin and schedule, and the announcements already posted (to edit).
type announce struct {
	env     *Env
	scope   *Scope
	locales []string
	editing string // ID of the announcement being edited, "" for a new one
	posted  []community.Announcement
	zone    *time.Location

	titles, bodies map[string]*shortcutEntry
	tabs           *ui.Tabs
	pinned         *ui.Check
	schedule       *ui.Check
	when           *dateTimeField
	previewLang    *widget.Select
	previewTitle   *ui.DataLabel
	previewBody    *ui.DataRich
	publish        *widget.Button
	del            *widget.Button // shown while editing a posted announcement (announce_delete.go)
	publishing     bool           // a publish or save is on its way: a second tap waits
	problem        *widget.Label
	list           *widget.List
	form           *fyne.Container
	formScroll     *container.Scroll
	root           fyne.CanvasObject
}

// newShortcut is Ctrl+N (Cmd+N on macOS): a new announcement.
var newShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

// NewAnnounce returns the announcement composer (owner and staff). Ctrl+N
// starts a new announcement.
func NewAnnounce(env *Env) fyne.CanvasObject {
	return newAnnounce(env).root
}

func newAnnounce(env *Env) *announce {
	s := &announce{env: env, zone: time.UTC, titles: map[string]*shortcutEntry{}, bodies: map[string]*shortcutEntry{}}
	s.scope = env.Open("announce", s.onChange)
	s.buildUI()
	env.OfferNew(s.onNew) // the shell binds Ctrl+N to it
	s.load()
	return s
}

func (s *announce) buildUI() {
	l := s.env.L()
	s.tabs = ui.NewTabs(s.env)
	s.pinned = ui.NewCheck(s.env, l.T("AnnouncePin"), nil)
	s.when = newDateTimeField(s.env, l.T("OwnerEventsTimePlaceholder"))
	s.when.root.Hide()
	s.schedule = ui.NewCheck(s.env, l.T("AnnounceSchedule"), s.onSchedule)
	s.previewLang = widget.NewSelect(nil, func(string) { s.onPreview() })
	s.previewLang.Alignment = mirror.Start(l)
	s.previewTitle = ui.NewDataLabel(s.env, "", true)
	s.previewBody = ui.NewDataRich()
	s.publish = highButton(l.T("AnnouncePublish"), s.onPublish)
	s.del = dangerButton(l.T("AnnounceDelete"), s.onDelete)
	s.del.Hide()
	s.problem = ui.NewRefusal(s.env)
	newButton := ui.NewIconButton(s.env, l.T("AnnounceNew"), theme.ContentAddIcon(), s.onNew)
	preview := widget.NewCard(l.T("AnnouncePreview"), "", container.NewVBox(
		mirror.Border(l, nil, nil, widget.NewLabel(l.T("AnnouncePreviewAs")), nil, s.previewLang),
		s.previewTitle, s.previewBody))
	s.form = container.NewVBox(s.tabs, s.pinned, s.schedule, s.when.root, s.problem, mirror.Row(l, s.publish, s.del), preview)
	s.list = widget.NewList(func() int { return len(s.posted) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onEdit
	left := container.NewBorder(newButton, nil, nil, nil, s.list)
	s.formScroll = container.NewVScroll(ui.Page(s.form))
	if s.env.Phone() {
		s.root = ui.NewTabs(s.env,
			container.NewTabItem(l.T("AnnounceCompose"), s.formScroll),
			container.NewTabItem(l.T("AnnouncePosted"), left))
		return
	}
	s.root = mirror.Split(s.env, left, s.formScroll, 0.3)
}

// setLocales makes one tab per language the business writes in.
func (s *announce) setLocales(locales []string) {
	s.locales = locales
	l := s.env.L()
	var names []string
	for _, lang := range locales {
		title := newShortcutEntry(false, s.onNew)
		title.OnChanged = func(string) { s.onPreview(); s.markTabs() }
		body := newShortcutEntry(true, s.onNew)
		body.OnChanged = func(string) { s.onPreview(); s.markTabs() }
		s.titles[lang], s.bodies[lang] = title, body
		tab := l.T("AnnounceLanguageTab", map[string]any{"Language": languageName(lang)})
		s.tabs.Append(container.NewTabItem(tab, container.NewVBox(
			ui.WithHint(s.env, title, &title.Entry, l.T("AnnounceTitlePlaceholder")),
			ui.WithHint(s.env, body, &body.Entry, l.T("AnnounceBodyPlaceholder")))))
		names = append(names, languageName(lang))
	}
	s.previewLang.SetOptions(names)
	mine := community.BestLanguage(locales, l.Code(), locales[0])
	s.previewLang.SetSelected(languageName(mine))
	for i, lang := range locales {
		if lang == mine {
			s.tabs.SelectIndex(i) // the owner writes in their own language first
		}
	}
}

func (s *announce) createRow() fyne.CanvasObject {
	return container.NewVBox(ui.NewDataLine(s.env, true), ui.NewFaint(s.env, ""))
}

func (s *announce) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.posted) {
		return
	}
	a, l := s.posted[id], s.env.L()
	text, _ := a.In(l.Code())
	box := o.(*fyne.Container)
	title := text.Title
	if a.Pinned {
		title = l.T("AnnouncementPinnedMark", map[string]any{"Title": title})
	}
	box.Objects[0].(*ui.DataLabel).SetData(s.env, title)
	ui.SetLine(s.env, ui.AsLabel(box.Objects[1]), announcementWhen(l, a, s.env.Svc, s.zone))
}

func (s *announce) load() {
	svc, me := s.env.Svc, s.env.Me()
	first := s.locales == nil
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		var posted []community.Announcement
		if err == nil {
			posted, err = svc.Announcements(ctx, me, true, announcementsLimit)
		}
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.zone = c.Location()
			if first {
				locales := c.Locales
				if len(locales) == 0 {
					locales = []string{s.env.L().Code()}
				}
				s.setLocales(locales)
				s.when.zone = s.zone
				// The tabs grew from nothing while the preview changed too:
				// lay the composer out again (see ui.Relayout).
				ui.Relayout(s.formScroll)
			}
			s.posted = posted
			s.list.Refresh()
		}
	})
}

// input reads the composer.
func (s *announce) input() (community.AnnouncementInput, bool) {
	in := community.AnnouncementInput{Texts: map[string]community.AnnouncementText{}, Pinned: s.pinned.Checked}
	for _, lang := range s.locales {
		in.Texts[lang] = community.AnnouncementText{Title: s.titles[lang].Text, Body: s.bodies[lang].Text}
	}
	if s.schedule.Checked {
		t, ok := s.when.value()
		if !ok {
			return in, false
		}
		in.PublishAt = t
	}
	return in, true
}

// markTabs marks the language tabs that have something written, so the
// owner sees at a glance which languages the members will get.
func (s *announce) markTabs() {
	l := s.env.L()
	changed := false
	for i, lang := range s.locales {
		id := "AnnounceLanguageTab"
		if strings.TrimSpace(s.titles[lang].Text) != "" || strings.TrimSpace(s.bodies[lang].Text) != "" {
			id = "AnnounceLanguageTabWritten"
		}
		text := l.T(id, map[string]any{"Language": languageName(lang)})
		if item := s.tabs.Items[i]; item.Text != text {
			item.Text, changed = text, true
		}
	}
	if changed {
		s.tabs.Refresh()
	}
}

// onPreview shows the announcement as a member speaking the preview
// language would see it: their language, or the best match written so far.
func (s *announce) onPreview() {
	in, _ := s.input()
	a := community.Announcement{Texts: map[string]community.AnnouncementText{}}
	for lang, t := range in.Texts {
		if t.Title != "" || t.Body != "" {
			a.Texts[lang] = t
		}
	}
	want := s.env.L().Code()
	for _, lang := range s.locales {
		if languageName(lang) == s.previewLang.Selected {
			want = lang
		}
	}
	text, shown := a.In(want)
	if shown == "" {
		s.previewTitle.SetData(s.env, s.env.L().T("AnnouncePreviewEmpty"))
		s.previewBody.ParseMarkdown("")
		return
	}
	title := text.Title
	if shown != want {
		title = s.env.L().T("AnnouncePreviewFallback", map[string]any{"Title": title, "Language": languageName(shown)})
	}
	s.previewTitle.SetData(s.env, title)
	s.previewBody.SetMarkdown(text.Body)
}

func (s *announce) onSchedule(on bool) {
	if on {
		if _, ok := s.when.value(); !ok {
			s.when.set(s.env.Svc.Now().Add(24*time.Hour).Truncate(time.Hour), s.zone)
		}
		s.when.root.Show()
	} else {
		s.when.root.Hide()
	}
}

func (s *announce) onPublish() {
	in, ok := s.input()
	if !ok {
		ui.ShowRefusal(s.problem, s.env.L().T("AnnounceWhenInvalid"))
		return
	}
	if s.publishing {
		return // a double tap: the first one is being saved
	}
	s.publishing = true
	s.publish.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.editing
	s.scope.Save(func(ctx context.Context) func() {
		var a community.Announcement
		var err error
		if id == "" {
			a, err = svc.Announce(ctx, me, in)
		} else {
			a, err = svc.EditAnnouncement(ctx, me, id, in)
		}
		return func() {
			s.publishing = false
			s.publish.Enable()
			l := s.env.L()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(l, err)) // every tab keeps what was typed
				return
			}
			// The composer now edits what was published: another tap saves
			// changes to it instead of publishing it again.
			s.editing = a.ID
			s.publish.SetText(l.T("AnnounceUpdate"))
			s.del.Show()
			if a.PublishAt.After(s.env.Svc.Now()) {
				ui.ShowNote(s.problem, l.T("AnnounceScheduled", map[string]any{"When": l.DateTime(a.PublishAt, s.zone)}))
			} else {
				ui.ShowNote(s.problem, l.T("AnnouncePublished"))
			}
			s.load()
		}
	})
}

// onNew clears the composer for a new announcement (Ctrl+N).
func (s *announce) onNew() {
	s.editing = ""
	s.list.UnselectAll()
	for _, lang := range s.locales {
		s.titles[lang].SetText("")
		s.bodies[lang].SetText("")
	}
	s.pinned.SetChecked(false)
	s.schedule.SetChecked(false)
	ui.ShowRefusal(s.problem, "")
	s.publish.SetText(s.env.L().T("AnnouncePublish"))
	s.del.Hide()
	if len(s.locales) > 0 {
		mine := community.BestLanguage(s.locales, s.env.L().Code(), s.locales[0])
		for i, lang := range s.locales {
			if lang == mine {
				s.tabs.SelectIndex(i)
			}
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(s.form); c != nil {
			c.Focus(s.titles[mine])
		}
	}
}

// onEdit loads a posted announcement into the composer.
func (s *announce) onEdit(id widget.ListItemID) {
	if id >= len(s.posted) {
		return
	}
	a := s.posted[id]
	s.editing = a.ID
	for _, lang := range s.locales {
		t := a.Texts[lang]
		s.titles[lang].SetText(t.Title)
		s.bodies[lang].SetText(t.Body)
	}
	s.pinned.SetChecked(a.Pinned)
	scheduled := a.PublishAt.After(s.env.Svc.Now())
	s.schedule.SetChecked(scheduled)
	if scheduled {
		s.when.set(a.PublishAt, s.zone)
	}
	ui.ShowRefusal(s.problem, "")
	s.publish.SetText(s.env.L().T("AnnounceUpdate"))
	s.del.Show()
}

func (s *announce) onChange(c community.Change) {
	if c.Kind == community.KindAnnouncement {
		s.load()
	}
}

// shortcutEntry is an entry that passes Ctrl+N to the composer: shortcuts
// typed into a focused entry do not reach the window.
type shortcutEntry struct {
	widget.Entry
	onNew func()
}

func newShortcutEntry(multiLine bool, onNew func()) *shortcutEntry {
	e := &shortcutEntry{onNew: onNew}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(6)
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut handles Ctrl+N and leaves the rest to the entry.
func (e *shortcutEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.KeyName == newShortcut.KeyName && cs.Modifier == newShortcut.Modifier {
		e.onNew()
		return
	}
	e.Entry.TypedShortcut(sc)
}
