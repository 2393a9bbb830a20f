package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// threadPage is how many posts one fetch reads: a page is fetched only when
// one of its rows scrolls into view, so a 10,000-post thread costs a few pages.
const threadPage = community.PageSize

// thread shows one conversation. Its posts are a virtualized list: rows are
// recycled, and pages of posts are read lazily as they scroll into view.
type thread struct {
	env   *Env
	scope *Scope
	id    string

	info      community.Thread
	pages     map[int64][]community.Post   // by page index: posts with Seq in [i*threadPage+1, (i+1)*threadPage]
	requested map[int64]bool               // pages being fetched
	stale     map[int64]bool               // pages to fetch again when shown
	mine      map[string][]string          // my reactions by post ID
	heights   map[int]float32              // measured row heights by list index
	rev       map[string]int               // bumped when a post (or my reactions to it) changes
	rows      map[fyne.CanvasObject]string // what each recycled row shows: post ID and revision
	fetched   int                          // posts read so far (tests check laziness)
	sending   bool
	read      int64              // the highest post Seq marked read (or being marked)
	newest    community.Post     // the newest post shown, to mark read
	marking   bool               // a mark is being written
	opened    bool               // the first load was shown (it opens at the oldest unread post)
	people    []community.Person // who a reply can @mention: the thread's author and posters

	title   *ui.DataLabel
	locked  *widget.Label
	list    *widget.List
	reply   *ui.SubmitEntry
	mention *fyne.Container   // names completing the @mention being typed
	names   fyne.CanvasObject // mention, scrolling sideways; hidden while empty
	send    *widget.Button
	compose *fyne.Container
	pin     *widget.Button // staff only
	lock    *widget.Button // staff only
	problem *widget.Label
	root    *fyne.Container
}

// NewThread returns a thread with its posts and a reply box: Enter sends,
// Shift+Enter or Ctrl+Enter starts a new line.
func NewThread(env *Env, threadID string) fyne.CanvasObject {
	return newThread(env, threadID).root
}

func newThread(env *Env, threadID string) *thread {
	s := &thread{env: env, id: threadID, pages: map[int64][]community.Post{}, requested: map[int64]bool{},
		stale: map[int64]bool{}, mine: map[string][]string{}, heights: map[int]float32{},
		rev: map[string]int{}, rows: map[fyne.CanvasObject]string{}}
	s.scope = env.Open("thread", s.onChange)
	s.buildUI()
	s.load(false)
	return s
}

func (s *thread) buildUI() {
	l := s.env.L()
	s.title = ui.NewDataLabel(s.env, "", true)
	s.locked = widget.NewLabelWithStyle(l.T("ThreadLocked"), mirror.Start(l), fyne.TextStyle{Italic: true})
	s.locked.Importance = widget.WarningImportance
	s.locked.Wrapping = fyne.TextWrapWord
	s.locked.Hide()
	s.list = widget.NewList(s.length, s.createRow, s.updateRow)
	s.reply = ui.NewSubmitEntry(s.onSend)
	s.reply.SetMinRowsVisible(2)
	s.reply.OnChanged = s.onTyping
	s.mention = container.NewHBox()
	s.names = container.NewHScroll(s.mention)
	s.names.Hide()
	s.send = ui.NewIconButton(s.env, l.T("ThreadSend"), theme.MailSendIcon(), s.onSend)
	s.send.Importance = widget.HighImportance
	s.problem = ui.NewRefusal(s.env)
	s.compose = container.NewVBox(s.problem, requireVerified(s.env, s.send), s.names,
		mirror.Border(l, nil, nil, nil, s.send, ui.WithHint(s.env, s.reply, &s.reply.Entry, l.T("ThreadReplyPlaceholder"))))
	s.compose.Hide()
	top := fyne.CanvasObject(s.title)
	if s.env.Me().Can(community.ActModerate) {
		s.pin = widget.NewButton(l.T("ThreadPin"), s.onPin)
		s.lock = widget.NewButton(l.T("ThreadLock"), s.onLock)
		top = container.NewVBox(s.title, mirror.Row(l, s.pin, s.lock))
	}
	s.root = container.NewBorder(top, container.NewVBox(s.locked, s.compose), nil, nil, s.list)
}

