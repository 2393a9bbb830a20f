package screens

import (
	"context"
	"errors"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// me is the member's own corner: profile, language, the NPS question, their
// notifications, a download of their data and deleting their account.
type me struct {
	env   *Env
	scope *Scope
	body  *fyne.Container

	member    community.Member
	community community.Community
	notes     []community.Notification

	name       *widget.Entry
	nameErrors *FieldErrors
	nameSaved  *widget.Label
	birthday   *birthdayForm
	language   *widget.Select

	score       int // -1 until chosen
	scoreBtns   []*widget.Button
	comment     *widget.Entry
	npsErrors   *FieldErrors
	npsThanks   *widget.Label
	exportBar   *ui.ProgressBar
	exportNote  *widget.Label
	exportError *ui.FieldError
	exportBtn   *widget.Button
	deleteError *ui.FieldError
}

// NewMe returns the Me screen of the signed-in member.
func NewMe(env *Env) fyne.CanvasObject {
	return newMe(env).buildUI()
}

func newMe(env *Env) *me {
	return &me{env: env, score: -1}
}

func (s *me) buildUI() fyne.CanvasObject {
	l := s.env.L()
	s.nameErrors = NewFieldErrors(s.env)
	s.name = widget.NewEntry()
	s.name.OnSubmitted = func(string) { s.onSaveName() }
	s.nameSaved = ui.NewText(s.env, "")
	s.nameSaved.Importance = widget.SuccessImportance
	s.nameSaved.Hide()

	var names []string
	for _, loc := range i18n.Locales() {
		names = append(names, loc.Name)
	}
	s.language = widget.NewSelect(names, nil)
	s.language.Alignment = mirror.Start(l)
	s.language.PlaceHolder = l.T("MeLanguagePick")
	if cur, ok := i18n.Lookup(l.Code()); ok {
		s.language.SetSelected(cur.Name)
	}
	s.language.OnChanged = s.onLanguage

	s.npsErrors = NewFieldErrors(s.env)
	s.comment = widget.NewMultiLineEntry()
	s.comment.Wrapping = fyne.TextWrapWord
	s.comment.SetMinRowsVisible(3)
	s.npsThanks = ui.NewText(s.env, "")
	s.npsThanks.Importance = widget.SuccessImportance
	s.npsThanks.Hide()

	s.exportBar = ui.NewProgressBar(s.env)
	s.exportBar.Hide()
	s.exportNote = ui.NewText(s.env, "")
	s.exportNote.Importance = widget.SuccessImportance
	s.exportNote.Hide()
	s.exportError = ui.NewFieldError(s.env)
	s.deleteError = ui.NewFieldError(s.env)

	s.body = container.NewVBox(widget.NewProgressBarInfinite())
	s.scope = s.env.Open("me", s.onChange)
	s.load()
	return container.NewVScroll(ui.Page(s.body))
}

func (s *me) load() {
	actor := s.env.Me()
	svc := s.env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		m, err := svc.Member(ctx, actor, actor.ID)
		var c community.Community
		var notes []community.Notification
		if err == nil {
			if c, err = svc.Community(ctx); err == nil {
				notes, err = svc.Notifications(ctx, actor, 20)
			}
		}
		return func() { s.show(m, c, notes, err) }
	})
}

func (s *me) onChange(c community.Change) {
	id := s.env.Me().ID
	if c.Kind == community.KindNotification && c.MemberID == id {
		s.load()
	}
}

func (s *me) show(m community.Member, c community.Community, notes []community.Notification, err error) {
	if err != nil {
		fe := ui.NewFieldError(s.env)
		fe.SetError(err)
		s.body.Objects = []fyne.CanvasObject{fe}
		s.body.Refresh()
		return
	}
	first := s.member.ID == ""
	s.member, s.community, s.notes = m, c, notes
	if first {
		s.name.SetText(m.Name) // later reloads keep what the member is typing
		s.birthday = newBirthdayForm(s.env, s.scope, func() community.Member { return s.member }, func(m community.Member) { s.member = m })
	}
	s.body.Objects = []fyne.CanvasObject{s.profile(), s.languageSection(), s.notifications(), s.nps(), s.privacy()}
	if demo := s.demoSection(); demo != nil {
		s.body.Objects = append(s.body.Objects, demo)
	}
	s.body.Refresh()
}

