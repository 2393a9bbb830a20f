package screens

import (
	"context"
	"errors"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// checkIn checks members in at an event, by the code on their card or by
// name. Points are awarded once: a second check-in says so.
type checkIn struct {
	env   *Env
	scope *Scope
	id    string
	found []community.Member
	loads loader // the newest load wins

	code    *widget.Entry
	name    *widget.Entry
	results *widget.List
	outcome *widget.Label
	root    fyne.CanvasObject
}

func newCheckIn(env *Env, eventID string) *checkIn {
	s := &checkIn{env: env, id: eventID}
	s.scope = env.Open("checkin", nil)
	s.buildUI()
	return s
}

func (s *checkIn) buildUI() {
	l := s.env.L()
	s.code = widget.NewEntry()
	s.code.OnSubmitted = func(string) { s.onCode() }
	byCode := highButton(l.T("CheckinButton"), s.onCode)
	s.name = widget.NewEntry()
	s.name.OnChanged = func(string) { s.onSearch() }
	s.results = widget.NewList(func() int { return len(s.found) }, s.createRow, s.updateRow)
	s.outcome = ui.NewRefusal(s.env)
	s.outcome.TextStyle.Bold = true
	top := container.NewVBox(
		widget.NewLabelWithStyle(l.T("CheckinByCode"), mirror.Start(l), fyne.TextStyle{Bold: true}),
		mirror.Border(l, nil, nil, nil, byCode, ui.Hinted(s.env, s.code, l.T("CheckinCodePlaceholder"))),
		s.outcome,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(l.T("CheckinByName"), mirror.Start(l), fyne.TextStyle{Bold: true}),
		ui.Hinted(s.env, s.name, l.T("CheckinNamePlaceholder")),
	)
	s.root = container.NewBorder(top, nil, nil, nil, s.results)
}

func (s *checkIn) createRow() fyne.CanvasObject {
	return mirror.Border(s.env, nil, nil, nil, widget.NewButton(s.env.L().T("CheckinButton"), nil), ui.NewDataLine(s.env, false))
}

func (s *checkIn) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.found) {
		return
	}
	m := s.found[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*ui.DataLabel).SetData(s.env, s.env.L().T("CheckinRow", map[string]any{"Name": m.Name, "Code": m.Code}))
	row.Objects[1].(*widget.Button).OnTapped = func() { s.checkIn(m.ID) }
	row.Refresh()
}

// onCode resolves a typed or scanned member code and checks them in.
func (s *checkIn) onCode() {
	code, svc, me := s.code.Text, s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		m, err := svc.FindByCode(ctx, me, code)
		return func() {
			if err != nil {
				msg := ErrorText(s.env.L(), err)
				if community.IsReason(err, community.ReasonRequired) || errors.Is(err, community.ErrNotFound) {
					msg = s.env.L().T("CheckinUnknownCode")
				}
				ui.ShowRefusal(s.outcome, msg) // the code stays, to correct a typo
				return
			}
			s.checkIn(m.ID)
		}
	})
}

func (s *checkIn) onSearch() {
	q, svc, me := s.name.Text, s.env.Svc, s.env.Me()
	coll := s.env.L().Collator()
	if len([]rune(q)) < 2 {
		s.loads.Stop() // a search under way for a longer query must not fill the list
		s.found = nil
		s.results.Refresh()
		return
	}
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		found, err := svc.SearchMembers(ctx, me, q, 20)
		sort.SliceStable(found, func(i, j int) bool { return coll.CompareString(found[i].Name, found[j].Name) < 0 })
		return func() {
			if err != nil {
				ui.ShowRefusal(s.outcome, ErrorText(s.env.L(), err))
				return
			}
			s.found = found
			s.results.Refresh()
		}
	})
}

// checkIn checks one member in and says what happened.
func (s *checkIn) checkIn(memberID string) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		r, err := svc.CheckIn(ctx, me, id, memberID)
		return func() {
			l := s.env.L()
			if err != nil {
				ui.ShowRefusal(s.outcome, ErrorText(l, err))
				return
			}
			data := map[string]any{"Name": r.Member.Name, "Points": l.Points(r.Points), "Balance": l.Points(r.Member.Points)}
			if r.Applied {
				ui.ShowNote(s.outcome, l.T("CheckinDone", data))
				s.code.SetText("")
			} else {
				ui.ShowRefusal(s.outcome, l.T("CheckinAlready", data))
				s.outcome.Importance = widget.WarningImportance
				s.outcome.Refresh()
			}
		}
	})
}
