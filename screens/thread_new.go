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

// threadComposer starts a thread: a category, a title and the first post.
type threadComposer struct {
	env   *Env
	scope *Scope
	cats  []community.Category

	category *widget.Select
	title    *widget.Entry
	body     *widget.Entry
	submit   *widget.Button
	problem  *widget.Label
	root     fyne.CanvasObject
}

// NewThreadComposer returns the "start a thread" form, preset to category
// (an ID, or "" to let the member choose). On success it opens the thread.
func NewThreadComposer(env *Env, category string) fyne.CanvasObject {
	return newThreadComposer(env, category).root
}

func newThreadComposer(env *Env, category string) *threadComposer {
	s := &threadComposer{env: env}
	s.scope = env.Open("thread-new", nil)
	s.buildUI()
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.setCategories(c.Categories, category)
		}
	})
	return s
}

func (s *threadComposer) buildUI() {
	l := s.env.L()
	s.category = widget.NewSelect(nil, nil)
	s.category.Alignment = mirror.Start(s.env)
	s.category.PlaceHolder = l.T("ForumPickCategory")
	s.title = widget.NewEntry()
	s.body = widget.NewMultiLineEntry()
	s.body.Wrapping = fyne.TextWrapWord
	s.body.SetMinRowsVisible(6)
	s.submit = widget.NewButton(l.T("ForumPublishThread"), s.onSubmit)
	s.submit.Importance = widget.HighImportance
	s.problem = ui.NewRefusal(s.env)
	form := ui.NewForm(s.env,
		ui.FormField{Label: l.T("ForumCategory"), Input: s.category},
		ui.FormField{Label: l.T("ForumTitle"), Input: ui.Hinted(s.env, s.title, l.T("ForumTitlePlaceholder"))},
		ui.FormField{Label: l.T("ForumFirstPost"), Input: ui.Hinted(s.env, s.body, l.T("ForumBodyPlaceholder"))},
	)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(form, s.problem, s.submit)))
}

func (s *threadComposer) setCategories(cats []community.Category, selected string) {
	s.cats = cats
	lang := s.env.L().Code()
	var names []string
	for _, c := range cats {
		names = append(names, c.Names.In(lang))
		if c.ID == selected {
			defer s.category.SetSelected(c.Names.In(lang))
		}
	}
	s.category.SetOptions(names)
}

func (s *threadComposer) categoryID() string {
	lang := s.env.L().Code()
	for _, c := range s.cats {
		if c.Names.In(lang) == s.category.Selected {
			return c.ID
		}
	}
	return ""
}

func (s *threadComposer) onSubmit() {
	cat, title, body := s.categoryID(), s.title.Text, s.body.Text
	if cat == "" {
		ui.ShowRefusal(s.problem, s.env.L().T("ForumPickCategory"))
		return
	}
	s.submit.Disable()
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		t, err := svc.StartThread(ctx, me, cat, title, body)
		return func() {
			s.submit.Enable()
			if err != nil {
				// What the member wrote stays in the form.
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			ui.ShowRefusal(s.problem, "")
			s.title.SetText("")
			s.body.SetText("")
			s.env.Push(t.Title, NewThread(s.env, t.ID))
		}
	})
}
