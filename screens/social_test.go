package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

func TestThread_ReportedByThreeIsHidden(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	// th-grinder-3 is Marco's; two members report it through the service...
	for _, id := range []string{"mem-priya", "mem-tom"} {
		if _, err := f.svc.Report(ctx, f.actor(id), "th-grinder", "th-grinder-3"); err != nil {
			t.Fatal(err)
		}
	}
	// ...and Amira, the third, from the screen.
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-grinder")
	f.show(s.root, phoneSize)
	s.report("th-grinder-3")
	settle()
	p := s.pages[0][2]
	if !p.Hidden || p.Reports != 3 {
		t.Fatalf("post after 3 reports: hidden=%v reports=%d", p.Hidden, p.Reports)
	}
	if !strings.Contains(test.RenderToMarkup(f.win.Canvas()), env.L().T("ThreadPostHidden")) {
		t.Errorf("hidden post's placeholder not shown")
	}
	test.AssertRendersToMarkup(t, "thread_hidden_post.xml", f.win.Canvas())

	// The moderators see it in their queue, and can restore it.
	owner := f.env(demo.OwnerID, "en")
	m := newModeration(owner)
	f.show(m.root, desktopSize)
	var hidden *community.Post
	for i, q := range m.posts {
		if q.ID == "th-grinder-3" && q.Hidden {
			hidden = &m.posts[i]
		}
	}
	if hidden == nil {
		t.Fatalf("hidden post not in the moderation queue: %+v", m.posts)
	}
	m.onPost(*hidden, true)
	settle()
	restored, _ := f.svc.Posts(ctx, "th-grinder", 3, 1)
	if restored[0].Hidden || !restored[0].Reviewed {
		t.Errorf("restored post = %+v", restored[0])
	}
}

func TestThread_LockedSaysSo(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.LockThread(context.Background(), f.actor(demo.OwnerID), "th-quiet", true); err != nil {
		t.Fatal(err)
	}
	s := newThread(f.env(demo.MemberID, "en"), "th-quiet")
	f.show(s.root, phoneSize)
	if !s.locked.Visible() || s.compose.Visible() {
		t.Errorf("locked thread: notice visible=%v, reply box visible=%v", s.locked.Visible(), s.compose.Visible())
	}
}

func TestForum_ThreadsAndStart(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newForum(env)
	f.show(s.root, phoneSize)
	if len(s.threads) != 4 || !s.threads[0].Pinned {
		t.Fatalf("threads = %d, first pinned = %v", len(s.threads), len(s.threads) > 0 && s.threads[0].Pinned)
	}
	test.AssertRendersToMarkup(t, "forum_phone_en.xml", f.win.Canvas())

	watch := f.watch(env)
	c := newThreadComposer(env, "coffee")
	f.show(c.root, phoneSize)
	test.Type(c.body, "No title yet")
	test.Tap(c.submit)
	settle()
	if !c.problem.Visible() || c.body.Text != "No title yet" {
		t.Fatalf("refused thread: problem shown=%v, body kept=%q", c.problem.Visible(), c.body.Text)
	}
	test.Type(c.title, "Decaf that tastes of something")
	test.Tap(c.submit)
	settle()
	if c.problem.Visible() {
		t.Fatalf("thread refused: %s", c.problem.Text)
	}
	watch() // the forum follows live
	if len(s.threads) != 5 || !s.threads[0].Pinned || s.threads[1].Title != "Decaf that tastes of something" {
		t.Errorf("forum after a new thread: %d threads, second %q", len(s.threads), s.threads[1].Title)
	}
}

