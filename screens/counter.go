package screens

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/currency"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// counterRecent is how many of the member's latest entries the counter
// lists, each with an undo.
const counterRecent = 5

// counter is the till (staff): a member found by the code on their card,
// typed or read by a keyboard-style barcode scanner (fast typing that ends
// with Enter), or by name; their card as the barista needs it; and one tap
// per action. Each action carries an operation ID made when the member is
// shown (and renewed once it applied), so a double tap or a retry records
// once.
type counter struct {
	env    *Env
	view   *community.CounterView
	code   string // a reward code scanned for the member shown, until accepted
	comm   community.Community
	recent []community.LedgerEntry
	ops    map[string]string
	busy   bool

	find    *widget.Entry
	results *fyne.Container
	note    *widget.Label
	amount  *widget.Entry
	card    *fyne.Container // the member's card, rebuilt on every change
	actions *fyne.Container
	history *fyne.Container
	rules   *ui.Overview // a desktop's action pane before a card is scanned; nil on a phone
	root    fyne.CanvasObject
	scope   *Scope
}

// NewCounter returns the counter (owner and staff).
func NewCounter(env *Env) fyne.CanvasObject { return newCounter(env).root }

func newCounter(env *Env) *counter {
	s := &counter{env: env, ops: map[string]string{}}
	s.buildUI()
	s.scope = env.Open("counter", s.onChange)
	s.catchScans()
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		return func() {
			if err == nil {
				s.comm = c
				s.amount.SetPlaceHolder(bidi.Visual(s.env, s.env.L().T("CounterAmountPlaceholder", map[string]any{"Example": s.money(1250)})))
				if s.rules != nil {
					s.rules.SetFigures(s.ruleFigures(c.Earn), "")
				}
			}
		}
	})
	return s
}

func (s *counter) buildUI() {
	l := s.env.L()
	s.find = widget.NewEntry()
	s.find.OnSubmitted = func(string) { s.onFind() }
	findBtn := highButton(l.T("CounterFind"), s.onFind)
	s.results = container.NewVBox()
	s.note = ui.NewRefusal(s.env)
	s.note.TextStyle.Bold = true
	s.amount = widget.NewEntry()
	s.amount.OnSubmitted = func(string) { s.onPurchase() }
	s.card = container.NewVBox(ui.NewFaint(s.env, l.T("CounterEmpty")))
	s.actions = container.NewVBox()
	s.history = container.NewVBox()
	lookup := container.NewVBox(mirror.Border(l, nil, nil, nil, findBtn, ui.Hinted(s.env, s.find, l.T("CounterFindPlaceholder"))), s.note, s.results)
	if s.env.Phone() {
		s.root = container.NewVScroll(container.NewVBox(lookup, s.card, s.actions, s.history))
		return
	}
	// Until a card is scanned, the actions' pane shows what members earn
	// here: the barista's cheat sheet.
	s.rules = ui.NewOverview(s.env, l.T("CounterRulesHint"), "", nil)
	s.actions.Objects = []fyne.CanvasObject{s.rules}
	left := container.NewVScroll(container.NewVBox(lookup, widget.NewSeparator(), s.card))
	right := container.NewVScroll(container.NewVBox(s.actions, s.history))
	s.root = mirror.Split(s.env, left, right, 0.45)
}

// catchScans keeps a keyboard-style scanner working when the barista
// tapped somewhere that took the focus away: keys typed while nothing has
// the focus go to the find field. Not on phones and tablets, where the focus
// raises the on-screen keyboard.
func (s *counter) catchScans() {
	if s.env.Win == nil || fyne.CurrentDevice().IsMobile() {
		return
	}
	c := s.env.Win.Canvas()
	c.SetOnTypedRune(func(r rune) {
		if s.scope.ctx.Err() != nil || c.Focused() != nil {
			return // the counter is gone (the next one sets its own), or a field has the keys
		}
		c.Focus(s.find)
		s.find.TypedRune(r)
	})
}

