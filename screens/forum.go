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
	reads    community.ReadState // what the member has read: the rows' unread marks
	read     bool                // reads is loaded: no marks until it is (offline, every row would look new)
	next     string              // cursor of the next page, "" at the end
	loads    loader              // the newest load wins

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
	s.picker.Alignment = mirror.Start(s.env)
	s.picker.PlaceHolder = l.T("ForumAllCategories")
	start := ui.NewIconButton(s.env, l.T("ForumStartThread"), theme.ContentAddIcon(), s.onStart)
	start.Importance = widget.HighImportance
	s.list = widget.NewList(s.length, s.createRow, s.updateRow)
	s.list.OnSelected = s.onOpen
	s.more = widget.NewButton(l.T("ForumLoadMore"), s.onMore)
	s.more.Hide()
	s.empty = ui.NewEmptyState(theme.MailComposeIcon(), l.T("ForumEmpty"), l.T("ForumStartThread"), s.onStart)
	s.empty.Hide()
	s.problem = ui.NewRefusal(s.env)
	find := widget.NewButtonWithIcon("", theme.SearchIcon(), func() { s.env.Nav.Push(l.T("SearchTitle"), NewSearch(s.env)) })
	top := mirror.Border(l, nil, nil, nil, container.NewHBox(find, start), s.picker)
	bottom := container.NewVBox(s.problem, requireVerified(s.env, start), s.more)
	s.root = container.NewBorder(top, bottom, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *forum) length() int { return len(s.threads) }

// createRow builds a thread row: the unread mark and the author's initials,
// the title over who wrote last and when, and the category as a chip. A
// thread with posts the member has not read shows the dot and its title in
// bold (two cues, not a colour alone); a read one, an empty place and a
// regular title.
func (s *forum) createRow() fyne.CanvasObject {
	lines := container.NewVBox(ui.Compact(ui.NewDataLine(s.env, true)), ui.Compact(ui.NewFaintLine(s.env)))
	chip := ui.NewChip(s.env, "", widget.MediumImportance)
	lead := mirror.Row(s.env, container.NewCenter(ui.NewUnreadMark()), container.NewCenter(ui.NewAvatar("", 36)))
	return mirror.Border(s.env, nil, nil, lead, container.NewCenter(chip), container.NewPadded(lines))
}

// eachObject calls fn for o and everything inside it.
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, in := range c.Objects {
			eachObject(in, fn)
		}
	}
}

func (s *forum) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.threads) {
		return
	}
	t := s.threads[id]
	l := s.env.L()
	row := o.(*fyne.Container) // center, then leading and trailing (mirror.Border)
	box := row.Objects[0].(*fyne.Container).Objects[0].(*fyne.Container)
	unread := s.unread(t)
	for _, side := range row.Objects[1:] { // the mark and avatar, and the chip, in either order
		eachObject(side, func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *ui.UnreadMark:
				o.SetUnread(unread)
			case *ui.Avatar:
				o.SetName(t.AuthorName)
			case *ui.Chip:
				o.SetData(s.env, s.categoryName(t.Category))
			}
		})
	}
	defer row.Refresh() // the chip's width changed: lay the row out again
	title := box.Objects[0].(*fyne.Container).Objects[0].(*ui.DataLabel)
	title.TextStyle.Bold = unread
	text := t.Title
	if t.Locked {
		text = l.T("ForumLockedMark", map[string]any{"Title": t.Title})
	}
	if t.Pinned {
		text = l.T("ForumPinnedMark", map[string]any{"Title": text})
	}
	title.SetData(s.env, text)
	meta := box.Objects[1].(*fyne.Container).Objects[0]
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
	category, svc, me := s.category, s.env.Svc, s.env.Me()
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		c, cerr := svc.Community(ctx)
		reads, rerr := svc.ReadState(ctx, me) // one record for every row's mark
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
			if rerr == nil {
				s.reads, s.read = reads, true
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
// new post moving a thread up, a pin or lock), keeping as many as were
// loaded, and the unread marks when the member has read a thread.
func (s *forum) onChange(c community.Change) {
	switch {
	case c.Kind == community.KindThread:
		s.reload(len(s.threads))
	case c.Kind == community.KindReadState && c.MemberID == s.env.Me().ID:
		s.loadReads()
	}
}

// loadReads reads what the member has read again and redraws the marks.
func (s *forum) loadReads() {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		reads, err := svc.ReadState(ctx, me)
		return func() {
			if err == nil {
				s.reads, s.read = reads, true
				s.list.Refresh()
			}
		}
	})
}

// unread reports whether t has posts the member has not read (their own
// posts never count: the service records them as read when it posts them).
func (s *forum) unread(t community.Thread) bool {
	return s.read && s.reads.Unread(t)
}

// categoryName is a category's name in the member's language ("" if unknown).
func (s *forum) categoryName(id string) string {
	for _, c := range s.cats {
		if c.ID == id {
			return c.Names.In(s.env.L().Code())
		}
	}
	return ""
}
