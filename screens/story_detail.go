package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
)

// storyDetail shows one story with its author, how long they have been a
// member, and a like toggle.
type storyDetail struct {
	env   *Env
	id    string
	story community.Story
	liked bool

	title   *DataLabel
	byline  *widget.Label
	body    *dataRich
	plain   *fyne.Container // the body as Paragraphs (see setBody)
	like    *widget.Button
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewStoryDetail returns the story with the given ID.
func NewStoryDetail(env *Env, storyID string) fyne.CanvasObject {
	return newStoryDetail(env, storyID).root
}

func newStoryDetail(env *Env, id string) *storyDetail {
	s := &storyDetail{env: env, id: id}
	s.buildUI()
	env.Subscribe(subKey("story"), s.onChange)
	s.load()
	return s
}

func (s *storyDetail) buildUI() {
	l := s.env.L()
	s.title = dataLabel(s.env, "", true)
	s.byline = wrapped("")
	s.title.Alignment, s.byline.Alignment = alignFor(l.RTL()), alignFor(l.RTL())
	s.body = newDataRich()
	s.plain = newPlainBody()
	s.like = widget.NewButtonWithIcon("", theme.ConfirmIcon(), s.onLike)
	s.like.Disable()
	s.problem = newRefusal(s.env)
	s.root = container.NewVScroll(container.NewVBox(s.title, secondaryOf(s.byline), s.body, s.plain, rowStart(l.RTL(), s.like), s.problem))
}

func (s *storyDetail) load() {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	background(func() func() {
		ctx := context.Background()
		st, err := svc.Story(ctx, me, id)
		liked, _ := svc.Liked(ctx, me, id)
		return func() {
			if err != nil {
				showRefusal(s.problem, ErrorText(s.env.L(), err))
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
	setContent(s.env, s.title, st.Title)
	setLine(s.env, s.byline, l.T("StoryByline", map[string]any{"Author": st.AuthorName, "Since": l.Since(st.AuthorSince, s.env.Svc.Now())}))
	setBody(s.env, s.body, s.plain, st.Body)
	relayout(s.root) // the body may have changed height
	s.like.SetText(Visual(s.env, l.N("StoryLikes", st.Likes)))
	if s.liked {
		s.like.Importance = widget.HighImportance
	} else {
		s.like.Importance = widget.MediumImportance
	}
	if st.Status == community.StoryPublished {
		s.like.Enable()
	} else {
		s.like.Disable()
		showNote(s.problem, l.T("StoryPendingNote"))
	}
	s.like.Refresh()
}

func (s *storyDetail) onLike() {
	s.like.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	background(func() func() {
		st, liked, err := svc.LikeStory(context.Background(), me, id)
		return func() {
			s.like.Enable()
			if err != nil {
				showRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.story, s.liked = st, liked
			s.render()
		}
	})
}

func (s *storyDetail) onChange(c community.Change) {
	if c.Kind == community.KindStory && c.ID == s.id {
		s.load()
	}
}