func (s *thread) length() int { return s.info.Posts }

// createRow builds a post row: author and time, the body as Markdown (or a
// placeholder when hidden or removed), reactions and a report button.
func (s *thread) createRow() fyne.CanvasObject {
	author := ui.NewDataLine(s.env, true)
	when := ui.NewFaint(s.env, "")
	when.Label.Truncation = fyne.TextTruncateOff
	body := ui.NewDataRich()
	// The reactions people used (each hidden until used), a button to add
	// one, and a "…" menu with the report: a row of five faded emoji and
	// a bold "Report" under every post was noise.
	var buttons []fyne.CanvasObject
	for _, r := range community.Reactions {
		b := ui.NewDataButton(r, nil)
		b.Importance = widget.LowImportance
		buttons = append(buttons, ui.Target(b))
	}
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), nil)
	add.Importance = widget.LowImportance
	more := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), nil)
	more.Importance = widget.LowImportance
	buttons = append(buttons, ui.Target(add), ui.Target(more))
	reacts := mirror.Row(s.env, buttons...)
	ui.InsetSides(reacts, ui.Gap)
	header := mirror.Border(s.env, nil, nil, nil, when, author)
	return container.NewVBox(header, body, ui.NewPlainBody(), reacts)
}

// updateRow fills a recycled row with post id+1, or shows it loading and
// asks for its page.
func (s *thread) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	l := s.env.L()
	box := o.(*fyne.Container)
	header := box.Objects[0].(*fyne.Container)
	author, when := header.Objects[0].(*ui.DataLabel), ui.AsLabel(header.Objects[1])
	rich := box.Objects[1].(*ui.DataRich)
	body := &rich.RichText
	plain := box.Objects[2].(*fyne.Container)
	reacts := box.Objects[3].(*fyne.Container)

	seq := int64(id) + 1
	page := (seq - 1) / threadPage
	posts, ok := s.pages[page]
	if !ok || s.stale[page] {
		s.fetch(page)
	}
	idx := int((seq - 1) % threadPage)
	if idx >= len(posts) {
		s.rows[o] = ""
		author.SetText("")
		when.SetText("")
		plain.Hide()
		rich.Show()
		body.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: l.T("ThreadLoading"), Style: widget.RichTextStyleEmphasis}}
		body.Refresh()
		reacts.Hide()
		return
	}
	p := posts[idx]
	s.seen(p)
	// The list sets up every visible row again on each refresh: a row that
	// already shows this revision of the post is left alone (parsing its
	// Markdown and shaping its text is the costly part of scrolling).
	key := p.ID + "#" + strconv.Itoa(s.rev[p.ID])
	if s.rows[o] == key {
		return
	}
	s.rows[o] = key
	author.SetData(s.env, p.AuthorName)
	when.Alignment = mirror.End(l)
	stamp := l.Relative(p.At, s.env.Svc.Now())
	if p.Edited() {
		stamp = l.T("ThreadEditedMark", map[string]any{"When": stamp})
	}
	when.SetText(bidi.Visual(s.env, stamp))
	header.Refresh() // the time's width changed: lay the header out again
	switch {
	case p.Removed:
		plain.Hide()
		rich.Show()
		setPlaceholder(body, l.T("ThreadPostRemoved"))
		reacts.Hide()
	case p.Deleted:
		plain.Hide()
		rich.Show()
		setPlaceholder(body, l.T("ThreadPostDeleted"))
		s.fillReactions(reacts, p) // staff may still read what it said
		if s.env.Me().Can(community.ActModerate) {
			reacts.Show()
		} else {
			reacts.Hide()
		}
	case p.Hidden && !s.env.Me().Can(community.ActModerate):
		plain.Hide()
		rich.Show()
		setPlaceholder(body, l.T("ThreadPostHidden"))
		reacts.Hide()
	default:
		ui.SetBody(s.env, rich, plain, p.Body)
		if p.Hidden { // staff read it, told that members don't
			note := &widget.TextSegment{Text: l.N("ThreadHiddenForMembers", p.Reports), Style: widget.RichTextStyleEmphasis}
			if plain.Visible() {
				body.Segments = nil
				rich.Show()
			}
			body.Segments = append([]widget.RichTextSegment{note}, body.Segments...)
			ui.AlignRich(body, bidi.Content(bidi.LeftToRight, p.Body))
		}
		s.fillReactions(reacts, p)
		reacts.Show()
	}
	box.Refresh() // the body may have changed between rich text and paragraphs
	s.measure(id, o)
}

