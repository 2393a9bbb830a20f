package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// storyDetail shows one story with its author, how long they have been a
// member, and a like toggle.
type storyDetail struct {
	env   *Env
	scope *Scope
	id    string
	story community.Story
	liked bool

	title    *ui.DataLabel
	byline   *widget.Label
	body     *ui.DataRich
	plain    *fyne.Container // the body as Paragraphs (see setBody)
	like     *widget.Button
	withdraw *widget.Button // the author's: consent can be taken back
	problem  *widget.Label
	root     fyne.CanvasObject
}

// NewStoryDetail returns the story with the given ID.
func NewStoryDetail(env *Env, storyID string) fyne.CanvasObject {
	return newStoryDetail(env, storyID).root
}

func newStoryDetail(env *Env, id string) *storyDetail {
	s := &storyDetail{env: env, id: id}
	s.scope = env.Open("story", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *storyDetail) buildUI() {
	l := s.env.L()
	s.title = ui.NewDataLabel(s.env, "", true)
	s.byline = ui.NewText(s.env, "")
	s.title.Alignment, s.byline.Alignment = mirror.Start(l), mirror.Start(l)
	s.body = ui.NewDataRich()
	s.plain = ui.NewPlainBody()
	s.like = widget.NewButtonWithIcon("", theme.ConfirmIcon(), s.onLike)
	s.like.Disable()
	s.withdraw = ui.NewIconButton(s.env, l.T("StoryWithdraw"), theme.CancelIcon(), s.onWithdraw)
	s.withdraw.Importance = widget.LowImportance
	s.withdraw.Hide()
	s.problem = ui.NewRefusal(s.env)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(s.title, ui.SecondaryOf(s.byline), s.body, s.plain,
		mirror.Row(l, s.like, s.withdraw), s.problem)))
}

func (s *storyDetail) load() {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Go(func(ctx context.Context) func() {
		st, err := svc.Story(ctx, me, id)
		liked, _ := svc.Liked(ctx, me, id)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.story, s.liked = st, liked
			s.render()
		}
	})
}

func (s *storyDetail) render() {
	l := s.env.L()
	st := s.story
	s.title.SetContent(s.env, st.Title)
	ui.SetLine(s.env, s.byline, l.T("StoryByline", map[string]any{"Author": st.AuthorName, "Since": l.Since(st.AuthorSince, s.env.Svc.Now())}))
	ui.SetBody(s.env, s.body, s.plain, st.Body)
	ui.Relayout(s.root) // the body may have changed height
	s.like.SetText(bidi.Visual(s.env, l.N("StoryLikes", st.Likes)))
	if s.liked {
		s.like.Importance = widget.HighImportance
	} else {
		s.like.Importance = widget.MediumImportance
	}
	switch st.Status {
	case community.StoryPublished:
		s.like.Enable()
	case community.StoryWithdrawn:
		s.like.Disable()
		ui.ShowNote(s.problem, l.T("StoryWithdrawnNote"))
	default:
		s.like.Disable()
		ui.ShowNote(s.problem, l.T("StoryPendingNote"))
	}
	showIf(s.withdraw, st.AuthorID == s.env.Me().ID && (st.Status == community.StoryPublished || st.Status == community.StoryPending))
	s.like.Refresh()
}

func (s *storyDetail) onLike() {
	s.like.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		st, liked, err := svc.LikeStory(ctx, me, id)
		return func() {
			s.like.Enable()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.story, s.liked = st, liked
			s.render()
		}
	})
}

// onWithdraw asks, then takes the author's story back.
func (s *storyDetail) onWithdraw() {
	l := s.env.L()
	Confirm(s.env, l.T("StoryWithdrawTitle"), l.T("StoryWithdrawConfirm"), l.T("StoryWithdraw"), func() {
		svc, me, id := s.env.Svc, s.env.Me(), s.id
		s.scope.Save(func(ctx context.Context) func() {
			st, err := svc.WithdrawStory(ctx, me, id)
			return func() {
				if err != nil {
					ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
					return
				}
				s.story = st
				s.render()
			}
		})
	})
}

func (s *storyDetail) onChange(c community.Change) {
	if c.About(community.KindStory, s.id) {
		s.load()
	}
}
