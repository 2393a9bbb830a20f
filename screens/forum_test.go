package screens

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"regulars/community"
	"regulars/community/demo"
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

func TestThread_TenThousandPostsLoadLazily(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	me := f.actor(demo.MemberID)
	th, err := f.svc.StartThread(ctx, me, "general", "The long thread", "post 1")
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 10_000; i++ {
		if _, err := f.store.AddPost(ctx, community.Post{ID: fmt.Sprintf("p%05d", i), ThreadID: th.ID, AuthorID: me.ID,
			AuthorName: me.Name, Body: fmt.Sprintf("post %d", i), At: demo.Now}); err != nil {
			t.Fatal(err)
		}
	}
	env := f.env(demo.MemberID, "en")
	s := newThread(env, th.ID)
	f.show(s.root, phoneSize)
	if s.length() != 10_000 {
		t.Fatalf("length = %d", s.length())
	}
	s.list.ScrollToBottom()
	settle()
	s.list.ScrollToBottom()
	settle()
	t.Logf("fetched %d posts", s.fetched)
	if s.fetched > 4*threadPage {
		t.Errorf("fetched %d posts to show the first and last screens, want at most %d", s.fetched, 4*threadPage)
	}
	if _, ok := s.pages[(10_000-1)/threadPage]; !ok {
		t.Errorf("last page not loaded")
	}
	f.capture("thread_10k_end")
}
