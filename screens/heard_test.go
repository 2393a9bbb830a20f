package screens

// Screen tests of being heard (issue 14): notices, the badge and system
// notifications, edits, mentions, search, story withdrawal, idea comments
// and the owner's feedback view.

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/ui"
)

// dialogEntry is the entry of the dialog on top.
func dialogEntry(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	var found *widget.Entry
	visit(top, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no entry in the dialog; texts: %q", shownTexts(w))
	}
	return found
}

func unreadOf(t *testing.T, f *fixture, memberID string) []community.Notification {
	t.Helper()
	notes, err := f.store.Notifications(context.Background(), memberID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []community.Notification
	for _, n := range notes {
		if !n.Read {
			out = append(out, n)
		}
	}
	return out
}

func TestNotices_OpenMarksReadAndShowsWhatItIsAbout(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newNotices(env)
	f.show(s.root, phoneSize)
	f.capture("notices_phone_en")
	before := len(unreadOf(t, f, demo.MemberID))
	if before != 3 || !shows(f.win, "Unread: 3") {
		t.Fatalf("unread = %d, texts %q", before, shownTexts(f.win))
	}
	// The newest: Tom mentioned Amira in the breakfast thread.
	var first *ui.TapCard
	visit(s.list, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*ui.TapCard); ok && first == nil {
			first = c
		}
		return first == nil
	})
	if first == nil {
		t.Fatal("no notice to tap")
	}
	test.Tap(first)
	settle()
	if n := len(unreadOf(t, f, demo.MemberID)); n != before-1 {
		t.Errorf("unread after opening = %d, want %d", n, before-1)
	}
	if got := f.nav.titles; len(got) != 1 || got[0] != "Could we have a savoury breakfast option?" {
		t.Errorf("opened %q, want the thread", got)
	}
}

func TestNotices_MarkAllReadAndMute(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newNotices(env)
	f.show(s.root, phoneSize)
	test.Tap(button(t, f.win, "Mark all read"))
	settle()
	if n := len(unreadOf(t, f, demo.MemberID)); n != 0 {
		t.Errorf("unread after mark all = %d", n)
	}
	// Unticking "replies" mutes them: a reply is then not stored.
	s.muted["MuteReplies"].SetChecked(false)
	settle()
	m, err := f.store.Member(context.Background(), demo.MemberID)
	if err != nil || !m.Mutes(community.NoticeReply) || m.Mutes(community.NoticeMention) {
		t.Fatalf("muted = %q, %v; want replies only", m.Muted, err)
	}
	if _, err := f.svc.Reply(context.Background(), f.actor("mem-tom"), "th-welcome", "Welcome back, everyone!"); err != nil {
		t.Fatal(err)
	}
	for _, n := range unreadOf(t, f, demo.MemberID) {
		if n.Kind == community.NoticeReply {
			t.Errorf("a muted reply was stored: %+v", n)
		}
	}
}

// notifyApp records the system notifications sent through it.
type notifyApp struct {
	fyne.App
	sent []*fyne.Notification
}

func (a *notifyApp) SendNotification(n *fyne.Notification) { a.sent = append(a.sent, n) }

func TestNoticeAlerts_NewNoticeBecomesSystemNotificationAndBadge(t *testing.T) {
	f := newFixture(t)
	rec := &notifyApp{App: f.app}
	fyne.SetCurrentApp(rec)
	t.Cleanup(func() { fyne.SetCurrentApp(f.app) }) // before the fixture's own clean-up
	env := f.env(demo.MemberID, "en")
	var unread []int
	a := NewNoticeAlerts(env)
	t.Cleanup(a.Stop)
	a.OnUnread = func(n int) { unread = append(unread, n) }
	a.Restart()
	f.app.Settle()
	if len(rec.sent) != 0 {
		t.Fatalf("notices there at the start were announced: %v", rec.sent)
	}
	if len(unread) == 0 || unread[len(unread)-1] != 3 {
		t.Fatalf("badge counts %v, want 3", unread)
	}
	// Priya replies in the welcome thread, where Amira posted.
	if _, err := f.svc.Reply(context.Background(), f.actor("mem-priya"), "th-welcome", "See you at latte art night!"); err != nil {
		t.Fatal(err)
	}
	a.Change(community.Change{Kind: community.KindNotification, MemberID: demo.MemberID})
	f.app.Settle()
	if len(rec.sent) != 1 || rec.sent[0].Content != `Priya Sharma replied in “Welcome! Introduce yourself here”` {
		t.Fatalf("sent %+v", rec.sent)
	}
	if unread[len(unread)-1] != 4 {
		t.Errorf("badge counts %v, want 4 last", unread)
	}
	// The same notice is not announced twice.
	a.Change(community.Change{Kind: community.KindNotification, MemberID: demo.MemberID})
	f.app.Settle()
	if len(rec.sent) != 1 {
		t.Errorf("announced again: %d", len(rec.sent))
	}
}