func setPlaceholder(rt *widget.RichText, text string) {
	rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: widget.RichTextStyleEmphasis}}
	rt.Refresh()
}

func (s *thread) fillReactions(reacts *fyne.Container, p community.Post) {
	mine := map[string]bool{}
	for _, r := range s.mine[p.ID] {
		mine[r] = true
	}
	var targets []*fyne.Container
	var buttons []*widget.Button
	for _, o := range mirror.RowObjects(reacts) { // in reading order
		t := o.(*fyne.Container)
		targets = append(targets, t)
		switch b := t.Objects[0].(type) {
		case *widget.Button:
			buttons = append(buttons, b)
		case *ui.DataButton:
			buttons = append(buttons, &b.Button)
		}
	}
	postID := p.ID
	for i, r := range community.Reactions {
		b := buttons[i]
		n := p.Reactions[r]
		if (n == 0 && !mine[r]) || p.Deleted {
			targets[i].Hide()
			continue
		}
		targets[i].Show()
		b.SetText(r + " " + s.env.L().Number(int64(n)))
		if mine[r] {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		reaction := r
		b.OnTapped = func() { s.onReact(postID, reaction) }
		b.Refresh()
	}
	add, more := buttons[len(community.Reactions)], buttons[len(community.Reactions)+1]
	add.OnTapped = func() { s.onAddReaction(add, postID) }
	more.OnTapped = func() { s.onMore(more, p) }
	showIf(targets[len(targets)-2], !p.Deleted)
	showIf(targets[len(targets)-1], len(s.postMenu(p)) > 0)
	reacts.Refresh() // buttons came and went: lay the row out again
}

// showIf shows o when show holds and hides it otherwise.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// onAddReaction offers every reaction under the add button.
func (s *thread) onAddReaction(from fyne.CanvasObject, postID string) {
	var items []*fyne.MenuItem
	for _, r := range community.Reactions {
		reaction := r
		items = append(items, fyne.NewMenuItem(r, func() { s.onReact(postID, reaction) }))
	}
	showMenuUnder(s.env, from, items)
}

// onMore opens the post's "…" menu.
func (s *thread) onMore(from fyne.CanvasObject, p community.Post) {
	showMenuUnder(s.env, from, s.postMenu(p))
}

// postMenu is what the "…" menu of post p offers: report someone else's
// post; edit and delete one's own while it stands and the thread is open;
// for staff, what an edited post said before.
func (s *thread) postMenu(p community.Post) []*fyne.MenuItem {
	l, me := s.env.L(), s.env.Me()
	own, live := p.AuthorID == me.ID, !p.Deleted && !p.Removed && !s.info.Locked
	var items []*fyne.MenuItem
	if !own && !p.Deleted {
		items = append(items, fyne.NewMenuItem(l.T("ThreadReport"), func() { s.onReport(p.ID) }))
	}
	if own && live {
		items = append(items, fyne.NewMenuItem(l.T("ThreadEdit"), func() { s.onEdit(p) }),
			fyne.NewMenuItem(l.T("ThreadDelete"), func() { s.onDelete(p.ID) }))
	}
	if p.Edits > 0 && me.Can(community.ActModerate) {
		items = append(items, fyne.NewMenuItem(l.T("ThreadHistory"), func() { s.onHistory(p.ID) }))
	}
	return items
}

// showMenuUnder pops a menu up under the object tapped.
func showMenuUnder(env *Env, from fyne.CanvasObject, items []*fyne.MenuItem) {
	c := env.Win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(from).AddXY(0, from.Size().Height)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// measure gives the row the height its wrapped Markdown needs at the list's
// width; rows start at the template's height.
func (s *thread) measure(id widget.ListItemID, row fyne.CanvasObject) {
	h := row.MinSize().Height
	if old, ok := s.heights[id]; ok && old == h {
		return
	}
	s.heights[id] = h
	s.list.SetItemHeight(id, h)
}

// fetch reads one page of posts in the background, once at a time.
func (s *thread) fetch(page int64) {
	if s.requested[page] {
		return
	}
	s.requested[page] = true
	svc, id, me := s.env.Svc, s.id, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		posts, err := svc.Posts(ctx, id, page*threadPage+1, threadPage)
		mine, _ := svc.MyReactions(ctx, me, id)
		return func() {
			delete(s.requested, page)
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.fetched += len(posts)
			s.pages[page] = posts
			delete(s.stale, page)
			for k, v := range mine {
				s.mine[k] = v
			}
			for _, p := range posts {
				s.rev[p.ID]++ // it may have changed since it was shown
			}
			// One refresh for the page: RefreshItem would refresh the whole
			// list once per post.
			s.list.Refresh()
		}
	})
}