// demoSection lets one person see the local demo as the member or as the
// owner (it was a select in every header; it is a setting of the demo).
func (s *me) demoSection() fyne.CanvasObject {
	choices := s.env.Profiles()
	if len(choices) < 2 {
		return nil
	}
	var buttons []fyne.CanvasObject
	for _, c := range choices {
		b := widget.NewButton(c.Title, c.Choose)
		if c.Active {
			b.Importance = widget.HighImportance
			b.Icon = theme.ConfirmIcon()
		}
		buttons = append(buttons, b)
	}
	return container.NewVBox(ui.NewSectionHeader(s.env, s.env.L().T("MeDemoProfile")),
		container.NewGridWithColumns(len(buttons), mirror.Order(s.env, buttons...)...))
}

func (s *me) profile() fyne.CanvasObject {
	l := s.env.L()
	name := ui.NewDataLabel(s.env, s.member.Name, true)
	name.SizeName = theme.SizeNameSubHeadingText
	since := ui.SecondaryOf(ui.NewText(s.env, l.Since(s.member.Since, s.env.Svc.Now().In(s.community.Location()))))
	card := mirror.Border(s.env, nil, nil, ui.NewAvatar(s.member.Name, 0), nil, container.NewVBox(name, since))
	save := widget.NewButton(l.T("MeSaveName"), s.onSaveName)
	loyalty := ui.NewIconButton(s.env, l.T("HomeOpenCard"), theme.AccountIcon(), s.onOpenCard)
	return container.NewVBox(
		ui.NewSectionHeader(s.env, l.T("MeProfile")),
		card,
		ui.NewFormRow(s.env, l.T("FieldName"), mirror.Border(s.env, nil, nil, nil, save, s.name), s.nameErrors.Field("name")),
		s.nameErrors.General(), s.nameSaved,
		s.birthday.root,
		mirror.Row(s.env, loyalty),
	)
}

func (s *me) languageSection() fyne.CanvasObject {
	l := s.env.L()
	return container.NewVBox(ui.NewSectionHeader(s.env, l.T("MeLanguage")), s.language)
}

func (s *me) notifications() fyne.CanvasObject {
	l := s.env.L()
	objs := []fyne.CanvasObject{ui.NewSectionHeader(s.env, l.T("MeNotifications")), s.noticesButton()}
	if len(s.notes) == 0 {
		objs = append(objs, ui.NewEmptyState(nil, l.T("MeNoNotifications"), "", nil))
	}
	now := s.env.Svc.Now().In(s.community.Location())
	for _, n := range s.notes {
		text := ui.NewWrapped(s.env, NoticeText(l, n), fyne.TextStyle{Bold: !n.Read}, "")
		when := ui.SecondaryOf(ui.NewText(s.env, l.Relative(n.At, now)))
		icon := widget.NewIcon(theme.MailComposeIcon())
		if n.Read {
			icon.SetResource(theme.NewDisabledResource(theme.MailComposeIcon()))
		}
		id, read := n.ID, n.Read
		objs = append(objs, ui.NewTapCard(mirror.Border(s.env, nil, nil, icon, nil, container.NewVBox(text, when)), func() {
			if !read {
				s.onRead(id)
			}
		}))
	}
	return container.NewVBox(objs...)
}

// notificationText explains a notification in the member's language.
func notificationText(l *i18n.Localizer, n community.Notification) string {
	data := map[string]any{"Title": n.Title, "Points": l.Points(n.Amount)}
	switch n.Kind {
	case "promoted":
		return l.T("MeNotePromoted", data)
	case "points":
		return l.T("MeNotePoints", data)
	case "idea_shipped":
		return l.T("MeNoteIdeaShipped", data)
	case "story_published":
		return l.T("MeNoteStoryPublished", data)
	case "cancelled":
		return l.T("MeNoteCancelled", data)
	case community.NoteExpiring:
		if day, err := time.Parse(time.DateOnly, n.Ref); err == nil {
			data["Date"] = l.Date(day, time.UTC)
		}
		return l.T("MeNotePointsExpiring", data)
	case community.NoteExpired:
		return l.T("MeNotePointsExpired", data)
	}
	return l.T("MeNoteOther")
}

