package community_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

var (
	tom   = community.Actor{ID: "mem-tom", Role: community.RoleMember, Name: "Tom Becker", Lang: "de"}
	sofia = community.Actor{ID: "mem-sofia", Role: community.RoleMember, Name: "Sofía Morales", Lang: "es"}
	ayse  = community.Actor{ID: "mem-ayse", Role: community.RoleMember, Name: "Ayşe Yılmaz", Lang: "tr"}
)

// notices returns the member's notifications of kind.
func notices(t *testing.T, svc *community.Service, a community.Actor, kind string) []community.Notification {
	t.Helper()
	all, err := svc.Notifications(context.Background(), a, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []community.Notification
	for _, n := range all {
		// The demo community's own notices (community/demo/heard.go) are
		// not the test's.
		if n.Kind == kind && !strings.HasPrefix(n.ID, demo.NoticePrefix) {
			out = append(out, n)
		}
	}
	return out
}

func category(t *testing.T, svc *community.Service) string {
	t.Helper()
	c, err := svc.Community(context.Background())
	if err != nil || len(c.Categories) == 0 {
		t.Fatal("no category", err)
	}
	return c.Categories[0].ID
}

func TestService_ReplyNotifiesAuthorAndParticipantsOnce(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	th, err := svc.StartThread(ctx, member, category(t, svc), "Oat milk?", "Do you have oat milk?")
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		who  community.Actor
		body string
	}{{tom, "Yes, since May."}, {sofia, "And soy too."}, {tom, "Oat is best."}, {member, "Thanks both!"}} {
		if _, err := svc.Reply(ctx, step.who, th.ID, step.body); err != nil {
			t.Fatal(err)
		}
	}
	// Amira (author): tom's two replies, sofia's: 3 notices. Tom: sofia's,
	// his own never, Amira's: 2. Sofía: tom's second, Amira's: 2.
	for _, tt := range []struct {
		who  community.Actor
		want int
	}{{member, 3}, {tom, 2}, {sofia, 2}} {
		got := notices(t, svc, tt.who, community.NoticeReply)
		if len(got) != tt.want {
			t.Errorf("%s: %d reply notices, want %d: %+v", tt.who.Name, len(got), tt.want, got)
		}
		for _, n := range got {
			if n.Ref != th.ID || n.Sub == "" || n.Target().Place != community.PlaceThread || n.From == tt.who.Name {
				t.Errorf("%s: notice %+v", tt.who.Name, n)
			}
		}
	}
	// One notice per post per member, whatever the number of their posts.
	posts, _ := svc.Posts(ctx, th.ID, 1, 0)
	last := posts[len(posts)-1]
	count := 0
	for _, n := range notices(t, svc, tom, community.NoticeReply) {
		if n.Sub == last.ID {
			count++
		}
	}
	if count != 1 {
		t.Errorf("tom told %d times of the last post", count)
	}
}

func TestService_MentionNotifiesTheMentioned(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	th, err := svc.StartThread(ctx, sofia, category(t, svc), "Latte art", "Who does the best latte art?")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Reply(ctx, ayse, th.ID, "Kenji does!"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Reply(ctx, tom, th.ID, "Agreed with @ayse yilmaz, and @SOFIA knows too."); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, svc, ayse, community.NoticeMention); len(got) != 1 {
		t.Fatalf("ayse: %d mention notices, want 1", len(got))
	}
	// Sofía is mentioned and the author: one notice, the mention.
	if m, r := notices(t, svc, sofia, community.NoticeMention), notices(t, svc, sofia, community.NoticeReply); len(m) != 1 || len(r) != 1 {
		t.Errorf("sofia: %d mentions, %d replies; want 1 and 1 (ayse's reply, tom's mention)", len(m), len(r))
	}
	if got := notices(t, svc, tom, community.NoticeMention); len(got) != 0 {
		t.Errorf("tom mentioned himself? %+v", got)
	}
}