func TestPolls_VoteChangesTally(t *testing.T) {
	f := newFixture(t)
	env := f.env("mem-sam", "en") // Sam joined this month and has not voted
	s := newPolls(env)
	f.show(s.root, phoneSize)
	if len(s.items) != 1 || s.items[0].mine != "" {
		t.Fatalf("open polls = %d", len(s.items))
	}
	before := s.items[0].results.Tally["yuzu"]
	total := s.items[0].results.Total
	s.onVote("poll-winter", "yuzu")
	settle()
	st := s.items[0]
	if st.mine != "yuzu" || st.results.Tally["yuzu"] != before+1 || st.results.Total != total+1 {
		t.Fatalf("after voting: mine=%q yuzu=%d (was %d) total=%d (was %d)", st.mine, st.results.Tally["yuzu"], before, st.results.Total, total)
	}
	test.AssertRendersToMarkup(t, "polls_voted_phone_en.xml", f.win.Canvas())

	// Change the vote: the tally moves, the total stays.
	st.changing = true
	s.onVote("poll-winter", "cardamom")
	settle()
	st = s.items[0]
	if st.mine != "cardamom" || st.results.Tally["yuzu"] != before || st.results.Total != total+1 {
		t.Fatalf("after changing: mine=%q yuzu=%d total=%d", st.mine, st.results.Tally["yuzu"], st.results.Total)
	}
	if n, _ := f.store.CountVotes(context.Background(), "poll-winter"); n != st.results.Total {
		t.Errorf("shown total %d, stored votes %d", st.results.Total, n)
	}

	// Propose an idea; a duplicate is refused inline and keeps the text.
	st.draft = "Cardamom latte"
	s.onPropose(st)
	settle()
	if !s.items[0].refused || s.items[0].draft != "Cardamom latte" {
		t.Errorf("duplicate idea: refused=%v draft=%q", s.items[0].refused, s.items[0].draft)
	}
}

func TestStories_ConsentThenApproval(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	c := newStoryComposer(env)
	f.show(c.root, phoneSize)
	test.Type(c.title, "My corner")
	test.Type(c.body, "The window seat in the morning.")
	test.Tap(c.submit)
	settle()
	if c.problem.Text != env.L().T("StoryConsentRequired") || c.title.Text != "My corner" {
		t.Fatalf("without consent: %q, title kept %q", c.problem.Text, c.title.Text)
	}
	test.AssertRendersToMarkup(t, "story_no_consent_phone_en.xml", f.win.Canvas())
	test.Tap(c.consent)
	test.Tap(c.submit)
	settle()
	pending, _ := f.svc.PendingStories(context.Background(), f.actor(demo.OwnerID), 10)
	var id string
	for _, st := range pending {
		if st.Title == "My corner" {
			id = st.ID
		}
	}
	if id == "" {
		t.Fatalf("story not pending (consent %v): %q", c.consent.Checked, c.problem.Text)
	}

	m := newModeration(f.env(demo.OwnerID, "en"))
	f.show(m.root, desktopSize)
	m.onStory(id, true)
	settle()
	feed := newStories(env)
	f.show(feed.root, phoneSize)
	if len(feed.items) == 0 || feed.items[0].ID != id {
		t.Fatalf("approved story not first in the feed")
	}
	d := newStoryDetail(env, "st-first-date")
	f.show(d.root, phoneSize)
	if !strings.Contains(d.byline.Text, "member for 3 years") {
		t.Errorf("byline = %q", d.byline.Text)
	}
	likes := d.story.Likes
	d.onLike()
	settle()
	if d.story.Likes != likes+1 || !d.liked {
		t.Errorf("like: %d -> %d, liked=%v", likes, d.story.Likes, d.liked)
	}
	d.onLike()
	settle()
	if d.story.Likes != likes {
		t.Errorf("unlike: %d, want %d", d.story.Likes, likes)
	}
}

