package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

func testAnnouncements(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	save := func(id string, hour int, pinned bool) {
		t.Helper()
		f.ok(f.s.SaveAnnouncement(f.ctx, community.Announcement{ID: id, Pinned: pinned, PublishAt: at(hour), CreatedBy: "owner", CreatedAt: t0,
			Texts: map[string]community.AnnouncementText{"en": {Title: "Hi " + id, Body: "News"}, "es": {Title: "Hola " + id, Body: "Noticias"}}}),
			"save %s", id)
	}
	save("a1", 0, false)
	save("a2", 1, false)
	save("a3", 2, true)
	save("a4", 5, false) // scheduled
	save("a5", 6, true)  // scheduled and pinned
	got, err := f.s.Announcement(f.ctx, "a3")
	f.ok(err, "announcement")
	if !got.Pinned || !got.PublishAt.Equal(at(2)) || got.Texts["es"].Title != "Hola a3" || got.Texts["en"].Body != "News" || got.CreatedBy != "owner" {
		t.Errorf("announcement = %+v", got)
	}
	list := func(by time.Time, limit int) []string {
		as, err := f.s.Announcements(f.ctx, by, limit)
		f.ok(err, "announcements")
		var ids []string
		for _, a := range as {
			ids = append(ids, a.ID)
		}
		return ids
	}
	for _, c := range []struct {
		name  string
		by    time.Time
		limit int
		want  []string
	}{
		{"all", time.Time{}, 10, []string{"a5", "a3", "a4", "a2", "a1"}},
		{"published by 3h", at(3), 10, []string{"a3", "a2", "a1"}},
		{"published by 1h", at(1), 10, []string{"a2", "a1"}},
		{"limit", at(3), 2, []string{"a3", "a2"}},
	} {
		if got := list(c.by, c.limit); !equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	save("a1", 0, true) // replace: now pinned
	if got := list(at(3), 10); !equal(got, []string{"a3", "a1", "a2"}) {
		t.Errorf("after pinning a1: %v", got)
	}
	f.ok(f.s.DeleteAnnouncement(f.ctx, "a3"), "delete")
	_, err = f.s.Announcement(f.ctx, "a3")
	f.is(err, community.ErrNotFound, "deleted announcement")
	f.is(f.s.DeleteAnnouncement(f.ctx, "a3"), community.ErrNotFound, "delete twice")
	if got := list(at(3), 10); !equal(got, []string{"a1", "a2"}) {
		t.Errorf("after deleting a3: %v", got)
	}
}

func testFeedback(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	for i, id := range []string{"f1", "f2", "f3"} {
		f.ok(f.s.SaveFeedback(f.ctx, community.Feedback{ID: id, MemberID: "m" + id, Score: 7 + i, Comment: "ok", At: at(i)}), "save")
	}
	list := func(since time.Time) []community.Feedback {
		fs, err := f.s.Feedback(f.ctx, since)
		f.ok(err, "feedback")
		return fs
	}
	if fs := list(at(1)); len(fs) != 2 || fs[0].ID != "f2" || fs[1].ID != "f3" {
		t.Errorf("feedback since 1h = %+v, want f2 f3", fs)
	}
	f.ok(f.s.SaveFeedback(f.ctx, community.Feedback{ID: "f1", MemberID: "mf1", Score: 10, At: at(0)}), "replace")
	fs := list(time.Time{})
	if len(fs) != 3 || fs[0].ID != "f1" || fs[0].Score != 10 || fs[0].MemberID != "mf1" || !fs[0].At.Equal(t0) {
		t.Errorf("all feedback = %+v, want f1 replaced with score 10, first", fs)
	}
}

func testNotifications(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	notify := func(id, member string, hour int, title string) {
		t.Helper()
		f.ok(f.s.Notify(f.ctx, community.Notification{ID: id, MemberID: member, Kind: "points", Ref: "ev", Title: title, Amount: 50, At: at(hour)}),
			"notify %s", id)
	}
	unread := func(member string, want int, when string) {
		t.Helper()
		n, err := f.s.UnreadCount(f.ctx, member)
		f.ok(err, "unread count of %s", member)
		if n != want {
			t.Errorf("%s: UnreadCount(%s) = %d, want %d", when, member, n, want)
		}
	}
	unread("m1", 0, "before any notification")
	notify("n1", "m1", 1, "first")
	notify("n2", "m1", 2, "second")
	notify("n3", "m2", 3, "other member")
	notify("n1", "m1", 1, "changed")
	unread("m1", 2, "after n1, n2 and a repeat of n1")
	unread("m2", 1, "another member's")
	ns, err := f.s.Notifications(f.ctx, "m1", 10)
	f.ok(err, "notifications")
	if len(ns) != 2 || ns[0].ID != "n2" || ns[1].ID != "n1" || ns[1].Title != "first" || ns[1].Amount != 50 || ns[1].Read {
		t.Errorf("notifications = %+v, want n2, n1 (unchanged by the repeat), unread", ns)
	}
	if ns, _ := f.s.Notifications(f.ctx, "m1", 1); len(ns) != 1 || ns[0].ID != "n2" {
		t.Errorf("limit 1 = %+v", ns)
	}
	f.ok(f.s.MarkRead(f.ctx, "m1", "n1"), "mark read")
	unread("m1", 1, "after MarkRead(n1)")
	f.ok(f.s.MarkRead(f.ctx, "m1", "n1"), "mark read again")
	notify("n1", "m1", 1, "again") // a repeat does not make it unread
	unread("m1", 1, "after marking n1 read twice and repeating it")
	ns, _ = f.s.Notifications(f.ctx, "m1", 10)
	if len(ns) != 2 || !ns[1].Read || ns[0].Read {
		t.Errorf("after MarkRead(n1): %+v", ns)
	}
	f.is(f.s.MarkRead(f.ctx, "m1", "nope"), community.ErrNotFound, "mark an unknown notification")
	f.is(f.s.MarkRead(f.ctx, "m1", "n3"), community.ErrNotFound, "mark another member's notification")
	unread("m2", 1, "after m1 tried to mark m2's notification")
	f.ok(f.s.Notify(f.ctx, community.Notification{ID: "n4", MemberID: "m1", Kind: "points", At: at(4), Read: true}), "notify read")
	unread("m1", 1, "after a notification stored as read")
	f.ok(f.s.MarkRead(f.ctx, "m1", "n2"), "mark read")
	unread("m1", 0, "after reading them all")
}

func testWatch(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	ctx, cancel := context.WithCancel(f.ctx)
	defer cancel()
	ch := f.s.Watch(ctx)
	_ = f.s.Watch(ctx) // never read: a reader that does not keep up must not block writers
	f.member("ana", "Ana")
	waitFor := func(want community.Change) {
		t.Helper()
		timeout := time.After(opts.WatchTimeout)
		for {
			select {
			case c, ok := <-ch:
				if !ok {
					t.Fatalf("watch closed before %+v", want)
				}
				if c.Kind == want.Kind && c.ID == want.ID && c.Parent == want.Parent {
					return
				}
			case <-timeout:
				t.Fatalf("no %+v within %s", want, opts.WatchTimeout)
			}
		}
	}
	waitFor(community.Change{Kind: community.KindMember, ID: "ana"})
	f.event("ev", 24, 5)
	f.rsvp("ev", "ana", 0)
	waitFor(community.Change{Kind: community.KindRSVP, ID: "ana", Parent: "ev"})

	cancel()
	timeout := time.After(opts.WatchTimeout)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatalf("watch channel still open %s after its context ended", opts.WatchTimeout)
		}
	}
}
