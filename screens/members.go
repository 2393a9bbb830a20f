package screens

import (
	"context"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// membersLimit is how many members a search shows.
const membersLimit = 100

// members is the staff's member directory: a name search, sorted in the
// staff member's own language, and the chosen member's profile beside it
// (on a desktop) or pushed (on a phone).
type members struct {
	env   *Env
	scope *Scope
	found []community.Member
	loads loader // the newest load wins

	query    *widget.Entry
	list     *widget.List
	empty    *widget.Label
	detail   *fyne.Container
	overview *ui.Overview // the detail before a member is picked; nil on a phone
	root     fyne.CanvasObject
}

// NewMembers returns the member directory (owner and staff).
func NewMembers(env *Env) fyne.CanvasObject {
	return newMembers(env).root
}

func newMembers(env *Env) *members {
	s := &members{env: env}
	s.scope = env.Open("members", s.onChange)
	s.buildUI()
	s.search()
	return s
}

func (s *members) buildUI() {
	l := s.env.L()
	s.query = widget.NewEntry()
	s.query.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.query.OnChanged = func(string) { s.search() }
	s.list = widget.NewList(func() int { return len(s.found) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.empty = ui.NewText(s.env, l.T("MembersNone"))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Hide()
	left := container.NewBorder(ui.Hinted(s.env, s.query, l.T("MembersSearch")), nil, nil, nil, container.NewStack(s.list, s.empty))
	if s.env.Phone() {
		s.root = left
		return
	}
	s.overview = ui.NewOverview(s.env, l.T("MembersPick"), "", nil)
	s.detail = container.NewStack(s.overview)
	s.root = mirror.Split(s.env, left, s.detail, 0.38)
}

func (s *members) createRow() fyne.CanvasObject {
	return listLines(ui.NewDataLine(s.env, false), ui.NewFaint(s.env, ""))
}

func (s *members) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.found) {
		return
	}
	m, l := s.found[id], s.env.L()
	name, meta := rowLine(o, 0).(*ui.DataLabel), ui.AsLabel(rowLine(o, 1))
	name.SetData(s.env, m.Name)
	ui.SetLine(s.env, meta, l.T("MembersRowMeta", map[string]any{"Code": m.Code, "Points": l.Points(m.Points)}))
}

// search finds members by name and sorts them in the viewer's language.
func (s *members) search() {
	q, svc, me := s.query.Text, s.env.Svc, s.env.Me()
	coll := s.env.L().Collator()
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		found, err := svc.SearchMembers(ctx, me, q, membersLimit)
		if err == nil {
			sort.SliceStable(found, func(i, j int) bool { return coll.CompareString(found[i].Name, found[j].Name) < 0 })
		}
		return func() {
			if err != nil {
				s.empty.SetText(ErrorText(s.env.L(), err))
				s.empty.Show()
				return
			}
			s.found = found
			s.empty.SetText(s.env.L().T("MembersNone"))
			showEmpty(s.empty, len(found))
			s.list.UnselectAll()
			s.list.Refresh()
			if q == "" && s.overview != nil {
				s.overview.SetFigures(membersOverview(s.env.L(), found, s.env.Svc.Now()), "")
			}
		}
	})
}

// membersOverview sums the directory up for the staff: how many members,
// how many joined this month and how many used the app this month.
func membersOverview(l *i18n.Localizer, ms []community.Member, now time.Time) []ui.Figure {
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	var joined, active int64
	for _, m := range ms {
		if !m.Since.Before(month) {
			joined++
		}
		if !m.LastActive.Before(month) {
			active++
		}
	}
	count := l.Number(int64(len(ms)))
	if len(ms) >= membersLimit {
		count += "+" // the search shows the first membersLimit: there may be more
	}
	return []ui.Figure{
		{Value: count, Caption: l.T("NavMembers")},
		{Value: l.Number(joined), Caption: l.T("OverviewNewMembers")},
		{Value: l.Number(active), Caption: l.T("OverviewActiveMembers")},
	}
}

func (s *members) onOpen(id widget.ListItemID) {
	if id >= len(s.found) {
		return
	}
	m := s.found[id]
	profile := NewMemberProfile(s.env, m.ID)
	if s.detail == nil {
		s.list.UnselectAll()
		s.env.Push(m.Name, profile)
		return
	}
	s.detail.Objects = []fyne.CanvasObject{profile}
	s.detail.Refresh()
}

func (s *members) onChange(c community.Change) {
	if c.Kind == community.KindMember {
		s.search()
	}
}
