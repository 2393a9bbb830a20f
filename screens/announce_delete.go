package screens

import (
	"context"

	"github.com/regulars-app/regulars/internal/ui"
)

// onDelete removes the announcement being edited, after asking; members'
// screens drop it live (the store's change reaches them).
func (s *announce) onDelete() {
	id := s.editing
	if id == "" {
		return
	}
	l := s.env.L()
	Confirm(s.env, l.T("AnnounceDeleteTitle"), l.T("AnnounceDeleteConfirm"), l.T("AnnounceDelete"), func() {
		s.del.Disable()
		svc, me := s.env.Svc, s.env.Me()
		s.scope.Save(func(ctx context.Context) func() {
			err := svc.DeleteAnnouncement(ctx, me, id)
			return func() {
				s.del.Enable()
				if err != nil {
					ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
					return
				}
				s.onNew()
				ui.ShowNote(s.problem, s.env.L().T("AnnounceDeleted"))
				s.load()
			}
		})
	})
}
