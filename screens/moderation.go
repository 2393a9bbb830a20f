package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// moderationLimit is how many items of each queue the screen shows.
const moderationLimit = 50

// moderation is the staff's queues: reported posts, stories waiting for
// approval and idea proposals waiting for approval.
type moderation struct {
	env   *Env
	scope *Scope
	loads loader // the newest load wins

	posts   []community.Post
	stories []community.Story
	ideas   []community.Idea

	tabs                       *ui.Tabs
	postsHead, storiesHead     *widget.Label
	ideasHead                  *widget.Label
	postBox, storyBox, ideaBox *fyne.Container
	problem                    *widget.Label
	root                       fyne.CanvasObject
}

// NewModeration returns the moderation queues (owner and staff).
func NewModeration(env *Env) fyne.CanvasObject {
	return newModeration(env).root
}

func newModeration(env *Env) *moderation {
	s := &moderation{env: env}
	s.scope = env.Open("moderation", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *moderation) buildUI() {
	l := s.env.L()
	s.postBox, s.storyBox, s.ideaBox = container.NewVBox(), container.NewVBox(), container.NewVBox()
	s.problem = ui.NewRefusal(s.env)
	s.postsHead, s.storiesHead, s.ideasHead = ui.NewHeading(s.env, ""), ui.NewHeading(s.env, ""), ui.NewHeading(s.env, "")
	s.tabs = ui.NewTabs(s.env,
		container.NewTabItem(l.T("ModerationPosts"), container.NewVScroll(s.postBox)),
		container.NewTabItem(l.T("ModerationStories"), container.NewVScroll(s.storyBox)),
		container.NewTabItem(l.T("ModerationIdeas"), container.NewVScroll(s.ideaBox)),
	)
	if s.env.Phone() {
		// Three tab labels don't fit a phone's width: the queues follow each other.
		s.root = container.NewBorder(s.problem, nil, nil, nil, container.NewVScroll(container.NewVBox(
			s.postsHead, s.postBox, s.storiesHead, s.storyBox, s.ideasHead, s.ideaBox)))
		return
	}
	s.root = container.NewBorder(s.problem, nil, nil, nil, s.tabs)
}

func (s *moderation) load() {
	svc, me := s.env.Svc, s.env.Me()
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		posts, err := svc.ReportedPosts(ctx, me, moderationLimit)
		var stories []community.Story
		var ideas []community.Idea
		if err == nil {
			stories, err = svc.PendingStories(ctx, me, moderationLimit)
		}
		if err == nil {
			ideas, err = svc.PendingIdeas(ctx, me, moderationLimit)
		}
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.posts, s.stories, s.ideas = posts, stories, ideas
			s.render()
		}
	})
}

func (s *moderation) render() {
	l := s.env.L()
	tabs := []*container.TabItem{s.tabs.Items[0], s.tabs.Items[1], s.tabs.Items[2]}
	tabs[0].Text = l.N("ModerationPostsCount", len(s.posts))
	tabs[1].Text = l.N("ModerationStoriesCount", len(s.stories))
	tabs[2].Text = l.N("ModerationIdeasCount", len(s.ideas))
	s.tabs.Refresh()
	ui.SetLine(s.env, s.postsHead, tabs[0].Text)
	ui.SetLine(s.env, s.storiesHead, tabs[1].Text)
	ui.SetLine(s.env, s.ideasHead, tabs[2].Text)

	s.postBox.RemoveAll()
	for _, p := range s.posts {
		p := p
		state := l.N("ModerationReports", p.Reports)
		if p.Hidden {
			state = l.N("ModerationReportsHidden", p.Reports)
		}
		s.postBox.Add(ui.NewDataCard(s.env, p.AuthorName, state, ui.NewMarkdown(p.Body), s.actions(
			widget.NewButton(l.T("ModerationRestore"), func() { s.onPost(p, true) }),
			dangerButton(l.T("ModerationRemove"), func() { s.onPost(p, false) }),
		)))
	}
	if len(s.posts) == 0 {
		s.postBox.Add(ui.NewEmptyState(nil, l.T("ModerationPostsEmpty"), "", nil))
	}

	s.storyBox.RemoveAll()
	for _, st := range s.stories {
		st := st
		s.storyBox.Add(ui.NewDataCard(s.env, st.Title, l.T("ModerationStoryBy", map[string]any{
			"Author": st.AuthorName, "When": l.Relative(st.SubmittedAt, s.env.Svc.Now())}), ui.NewMarkdown(st.Body),
			s.actions(
				highButton(l.T("ModerationApprove"), func() { s.onStory(st.ID, true) }),
				dangerButton(l.T("ModerationReject"), func() { s.onStory(st.ID, false) }),
			)))
	}
	if len(s.stories) == 0 {
		s.storyBox.Add(ui.NewEmptyState(nil, l.T("ModerationStoriesEmpty"), "", nil))
	}

	s.ideaBox.RemoveAll()
	for _, idea := range s.ideas {
		idea := idea
		s.ideaBox.Add(ui.NewDataCard(s.env, idea.Text, l.T("ModerationIdeaBy", map[string]any{"Author": idea.ByName, "Poll": idea.Question}), nil,
			s.actions(
				highButton(l.T("ModerationApprove"), func() { s.onIdea(idea, community.IdeaOpen) }),
				dangerButton(l.T("ModerationDecline"), func() { s.onIdea(idea, community.IdeaDeclined) }),
			)))
	}
	if len(s.ideas) == 0 {
		s.ideaBox.Add(ui.NewEmptyState(nil, l.T("ModerationIdeasEmpty"), "", nil))
	}
	// The three queues changed together: lay the whole page out again.
	ui.Relayout(s.root)
}

func (s *moderation) actions(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return mirror.Row(s.env, buttons...)
}

func highButton(text string, tapped func()) *widget.Button {
	b := widget.NewButton(text, tapped)
	b.Importance = widget.HighImportance
	return b
}

func dangerButton(text string, tapped func()) *widget.Button {
	b := widget.NewButton(text, tapped)
	b.Importance = widget.DangerImportance
	return b
}

// do runs a moderation decision and reloads the queues.
func (s *moderation) do(decide func(ctx context.Context) error) {
	s.scope.Save(func(ctx context.Context) func() {
		err := decide(ctx)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.load()
		}
	})
}

func (s *moderation) onPost(p community.Post, keep bool) {
	svc, me := s.env.Svc, s.env.Me()
	s.do(func(ctx context.Context) error {
		_, err := svc.ModeratePost(ctx, me, p.ThreadID, p.ID, keep)
		return err
	})
}

func (s *moderation) onStory(id string, approve bool) {
	svc, me := s.env.Svc, s.env.Me()
	s.do(func(ctx context.Context) error {
		_, err := svc.ReviewStory(ctx, me, id, approve)
		return err
	})
}

func (s *moderation) onIdea(idea community.Idea, st community.IdeaStatus) {
	svc, me := s.env.Svc, s.env.Me()
	s.do(func(ctx context.Context) error {
		_, err := svc.SetIdeaStatus(ctx, me, idea.PollID, idea.ID, st)
		return err
	})
}

func (s *moderation) onChange(c community.Change) {
	switch c.Kind {
	case community.KindPost, community.KindStory, community.KindPoll:
		s.load()
	}
}
