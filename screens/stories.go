package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// storiesLimit is how many published stories the feed shows.
const storiesLimit = 50

// stories is the feed of published customer stories.
type stories struct {
	env     *Env
	scope   *Scope
	items   []community.Story
	list    *widget.List
	empty   fyne.CanvasObject
	problem *widget.Label
	root    *fyne.Container
}

// NewStories returns the stories feed, newest first, with a button to tell
// one's own story. Tapping a story pushes NewStoryDetail.
func NewStories(env *Env) fyne.CanvasObject {
	return newStories(env).root
}

func newStories(env *Env) *stories {
	s := &stories{env: env}
	s.scope = env.Open("stories", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *stories) buildUI() {
	l := s.env.L()
	tell := ui.NewIconButton(s.env, l.T("StoriesTell"), theme.DocumentCreateIcon(), s.onTell)
	tell.Importance = widget.HighImportance
	s.list = widget.NewList(func() int { return len(s.items) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.empty = ui.NewEmptyState(theme.DocumentCreateIcon(), l.T("StoriesEmpty"), "", nil)
	s.empty.Hide()
	s.problem = ui.NewRefusal(s.env)
	s.root = container.NewBorder(container.NewVBox(tell, s.problem), nil, nil, nil, container.NewStack(s.list, s.empty))
}

// createRow builds a story card: an image slot (the placeholder until
// stories have photos), the title, the first line and who told it.
func (s *stories) createRow() fyne.CanvasObject {
	lines := container.NewVBox(ui.NewDataLine(s.env, true), ui.NewContentRow(s.env), ui.NewFaintLine(s.env))
	return mirror.Border(s.env, nil, nil, container.NewCenter(ui.NewImageSlot(nil, fyne.NewSize(72, 72))), nil, lines)
}

func (s *stories) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.items) {
		return
	}
	st, l := s.items[id], s.env.L()
	box := o.(*fyne.Container).Objects[0].(*fyne.Container) // the lines, in the border's centre
	box.Objects[0].(*ui.DataLabel).SetContent(s.env, st.Title)
	ui.SetRowContent(s.env, box.Objects[1], firstLine(st.Body))
	ui.SetLine(s.env, box.Objects[2], l.N("StoryMeta", st.Likes, map[string]any{
		"Author": st.AuthorName, "Since": l.Since(st.AuthorSince, s.env.Svc.Now())}))
}

func (s *stories) load() {
	svc := s.env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		items, err := svc.Stories(ctx, storiesLimit)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.items = items
			showEmpty(s.empty, len(items))
			s.list.Refresh()
		}
	})
}

func (s *stories) onOpen(id widget.ListItemID) {
	s.list.UnselectAll()
	if id < len(s.items) {
		s.env.Push(s.items[id].Title, NewStoryDetail(s.env, s.items[id].ID))
	}
}

func (s *stories) onTell() {
	s.env.Push(s.env.L().T("StoriesTell"), NewStoryComposer(s.env))
}

func (s *stories) onChange(c community.Change) {
	if c.Kind == community.KindStory {
		s.load()
	}
}

// firstLine returns the first line of text, for excerpts.
func firstLine(text string) string {
	for i, r := range text {
		if r == '\n' {
			return text[:i]
		}
	}
	return text
}
