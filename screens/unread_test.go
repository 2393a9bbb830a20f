package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/ui"
)

// forumRow is what one thread row of the forum shows of its unread state.
type forumRow struct {
	title  string
	unread bool // the dot
	bold   bool // the title's second cue
	mark   *ui.UnreadMark
	avatar *ui.Avatar
}

// forumRows finds the rows on show: the smallest containers holding one
// unread mark, with their title (the first data label inside).
func forumRows(root fyne.CanvasObject) []forumRow {
	var rows []forumRow
	seen := map[*ui.UnreadMark]bool{}
	var walk func(o fyne.CanvasObject) ([]*ui.UnreadMark, []*ui.DataLabel, []*ui.Avatar)
	walk = func(o fyne.CanvasObject) (marks []*ui.UnreadMark, labels []*ui.DataLabel, avatars []*ui.Avatar) {
		switch w := o.(type) {
		case *ui.UnreadMark:
			return []*ui.UnreadMark{w}, nil, nil
		case *ui.DataLabel:
			return nil, []*ui.DataLabel{w}, nil
		case *ui.Avatar:
			return nil, nil, []*ui.Avatar{w}
		case *fyne.Container:
			if !w.Visible() {
				return nil, nil, nil
			}
			for _, in := range w.Objects {
				m, l, a := walk(in)
				marks, labels, avatars = append(marks, m...), append(labels, l...), append(avatars, a...)
			}
			if len(marks) == 1 && len(labels) > 0 && len(avatars) == 1 && !seen[marks[0]] {
				seen[marks[0]] = true
				rows = append(rows, forumRow{title: labels[0].Text, unread: marks[0].Unread(), bold: labels[0].TextStyle.Bold,
					mark: marks[0], avatar: avatars[0]})
			}
		case fyne.Widget:
			if !w.Visible() {
				return nil, nil, nil
			}
			for _, in := range test.WidgetRenderer(w).Objects() {
				m, l, a := walk(in)
				marks, labels, avatars = append(marks, m...), append(labels, l...), append(avatars, a...)
			}
		}
		return marks, labels, avatars
	}
	walk(root)
	return rows
}

// checkRows fails the test unless each row whose title holds a key shows
// the unread state of its value, dot and bold title alike.
func checkRows(t *testing.T, root fyne.CanvasObject, want map[string]bool, when string) {
	t.Helper()
	rows := forumRows(root)
	for part, unread := range want {
		found := false
		for _, r := range rows {
			if !strings.Contains(r.title, part) {
				continue
			}
			found = true
			if r.unread != unread || r.bold != unread {
				t.Errorf("%s: row %q shows dot %v, bold %v; want unread %v", when, r.title, r.unread, r.bold, unread)
			}
		}
		if !found {
			t.Errorf("%s: no row %q among %d rows", when, part, len(rows))
		}
	}
}

// TestForum_UnreadMarks: the demo member has read the welcome thread and
// the quiet hours, not Marco's reply about grinders nor the pastry thread.
// Someone else's reply makes a read thread unread, live; opening it and
// seeing its newest post clears the mark, live; the member's own reply
// never makes a thread unread.
func TestForum_UnreadMarks(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	env := f.env(demo.MemberID, "en")
	watch := f.watch(env)
	s := newForum(env)
	f.show(s.root, phoneSize)
	want := map[string]bool{"Welcome!": false, "Which grinder": true, "savoury breakfast": true, "Quiet hours": false}
	checkRows(t, s.root, want, "as seeded")

	if _, err := f.svc.Reply(ctx, f.actor("mem-tom"), "th-welcome", "Welcome back, everyone!"); err != nil {
		t.Fatal(err)
	}
	watch()
	want["Welcome!"] = true
	checkRows(t, s.root, want, "after Tom's reply")

	th := newThread(env, "th-welcome")
	f.show(th.root, phoneSize)
	th.list.ScrollToBottom()
	settle()
	th.list.ScrollToBottom() // rows measured on the way may have moved the end
	settle()
	watch()
	f.show(s.root, phoneSize)
	want["Welcome!"] = false
	checkRows(t, s.root, want, "after opening the thread to its newest post")

	if _, err := f.svc.Reply(ctx, env.Me(), "th-quiet", "I'd come at nine."); err != nil {
		t.Fatal(err)
	}
	watch()
	checkRows(t, s.root, want, "after the member's own reply")
}

// TestForum_UnreadMarkMirrors: the dot sits on the outer side of the
// avatar, the reading start: left in English, right in Arabic.
func TestForum_UnreadMarkMirrors(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t)
			s := newForum(f.env(demo.MemberID, lang))
			f.show(s.root, phoneSize)
			rows := forumRows(s.root)
			if len(rows) == 0 {
				t.Fatal("no rows")
			}
			d := fyne.CurrentApp().Driver()
			for _, r := range rows {
				mark, avatar := d.AbsolutePositionForObject(r.mark).X, d.AbsolutePositionForObject(r.avatar).X
				if lang == "en" && mark >= avatar || lang == "ar" && mark <= avatar {
					t.Errorf("%s: row %q has its mark at x=%v and its avatar at x=%v", lang, r.title, mark, avatar)
				}
			}
		})
	}
}

// TestThread_OpensAtTheOldestUnreadPost: a member who read a long thread up
// to post 60 finds post 61 on show when they open it, not post 1.
func TestThread_OpensAtTheOldestUnreadPost(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id := seedLongThread(t, f, 100)
	env := f.env(demo.MemberID, "en")
	read, err := f.svc.Posts(ctx, id, 60, 1)
	if err != nil || len(read) != 1 {
		t.Fatal(read, err)
	}
	if _, err := f.svc.MarkThreadRead(ctx, env.Me(), read[0]); err != nil {
		t.Fatal(err)
	}
	s := newThread(env, id)
	f.show(s.root, phoneSize)
	if !shows(f.win, "post 61") || shows(f.win, "post 1") {
		t.Errorf("opening the thread shows %q, want post 61 and not post 1", shownTexts(f.win))
	}
}
