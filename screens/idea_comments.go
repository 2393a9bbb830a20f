package screens

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// ideaComments shows what members say about one co-creation idea, oldest
// first, and a box to add to it.
type ideaComments struct {
	env    *Env
	scope  *Scope
	loads  loader
	poll   string
	option string

	list    *fyne.Container
	entry   *ui.SubmitEntry
	send    *widget.Button
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewIdeaComments returns the comments of the idea optionID of pollID,
// headed by its text.
func NewIdeaComments(env *Env, pollID, optionID, text string) fyne.CanvasObject {
	return newIdeaComments(env, pollID, optionID, text).root
}

func newIdeaComments(env *Env, pollID, optionID, text string) *ideaComments {
	s := &ideaComments{env: env, poll: pollID, option: optionID}
	s.scope = env.Open("idea-comments", s.onChange)
	s.buildUI(text)
	s.load()
	return s
}

func (s *ideaComments) buildUI(text string) {
	l := s.env.L()
	s.list = container.NewVBox()
	s.entry = ui.NewSubmitEntry(s.onSend)
	s.send = ui.NewIconButton(s.env, l.T("ThreadSend"), theme.MailSendIcon(), s.onSend)
	s.send.Importance = widget.HighImportance
	s.problem = ui.NewRefusal(s.env)
	head := ui.NewDataLabel(s.env, text, true)
	compose := container.NewVBox(s.problem, requireVerified(s.env, s.send), mirror.Border(s.env, nil, nil, nil, s.send, ui.WithHint(s.env, s.entry, &s.entry.Entry, l.T("IdeaCommentPlaceholder"))))
	s.root = container.NewBorder(head, compose, nil, nil, container.NewVScroll(s.list))
}

func (s *ideaComments) load() {
	svc, poll, option := s.env.Svc, s.poll, s.option
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		cs, err := svc.IdeaComments(ctx, poll, option)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.show(cs)
		}
	})
}

func (s *ideaComments) show(cs []community.IdeaComment) {
	l := s.env.L()
	s.list.RemoveAll()
	if len(cs) == 0 {
		s.list.Add(ui.NewEmptyState(theme.MailComposeIcon(), l.T("IdeaCommentsEmpty"), "", nil))
	}
	now := s.env.Svc.Now()
	for _, c := range cs {
		who := ui.NewDataLine(s.env, true)
		who.SetData(s.env, c.AuthorName)
		when := ui.NewFaint(s.env, l.Relative(c.At, now))
		s.list.Add(container.NewVBox(mirror.Border(s.env, nil, nil, nil, when, who), ui.NewContentText(s.env, c.Body), widget.NewSeparator()))
	}
	s.list.Refresh()
	ui.Relayout(s.root)
}

func (s *ideaComments) onSend() {
	text := s.entry.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	s.send.Disable()
	svc, me, poll, option := s.env.Svc, s.env.Me(), s.poll, s.option
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.CommentIdea(ctx, me, poll, option, text)
		return func() {
			s.send.Enable()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err)) // what they typed stays
				return
			}
			s.entry.SetText("")
			s.load()
		}
	})
}

func (s *ideaComments) onChange(c community.Change) {
	if c.Kind == community.KindPoll && c.ID == s.poll { // a comment changes its poll
		s.load()
	}
}
