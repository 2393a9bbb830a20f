package storetest

import (
	"fmt"
	"testing"

	"github.com/regulars-app/regulars/community"
)

// thread creates a thread whose first post is at `hours`.
func (f *fx) thread(id, category string, hours int, pinned bool) community.Thread {
	f.t.Helper()
	th, _, err := f.s.CreateThread(f.ctx,
		community.Thread{ID: id, Category: category, Title: "Thread " + id, AuthorID: "ana", AuthorName: "Ana", Lang: "en",
			CreatedAt: at(hours), LastPostAt: at(hours), Pinned: pinned},
		community.Post{ID: id + "-1", AuthorID: "ana", AuthorName: "Ana", Lang: "en", Body: "First", At: at(hours)})
	f.ok(err, "create thread %s", id)
	return th
}

// pages reads every page of q and returns the thread IDs.
func (f *fx) pages(q community.ThreadQuery) []string {
	f.t.Helper()
	var ids []string
	for range 100 {
		page, next, err := f.s.Threads(f.ctx, q)
		f.ok(err, "threads %+v", q)
		if len(page) > q.Limit {
			f.t.Errorf("page of %d threads, limit %d", len(page), q.Limit)
		}
		for _, th := range page {
			ids = append(ids, th.ID)
		}
		if next == "" {
			return ids
		}
		q.Cursor = next
	}
	f.t.Fatal("Threads never returned an empty cursor")
	return nil
}

func testThreads(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	th, err := f.s.Thread(f.ctx, "nope")
	f.is(err, community.ErrNotFound, "unknown thread")
	th, first, err := f.s.CreateThread(f.ctx,
		community.Thread{ID: "t1", Category: "a", Title: "Hello", AuthorID: "ana", AuthorName: "Ana", CreatedAt: at(1), Posts: 9},
		community.Post{ID: "p1", AuthorID: "ana", AuthorName: "Ana", Body: "First!", At: at(1)})
	f.ok(err, "create thread")
	if th.Posts != 1 || !th.LastPostAt.Equal(at(1)) || first.Seq != 1 || first.ThreadID != "t1" {
		t.Errorf("created thread %+v and post %+v, want 1 post at Seq 1", th, first)
	}
	if got, _ := f.s.Thread(f.ctx, "t1"); got.Title != "Hello" || got.Posts != 1 || got.AuthorID != "ana" || got.Category != "a" {
		t.Errorf("stored thread = %+v", got)
	}
	_, _, err = f.s.CreateThread(f.ctx, community.Thread{ID: "t1", Title: "Again"}, community.Post{ID: "px", Body: "x", At: t0})
	f.is(err, community.ErrConflict, "create with a taken ID")

	// Seven more threads; two pinned. Last post hours are distinct.
	f.thread("t2", "b", 5, false)
	f.thread("t3", "a", 3, true)
	f.thread("t4", "b", 7, false)
	f.thread("t5", "a", 2, false)
	f.thread("t6", "b", 4, true)
	f.thread("t7", "a", 6, false)
	f.thread("t8", "a", 8, false)
	want := []string{"t6", "t3", "t8", "t4", "t7", "t2", "t5", "t1"}
	for _, limit := range []int{1, 3, 8, 20} {
		if got := f.pages(community.ThreadQuery{Limit: limit}); !equal(got, want) {
			t.Errorf("threads by pages of %d = %v, want %v", limit, got, want)
		}
	}
	if got := f.pages(community.ThreadQuery{Category: "a", Limit: 2}); !equal(got, []string{"t3", "t8", "t7", "t5", "t1"}) {
		t.Errorf("category a = %v", got)
	}
	// A reply brings a thread to the top of the unpinned ones.
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "r", ThreadID: "t5", AuthorID: "bob", Body: "Up", At: at(9)})
	f.ok(err, "reply")
	if got := f.pages(community.ThreadQuery{Limit: 3}); !equal(got, []string{"t6", "t3", "t5", "t8", "t4", "t7", "t2", "t1"}) {
		t.Errorf("after a reply to t5: %v", got)
	}
	// Pinning moves a thread first; the post count stays the store's.
	up, err := f.s.UpdateThread(f.ctx, "t1", func(th *community.Thread) error { th.Pinned, th.Posts = true, 50; return nil })
	f.ok(err, "pin")
	if up.Posts != 1 || !up.Pinned {
		t.Errorf("pinned thread = %+v, want pinned with 1 post", up)
	}
	if got := f.pages(community.ThreadQuery{Limit: 2}); len(got) != 8 || got[2] != "t1" {
		t.Errorf("after pinning t1 (oldest pinned): %v", got)
	}
	_, err = f.s.UpdateThread(f.ctx, "t1", func(th *community.Thread) error { th.Title = "X"; return errBoom })
	f.is(err, errBoom, "update function error")
	_, err = f.s.UpdateThread(f.ctx, "nope", func(*community.Thread) error { return nil })
	f.is(err, community.ErrNotFound, "update unknown thread")
}