func TestMentions(t *testing.T) {
	people := []community.Person{{"a", "José García"}, {"b", "Ayşe Yılmaz"}, {"c", "Ana María López"}, {"d", "Ana Ruiz"},
		{"e", "عُمَر بن علي"}, {"f", "山田太郎"}}
	tests := []struct {
		body, lang string
		want       []string
	}{
		{"hola @jose garcia!", "es", []string{"a"}},
		{"@José thanks", "es", []string{"a"}},
		{"@AYŞE YILMAZ", "tr", []string{"b"}},
		{"@ayse", "en", []string{"b"}},
		{"@Ana María López and @ana ruiz", "es", []string{"c", "d"}},
		{"@Ana alone is ambiguous", "es", nil},
		{"شكرا @عمر بن علي", "ar", []string{"e"}},
		{"@山田太郎さん", "ja", nil},
		{"@山田太郎 ありがとう", "ja", []string{"f"}},
		{"mail jose@garcia.com", "en", nil},
		{"@josefina", "es", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range community.Mentions(tt.body, people, tt.lang) {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Mentions(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
	if c := community.MentionCandidates("gar", people, "es", 5); len(c) != 1 || c[0].ID != "a" {
		t.Errorf("candidates for gar: %+v", c)
	}
	if c := community.MentionCandidates("ANA", people, "es", 5); len(c) != 2 {
		t.Errorf("candidates for ANA: %+v", c)
	}
	if p, ok := community.MentionPrefix("hello @Ana Ma"); !ok || p != "Ana Ma" {
		t.Errorf("MentionPrefix = %q %v", p, ok)
	}
	if _, ok := community.MentionPrefix("mail me at jose@gar"); ok {
		t.Error("an e-mail address is not a mention")
	}
	if got := community.CompleteMention("hi @ana m", people[2]); got != "hi @Ana María López " {
		t.Errorf("CompleteMention = %q", got)
	}
}

func TestService_MutedKindIsNotStored(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	if _, err := svc.SetMuted(ctx, member, []string{community.NoticeReply}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetMuted(ctx, member, []string{"bogus"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	th, _ := svc.StartThread(ctx, member, category(t, svc), "Quiet", "Nobody tell me.")
	if _, err := svc.Reply(ctx, tom, th.ID, "Told you anyway."); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, svc, member, community.NoticeReply); len(got) != 0 {
		t.Errorf("muted kind stored: %+v", got)
	}
	m, err := svc.SetPush(ctx, member, true, "fcm-token-123")
	if err != nil || !m.PushOptIn || m.PushToken != "fcm-token-123" {
		t.Errorf("SetPush: %+v %v", m, err)
	}
	if m, _ = svc.SetPush(ctx, member, false, "fcm-token-123"); m.PushOptIn || m.PushToken != "" {
		t.Errorf("opting out kept the token: %+v", m)
	}
}

func TestService_IdeaStatusNotifiesVotersAndProposer(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	p, err := svc.CreatePoll(ctx, owner, community.PollInput{Question: "Next pastry?", Options: []string{"Croissant", "Pastel de nata"}})
	if err != nil {
		t.Fatal(err)
	}
	idea, err := svc.ProposeIdea(ctx, tom, p.ID, "Cardamom bun")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetIdeaStatus(ctx, owner, p.ID, idea.ID, community.IdeaOpen); err != nil {
		t.Fatal(err)
	}
	for _, v := range []community.Actor{member, sofia, tom} {
		if err := svc.Vote(ctx, v, p.ID, idea.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Vote(ctx, ayse, p.ID, p.Options[0].ID); err != nil {
		t.Fatal(err)
	}
	for _, st := range []community.IdeaStatus{community.IdeaPlanned, community.IdeaInProgress, community.IdeaShipped} {
		if _, err := svc.SetIdeaStatus(ctx, owner, p.ID, idea.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	// Setting the same status again tells nobody twice.
	if _, err := svc.SetIdeaStatus(ctx, owner, p.ID, idea.ID, community.IdeaShipped); err != nil {
		t.Fatal(err)
	}
	for _, who := range []community.Actor{member, sofia, tom} {
		for _, kind := range []string{community.NoticeIdeaPlanned, community.NoticeIdeaInProgress, community.NoticeIdeaShipped} {
			got := notices(t, svc, who, kind)
			if len(got) != 1 {
				t.Errorf("%s: %d %s notices, want 1", who.Name, len(got), kind)
				continue
			}
			if got[0].Target() != (community.Target{Place: community.PlaceIdea, ID: p.ID, Sub: idea.ID}) || got[0].Title != "Cardamom bun" {
				t.Errorf("%s: %+v", who.Name, got[0])
			}
		}
	}
	if got := notices(t, svc, ayse, community.NoticeIdeaPlanned); len(got) != 0 {
		t.Errorf("a voter for another option was told: %+v", got)
	}
	// Declined, with the owner's reason, to the voters of the other option.
	if _, err := svc.DeclineIdea(ctx, owner, p.ID, p.Options[0].ID, "Our oven is too small."); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, svc, ayse, community.NoticeIdeaDeclined); len(got) != 1 || got[0].Text != "Our oven is too small." {
		t.Errorf("declined: %+v", got)
	}
}

func TestIdeaNotices_ShippedThanksEvenWithoutPoints(t *testing.T) {
	p := community.Poll{ID: "p1"}
	o := community.Option{ID: "o1", Text: "Bun", By: "m1", Status: community.IdeaShipped}
	notes := community.IdeaNotices(p, o, []string{"m2", "m1", "m3"}, community.EarnRules{IdeaShipped: 50}, time.Unix(0, 0))
	if len(notes) != 3 {
		t.Fatalf("%d notices, want 3 (proposer once, two voters): %+v", len(notes), notes)
	}
	if notes[0].MemberID != "m1" || notes[0].Amount != 50 || notes[1].Amount != 0 {
		t.Errorf("amounts: %+v", notes)
	}
	o.Status = community.IdeaOpen
	if n := community.IdeaNotices(p, o, []string{"m2"}, community.EarnRules{}, time.Unix(0, 0)); n != nil {
		t.Errorf("open tells: %+v", n)
	}
}

func TestDueReminders(t *testing.T) {
	start := time.Date(2026, 5, 10, 18, 0, 0, 0, time.UTC)
	e := community.Event{ID: "ev1", Title: "Cupping", StartsAt: start, EndsAt: start.Add(2 * time.Hour)}
	rsvps := []community.RSVP{
		{EventID: "ev1", MemberID: "going1", Status: community.StatusGoing},
		{EventID: "ev1", MemberID: "going2", Status: community.StatusGoing},
		{EventID: "ev1", MemberID: "gone", Status: community.StatusCancelled},
		{EventID: "ev1", MemberID: "wait", Status: community.StatusWaiting},
	}
	tests := []struct {
		name      string
		now       time.Time
		cancelled bool
		kind      string
		n         int
	}{
		{"two days before", start.Add(-48 * time.Hour), false, "", 0},
		{"a day before", start.Add(-24 * time.Hour), false, community.NoticeReminderDay, 2},
		{"the morning", start.Add(-8 * time.Hour), false, community.NoticeReminderDay, 2},
		{"two hours before", start.Add(-2 * time.Hour), false, community.NoticeReminderSoon, 2},
		{"started", start, false, "", 0},
		{"cancelled event", start.Add(-20 * time.Hour), true, "", 0},
	}
	for _, tt := range tests {
		e.Cancelled = tt.cancelled
		got := community.DueReminders(e, rsvps, tt.now)
		if len(got) != tt.n {
			t.Errorf("%s: %d reminders, want %d", tt.name, len(got), tt.n)
		}
		for _, n := range got {
			if n.Kind != tt.kind || !strings.HasPrefix(n.MemberID, "going") || n.ID != tt.kind+":ev1:"+n.MemberID || n.Title != "Cupping" {
				t.Errorf("%s: %+v", tt.name, n)
			}
		}
	}
}

func TestService_RemindOnce(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	at := demo.Now.Add(30 * time.Hour)
	e, err := svc.CreateEvent(ctx, owner, community.EventInput{Title: "Latte art class", Place: "Bar", StartsAt: at, EndsAt: at.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RSVP(ctx, tom, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RSVP(ctx, sofia, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := svc.CancelRSVP(ctx, sofia, e.ID); err != nil {
		t.Fatal(err)
	}
	later := community.NewService(s, community.WithClock(func() time.Time { return at.Add(-23 * time.Hour) }))
	for i := 0; i < 2; i++ {
		if _, err := later.Remind(ctx, tom); err != nil {
			t.Fatal(err)
		}
		if _, err := later.Remind(ctx, sofia); err != nil {
			t.Fatal(err)
		}
	}
	if got := notices(t, later, tom, community.NoticeReminderDay); len(got) != 1 || got[0].Ref != e.ID {
		t.Errorf("tom: %+v", got)
	}
	if got := notices(t, later, sofia, community.NoticeReminderDay); len(got) != 0 {
		t.Errorf("a cancelled RSVP was reminded: %+v", got)
	}
}

// rsvpScans counts the reads of a member's RSVP list (MemberRSVPs).
type rsvpScans struct {
	community.Store
	n int
}

func (s *rsvpScans) MemberRSVPs(ctx context.Context, memberID string, limit int) ([]community.RSVP, error) {
	s.n++
	return s.Store.MemberRSVPs(ctx, memberID, limit)
}

// TestService_RemindScansOnlyWithAnEventWithinADay: the app checks for
// reminders every quarter of an hour, so a check reads the member's next
// RSVP first and their RSVP list only when that event starts within a
// day; the reminders it makes are the same.
func TestService_RemindScansOnlyWithAnEventWithinADay(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	noor, err := svc.Join(ctx, "mem-noor", community.Profile{Name: "Noor", Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	scans := &rsvpScans{Store: s}
	at := demo.Now
	check := community.NewService(scans, community.WithClock(func() time.Time { return at }))
	// want: the kinds and titles of the reminders, sorted.
	remind := func(when string, wantScans int, want ...string) {
		t.Helper()
		scans.n = 0
		got, err := check.Remind(ctx, noor.Actor())
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		var kinds []string
		for _, n := range got {
			kinds = append(kinds, n.Kind+" "+n.Title)
		}
		slices.Sort(kinds)
		if !slices.Equal(kinds, want) || scans.n != wantScans {
			t.Errorf("%s: reminders %q after %d scans of the RSVP list, want %q after %d", when, kinds, scans.n, want, wantScans)
		}
	}
	remind("no RSVP at all", 0)
	for _, ev := range []struct {
		title string
		in    time.Duration
	}{{"Cupping", 30 * time.Hour}, {"Latte art", 50 * time.Hour}} {
		start := demo.Now.Add(ev.in)
		e, err := svc.CreateEvent(ctx, owner, community.EventInput{Title: ev.title, Place: "Bar", StartsAt: start, EndsAt: start.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.RSVP(ctx, noor.Actor(), e.ID); err != nil {
			t.Fatal(err)
		}
	}
	remind("the next event 30 hours off", 0)
	at = demo.Now.Add(7 * time.Hour)
	remind("23 hours before the first", 1, community.NoticeReminderDay+" Cupping")
	at = demo.Now.Add(29 * time.Hour)
	remind("an hour before the first, 21 hours before the second", 1,
		community.NoticeReminderDay+" Latte art", community.NoticeReminderSoon+" Cupping")
	at = demo.Now.Add(30*time.Hour + 30*time.Minute)
	remind("the first under way, the second 19 hours off", 1, community.NoticeReminderDay+" Latte art")
}

func TestService_EditKeepsPreviousTextForStaff(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	th, _ := svc.StartThread(ctx, member, category(t, svc), "Typo", "Teh best café")
	posts, _ := svc.Posts(ctx, th.ID, 1, 1)
	p := posts[0]
	if _, err := svc.EditPost(ctx, tom, th.ID, p.ID, "hijacked"); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("another member edited: %v", err)
	}
	edited, err := svc.EditPost(ctx, member, th.ID, p.ID, "The best café")
	if err != nil {
		t.Fatal(err)
	}
	if !edited.Edited() || edited.Body != "The best café" || edited.Edits != 1 {
		t.Errorf("edited: %+v", edited)
	}
	if _, err := svc.PostRevisions(ctx, member, th.ID, p.ID); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member read revisions: %v", err)
	}
	revs, err := svc.PostRevisions(ctx, staff, th.ID, p.ID)
	if err != nil || len(revs) != 1 || revs[0].Body != "Teh best café" || revs[0].N != 1 {
		t.Fatalf("revisions: %+v %v", revs, err)
	}
	// Search follows the edit.
	if res, _ := svc.Search(ctx, tom, "teh"); len(res.Posts) != 0 {
		t.Errorf("old text still found: %+v", res.Posts)
	}
	if res, _ := svc.Search(ctx, tom, "cafe best"); len(res.Posts) != 1 {
		t.Errorf("new text not found: %+v", res)
	}
	del, err := svc.DeletePost(ctx, member, th.ID, p.ID)
	if err != nil || !del.Deleted || del.Body != "" {
		t.Fatalf("delete: %+v %v", del, err)
	}
	if revs, _ = svc.PostRevisions(ctx, owner, th.ID, p.ID); len(revs) != 2 || revs[1].Body != "The best café" {
		t.Errorf("revisions after delete: %+v", revs)
	}
	if res, _ := svc.Search(ctx, tom, "cafe best"); len(res.Posts) != 0 {
		t.Errorf("deleted post found: %+v", res.Posts)
	}
	if _, err := svc.EditPost(ctx, member, th.ID, p.ID, "back"); err == nil {
		t.Error("a deleted post was edited")
	}
}

func TestService_SearchFindsAcrossLanguages(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	cat := category(t, svc)
	ja := community.Actor{ID: "mem-yuki", Role: community.RoleMember, Name: "Yuki Tanaka", Lang: "ja"}
	ar := community.Actor{ID: "mem-omar", Role: community.RoleMember, Name: "Omar Benali", Lang: "ar"}
	hi := community.Actor{ID: "mem-priya", Role: community.RoleMember, Name: "Priya Sharma", Lang: "hi"}
	th, err := svc.StartThread(ctx, ayse, cat, "İstanbul gezisi", "Kadıköy'de harika bir kafe buldum.")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		a    community.Actor
		body string
	}{{ja, "昨日東京タワーの近くで美味しいコーヒーを飲みました"}, {ar, "أحب القَهْوَة العربية"}, {hi, "यहाँ की चाय बहुत अच्छी है"},
		{sofia, "El café de Colombia es mi favorito"}} {
		if _, err := svc.Reply(ctx, r.a, th.ID, r.body); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		who           community.Actor
		query         string
		threads, post int
	}{
		{ayse, "istanbul", 1, 0},
		{tom, "ISTANBUL", 1, 0},
		{ja, "東京タワー", 0, 1},
		{ja, "コーヒー", 0, 1},
		{ar, "قهوة", 0, 1},
		{ar, "القَهْوَة", 0, 1},
		{hi, "चाय", 0, 1},
		{tom, "cafe colombia", 0, 1},
		{tom, "kadikoy", 0, 1},
		{tom, "nothing here", 0, 0},
	}
	for _, tt := range tests {
		res, err := svc.Search(ctx, tt.who, tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Threads) != tt.threads || len(res.Posts) != tt.post {
			t.Errorf("%q: %d threads, %d posts; want %d, %d", tt.query, len(res.Threads), len(res.Posts), tt.threads, tt.post)
		}
	}
}

func TestService_OwnerHearsFeedback(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	f, err := svc.GiveFeedback(ctx, tom, 3, "Too loud on Saturdays")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.GiveFeedback(ctx, sofia, 10, "¡Me encanta!"); err != nil {
		t.Fatal(err)
	}
	all, err := svc.FeedbackComments(ctx, owner, false)
	if err != nil {
		t.Fatal(err)
	}
	det, _ := svc.FeedbackComments(ctx, owner, true)
	if len(det) == 0 || len(det) >= len(all) {
		t.Errorf("detractors %d of %d", len(det), len(all))
	}
	for _, d := range det {
		if d.Score > 6 || d.Comment == "" {
			t.Errorf("not a detractor's comment: %+v", d)
		}
	}
	if _, err := svc.FeedbackComments(ctx, tom, false); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member read comments: %v", err)
	}
	if _, err := svc.ReplyToFeedback(ctx, tom, f.ID, "me too"); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member replied: %v", err)
	}
	if _, err := svc.ReplyToFeedback(ctx, owner, f.ID, "Sorry! We are adding a quiet corner."); err != nil {
		t.Fatal(err)
	}
	got := notices(t, svc, tom, community.NoticeFeedbackReply)
	if len(got) != 1 || got[0].Ref != f.ID || got[0].Target().Place != community.PlaceFeedback {
		t.Fatalf("tom told: %+v", got)
	}
	mine, err := svc.MyFeedback(ctx, tom)
	if err != nil || len(mine) == 0 || mine[0].Reply != "Sorry! We are adding a quiet corner." || mine[0].Lang != "de" {
		t.Errorf("my feedback: %+v %v", mine, err)
	}
}

func TestService_RateAfterCheckIn(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	at := demo.Now.Add(time.Hour)
	e, err := svc.CreateEvent(ctx, owner, community.EventInput{Title: "Tasting", Place: "Bar", StartsAt: at, EndsAt: at.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.RateEvent(ctx, tom, e.ID, 5); err == nil {
		t.Error("rated without a check-in")
	}
	for _, who := range []community.Actor{tom, sofia} {
		if _, err := svc.CheckIn(ctx, staff, e.ID, who.ID); err != nil {
			t.Fatal(err)
		}
	}
	if got := notices(t, svc, tom, community.NoticeRate); len(got) != 1 {
		t.Errorf("rate notices: %+v", got)
	}
	if err := svc.RateEvent(ctx, tom, e.ID, 6); err == nil {
		t.Error("a 6 was accepted")
	}
	_ = svc.RateEvent(ctx, tom, e.ID, 2)
	_ = svc.RateEvent(ctx, tom, e.ID, 5) // changes his mind: one rating each
	if err := svc.RateEvent(ctx, sofia, e.ID, 4); err != nil {
		t.Fatal(err)
	}
	sum, err := s.EventRating(ctx, e.ID)
	if err != nil || sum.Count != 2 || sum.Average != 4.5 {
		t.Errorf("rating %+v %v", sum, err)
	}
	if n, _ := svc.MyRating(ctx, tom, e.ID); n != 5 {
		t.Errorf("my rating %d", n)
	}
}

func TestService_DriftingRegularsAndNotes(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	if _, err := svc.DriftingRegulars(ctx, tom, 10); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("member: %v", err)
	}
	c, _ := svc.Community(ctx)
	long := demo.Now.AddDate(0, 0, -community.DriftDays-5)
	if _, err := s.UpdateMember(ctx, tom.ID, func(m *community.Member) error { m.LastActive = long; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.AwardPoints(ctx, owner, tom.ID, community.RegularThreshold(c)+1, "", "drift-test"); err != nil {
		t.Fatal(err)
	}
	drifting, err := svc.DriftingRegulars(ctx, owner, 50)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range drifting {
		found = found || m.ID == tom.ID
		if !m.LastActive.Before(demo.Now.AddDate(0, 0, -community.DriftDays)) || m.LifetimePoints < community.RegularThreshold(c) {
			t.Errorf("not drifting: %s %v %d", m.ID, m.LastActive, m.LifetimePoints)
		}
	}
	if !found {
		t.Fatalf("tom is not drifting: %+v", drifting)
	}
	if _, err := svc.SendNote(ctx, owner, tom.ID, "We miss you, Tom! Your usual is on us."); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, svc, tom, community.NoticeNote); len(got) != 1 || got[0].From != owner.Name {
		t.Errorf("note: %+v", got)
	}
}

func TestService_WithdrawStoryAndCommentIdeas(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	st, err := svc.SubmitStory(ctx, tom, "My first cupping", "It changed how I taste coffee.", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ReviewStory(ctx, owner, st.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.WithdrawStory(ctx, sofia, st.ID); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("another member withdrew: %v", err)
	}
	w, err := svc.WithdrawStory(ctx, tom, st.ID)
	if err != nil || w.Consent || w.Status != community.StoryWithdrawn {
		t.Fatalf("withdraw: %+v %v", w, err)
	}
	pub, _ := svc.Stories(ctx, 50)
	for _, s := range pub {
		if s.ID == st.ID {
			t.Error("withdrawn story still published")
		}
	}
	p, _ := svc.CreatePoll(ctx, owner, community.PollInput{Question: "Music?", Options: []string{"Jazz", "Bossa nova"}})
	if _, err := svc.CommentIdea(ctx, tom, p.ID, p.Options[0].ID, "Quiet jazz please"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CommentIdea(ctx, sofia, p.ID, p.Options[0].ID, "¡Sí!"); err != nil {
		t.Fatal(err)
	}
	cs, err := svc.IdeaComments(ctx, p.ID, p.Options[0].ID)
	if err != nil || len(cs) != 2 || cs[0].Body+cs[1].Body != "Quiet jazz please¡Sí!" && cs[1].Body+cs[0].Body != "Quiet jazz please¡Sí!" {
		t.Errorf("comments: %+v %v", cs, err)
	}
	if _, err := svc.CommentIdea(ctx, tom, p.ID, "nope", "x"); !errors.Is(err, community.ErrNotFound) {
		t.Errorf("comment on no idea: %v", err)
	}
}

func TestService_UnreadCountIsCapped(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	for i := 0; i < community.UnreadCap+20; i++ {
		if err := s.Notify(ctx, community.Notification{ID: "n" + strings.Repeat("x", i), MemberID: tom.ID, Kind: community.NoticeNote,
			At: demo.Now.Add(time.Duration(i) * time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := svc.UnreadCount(ctx, tom)
	if err != nil || n != community.UnreadCap+1 {
		t.Errorf("unread %d %v, want %d", n, err, community.UnreadCap+1)
	}
	if err := svc.MarkAllRead(ctx, tom, 500); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.UnreadCount(ctx, tom); n != 0 {
		t.Errorf("unread after marking all read: %d", n)
	}
}
