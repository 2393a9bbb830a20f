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

// search finds threads and posts in every language of the forum: accents,
// case and (in Japanese, Chinese, Korean) missing spaces do not matter.
type search struct {
	env     *Env
	entry   *ui.SubmitEntry
	results *fyne.Container
	problem *widget.Label
	scope   *Scope
	loads   loader
	root    fyne.CanvasObject
}

// NewSearch returns the forum search.
func NewSearch(env *Env) fyne.CanvasObject { return newSearch(env, "").root }

// NewSearchFor returns the forum search already searching for query.
func NewSearchFor(env *Env, query string) fyne.CanvasObject { return newSearch(env, query).root }

func newSearch(env *Env, query string) *search {
	s := &search{env: env}
	s.scope = env.Open("search", nil)
	s.buildUI()
	if query != "" {
		s.entry.SetText(query)
		s.onSearch()
	}
	return s
}

func (s *search) buildUI() {
	l := s.env.L()
	s.entry = ui.NewSubmitEntry(s.onSearch)
	s.entry.MultiLine = false // a query is one line: Enter searches
	go1 := ui.NewIconButton(s.env, l.T("SearchButton"), theme.SearchIcon(), s.onSearch)
	go1.Importance = widget.HighImportance
	s.results = container.NewVBox(ui.NewEmptyState(theme.SearchIcon(), l.T("SearchHint"), "", nil))
	s.problem = ui.NewRefusal(s.env)
	top := container.NewVBox(mirror.Border(s.env, nil, nil, nil, go1, ui.WithHint(s.env, s.entry, &s.entry.Entry, l.T("SearchPlaceholder"))), s.problem)
	s.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.results))
}

func (s *search) onSearch() {
	svc, me, q := s.env.Svc, s.env.Me(), s.entry.Text
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		res, err := svc.Search(ctx, me, q)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.show(res)
		}
	})
}

func (s *search) show(res community.SearchResults) {
	l := s.env.L()
	s.results.Objects = nil
	if len(res.Threads)+len(res.Posts) == 0 {
		s.results.Add(ui.NewEmptyState(theme.SearchIcon(), l.T("SearchNothing"), "", nil))
	}
	if len(res.Threads) > 0 {
		s.results.Add(ui.NewSectionHeader(s.env, l.T("SearchThreads")))
	}
	now := s.env.Svc.Now()
	for _, t := range res.Threads {
		title := ui.NewContentLabel(s.env, t.Title, true)
		meta := ui.NewFaint(s.env, l.N("ForumThreadMeta", max(t.Posts-1, 0), map[string]any{
			"Author": t.AuthorName, "When": l.Relative(t.LastPostAt, now)}))
		s.results.Add(ui.NewTapCard(container.NewVBox(title, meta), func() { s.env.Nav.Push(t.Title, NewThread(s.env, t.ID)) }))
	}
	if len(res.Posts) > 0 {
		s.results.Add(ui.NewSectionHeader(s.env, l.T("SearchPosts")))
	}
	for _, p := range res.Posts {
		body := ui.NewContentLabel(s.env, short(plainText(p.Body), 160), false) // in its own direction
		body.Wrapping = fyne.TextWrapWord
		who := ui.NewFaint(s.env, l.T("SearchPostMeta", map[string]any{"Author": p.AuthorName, "When": l.Relative(p.At, now)}))
		threadID := p.ThreadID
		s.results.Add(ui.NewTapCard(container.NewVBox(body, who), func() { s.env.Nav.Push(l.T("SearchTitle"), NewThread(s.env, threadID)) }))
	}
	s.results.Refresh()
	ui.Relayout(s.root)
}

// plainText drops the Markdown emphasis marks of a post, for an excerpt.
func plainText(md string) string {
	return strings.NewReplacer("**", "", "__", "", "`", "", "\n", " ").Replace(md)
}

// short cuts text to at most n characters with an ellipsis (the tap opens
// the whole post).
func short(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