// focusFind puts the keyboard (and the scanner) back on the find field, on
// computers: after a member is shown and after an action, the next thing at
// the till is the next card.
func (s *counter) focusFind() {
	if fyne.CurrentDevice().IsMobile() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.find); c != nil {
		c.Focus(s.find)
	}
}

// onFind looks up what was typed or scanned: a card or reward code first,
// then a name.
func (s *counter) onFind() {
	typed := strings.TrimSpace(i18n.ASCIIDigits(s.find.Text))
	if typed == "" {
		return
	}
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		v, err := svc.LookUp(ctx, me, typed)
		var found []community.Member
		if err != nil && !errors.Is(err, community.ErrForbidden) && !errors.Is(err, community.ErrUnavailable) {
			found, err = svc.SearchMembers(ctx, me, typed, 8)
		}
		return func() {
			s.find.SetText("") // ready for the next scan
			s.results.RemoveAll()
			switch {
			case err != nil:
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
			case found == nil:
				s.code = ""
				if _, perr := community.ParseRewardCode(typed); perr == nil {
					s.code = typed
				}
				s.show(v)
			case len(found) == 0:
				ui.ShowRefusal(s.note, s.env.L().T("CounterNoMatch"))
			case len(found) == 1:
				s.onPick(found[0].ID)
			default:
				ui.ShowRefusal(s.note, "")
				for _, m := range found {
					id := m.ID
					row := mirror.Border(s.env, nil, nil, ui.NewAvatar(m.Name, 0), nil,
						container.NewVBox(ui.NewDataLabel(s.env, m.Name, true), ui.NewFaint(s.env, m.Code)))
					s.results.Add(ui.NewTapCard(row, func() { s.onPick(id) }))
				}
			}
			s.results.Refresh()
		}
	})
}

func (s *counter) onPick(memberID string) {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		v, err := svc.CounterMember(ctx, me, memberID)
		return func() {
			s.results.RemoveAll()
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
				return
			}
			s.code = ""
			s.show(v)
		}
	})
}

// show puts a member on the counter with fresh operation IDs.
func (s *counter) show(v community.CounterView) {
	other := s.view == nil || s.view.Member.ID != v.Member.ID
	if other {
		s.ops = map[string]string{}
		ui.ShowRefusal(s.note, "")
	}
	s.view = &v
	s.loadRecent()
	s.render()
	if other {
		// Not when the same member is shown again (a change from their
		// phone): the barista may be typing an amount.
		s.focusFind()
	}
}

// op returns the operation ID of an action on the member shown.
func (s *counter) op(action string) string {
	if s.ops[action] == "" {
		s.ops[action] = community.NewOpID()
	}
	return s.ops[action]
}

func (s *counter) loadRecent() {
	svc, me, id := s.env.Svc, s.env.Me(), s.view.Member.ID
	s.scope.Go(func(ctx context.Context) func() {
		es, err := svc.Ledger(ctx, me, id, counterRecent)
		return func() {
			if err == nil && s.view != nil && s.view.Member.ID == id {
				s.recent = es
				s.renderHistory()
			}
		}
	})
}

func (s *counter) money(minor int64) string {
	cur, err := currency.ParseISO(s.comm.Currency)
	if err != nil {
		return s.env.L().Number(minor)
	}
	return s.env.L().Money(minor, cur)
}