// load reads the thread; scrollEnd moves to the newest post afterwards.
func (s *thread) load(scrollEnd bool) {
	svc, id, me := s.env.Svc, s.id, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		t, err := svc.Thread(ctx, id)
		people, perr := svc.ThreadPeople(ctx, id)
		var reads community.ReadState
		rerr := err
		if err == nil && me.ID != "" {
			reads, rerr = svc.ReadState(ctx, me)
		}
		return func() {
			if perr == nil {
				s.people = people
			}
			if rerr == nil {
				s.read = max(s.read, reads.ReadSeq(t))
			}
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				s.compose.Show()
				return
			}
			s.info = t
			s.title.SetData(s.env, t.Title)
			if s.pin != nil {
				l := s.env.L()
				s.pin.SetText(map[bool]string{false: l.T("ThreadPin"), true: l.T("ThreadUnpin")}[t.Pinned])
				s.lock.SetText(map[bool]string{false: l.T("ThreadLock"), true: l.T("ThreadUnlock")}[t.Locked])
			}
			if t.Locked {
				s.locked.Show()
				s.compose.Hide()
			} else {
				s.locked.Hide()
				s.compose.Show()
			}
			s.list.Refresh()
			first := int64(0)
			if rerr == nil && !s.opened {
				first = reads.FirstUnread(t)
			}
			s.opened = true
			switch {
			case scrollEnd:
				s.list.ScrollToBottom()
			case first > 1:
				// Open at the oldest post the member has not read: the
				// list reads that page, the one it shows.
				s.list.ScrollTo(int(first - 1))
			}
		}
	})
}

func (s *thread) onSend() {
	text := s.reply.Text
	if s.sending || strings.TrimSpace(text) == "" {
		return
	}
	s.sending = true
	s.send.Disable()
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		p, err := svc.Reply(ctx, me, id, text)
		return func() {
			s.sending = false
			s.send.Enable()
			if err != nil {
				// The reply stays in the box, so nothing typed is lost.
				msg := ErrorText(s.env.L(), err)
				if community.IsReason(err, community.ReasonLocked) {
					msg = s.env.L().T("ThreadLocked")
				}
				ui.ShowRefusal(s.problem, msg)
				return
			}
			ui.ShowRefusal(s.problem, "")
			s.reply.SetText("")
			s.addPost(p)
		}
	})
}

