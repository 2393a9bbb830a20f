package screens

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

func TestThread_ReplyAppears(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-grinder")
	f.show(s.root, phoneSize)
	f.capture("thread_phone_en")
	if s.length() != 3 {
		t.Fatalf("posts = %d, want 3", s.length())
	}
	test.Type(s.reply, "Try a **Comandante**")
	s.reply.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle()
	if s.length() != 4 {
		t.Fatalf("after reply posts = %d, want 4", s.length())
	}
	if s.reply.Text != "" {
		t.Errorf("reply box kept %q", s.reply.Text)
	}
	posts, err := f.svc.Posts(context.Background(), "th-grinder", 4, 1)
	if err != nil || len(posts) != 1 || posts[0].Body != "Try a **Comandante**" {
		t.Fatalf("stored reply = %v, %v", posts, err)
	}
	f.capture("thread_phone_en_replied")
}

// seedLongThread starts a thread of n posts.
func seedLongThread(tb testing.TB, f *fixture, n int) string {
	tb.Helper()
	ctx := context.Background()
	me := f.actor(demo.MemberID)
	th, err := f.svc.StartThread(ctx, me, "general", "The long thread", "post 1")
	if err != nil {
		tb.Fatal(err)
	}
	for i := 2; i <= n; i++ {
		if _, err := f.store.AddPost(ctx, community.Post{ID: fmt.Sprintf("p%05d", i), ThreadID: th.ID, AuthorID: me.ID,
			AuthorName: me.Name, Body: fmt.Sprintf("post %d", i), At: demo.Now}); err != nil {
			tb.Fatal(err)
		}
	}
	return th.ID
}

// TestThread_TenThousandPostsLoadLazily opens a 10,000-post thread and
// scrolls to its end: only the pages shown are read.
func TestThread_TenThousandPostsLoadLazily(t *testing.T) {
	f := newFixture(t)
	id := seedLongThread(t, f, 10_000)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, id)
	f.show(s.root, phoneSize)
	if s.length() != 10_000 {
		t.Fatalf("length = %d", s.length())
	}
	if s.fetched != threadPage {
		t.Errorf("opening read %d posts, want one page (%d)", s.fetched, threadPage)
	}
	s.list.ScrollToBottom()
	settle()
	s.list.ScrollToBottom() // rows measured on the way may have moved the end
	settle()
	t.Logf("fetched %d posts", s.fetched)
	// The first page, and the last one or two (the end may straddle a page).
	if s.fetched > 3*threadPage {
		t.Errorf("fetched %d posts to show the first and last screens, want at most %d", s.fetched, 3*threadPage)
	}
	if _, ok := s.pages[(10_000-1)/threadPage]; !ok {
		t.Errorf("last page not loaded")
	}
	markup := test.RenderToMarkup(f.win.Canvas())
	if !strings.Contains(markup, ">post 10000<") || strings.Contains(markup, env.L().T("ThreadLoading")) {
		t.Errorf("the end of the thread does not show post 10000 (or still shows rows loading)")
	}
	// Back to the middle: recycled rows show the posts now under them.
	s.list.ScrollTo(5000)
	settle()
	markup = test.RenderToMarkup(f.win.Canvas())
	if !strings.Contains(markup, ">post 5001<") || strings.Contains(markup, ">post 10000<") {
		t.Errorf("the middle of the thread does not show post 5001")
	}
	if s.fetched > 5*threadPage {
		t.Errorf("fetched %d posts after visiting the middle", s.fetched)
	}
	f.capture("thread_10k_end")
}

// BenchmarkThread_OpenAndScrollToEnd measures opening a 10,000-post thread
// and scrolling to its newest post.
func BenchmarkThread_OpenAndScrollToEnd(b *testing.B) {
	f := newFixture(b)
	id := seedLongThread(b, f, 10_000)
	env := f.env(demo.MemberID, "en")
	b.ResetTimer()
	for b.Loop() {
		s := newThread(env, id)
		f.show(s.root, phoneSize)
		s.list.ScrollToBottom()
		settle()
		env.Close("thread")
		b.ReportMetric(float64(s.fetched), "posts-read/op")
	}
}

// TestThread_FollowsLive shows a reply another member posts while the
// thread is open.
func TestThread_FollowsLive(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	watch := f.watch(env)
	s := newThread(env, "th-quiet")
	f.show(s.root, phoneSize)
	n := s.length()
	if _, err := f.svc.Reply(context.Background(), f.actor("mem-tom"), "th-quiet", "Count me in"); err != nil {
		t.Fatal(err)
	}
	watch()
	if s.length() != n+1 {
		t.Fatalf("posts = %d, want %d", s.length(), n+1)
	}
	last := s.pages[0][n]
	if last.Body != "Count me in" {
		t.Errorf("newest post = %q", last.Body)
	}
}

// TestThread_ArabicMirrors: in Arabic the reactions row starts from the
// right, and an Arabic post aligns right while an English one stays left.
func TestThread_ArabicMirrors(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "ar")
	s := newThread(env, "th-welcome")
	f.show(s.root, phoneSize)
	test.AssertRendersToMarkup(t, "thread_phone_ar.xml", f.win.Canvas())
	markup := test.RenderToMarkup(f.win.Canvas())
	if !strings.Contains(markup, `<text alignment="trailing" pos="8,8" size="46x19">مرحبا </text>`) {
		t.Errorf("Amira's Arabic post is not aligned right")
	}
	if !strings.Contains(markup, `<text pos="8,8" size="109x19">Hi everyone, I'm </text>`) {
		t.Errorf("Lucía's English post is not aligned left")
	}
}

// TestForum_LiveChangeKeepsLoadedPages: a new thread arriving while the
// member has loaded a second page keeps both pages on show.
func TestForum_LiveChangeKeepsLoadedPages(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	watch := f.watch(env)
	ctx := context.Background()
	for i := range community.PageSize + 5 {
		if _, err := f.svc.StartThread(ctx, f.actor("mem-tom"), "general", fmt.Sprintf("Thread %d", i), "Hello"); err != nil {
			t.Fatal(err)
		}
	}
	watch()
	s := newForum(env)
	f.show(s.root, phoneSize)
	settle()
	s.onMore()
	settle()
	loaded := len(s.threads)
	if loaded <= community.PageSize {
		t.Fatalf("after load more: %d threads", loaded)
	}
	if _, err := f.svc.StartThread(ctx, f.actor("mem-tom"), "general", "One more", "Hi"); err != nil {
		t.Fatal(err)
	}
	watch()
	settle()
	if len(s.threads) < loaded+1 {
		t.Errorf("after a live change: %d threads shown, had %d loaded", len(s.threads), loaded)
	}
	found := false
	for _, th := range s.threads {
		found = found || th.Title == "One more"
	}
	if !found {
		t.Error("the new thread is not shown")
	}
}