func (s *counter) render() {
	l, v := s.env.L(), s.view
	m, now := v.Member, s.env.Svc.Now()
	name := ui.NewDataLabel(s.env, m.Name, true)
	name.TextStyle.Bold = true
	// The balance is what the barista looks for: one line, large.
	points := ui.NewHeading(s.env, l.Points(m.Points))
	points.Wrapping = fyne.TextWrapOff
	points.SizeName = theme.SizeNameSubHeadingText
	head := mirror.Border(s.env, nil, nil, ui.NewAvatar(m.Name, 56), nil,
		container.NewVBox(name, ui.NewFaint(s.env, m.Code), mirror.Row(s.env, ui.NewTierBadge(s.env, TierName(l, v.Status.Tier)), points)))
	objs := []fyne.CanvasObject{head}
	if v.Birthday {
		b := ui.NewHeading(s.env, l.T("CounterBirthday"))
		b.Importance = widget.WarningImportance
		objs = append(objs, b)
	}
	if m.Usual != "" {
		objs = append(objs, widget.NewLabelWithStyle(l.T("MembersUsual"), mirror.Start(s.env), fyne.TextStyle{Bold: true}),
			ui.NewDataLabel(s.env, m.Usual, false))
	}
	visit := l.T("CounterFirstVisit")
	if !v.Card.LastVisit.IsZero() {
		visit = l.T("CounterLastVisit", map[string]any{"When": l.Relative(v.Card.LastVisit, now)})
	}
	objs = append(objs, ui.NewText(s.env, visit))
	if every := v.Rules.StampsEvery; every > 0 {
		bar := ui.NewProgressBar(s.env)
		bar.SetValue(float64(v.Card.Stamps) / float64(every))
		bar.SetText(bidi.Visual(s.env, l.T("CounterStamps", map[string]any{"Stamps": l.Number(v.Card.Stamps), "Every": l.Number(every)})))
		objs = append(objs, bar)
		if v.Card.Stamps >= every {
			objs = append(objs, ui.NewText(s.env, l.T("CounterStampsFull")))
		}
	}
	s.card.Objects = objs
	s.card.Refresh()
	s.renderActions()
	ui.Relayout(s.root)
}

// ruleFigures are the earning rules a barista tells members about, the ones
// the program uses.
func (s *counter) ruleFigures(r community.EarnRules) []ui.Figure {
	l := s.env.L()
	var fs []ui.Figure
	add := func(v int64, caption string) {
		if v > 0 {
			fs = append(fs, ui.Figure{Value: l.Number(v), Caption: caption})
		}
	}
	add(r.Visit, l.T("CounterRuleVisit"))
	if r.PurchaseUnit > 0 {
		add(r.PurchasePoints, l.T("CounterRulePurchase", map[string]any{"Amount": s.money(r.PurchaseUnit)}))
	}
	add(r.StampsEvery, l.T("CounterRuleStamps"))
	add(r.Birthday, l.T("CounterRuleBirthday"))
	return fs
}

func (s *counter) renderActions() {
	l, v := s.env.L(), s.view
	var objs []fyne.CanvasObject
	if s.code != "" {
		if rc, err := community.ParseRewardCode(s.code); err == nil {
			objs = append(objs, s.button(l.T("CounterAcceptCode", map[string]any{"Reward": s.rewardName(rc.RewardID)}), true, s.onAcceptCode))
		}
	}
	visit := s.button(l.T("CounterVisit", map[string]any{"Points": l.Number(v.Rules.Visit)}), s.code == "", s.onVisit)
	if v.VisitedToday {
		visit.SetText(bidi.Visual(s.env, l.T("CounterVisitedToday")))
		visit.Disable()
	}
	objs = append(objs, visit)
	if v.Rules.PurchasePoints > 0 {
		objs = append(objs, mirror.Border(s.env, nil, nil, nil, s.button(l.T("CounterPurchase"), false, s.onPurchase), s.amount))
	}
	if v.Rules.StampsEvery > 0 {
		objs = append(objs, s.button(l.T("CounterStamp"), false, s.onStamp))
	}
	if v.Birthday {
		b := s.button(l.T("CounterBirthdayTreat", map[string]any{"Points": l.Number(v.Rules.Birthday)}), true, s.onBirthday)
		if v.BirthdayDone {
			b.SetText(bidi.Visual(s.env, l.T("CounterBirthdayGiven")))
			b.Disable()
		}
		objs = append(objs, b)
	}
	objs = append(objs, ui.NewSectionHeader(s.env, l.T("CounterRedeemable")))
	if len(v.Redeemable) == 0 {
		objs = append(objs, ui.NewFaint(s.env, l.T("CounterNoRewards")))
	}
	for _, r := range v.Redeemable {
		id := r.ID
		objs = append(objs, s.button(l.T("CounterRedeemReward", map[string]any{"Reward": r.Names.In(l.Code()), "Points": l.Points(r.Cost)}), false,
			func() { s.onRedeem(id) }))
	}
	s.actions.Objects = objs
	s.actions.Refresh()
}