func (s *me) nps() fyne.CanvasObject {
	l := s.env.L()
	s.scoreBtns = nil
	var btns []fyne.CanvasObject
	for i := 0; i <= 10; i++ {
		b := widget.NewButton(l.Number(int64(i)), func() { s.onScore(i) })
		if i == s.score {
			b.Importance = widget.HighImportance
		}
		s.scoreBtns = append(s.scoreBtns, b)
		btns = append(btns, b)
	}
	cols := 11
	if s.env.Phone() {
		cols = 6
	}
	lo, hi := ui.NewText(s.env, l.T("MeNPSNotLikely")), widget.NewLabel(l.T("MeNPSVeryLikely"))
	hi.Alignment = mirror.End(s.env)
	scale := container.NewGridWithColumns(2, mirror.Order(s.env, ui.SecondaryOf(lo), ui.SecondaryOf(hi))...)
	send := widget.NewButton(l.T("MeNPSSend"), s.onSendFeedback)
	send.Importance = widget.HighImportance
	return container.NewVBox(
		ui.NewSectionHeader(s.env, l.T("MeFeedback")),
		ui.NewWrapped(s.env, l.T("MeNPSQuestion", map[string]any{"Community": s.community.Name}), fyne.TextStyle{}, ""), // UAX #14 breaks
		container.NewGridWithColumns(cols, mirror.Order(s.env, btns...)...),
		scale,
		s.npsErrors.Field("score"),
		ui.NewFormRow(s.env, l.T("FieldComment"), ui.Hinted(s.env, s.comment, l.T("MeNPSCommentPlaceholder")), s.npsErrors.Field("comment")),
		s.npsErrors.General(),
		mirror.Row(s.env, send), s.npsThanks,
	)
}

func (s *me) privacy() fyne.CanvasObject {
	l := s.env.L()
	s.exportBtn = ui.NewIconButton(s.env, l.T("MeExport"), theme.DownloadIcon(), s.onExport)
	del := ui.NewIconButton(s.env, l.T("MeDelete"), theme.DeleteIcon(), s.onDelete)
	del.Importance = widget.DangerImportance
	return container.NewVBox(
		ui.NewSectionHeader(s.env, l.T("MePrivacy")),
		ui.NewWrapped(s.env, l.T("MeExportExplain"), fyne.TextStyle{}, ""),
		mirror.Row(s.env, s.exportBtn), s.exportBar, s.exportNote, s.exportError,
		ui.NewWrapped(s.env, l.T("MeDeleteExplain"), fyne.TextStyle{}, ""),
		mirror.Row(s.env, del), s.deleteError,
		s.account(),
	)
}

// account offers to confirm the email while it is not, and to sign out
// (cloud mode only).
func (s *me) account() fyne.CanvasObject {
	acc := s.env.Account
	if acc == nil {
		return container.NewVBox()
	}
	l := s.env.L()
	box := container.NewVBox(ui.NewSectionHeader(s.env, l.T("MeAccount")))
	if !acc.EmailVerified() {
		confirm := ui.NewIconButton(s.env, l.T("AppVerifyOpen"), theme.MailComposeIcon(), acc.ConfirmEmail)
		box.Add(ui.NewText(s.env, l.T("AppVerifyBanner")))
		box.Add(mirror.Row(s.env, confirm))
	}
	out := ui.NewIconButton(s.env, l.T("AppSignOut"), theme.LogoutIcon(), acc.SignOut)
	box.Add(mirror.Row(s.env, out))
	return box
}

func (s *me) onOpenCard() { s.env.Push(s.env.L().T("LoyaltyTitle"), NewLoyalty(s.env)) }

// onSaveName saves the profile; a refusal shows next to the field and keeps
// what the member typed.
func (s *me) onSaveName() {
	actor := s.env.Me()
	svc := s.env.Svc
	p := community.Profile{Name: s.name.Text, Lang: s.member.Lang, Birthday: s.member.Birthday}
	s.scope.Save(func(ctx context.Context) func() {
		m, err := svc.UpdateProfile(ctx, actor, p)
		return func() {
			if s.nameErrors.Show(err) {
				s.nameSaved.Hide()
				return
			}
			s.member = m
			actor.Name = m.Name
			s.env.SetMe(actor)
			s.nameSaved.SetText(s.env.L().T("MeSaved"))
			s.nameSaved.Show()
		}
	})
}