func testPosts(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.thread("th", "a", 0, false)
	for i := 2; i <= 5; i++ {
		p, err := f.s.AddPost(f.ctx, community.Post{ID: fmt.Sprintf("p%d", i), ThreadID: "th", AuthorID: "bob", AuthorName: "Bob",
			Body: fmt.Sprintf("reply %d", i), At: at(i), Reports: 7, Hidden: true})
		f.ok(err, "add post")
		if p.Seq != int64(i) || p.ThreadID != "th" || p.Reports != 0 || p.Hidden {
			t.Errorf("added post = %+v, want Seq %d with no reports", p, i)
		}
	}
	if th, _ := f.s.Thread(f.ctx, "th"); th.Posts != 5 || !th.LastPostAt.Equal(at(5)) {
		t.Errorf("thread after replies: %d posts, last %v", th.Posts, th.LastPostAt)
	}
	seqs := func(from int64, limit int) []string {
		ps, err := f.s.Posts(f.ctx, "th", from, limit)
		f.ok(err, "posts")
		var out []string
		for _, p := range ps {
			out = append(out, fmt.Sprint(p.Seq))
		}
		return out
	}
	if got := seqs(1, 10); !equal(got, []string{"1", "2", "3", "4", "5"}) {
		t.Errorf("posts = %v", got)
	}
	if got := seqs(3, 2); !equal(got, []string{"3", "4"}) {
		t.Errorf("posts from 3, limit 2 = %v", got)
	}
	if got := seqs(6, 10); len(got) != 0 {
		t.Errorf("posts past the end = %v", got)
	}
	p, err := f.s.Post(f.ctx, "th", "p3")
	f.ok(err, "post")
	if p.Body != "reply 3" || p.AuthorName != "Bob" || p.Seq != 3 || !p.At.Equal(at(3)) {
		t.Errorf("post = %+v", p)
	}
	_, err = f.s.Post(f.ctx, "th", "nope")
	f.is(err, community.ErrNotFound, "unknown post")
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "x", ThreadID: "nope", Body: "x", At: t0})
	f.is(err, community.ErrNotFound, "post to an unknown thread")

	up, err := f.s.UpdatePost(f.ctx, "th", "p3", func(p *community.Post) error {
		p.Body, p.Seq, p.Reports = "edited", 99, 9
		return nil
	})
	f.ok(err, "update post")
	if up.Body != "edited" || up.Seq != 3 || up.Reports != 0 {
		t.Errorf("updated post = %+v, want body edited, Seq 3, no reports", up)
	}
	_, err = f.s.UpdatePost(f.ctx, "th", "p3", func(p *community.Post) error { p.Body = "x"; return errBoom })
	f.is(err, errBoom, "update function error")
	if p, _ := f.s.Post(f.ctx, "th", "p3"); p.Body != "edited" {
		t.Errorf("aborted update left body %q", p.Body)
	}

	_, err = f.s.UpdateThread(f.ctx, "th", func(th *community.Thread) error { th.Locked = true; return nil })
	f.ok(err, "lock")
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "late", ThreadID: "th", Body: "too late", At: at(9)})
	f.reason(err, community.ReasonLocked, "post to a locked thread")
	if th, _ := f.s.Thread(f.ctx, "th"); th.Posts != 5 {
		t.Errorf("a refused post changed the count to %d", th.Posts)
	}
}