func TestThread_EditOwnPostAndStaffSeeEarlierText(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-welcome")
	f.show(s.root, desktopSize)
	postMenuItem(t, f, s, "Edit")
	entry := dialogEntry(t, f.win)
	entry.SetText("Hello! I'm Amira, I live on the next street.")
	test.Tap(button(t, f.win, "Save"))
	settle()
	posts, err := f.svc.Posts(context.Background(), "th-welcome", 2, 1)
	if err != nil || len(posts) != 1 || !posts[0].Edited() || !strings.HasPrefix(posts[0].Body, "Hello! I'm Amira") {
		t.Fatalf("post after edit = %+v, %v", posts, err)
	}
	f.win.Content().Refresh()
	if !shows(f.win, "· edited") {
		t.Errorf("no edited mark; texts %q", shownTexts(f.win))
	}
	// The owner reads what it said before.
	owner := f.env(demo.OwnerID, "en")
	o := newThread(owner, "th-welcome")
	f.show(o.root, desktopSize)
	postMenuItem(t, f, o, "Earlier versions")
	settle()
	if !shows(f.win, "قهوتي المفضلة") && !shows(f.win, "أميرة") {
		t.Errorf("the earlier text is not shown to staff; texts %q", shownTexts(f.win))
	}
}

// postMenuItem runs the item called label of the "…" menu of Amira's post
// (the thread's second) as the thread s shows it.
func postMenuItem(t *testing.T, f *fixture, s *thread, label string) {
	t.Helper()
	posts, err := f.svc.Posts(context.Background(), "th-welcome", 2, 1)
	if err != nil || len(posts) != 1 {
		t.Fatalf("Amira's post: %v, %v", posts, err)
	}
	var labels []string
	for _, it := range s.postMenu(posts[0]) {
		if it.Label == label {
			it.Action()
			return
		}
		labels = append(labels, it.Label)
	}
	t.Fatalf("the post's menu has no %q: %q", label, labels)
}

func TestThread_DeleteOwnPost(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-welcome")
	f.show(s.root, desktopSize)
	postMenuItem(t, f, s, "Delete")
	test.Tap(button(t, f.win, "Delete")) // the dialog's
	settle()
	posts, err := f.svc.Posts(context.Background(), "th-welcome", 2, 1)
	if err != nil || len(posts) != 1 || !posts[0].Deleted || posts[0].Body != "" {
		t.Fatalf("post after delete = %+v, %v", posts, err)
	}
	f.win.Content().Refresh()
	if !shows(f.win, "Deleted by its author.") {
		t.Errorf("texts %q", shownTexts(f.win))
	}
}

func TestThread_MentionCompletion(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newThread(env, "th-welcome")
	f.show(s.root, phoneSize)
	test.Type(s.reply, "Thanks @pri")
	if !s.names.Visible() {
		t.Fatal("no names offered")
	}
	test.Tap(button(t, f.win, "@Priya Sharma"))
	if s.reply.Text != "Thanks @Priya Sharma " {
		t.Fatalf("reply = %q", s.reply.Text)
	}
	// Amira is not offered to herself, and names fold accents and case.
	s.reply.SetText("@AMI")
	if s.names.Visible() {
		t.Errorf("offered %d names for herself", len(s.mention.Objects))
	}
	s.reply.SetText("Hi @Priya Sharma, see you there")
	s.reply.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle()
	var mentioned bool
	for _, n := range unreadOf(t, f, "mem-priya") {
		mentioned = mentioned || n.Kind == community.NoticeMention
	}
	if !mentioned {
		t.Error("Priya was not told of the mention")
	}
}

func TestSearch_FindsCafeWithoutAccent(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newSearch(env, "cafe")
	f.show(s.root, phoneSize)
	f.capture("search_phone_en")
	if !shows(f.win, "Café Lumen") {
		t.Fatalf("cafe did not find Café; texts %q", shownTexts(f.win))
	}
	s.entry.SetText("zzzz")
	s.onSearch()
	settle()
	if shows(f.win, "Café Lumen") || !shows(f.win, "Nothing found") {
		t.Errorf("texts %q", shownTexts(f.win))
	}
}