// seen notes that post p is on show: the newest post shown is marked read
// (community.Service.MarkThreadRead), one write at a time, so the forum's row
// loses its unread mark once the member has seen the thread's newest post.
func (s *thread) seen(p community.Post) {
	if p.Seq <= s.read || s.env.Me().ID == "" {
		return
	}
	s.read, s.newest = p.Seq, p
	s.markRead()
}

// markRead writes the mark of the newest post shown, then of any newer one
// shown meanwhile. It is a Save: leaving the thread at once must not leave
// it unread.
func (s *thread) markRead() {
	if s.marking {
		return
	}
	s.marking = true
	svc, me, p := s.env.Svc, s.env.Me(), s.newest
	s.scope.Save(func(ctx context.Context) func() {
		_, _ = svc.MarkThreadRead(ctx, me, p) // best effort: the thread is read again next time
		return func() {
			s.marking = false
			if s.newest.Seq > p.Seq {
				s.markRead()
			}
		}
	})
}

// addPost puts a post we know of at its place and scrolls to it.
func (s *thread) addPost(p community.Post) {
	page := (p.Seq - 1) / threadPage
	idx := int((p.Seq - 1) % threadPage)
	posts := s.pages[page]
	if idx == len(posts) {
		s.pages[page] = append(posts, p)
	}
	if int(p.Seq) > s.info.Posts {
		s.info.Posts = int(p.Seq)
	}
	s.list.Refresh()
	s.list.ScrollToBottom()
}

func (s *thread) onReact(postID, reaction string) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		p, err := svc.React(ctx, me, id, postID, reaction)
		mine, _ := svc.MyReactions(ctx, me, id)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.mine = mine
			s.replace(p)
		}
	})
}

// onReport asks before it reports: a report is not undone.
func (s *thread) onReport(postID string) {
	l := s.env.L()
	Confirm(s.env, l.T("ThreadReportTitle"), l.T("ThreadReportConfirm"), l.T("ThreadReport"), func() { s.report(postID) })
}

func (s *thread) report(postID string) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		p, err := svc.Report(ctx, me, id, postID)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			ui.ShowNote(s.problem, s.env.L().T("ThreadReported"))
			s.replace(p)
		}
	})
}

// replace swaps a changed post into its page and redraws its row.
func (s *thread) replace(p community.Post) {
	page := (p.Seq - 1) / threadPage
	idx := int((p.Seq - 1) % threadPage)
	if posts := s.pages[page]; idx < len(posts) {
		posts[idx] = p
	}
	s.rev[p.ID]++
	s.list.RefreshItem(int(p.Seq - 1))
}

// onPin pins or unpins the thread (staff).
func (s *thread) onPin() {
	svc, me, id, pinned := s.env.Svc, s.env.Me(), s.id, !s.info.Pinned
	s.staffAction(func(ctx context.Context) error { _, err := svc.PinThread(ctx, me, id, pinned); return err })
}

// onLock locks or unlocks the thread (staff).
func (s *thread) onLock() {
	svc, me, id, locked := s.env.Svc, s.env.Me(), s.id, !s.info.Locked
	s.staffAction(func(ctx context.Context) error { _, err := svc.LockThread(ctx, me, id, locked); return err })
}

func (s *thread) staffAction(do func(context.Context) error) {
	s.scope.Save(func(ctx context.Context) func() {
		err := do(ctx)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.load(false)
		}
	})
}

// onChange follows the thread live: new posts extend the list, changed posts
// are read again when shown.
func (s *thread) onChange(c community.Change) {
	// Firestore tells another member's reply as a change of the thread
	// (its post count and last post), the local store as a new post, and a
	// reconnected listener as a change of every thread: each may have added
	// posts to a page already loaded, so the loaded pages are read again
	// when shown.
	if c.About(community.KindThread, s.id) || c.Kind == community.KindPost && c.Parent == s.id {
		for page := range s.pages {
			s.stale[page] = true
		}
		s.load(false)
	}
}
