package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
)

// storyComposer is where a member tells their story. It is sent for approval
// and only with their consent to publish it.
type storyComposer struct {
	env   *Env
	scope *Scope

	title   *widget.Entry
	body    *widget.Entry
	consent *ui.Check
	submit  *widget.Button
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewStoryComposer returns the "tell your story" form.
func NewStoryComposer(env *Env) fyne.CanvasObject {
	return newStoryComposer(env).root
}

func newStoryComposer(env *Env) *storyComposer {
	s := &storyComposer{env: env}
	s.scope = env.Open("story-new", nil)
	s.buildUI()
	return s
}

func (s *storyComposer) buildUI() {
	l := s.env.L()
	intro := ui.NewText(s.env, l.T("StoryIntro"))
	s.title = widget.NewEntry()
	s.body = widget.NewMultiLineEntry()
	s.body.Wrapping = fyne.TextWrapWord
	s.body.SetMinRowsVisible(8)
	s.consent = ui.NewCheck(s.env, l.T("StoryConsent"), nil) // its label wraps
	s.submit = widget.NewButton(l.T("StorySubmit"), s.onSubmit)
	s.submit.Importance = widget.HighImportance
	s.problem = ui.NewRefusal(s.env)
	form := ui.NewForm(s.env,
		ui.FormField{Label: l.T("StoryTitle"), Input: ui.Hinted(s.env, s.title, l.T("StoryTitlePlaceholder"))},
		ui.FormField{Label: l.T("StoryBody"), Input: ui.Hinted(s.env, s.body, l.T("StoryBodyPlaceholder"))},
	)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(intro, form, s.consent, s.problem, s.submit)))
}

func (s *storyComposer) onSubmit() {
	title, body, consent := s.title.Text, s.body.Text, s.consent.Checked
	s.submit.Disable()
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.SubmitStory(ctx, me, title, body, consent)
		return func() {
			s.submit.Enable()
			l := s.env.L()
			if community.IsReason(err, community.ReasonConsent) {
				ui.ShowRefusal(s.problem, l.T("StoryConsentRequired"))
				return
			}
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(l, err))
				return
			}
			s.title.SetText("")
			s.body.SetText("")
			s.consent.SetChecked(false)
			ui.ShowNote(s.problem, l.T("StorySubmitted"))
		}
	})
}