func TestStoryDetail_WithdrawOwnStory(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newStoryDetail(env, "st-welcome")
	f.show(s.root, phoneSize)
	test.Tap(button(t, f.win, "Withdraw my story"))
	test.Tap(button(t, f.win, "Withdraw my story")) // the dialog's
	settle()
	st, err := f.store.Story(context.Background(), "st-welcome")
	if err != nil || st.Status != community.StoryWithdrawn || st.Consent {
		t.Fatalf("story = %+v, %v", st, err)
	}
	// Another member does not get the button.
	other := newStoryDetail(f.env("mem-tom", "en"), "st-dog")
	f.show(other.root, phoneSize)
	if other.withdraw.Visible() {
		t.Error("withdraw offered on someone else's story")
	}
}

func TestIdeaComments_Send(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	s := newIdeaComments(env, "poll-winter", "simit", "Simit with cheese for breakfast")
	f.show(s.root, phoneSize)
	if !shows(f.win, "No comments yet.") {
		t.Fatalf("texts %q", shownTexts(f.win))
	}
	test.Type(s.entry, "With olives, please!")
	test.Tap(s.send)
	settle()
	cs, err := f.svc.IdeaComments(context.Background(), "poll-winter", "simit")
	if err != nil || len(cs) != 1 || cs[0].Body != "With olives, please!" {
		t.Fatalf("comments = %+v, %v", cs, err)
	}
	if !shows(f.win, "With olives, please!") {
		t.Errorf("texts %q", shownTexts(f.win))
	}
}

func TestInsightsFeedback_DetractorsAndPrivateReply(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	h := newInsightsFeedback(env)
	f.show(h.root, desktopSize)
	f.capture("insights_feedback_desktop_en")
	if !shows(f.win, "Best flat white in town.") || !shows(f.win, "Espresso basics with Kenji") || !shows(f.win, "★ 4.8 (4)") {
		t.Fatalf("texts %q", shownTexts(f.win))
	}
	h.detractors.SetChecked(true)
	settle()
	if shows(f.win, "Best flat white in town.") || !shows(f.win, "Wi-Fi keeps dropping.") {
		t.Fatalf("detractors only: texts %q", shownTexts(f.win))
	}
	// The one detractor comment not answered yet: reply privately.
	test.Tap(button(t, f.win, "Reply privately"))
	dialogEntry(t, f.win).SetText("Sorry! A new router arrives on Friday.")
	test.Tap(button(t, f.win, "Send"))
	settle()
	fs, err := f.svc.FeedbackComments(context.Background(), f.actor(demo.OwnerID), true)
	if err != nil {
		t.Fatal(err)
	}
	var member string
	for _, fb := range fs {
		if fb.Comment == "Wi-Fi keeps dropping." {
			if fb.Reply != "Sorry! A new router arrives on Friday." {
				t.Fatalf("reply = %q", fb.Reply)
			}
			member = fb.MemberID
		}
	}
	var told bool
	for _, n := range unreadOf(t, f, member) {
		told = told || n.Kind == community.NoticeFeedbackReply
	}
	if !told {
		t.Error("the member was not told of the owner's reply")
	}
}

func TestEventDetail_RateAfterCheckIn(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var who string
	for _, m := range demo.Members(demo.Now) {
		r, err := f.svc.MyRSVP(ctx, m.Actor(), "ev-espresso")
		if err == nil && r.Status == community.StatusCheckedIn {
			who = m.ID
			break
		}
	}
	if who == "" {
		t.Fatal("nobody checked in at ev-espresso")
	}
	before, _ := f.store.EventRating(ctx, "ev-espresso")
	env := f.env(who, "en")
	f.show(NewEventDetail(env, "ev-espresso"), phoneSize)
	if !shows(f.win, "How was it?") {
		t.Fatalf("not asked; texts %q", shownTexts(f.win))
	}
	test.Tap(button(t, f.win, "2 ★"))
	settle()
	if got, err := f.svc.MyRating(ctx, f.actor(who), "ev-espresso"); err != nil || got != 2 {
		t.Fatalf("rating = %d, %v", got, err)
	}
	after, _ := f.store.EventRating(ctx, "ev-espresso")
	if after.Count < max(before.Count, 1) {
		t.Errorf("ratings %d -> %d", before.Count, after.Count)
	}
	// A member not checked in is not asked.
	f.show(NewEventDetail(f.env("mem-tom", "en"), "ev-latte"), phoneSize)
	if shows(f.win, "How was it?") {
		t.Error("asked someone not checked in")
	}
}
