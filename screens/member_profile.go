package screens

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// ledgerLimit is how many ledger entries a profile shows.
const ledgerLimit = 20

// memberProfile is a member as staff see them: tier, points, "your usual",
// history, and awarding or redeeming points.
type memberProfile struct {
	env    *Env
	scope  *Scope
	id     string
	member community.Member
	comm   community.Community
	ledger []community.LedgerEntry

	name      *ui.DataLabel
	meta      *ui.Paragraph // code, tier, tenure, language: may wrap, in bidi order line by line
	points    *widget.Label
	usual     *widget.Entry
	saveUsual *widget.Button
	history   *fyne.Container
	problem   *widget.Label
	role      *fyne.Container // the owner's staff switch (member_role.go)
	root      fyne.CanvasObject
}

// NewMemberProfile returns a member's profile for staff (owner and staff).
func NewMemberProfile(env *Env, memberID string) fyne.CanvasObject {
	return newMemberProfile(env, memberID).root
}

func newMemberProfile(env *Env, id string) *memberProfile {
	s := &memberProfile{env: env, id: id}
	s.scope = env.Open("member", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *memberProfile) buildUI() {
	l := s.env.L()
	s.name = ui.NewDataLabel(s.env, "", true)
	// A Paragraph, not a label: a label wraps after the bidi reordering,
	// so on an Arabic phone the member's code, which starts the line,
	// ended up alone on the second line.
	s.meta = ui.NewParagraph("", s.env.RTL())
	s.meta.Secondary, s.meta.Interface = true, true
	s.points = ui.NewHeading(s.env, "")
	s.points.Alignment = mirror.Start(l)
	s.usual = widget.NewEntry()
	s.usual.OnSubmitted = func(string) { s.onSaveUsual() }
	s.saveUsual = widget.NewButton(l.T("MembersUsualSave"), s.onSaveUsual)
	award := highButton(l.T("MembersAward"), func() { s.onPoints(false) })
	redeem := widget.NewButton(l.T("MembersRedeem"), func() { s.onPoints(true) })
	s.history = container.NewVBox()
	s.problem = ui.NewRefusal(s.env)
	s.role = container.NewVBox()
	usual := container.NewVBox(widget.NewLabelWithStyle(l.T("MembersUsual"), mirror.Start(l), fyne.TextStyle{Bold: true}),
		mirror.Border(l, nil, nil, nil, s.saveUsual, ui.Hinted(s.env, s.usual, l.T("MembersUsualPlaceholder"))))
	s.root = container.NewVScroll(ui.Page(container.NewVBox(s.name, s.meta, s.points, mirror.Row(l, award, redeem), s.problem,
		s.role, widget.NewSeparator(), usual, widget.NewSeparator(), ui.NewHeading(s.env, l.T("MembersHistory")), s.history)))
}

func (s *memberProfile) load() {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Go(func(ctx context.Context) func() {
		m, err := svc.Member(ctx, me, id)
		var c community.Community
		var ledger []community.LedgerEntry
		if err == nil {
			c, err = svc.Community(ctx)
		}
		if err == nil {
			ledger, err = svc.Ledger(ctx, me, id, ledgerLimit)
		}
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			first := s.member.ID == ""
			s.member, s.comm, s.ledger = m, c, ledger
			if first {
				s.usual.SetText(m.Usual)
			}
			s.render()
		}
	})
}

func (s *memberProfile) render() {
	l, m := s.env.L(), s.member
	st := community.Status(s.comm, m)
	s.name.SetData(s.env, m.Name)
	s.meta.SetText(l.T("MembersMeta", map[string]any{"Code": m.Code, "Tier": st.Tier.Names.In(l.Code()),
		"Since": l.Since(m.Since, s.env.Svc.Now()), "Language": languageName(m.Lang)}), s.env.RTL())
	s.points.SetText(bidi.Visual(s.env, l.Points(m.Points)))
	s.history.RemoveAll()
	for _, e := range s.ledger {
		s.history.Add(ledgerRow(s.env, e, s.env.Svc.Now()))
	}
	if len(s.ledger) == 0 {
		s.history.Add(ui.NewFaint(s.env, l.T("MembersHistoryEmpty")))
	}
	s.history.Refresh()
	s.renderRole()
	ui.Relayout(s.root) // name, points and history changed together
}

