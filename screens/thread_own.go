package screens

// What a member does with their own posts in a thread (edit, delete), what
// staff read of an edited one (its earlier versions), and the @mention
// completion of the reply box (issue 14).

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
)

// mentionChoices is how many names the completion offers at once.
const mentionChoices = 5

// onTyping offers the names that complete the @mention being typed at the
// end of the reply: the thread's author and posters, matched across accents
// and scripts (community.MentionCandidates), never the member themselves.
func (s *thread) onTyping(text string) {
	s.mention.RemoveAll()
	prefix, ok := community.MentionPrefix(text)
	if !ok {
		s.names.Hide()
		return
	}
	me := s.env.Me()
	var people []community.Person
	for _, p := range s.people {
		if p.ID != me.ID {
			people = append(people, p)
		}
	}
	for _, p := range community.MentionCandidates(prefix, people, me.Lang, mentionChoices) {
		b := widget.NewButton("@"+p.Name, func() { s.onComplete(p) })
		b.Importance = widget.LowImportance
		s.mention.Add(b)
	}
	if len(s.mention.Objects) == 0 {
		s.names.Hide()
		return
	}
	s.names.Show()
}

// onComplete puts the chosen name in place of the mention being typed.
func (s *thread) onComplete(p community.Person) {
	s.reply.SetText(community.CompleteMention(s.reply.Text, p))
	s.reply.CursorColumn = len([]rune(s.reply.Text))
	s.env.Win.Canvas().Focus(s.reply)
}

// onEdit lets the author change the text of their post; it is then marked
// edited, and staff can still read what it said.
func (s *thread) onEdit(p community.Post) {
	l := s.env.L()
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(p.Body)
	entry.SetMinRowsVisible(4)
	problem := ui.NewRefusal(s.env)
	var d *dialog.CustomDialog
	save := func() {
		svc, me, id, text := s.env.Svc, s.env.Me(), s.id, entry.Text
		s.scope.Save(func(ctx context.Context) func() {
			edited, err := svc.EditPost(ctx, me, id, p.ID, text)
			return func() {
				if err != nil {
					// The dialog stays open with what they typed.
					ui.ShowRefusal(problem, ErrorText(s.env.L(), err))
					return
				}
				d.Hide()
				s.replace(edited)
			}
		})
	}
	d = dialog.NewCustomWithoutButtons(l.T("ThreadEditTitle"), container.NewVBox(entry, problem), s.env.Win)
	cancel := widget.NewButton(l.T("CommonCancel"), func() { d.Hide() })
	ok := widget.NewButton(l.T("ThreadSaveEdit"), save)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// onDelete asks, then deletes the author's post: its place in the thread
// stays, with no text.
func (s *thread) onDelete(postID string) {
	l := s.env.L()
	Confirm(s.env, l.T("ThreadDeleteTitle"), l.T("ThreadDeleteConfirm"), l.T("ThreadDelete"), func() {
		svc, me, id := s.env.Svc, s.env.Me(), s.id
		s.scope.Save(func(ctx context.Context) func() {
			p, err := svc.DeletePost(ctx, me, id, postID)
			return func() {
				if err != nil {
					ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
					return
				}
				s.replace(p)
			}
		})
	})
}

// onHistory shows staff what an edited or deleted post said before.
func (s *thread) onHistory(postID string) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Go(func(ctx context.Context) func() {
		revs, err := svc.PostRevisions(ctx, me, id, postID)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.showHistory(revs)
		}
	})
}

func (s *thread) showHistory(revs []community.PostRevision) {
	l := s.env.L()
	box := container.NewVBox()
	if len(revs) == 0 {
		box.Add(ui.NewFaint(s.env, l.T("ThreadNoHistory")))
	}
	for _, r := range revs {
		when := ui.NewFaint(s.env, l.T("ThreadHistoryItem", map[string]any{"When": l.Relative(r.At, s.env.Svc.Now())}))
		box.Add(when)
		box.Add(ui.NewContentText(s.env, r.Body))
		box.Add(widget.NewSeparator())
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(420, 240))
	d := dialog.NewCustom(l.T("ThreadHistory"), l.T("CommonOK"), scroll, s.env.Win)
	d.Show()
}
