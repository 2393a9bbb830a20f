package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// renderRole shows the owner, on another member's profile, whether they are
// staff and a button to grant or revoke it (community.Service.SetRole).
// Nobody else sees it; owners keep their role (an owner is changed by the
// admin command).
func (s *memberProfile) renderRole() {
	s.role.RemoveAll()
	me, m, l := s.env.Me(), s.member, s.env.L()
	if !me.Can(community.ActManageRoles) || m.ID == me.ID || m.Role == community.RoleOwner {
		s.role.Refresh()
		return
	}
	status, action, confirm, to := l.T("MembersRoleMember"), l.T("MembersMakeStaff"), "MembersMakeStaffConfirm", community.RoleStaff
	if m.Role == community.RoleStaff {
		status, action, confirm, to = l.T("MembersRoleStaff"), l.T("MembersRemoveStaff"), "MembersRemoveStaffConfirm", community.RoleMember
	}
	var btn *widget.Button
	btn = widget.NewButton(action, func() {
		Confirm(s.env, action, l.T(confirm), action, func() { s.onRole(to, btn) })
	})
	s.role.Objects = []fyne.CanvasObject{widget.NewSeparator(), mirror.Border(s.env, nil, nil, nil, btn, ui.NewText(s.env, status))}
	s.role.Refresh()
}

func (s *memberProfile) onRole(to community.Role, btn *widget.Button) {
	btn.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		m, err := svc.SetRole(ctx, me, id, to)
		return func() {
			btn.Enable()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.member = m
			ui.ShowNote(s.problem, s.env.L().T("MembersRoleChanged"))
			s.renderRole()
		}
	})
}