// ledgerRow is one line of a member's points history.
func ledgerRow(env *Env, e community.LedgerEntry, now time.Time) fyne.CanvasObject {
	l := env.L()
	delta := l.Number(e.Delta)
	if e.Delta > 0 {
		delta = l.T("MembersDeltaPlus", map[string]any{"Points": delta})
	}
	what := l.T("MembersReason" + reasonSuffix(e.Reason))
	if e.Note != "" {
		what = l.T("MembersReasonWithNote", map[string]any{"Reason": what, "Note": e.Note})
	}
	amount := widget.NewLabelWithStyle(bidi.Visual(env, delta), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	text := ui.NewDataLabel(env, what, false) // the staff's note is content
	when := ui.NewFaint(env, "")
	ui.SetLine(env, when, l.Relative(e.At, now))
	return mirror.Border(l, nil, nil, nil, amount, container.NewVBox(text, when))
}

// reasonSuffix is a ledger reason in CamelCase for message IDs.
func reasonSuffix(reason string) string {
	switch reason {
	case community.ReasonCheckIn:
		return "CheckIn"
	case community.ReasonStory:
		return "Story"
	case community.ReasonIdeaShipped:
		return "IdeaShipped"
	case community.ReasonIdeaVoter:
		return "IdeaVoter"
	case community.ReasonBirthday:
		return "Birthday"
	case community.ReasonAward:
		return "Award"
	case community.ReasonRedeem:
		return "Redeem"
	case community.ReasonReward:
		return "Reward"
	case community.ReasonWelcome:
		return "Welcome"
	case community.ReasonVisit:
		return "Visit"
	case community.ReasonPurchase:
		return "Purchase"
	case community.ReasonStamp:
		return "Stamp"
	case community.ReasonFreeItem:
		return "FreeItem"
	case community.ReasonUndo:
		return "Undo"
	case community.ReasonExpired:
		return "Expired"
	}
	return "Other"
}

func (s *memberProfile) onSaveUsual() {
	note := s.usual.Text
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.saveUsual.Disable()
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.SetUsual(ctx, me, id, note)
		return func() {
			s.saveUsual.Enable()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err)) // the note stays as typed
				return
			}
			ui.ShowNote(s.problem, s.env.L().T("MembersUsualSaved"))
		}
	})
}

// onPoints opens the award or redeem dialog. Its idempotency key is made when
// it opens, so a double tap or a retry of the same dialog counts once.
func (s *memberProfile) onPoints(redeem bool) {
	d := newPointsDialog(s.env, s.scope, s.id, redeem)
	d.show()
}

func (s *memberProfile) onChange(c community.Change) {
	if (c.Kind == community.KindMember && c.ID == s.id) || (c.Kind == community.KindLedger && c.MemberID == s.id) {
		s.load()
	}
}

// pointsDialog awards or redeems points with a reason.
type pointsDialog struct {
	env      *Env
	scope    *Scope
	memberID string
	redeem   bool
	opID     string // idempotency key, one per dialog

	amount  *widget.Entry
	note    *widget.Entry
	confirm *widget.Button
	problem *widget.Label
	dlg     dialog.Dialog
	done    bool
}

func newPointsDialog(env *Env, scope *Scope, memberID string, redeem bool) *pointsDialog {
	d := &pointsDialog{env: env, scope: scope, memberID: memberID, redeem: redeem, opID: community.NewID()}
	l := env.L()
	d.amount = widget.NewEntry()
	d.note = widget.NewEntry()
	title, action := l.T("MembersAwardTitle"), l.T("MembersAward")
	if redeem {
		title, action = l.T("MembersRedeemTitle"), l.T("MembersRedeem")
	}
	d.confirm = highButton(action, d.onConfirm)
	d.problem = ui.NewRefusal(env)
	form := ui.NewForm(env,
		ui.FormField{Label: l.T("MembersPoints"), Input: ui.Hinted(env, d.amount, l.T("MembersPointsPlaceholder"))},
		ui.FormField{Label: l.T("MembersReason"), Input: ui.Hinted(env, d.note, l.T("MembersReasonPlaceholder"))})
	cancel := widget.NewButton(l.T("MembersCancel"), func() { d.dlg.Hide() })
	content := container.NewVBox(form, d.problem, container.NewGridWithColumns(2, cancel, d.confirm))
	d.dlg = dialog.NewCustomWithoutButtons(title, content, env.Win)
	return d
}

func (d *pointsDialog) show() {
	d.dlg.Resize(fyne.NewSize(360, 0))
	d.dlg.Show()
}

// refuse shows why the points were not applied, growing the dialog to fit.
func (d *pointsDialog) refuse(msg string) {
	ui.ShowRefusal(d.problem, msg)
	d.dlg.Resize(fyne.NewSize(360, d.dlg.MinSize().Height))
}

// onConfirm applies the points. Every tap of this dialog sends the same
// operation ID: the ledger applies it once.
func (d *pointsDialog) onConfirm() {
	l := d.env.L()
	n, err := strconv.ParseInt(strings.TrimSpace(d.amount.Text), 10, 64)
	if err != nil || n <= 0 {
		d.refuse(l.T("MembersPointsInvalid"))
		return
	}
	note, svc, me, id, op, redeem := d.note.Text, d.env.Svc, d.env.Me(), d.memberID, d.opID, d.redeem
	d.scope.Save(func(ctx context.Context) func() {
		var m community.Member
		var err error
		if redeem {
			m, _, err = svc.RedeemPoints(ctx, me, id, n, note, op)
		} else {
			m, _, err = svc.AwardPoints(ctx, me, id, n, note, op)
		}
		return func() {
			if community.IsReason(err, community.ReasonInsufficient) {
				d.refuse(l.T("MembersInsufficient"))
				return
			}
			if err != nil {
				d.refuse(ErrorText(l, err)) // the dialog stays open with what was typed
				return
			}
			d.done = true
			d.dlg.Hide()
			ui.ShowNote(d.problem, l.T("MembersPointsDone", map[string]any{"Balance": l.Points(m.Points)}))
		}
	})
}