func (s *counter) renderHistory() {
	l := s.env.L()
	objs := []fyne.CanvasObject{ui.NewSectionHeader(s.env, l.T("CounterRecent"))}
	now, loc := s.env.Svc.Now(), s.comm.Location()
	for _, e := range s.recent {
		row := ledgerRow(s.env, e, now)
		// A mistake is undone at the till the day it was made; older
		// corrections are the owner's, from the member's profile.
		if community.LocalDay(e.At, loc) == community.LocalDay(now, loc) && e.Reason != community.ReasonUndo && !s.undone(e.ID) {
			id := e.ID
			undo := widget.NewButton(l.T("CounterUndo"), func() { s.onUndo(id) })
			row = mirror.Border(s.env, nil, nil, nil, undo, row)
		}
		objs = append(objs, row)
	}
	s.history.Objects = objs
	s.history.Refresh()
	ui.Relayout(s.root)
}

// undone reports whether the recent entries hold the undo of id.
func (s *counter) undone(id string) bool {
	for _, e := range s.recent {
		if e.Reason == community.ReasonUndo && e.Ref == id {
			return true
		}
	}
	return false
}

// button is an action; its text is put in visual order for a right-to-left
// interface (Fyne draws a button's runs left to right: "+10" or a Latin
// reward name would land on the wrong side).
func (s *counter) button(text string, high bool, tapped func()) *widget.Button {
	b := widget.NewButton(bidi.Visual(s.env, text), tapped)
	if high {
		b.Importance = widget.HighImportance
	}
	return b
}

func (s *counter) rewardName(id string) string {
	for _, r := range s.comm.Rewards {
		if strings.EqualFold(r.ID, id) {
			return r.Names.In(s.env.L().Code())
		}
	}
	return id
}

// run does one action for the member shown; key names its operation ID,
// renewed once the action applied.
func (s *counter) run(key string, do func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error)) {
	if s.view == nil || s.busy {
		return // a double tap: the first one is on its way
	}
	s.busy = true
	svc, me, id := s.env.Svc, s.env.Me(), s.view.Member.ID
	s.scope.Save(func(ctx context.Context) func() {
		r, err := do(ctx, svc, me, id)
		return func() {
			s.busy = false
			l := s.env.L()
			if r.View.Member.ID != "" && s.view != nil && s.view.Member.ID == id {
				s.view = &r.View
			}
			if key == "code" && (err == nil || community.IsReason(err, community.ReasonUsed)) {
				s.code = "" // accepted, or accepted before: the code is spent
			}
			if err == nil && key == "purchase" {
				s.amount.SetText("")
			}
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(l, err))
				if s.view != nil {
					s.render()
				}
				return
			}
			if key != "" {
				delete(s.ops, key)
			}
			switch {
			case !r.Applied:
				ui.ShowNote(s.note, l.T("CounterAlready"))
			case r.Free:
				ui.ShowNote(s.note, l.T("CounterFree"))
			default:
				ui.ShowNote(s.note, l.T("CounterRecorded", map[string]any{"What": l.T("MembersReason" + reasonSuffix(r.Entry.Reason)),
					"Points": signedPoints(l, r.Entry.Delta)}))
			}
			s.render()
			s.loadRecent()
			s.focusFind()
		}
	})
}

func signedPoints(l *i18n.Localizer, n int64) string {
	if n > 0 {
		return l.T("MembersDeltaPlus", map[string]any{"Points": l.Number(n)})
	}
	return l.Number(n)
}

func (s *counter) onVisit() {
	s.run("", func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.RecordVisit(ctx, me, id)
	})
}

