package storetest

import (
	"testing"

	"github.com/regulars-app/regulars/community"
)

func testDeleteMember(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")
	f.member("bob", "Bob")
	for _, id := range []string{"ana", "bob"} {
		_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "w-" + id, MemberID: id, Delta: 10, At: t0})
		f.ok(err, "award")
		f.ok(f.s.Notify(f.ctx, community.Notification{ID: "n-" + id, MemberID: id, Kind: "points", At: t0}), "notify")
	}
	_, _, err := f.s.CreateThread(f.ctx, community.Thread{ID: "th", Title: "Hello", AuthorID: "ana", AuthorName: "Ana", CreatedAt: t0},
		community.Post{ID: "p1", AuthorID: "ana", AuthorName: "Ana", Body: "Hi", At: t0})
	f.ok(err, "thread")
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "p2", ThreadID: "th", AuthorID: "bob", AuthorName: "Bob", Body: "Hey", At: at(1)})
	f.ok(err, "reply")
	f.ok(f.s.CreateStory(f.ctx, community.Story{ID: "st", AuthorID: "ana", AuthorName: "Ana", Title: "T", Body: "B",
		Consent: true, Status: community.StoryPending, SubmittedAt: t0}), "story")
	f.event("ev", 48, 10)
	f.rsvp("ev", "ana", 0)
	f.rsvp("ev", "bob", 1)

	f.ok(f.s.DeleteMember(f.ctx, "ana"), "delete member")
	_, err = f.s.Member(f.ctx, "ana")
	f.is(err, community.ErrNotFound, "deleted member")
	_, err = f.s.MemberByCode(f.ctx, "RG-ana")
	f.is(err, community.ErrNotFound, "deleted member's code")
	if es, _ := f.s.Ledger(f.ctx, "ana", 0); len(es) != 0 {
		t.Errorf("deleted member keeps %d ledger entries", len(es))
	}
	if ns, _ := f.s.Notifications(f.ctx, "ana", 0); len(ns) != 0 {
		t.Errorf("deleted member keeps %d notifications", len(ns))
	}
	if n, err := f.s.UnreadCount(f.ctx, "ana"); err != nil || n != 0 {
		t.Errorf("deleted member's unread count = %d, %v; want 0", n, err)
	}
	if th, _ := f.s.Thread(f.ctx, "th"); th.AuthorName != "" || th.AuthorID != "ana" {
		t.Errorf("thread author = %q/%q, want ana/\"\"", th.AuthorID, th.AuthorName)
	}
	if p, _ := f.s.Post(f.ctx, "th", "p1"); p.AuthorName != "" || p.AuthorID != "ana" || p.Body != "Hi" {
		t.Errorf("post = %+v, want body kept, author ID kept and name cleared", p)
	}
	if st, _ := f.s.Story(f.ctx, "st"); st.AuthorName != "" || st.AuthorID != "ana" {
		t.Errorf("story author = %q/%q", st.AuthorID, st.AuthorName)
	}
	if r, err := f.s.RSVPOf(f.ctx, "ev", "ana"); err == nil && r.Name != "" {
		t.Errorf("RSVP keeps the name %q", r.Name)
	}
	f.counters("ev", 2, 0, 0)
	if ms, _ := f.s.SearchMembers(f.ctx, "", 10); len(ms) != 1 || ms[0].ID != "bob" {
		t.Errorf("search after delete = %v, want bob only", ms)
	}
	if n, _ := f.s.CountMembers(f.ctx, community.MemberFilter{}); n != 1 {
		t.Errorf("count after delete = %d, want 1", n)
	}
	// Bob is untouched.
	if m, _ := f.s.Member(f.ctx, "bob"); m.Points != 10 {
		t.Errorf("bob's points = %d", m.Points)
	}
	if p, _ := f.s.Post(f.ctx, "th", "p2"); p.AuthorName != "Bob" {
		t.Errorf("bob's post author = %q", p.AuthorName)
	}
	if ns, _ := f.s.Notifications(f.ctx, "bob", 0); len(ns) != 1 {
		t.Errorf("bob has %d notifications, want 1", len(ns))
	}
	if n, _ := f.s.UnreadCount(f.ctx, "bob"); n != 1 {
		t.Errorf("bob has %d unread, want 1", n)
	}
	f.is(f.s.DeleteMember(f.ctx, "ana"), community.ErrNotFound, "delete twice")
}
