package screens

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
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

	query  *widget.Entry
	list   *widget.List
	empty  *widget.Label
	detail *fyne.Container
	root   fyne.CanvasObject
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
	s.query.SetPlaceHolder(l.T("MembersSearch"))
	s.query.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.query.OnChanged = func(string) { s.search() }
	s.list = widget.NewList(func() int { return len(s.found) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.empty = ui.NewText(s.env, l.T("MembersNone"))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Hide()
	left := container.NewBorder(s.query, nil, nil, nil, container.NewStack(s.list, s.empty))
	if s.env.Phone() {
		s.root = left
		return
	}
	s.detail = container.NewStack(ui.NewEmptyState(theme.AccountIcon(), l.T("MembersPick"), "", nil))
	s.root = mirror.Split(s.env, left, s.detail, 0.38)
}

func (s *members) createRow() fyne.CanvasObject {
	return container.NewVBox(ui.NewDataLine(s.env, false), ui.NewFaint(s.env, ""))
}

func (s *members) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.found) {
		return
	}
	m, l := s.found[id], s.env.L()
	box := o.(*fyne.Container)
	name, meta := box.Objects[0].(*ui.DataLabel), ui.AsLabel(box.Objects[1])
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
		}
	})
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