func TestAnnouncementDetail_BestLanguageAndOthers(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "ar")
	s := newAnnouncementDetail(env, "an-winter-hours")
	f.show(s.root, phoneSize)
	if s.lang != "ar" || s.title.Text != "مواعيد الشتاء" {
		t.Fatalf("shown in %q: %q", s.lang, s.title.Text)
	}
	s.onLanguage("ja")
	if s.title.Text != "冬の営業時間" {
		t.Errorf("after choosing ja: %q", s.title.Text)
	}
	// "an-pastries" has no Arabic: the member gets the fallback.
	s2 := newAnnouncementDetail(env, "an-pastries")
	f.show(s2.root, phoneSize)
	if s2.lang != "en" {
		t.Errorf("an-pastries for ar shown in %q", s2.lang)
	}
	list := newAnnouncements(env)
	f.show(list.root, phoneSize)
	for _, a := range list.items {
		if a.ID == "an-market" {
			t.Errorf("scheduled announcement listed for members")
		}
	}
}

func TestThread_StaffLocksAndSeesHidden(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, id := range []string{"mem-priya", "mem-tom", "mem-yuki"} {
		if _, err := f.svc.Report(ctx, f.actor(id), "th-grinder", "th-grinder-3"); err != nil {
			t.Fatal(err)
		}
	}
	env := f.env(demo.StaffID, "en")
	s := newThread(env, "th-grinder")
	f.show(s.root, phoneSize)
	markup := test.RenderToMarkup(f.win.Canvas())
	if !strings.Contains(markup, "Hidden from members after 3 reports") || !strings.Contains(markup, "Hand grinders are great value") {
		t.Errorf("staff don't see the hidden post with its note")
	}
	test.Tap(s.lock)
	settle()
	if !s.info.Locked || !s.locked.Visible() || s.lock.Text != "Unlock" {
		t.Fatalf("after lock: locked=%v notice=%v button=%q", s.info.Locked, s.locked.Visible(), s.lock.Text)
	}
	if _, err := f.svc.Reply(ctx, f.actor(demo.MemberID), "th-grinder", "Still there?"); !community.IsReason(err, community.ReasonLocked) {
		t.Errorf("reply to a locked thread: %v", err)
	}
}

func TestForum_LoadMorePages(t *testing.T) {
	f := newFixture(t)
	me := f.actor("mem-priya")
	for i := 0; i < community.PageSize+5; i++ {
		if _, err := f.svc.StartThread(context.Background(), me, "coffee", "Brew log "+strings.Repeat("I", i%7+1), "Today's cup."); err != nil {
			t.Fatal(err)
		}
	}
	s := newForum(f.env(demo.MemberID, "en"))
	f.show(s.root, phoneSize)
	if len(s.threads) != community.PageSize || !s.more.Visible() {
		t.Fatalf("first page: %d threads, more visible %v", len(s.threads), s.more.Visible())
	}
	test.Tap(s.more)
	settle()
	if len(s.threads) != community.PageSize+5+4 || s.more.Visible() {
		t.Fatalf("after load more: %d threads, more visible %v", len(s.threads), s.more.Visible())
	}
	seen := map[string]bool{}
	for _, th := range s.threads {
		if seen[th.ID] {
			t.Errorf("thread %s listed twice", th.ID)
		}
		seen[th.ID] = true
	}
}

func TestThread_ReactToggles(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-grinder")
	f.show(s.root, phoneSize)
	before := s.pages[0][0].Reactions["☕"]
	s.onReact("th-grinder-1", "☕")
	settle()
	if got := s.pages[0][0].Reactions["☕"]; got != before+1 || len(s.mine["th-grinder-1"]) != 1 {
		t.Fatalf("after reacting: %d (was %d), mine %v", got, before, s.mine["th-grinder-1"])
	}
	if !strings.Contains(test.RenderToMarkup(f.win.Canvas()), "☕ 1") {
		t.Errorf("the reaction count is not shown")
	}
	s.onReact("th-grinder-1", "☕")
	settle()
	if got := s.pages[0][0].Reactions["☕"]; got != before || len(s.mine["th-grinder-1"]) != 0 {
		t.Errorf("after taking it back: %d, mine %v", got, s.mine["th-grinder-1"])
	}
}