// onLanguage saves the chosen language in the profile and asks the shell to
// switch every screen to it at once.
func (s *me) onLanguage(name string) {
	var code string
	for _, loc := range i18n.Locales() {
		if loc.Name == name {
			code = loc.Code
		}
	}
	if code == "" || code == s.env.L().Code() {
		return
	}
	actor := s.env.Me()
	if s.member.ID != "" {
		p := community.Profile{Name: s.member.Name, Lang: code, Birthday: s.member.Birthday}
		// The switch does not wait for the save: the language is the
		// member's choice on this device even if the store is unreachable.
		who, svc := actor, s.env.Svc
		s.scope.Save(func(ctx context.Context) func() {
			_, _ = svc.UpdateProfile(ctx, who, p)
			return nil
		})
	}
	actor.Lang = code
	s.env.SetMe(actor)
	s.env.RequestLanguage(code)
}

func (s *me) onScore(i int) {
	s.score = i
	for j, b := range s.scoreBtns {
		if j == i {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	s.npsErrors.Field("score").Clear()
}

func (s *me) onSendFeedback() {
	if s.score < 0 {
		s.npsErrors.Show(community.Invalid("score", community.ReasonRequired))
		return
	}
	actor := s.env.Me()
	svc := s.env.Svc
	score, comment := s.score, s.comment.Text
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.GiveFeedback(ctx, actor, score, comment)
		return func() {
			if s.npsErrors.Show(err) {
				s.npsThanks.Hide()
				return
			}
			s.npsThanks.SetText(s.env.L().T("MeNPSThanks"))
			s.npsThanks.Show()
		}
	})
}

func (s *me) onRead(id string) {
	actor := s.env.Me()
	svc := s.env.Svc
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.MarkRead(ctx, actor, id)
		return func() {
			if err == nil {
				s.load()
			}
		}
	})
}

// onExport gathers the member's data with a progress bar, then asks where
// to save it.
func (s *me) onExport() {
	actor := s.env.Me()
	svc := s.env.Svc
	s.exportBtn.Disable()
	s.exportError.Clear()
	s.exportNote.Hide()
	s.exportBar.SetValue(0)
	s.exportBar.SetText("")
	s.exportBar.Show()
	s.scope.Go(func(ctx context.Context) func() {
		data, err := svc.ExportMyData(ctx, actor, func(done, total int) {
			fyne.Do(func() {
				s.exportBar.SetValue(float64(done) / float64(total))
				s.exportBar.SetText(bidi.Visual(s.env, s.env.L().T("MeExportProgress", map[string]any{"Done": s.env.L().Number(int64(done)), "Total": s.env.L().Number(int64(total))})))
			})
		})
		return func() {
			s.exportBtn.Enable()
			if err != nil {
				s.exportBar.Hide()
				s.exportError.SetError(err)
				return
			}
			s.askExportFile(data)
		}
	})
}

func (s *me) askExportFile(data []byte) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.exportError.SetError(err)
			return
		}
		if w == nil {
			s.exportBar.Hide()
			return
		}
		s.saveExport(w, data)
	}, s.env.Win)
	d.SetFileName("regulars-" + s.member.Code + "-" + s.env.Svc.Now().Format(time.DateOnly) + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// saveExport writes the export into w and says where it went.
func (s *me) saveExport(w io.WriteCloser, data []byte) {
	s.scope.Save(func(ctx context.Context) func() {
		_, err := w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return func() {
			s.exportBar.Hide()
			if err != nil {
				s.exportError.SetError(errors.Join(community.ErrUnavailable, err))
				return
			}
			s.exportNote.SetText(s.env.L().T("MeExportDone"))
			s.exportNote.Show()
		}
	})
}

func (s *me) onDelete() {
	l := s.env.L()
	if s.env.Me().Role == community.RoleOwner {
		s.deleteError.SetMessage(l.T("MeDeleteOwner"))
		return
	}
	Confirm(s.env, l.T("MeDeleteTitle"), l.T("MeDeleteConfirm"), l.T("MeDelete"), s.deleteAccount)
}

func (s *me) deleteAccount() {
	actor := s.env.Me()
	svc, acc := s.env.Svc, s.env.Account
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.DeleteAccount(ctx, actor)
		if err == nil && acc != nil {
			// The data first: with the sign-in gone, the rules would refuse it.
			err = acc.Delete()
		}
		return func() {
			if err != nil {
				s.deleteError.SetError(err)
				return
			}
			if acc != nil {
				acc.Deleted()
				return
			}
			s.body.Objects = []fyne.CanvasObject{ui.NewEmptyState(theme.AccountIcon(), s.env.L().T("MeDeleted"), "", nil)}
			s.body.Refresh()
		}
	})
}
