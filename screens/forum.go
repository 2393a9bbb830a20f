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

// forum is the member's forum: categories, then the threads of the chosen
// one, a page at a time, newest activity first.
type forum struct {
	env   *Env
	scope *Scope

	cats     []community.Category
	category string // "" for all
	threads  []community.Thread
	next     string // cursor of the next page, "" at the end
	loads    loader // the newest load wins

	picker  *widget.Select
	list    *widget.List
	more    *widget.Button
	empty   fyne.CanvasObject
	problem *widget.Label
	root    *fyne.Container
}

// NewForum returns the forum: a category picker, the threads of the category
// (paged, "load more"), and a button to start a thread. Tapping a thread
// pushes NewThread.
func NewForum(env *Env) fyne.CanvasObject {
	return newForum(env).root
}

func newForum(env *Env) *forum {
	s := &forum{env: env}
	s.scope = env.Open("forum", s.onChange)
	s.buildUI()
	env.OfferNew(s.onStart) // Ctrl+N
	s.load()
	return s
}

func (s *forum) buildUI() {
	l := s.env.L()
	s.picker = widget.NewSelect(nil, s.onCategory)
	s.picker.PlaceHolder = l.T("ForumAllCategories")
	start := widget.NewButtonWithIcon(l.T("ForumStartThread"), theme.ContentAddIcon(), s.onStart)
	start.Importance = widget.HighImportance
	s.list = widget.NewList(s.length, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.more = widget.NewButton(l.T("ForumLoadMore"), s.onMore)
	s.more.Hide()
	s.empty = ui.NewEmptyState(theme.MailComposeIcon(), l.T("ForumEmpty"), l.T("ForumStartThread"), s.onStart)
	s.empty.Hide()
	s.problem = ui.NewRefusal(s.env)
	top := mirror.Border(l, nil, nil, nil, start, s.picker)
	bottom := container.NewVBox(s.problem, requireVerified(s.env, start), s.more)
	s.root = container.NewBorder(top, bottom, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *forum) length() int { return len(s.threads) }

func (s *forum) createRow() fyne.CanvasObject {
	return container.NewVBox(ui.NewDataLine(s.env, true), ui.NewFaint(s.env, ""))
}

func (s *forum) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.threads) {
		return
	}
	t := s.threads[id]
	l := s.env.L()
	box := o.(*fyne.Container)
	title := box.Objects[0].(*ui.DataLabel)
	text := t.Title
	if t.Locked {
		text = l.T("ForumLockedMark", map[string]any{"Title": t.Title})
	}
	if t.Pinned {
		text = l.T("ForumPinnedMark", map[string]any{"Title": text})
	}
	title.SetData(s.env, text)
	meta := ui.AsLabel(box.Objects[1])
	ui.SetLine(s.env, meta, l.N("ForumThreadMeta", max(t.Posts-1, 0), map[string]any{
		"Author": t.AuthorName, "When": l.Relative(t.LastPostAt, s.env.Svc.Now())}))
}

// load reads the categories and the first page of threads.
func (s *forum) load() { s.reload(0) }

// reload reads the categories and the threads again, page after page until
// at least keep threads are shown (as many as "load more" had brought in) or
// there are no more: a live change must not take away pages the member
// loaded and is reading.
func (s *forum) reload(keep int) {
	category, svc := s.category, s.env.Svc
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		c, cerr := svc.Community(ctx)
		page, next, err := svc.Threads(ctx, category, "")
		for err == nil && next != "" && len(page) < keep {
			var more []community.Thread
			more, next, err = svc.Threads(ctx, category, next)
			page = append(page, more...)
		}
		return func() {
			if cerr == nil {
				s.setCategories(c.Categories)
			}
			s.show(page, next, err, false)
		}
	})
}

func (s *forum) setCategories(cats []community.Category) {
	s.cats = cats
	lang := s.env.L().Code()
	names := []string{s.env.L().T("ForumAllCategories")}
	for _, c := range cats {
		names = append(names, c.Names.In(lang))
	}
	s.picker.SetOptions(names)
}

func (s *forum) show(page []community.Thread, next string, err error, appendPage bool) {
	if loadFailed(s.env, s.problem, err) {
		return
	}
	if appendPage {
		s.threads = append(s.threads, page...)
	} else {
		s.threads = page
	}
	s.next = next
	if next == "" {
		s.more.Hide()
	} else {
		s.more.Show()
	}
	showEmpty(s.empty, len(s.threads))
	s.list.Refresh()
}

func (s *forum) onCategory(name string) {
	s.category = ""
	lang := s.env.L().Code()
	for _, c := range s.cats {
		if c.Names.In(lang) == name {
			s.category = c.ID
		}
	}
	s.load()
}

func (s *forum) onMore() {
	category, cursor, svc := s.category, s.next, s.env.Svc
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		page, next, err := svc.Threads(ctx, category, cursor)
		return func() { s.show(page, next, err, true) }
	})
}

func (s *forum) onOpen(id widget.ListItemID) {
	s.list.UnselectAll()
	if id < len(s.threads) {
		t := s.threads[id]
		s.env.Push(t.Title, NewThread(s.env, t.ID))
	}
}

func (s *forum) onStart() {
	s.env.Push(s.env.L().T("ForumStartThread"), NewThreadComposer(s.env, s.category))
}

// onChange reloads the threads shown when threads change (a new thread, a
// new post moving a thread up, a pin or lock), keeping as many as were loaded.
func (s *forum) onChange(c community.Change) {
	if c.Kind == community.KindThread {
		s.reload(len(s.threads))
	}
}