func (s *counter) onPurchase() {
	minor, ok := parseAmount(s.amount.Text, s.comm.Currency)
	if !ok && looksScanned(s.amount.Text) {
		// The scanner typed the next card into the amount: look it up.
		s.find.SetText(s.amount.Text)
		s.amount.SetText("")
		s.onFind()
		return
	}
	if !ok {
		ui.ShowRefusal(s.note, s.env.L().T("CounterAmountInvalid"))
		return
	}
	op := s.op("purchase")
	s.run("purchase", func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.RecordPurchase(ctx, me, id, minor, op)
	})
}

func (s *counter) onStamp() {
	op := s.op("stamp")
	s.run("stamp", func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.Stamp(ctx, me, id, op)
	})
}

func (s *counter) onBirthday() {
	s.run("", func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.GiveBirthdayTreat(ctx, me, id)
	})
}

func (s *counter) onRedeem(rewardID string) {
	key := "redeem:" + rewardID
	op := s.op(key)
	s.run(key, func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.RedeemAtCounter(ctx, me, id, rewardID, op)
	})
}

func (s *counter) onAcceptCode() {
	code := s.code
	s.run("code", func(ctx context.Context, svc *community.Service, me community.Actor, _ string) (community.CounterResult, error) {
		return svc.AcceptRewardCode(ctx, me, code)
	})
}

func (s *counter) onUndo(entryID string) {
	s.run("", func(ctx context.Context, svc *community.Service, me community.Actor, id string) (community.CounterResult, error) {
		return svc.Undo(ctx, me, id, entryID)
	})
}

// onChange follows the member shown: another till, the member's phone.
func (s *counter) onChange(c community.Change) {
	if s.view == nil || s.busy {
		return
	}
	id := s.view.Member.ID
	if (c.Kind == community.KindMember && c.ID == id) || (c.Kind == community.KindLedger && c.MemberID == id) || c.Kind == community.KindCommunity {
		s.onPick(id)
	}
}

// looksScanned reports whether text is a card code ("RG-…") or a reward
// code rather than an amount.
func looksScanned(text string) bool {
	t := strings.ToUpper(strings.TrimSpace(text))
	if _, err := community.ParseRewardCode(t); err == nil {
		return true
	}
	return strings.HasPrefix(t, "RG-")
}

// parseAmount reads an amount typed at the till in the currency's major
// unit ("12.50", "12,50", "١٢٫٥٠", "1.250,00") as minor units.
func parseAmount(text, cur string) (int64, bool) {
	t := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'':
			return -1
		case '٫':
			return '.'
		case '٬':
			return ','
		}
		return r
	}, i18n.ASCIIDigits(strings.TrimSpace(text)))
	if i := strings.LastIndexAny(t, ".,"); i >= 0 {
		// The last separator is the decimal one when 1 or 2 digits follow;
		// 3 digits after it make it a thousands separator ("1.250").
		if len(t)-i-1 == 3 && !strings.ContainsAny(t[:i], ".,") && scale(cur) != 3 {
			t = t[:i] + t[i+1:]
		} else {
			t = strings.NewReplacer(".", "", ",", "").Replace(t[:i]) + "." + t[i+1:]
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) {
		return 0, false
	}
	minor := math.Round(f * math.Pow10(scale(cur)))
	if minor < 1 || minor > community.MaxPurchaseMinor {
		return 0, false
	}
	return int64(minor), true
}

// scale is the number of minor-unit digits of cur (2 for EUR, 0 for JPY).
func scale(cur string) int {
	u, err := currency.ParseISO(cur)
	if err != nil {
		return 2
	}
	s, _ := currency.Standard.Rounding(u)
	return s
}

// NewCounterFor returns the counter with typed looked up, as if scanned: a
// member's card or reward code (the member profile's "at the counter", the
// gallery).
func NewCounterFor(env *Env, typed string) fyne.CanvasObject {
	s := newCounter(env)
	s.find.SetText(typed)
	s.onFind()
	return s.root
}
