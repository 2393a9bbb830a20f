package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// search runs a query the way community.Service.Search does (the most
// selective term from the store, the others in memory) and returns the IDs
// of the threads and posts found.
func (f *fx) search(query, lang string) (threads, posts []string) {
	f.t.Helper()
	terms := community.QueryTerms(query, lang)
	key := community.SearchKey(terms)
	ts, err := f.s.SearchThreads(f.ctx, key, 50)
	f.ok(err, "search threads %q", key)
	for _, t := range ts {
		if community.HasAllTerms(community.IndexTerms(t.Title, t.Lang), terms) {
			threads = append(threads, t.ID)
		}
	}
	ps, err := f.s.SearchPosts(f.ctx, key, 50)
	f.ok(err, "search posts %q", key)
	for _, p := range ps {
		if community.HasAllTerms(community.IndexTerms(p.Body, p.Lang), terms) {
			posts = append(posts, p.ID)
		}
	}
	return threads, posts
}

// testSearch is the search contract: posts and thread titles are found by
// their folded terms in Spanish, Turkish, Japanese, Arabic and Hindi; edits
// and deletions move them; removed posts are not found.
func testSearch(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	_, _, err := f.s.CreateThread(f.ctx,
		community.Thread{ID: "tr", Category: "general", Title: "İstanbul'da kahve", AuthorID: "ayse", AuthorName: "Ayşe", Lang: "tr",
			CreatedAt: at(1), LastPostAt: at(1)},
		community.Post{ID: "tr-1", AuthorID: "ayse", AuthorName: "Ayşe", Lang: "tr", Body: "Kadıköy'de harika bir yer var.", At: at(1)})
	f.ok(err, "create thread")
	bodies := []struct{ id, lang, body string }{
		{"es", "es", "El mejor café de la ciudad, sin duda."},
		{"ja", "ja", "昨日東京タワーの近くで美味しいコーヒーを飲みました"},
		{"ar", "ar", "أحب القَهْوَة العربية كثيرا"},
		{"hi", "hi", "यहाँ की चाय बहुत अच्छी है"},
		{"en", "en", "Best cafe in town"},
	}
	for i, b := range bodies {
		_, err := f.s.AddPost(f.ctx, community.Post{ID: b.id, ThreadID: "tr", AuthorID: "m" + b.id, AuthorName: b.id, Lang: b.lang,
			Body: b.body, At: at(2 + i)})
		f.ok(err, "post %s", b.id)
	}
	tests := []struct {
		query, lang    string
		threads, posts []string
	}{
		{"cafe", "en", nil, []string{"en", "es"}}, // newest first
		{"CAFÉ ciudad", "es", nil, []string{"es"}},
		{"istanbul", "tr", []string{"tr"}, nil},
		{"İSTANBUL", "tr", []string{"tr"}, nil},
		{"Istanbul", "en", []string{"tr"}, nil},
		{"kadikoy", "en", nil, []string{"tr-1"}},
		{"東京タワー", "ja", nil, []string{"ja"}},
		{"コーヒー", "ja", nil, []string{"ja"}},
		{"京都", "ja", nil, nil},
		{"قهوة", "ar", nil, []string{"ar"}},
		{"القَهْوَة", "ar", nil, []string{"ar"}},
		{"القهوة العربية", "ar", nil, []string{"ar"}},
		{"चाय", "hi", nil, []string{"hi"}},
		{"चीनी", "hi", nil, nil},
	}
	for _, tt := range tests {
		threads, posts := f.search(tt.query, tt.lang)
		if !slices.Equal(threads, tt.threads) || !slices.Equal(posts, tt.posts) {
			t.Errorf("search %q (%s): threads %v posts %v, want %v %v", tt.query, tt.lang, threads, posts, tt.threads, tt.posts)
		}
	}

	// An edit moves the post's terms and keeps the old text as a revision.
	p, err := f.s.EditPost(f.ctx, "tr", "en", "Best tea in town", false, at(10))
	f.ok(err, "edit post")
	if p.Body != "Best tea in town" || p.Edits != 1 || !p.EditedAt.Equal(at(10)) || p.Deleted || p.Seq != 6 {
		t.Errorf("edited post %+v", p)
	}
	if _, posts := f.search("cafe", "en"); !slices.Equal(posts, []string{"es"}) {
		t.Errorf("after the edit, cafe finds %v", posts)
	}
	if _, posts := f.search("tea", "en"); !slices.Equal(posts, []string{"en"}) {
		t.Errorf("after the edit, tea finds %v", posts)
	}
	p, err = f.s.EditPost(f.ctx, "tr", "en", "", true, at(11))
	f.ok(err, "delete post")
	if p.Body != "" || !p.Deleted || p.Edits != 2 {
		t.Errorf("deleted post %+v", p)
	}
	if _, posts := f.search("tea", "en"); len(posts) != 0 {
		t.Errorf("a deleted post is found: %v", posts)
	}
	revs, err := f.s.PostRevisions(f.ctx, "tr", "en")
	f.ok(err, "revisions")
	if len(revs) != 2 || revs[0].N != 1 || revs[0].Body != "Best cafe in town" || revs[1].Body != "Best tea in town" || !revs[1].At.Equal(at(11)) {
		t.Errorf("revisions %+v", revs)
	}
	_, err = f.s.EditPost(f.ctx, "tr", "nope", "x", false, at(12))
	f.is(err, community.ErrNotFound, "edit a missing post")

	// Moderation keeps the terms; a removed post is not found.
	_, err = f.s.UpdatePost(f.ctx, "tr", "es", func(p *community.Post) error { p.Removed = true; return nil })
	f.ok(err, "remove post")
	if _, posts := f.search("cafe", "es"); len(posts) != 0 {
		t.Errorf("a removed post is found: %v", posts)
	}
	_, err = f.s.UpdateThread(f.ctx, "tr", func(th *community.Thread) error { th.Pinned = true; return nil })
	f.ok(err, "pin thread")
	if threads, _ := f.search("istanbul", "tr"); !slices.Equal(threads, []string{"tr"}) {
		t.Errorf("a pinned thread is not found: %v", threads)
	}
}

// testHeard is the contract of idea comments, feedback replies, ratings,
// drifting members, the member's notice settings and notices' targets.
func testHeard(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.poll("p1", 1)
	for i, body := range []string{"Yes please", "Lemon is better"} {
		f.ok(f.s.AddIdeaComment(f.ctx, community.IdeaComment{ID: "c" + string(rune('1'+i)), PollID: "p1", OptionID: "a",
			AuthorID: "m1", AuthorName: "One", Lang: "en", Body: body, At: at(2 + i)}), "comment")
	}
	f.ok(f.s.AddIdeaComment(f.ctx, community.IdeaComment{ID: "c9", PollID: "p1", OptionID: "b", AuthorID: "m1", Body: "b", At: at(2)}), "comment b")
	cs, err := f.s.IdeaComments(f.ctx, "p1", "a", 10)
	f.ok(err, "comments")
	if len(cs) != 2 || cs[0].ID != "c1" || cs[1].Body != "Lemon is better" || cs[0].AuthorName != "One" || cs[0].OptionID != "a" {
		t.Errorf("comments %+v", cs)
	}
	f.is(f.s.AddIdeaComment(f.ctx, community.IdeaComment{ID: "x", PollID: "nope", OptionID: "a", Body: "x", At: at(2)}),
		community.ErrNotFound, "comment on a missing poll")

	// Feedback replies.
	f.ok(f.s.SaveFeedback(f.ctx, community.Feedback{ID: "m1:2030-03", MemberID: "m1", Score: 4, Comment: "Too loud", Lang: "de", At: at(1)}), "feedback")
	fb, err := f.s.ReplyFeedback(f.ctx, "m1:2030-03", "We hear you", "owner", at(3))
	f.ok(err, "reply")
	if fb.MemberID != "m1" || fb.Reply != "We hear you" || fb.RepliedBy != "owner" || !fb.RepliedAt.Equal(at(3)) {
		t.Errorf("replied %+v", fb)
	}
	all, err := f.s.Feedback(f.ctx, t0)
	f.ok(err, "feedback")
	if len(all) != 1 || all[0].Reply != "We hear you" || all[0].Lang != "de" || all[0].Comment != "Too loud" {
		t.Errorf("feedback read back %+v", all)
	}
	_, err = f.s.ReplyFeedback(f.ctx, "nope", "x", "owner", at(3))
	f.is(err, community.ErrNotFound, "reply to missing feedback")

	// Ratings: one per member, replaced; summarised.
	f.event("e1", 1, 0)
	sum, err := f.s.EventRating(f.ctx, "e1")
	f.ok(err, "rating of an unrated event")
	if sum.Count != 0 || sum.Average != 0 {
		t.Errorf("unrated %+v", sum)
	}
	for _, r := range []community.Rating{
		{EventID: "e1", MemberID: "m1", Score: 2, At: at(4)}, {EventID: "e1", MemberID: "m1", Score: 5, At: at(5)},
		{EventID: "e1", MemberID: "m2", Score: 4, At: at(5)}} {
		f.ok(f.s.RateEvent(f.ctx, r), "rate")
	}
	if sum, err = f.s.EventRating(f.ctx, "e1"); err != nil || sum.Count != 2 || sum.Average != 4.5 {
		t.Errorf("rating %+v %v", sum, err)
	}
	if r, err := f.s.RatingOf(f.ctx, "e1", "m1"); err != nil || r.Score != 5 {
		t.Errorf("rating of m1 %+v %v", r, err)
	}
	_, err = f.s.RatingOf(f.ctx, "e1", "m3")
	f.is(err, community.ErrNotFound, "rating of nobody")
	f.is(f.s.RateEvent(f.ctx, community.Rating{EventID: "nope", MemberID: "m1", Score: 3, At: at(5)}), community.ErrNotFound, "rate a missing event")

	// Drifting: lifetime at least 10, last active before t0-30d, longest gone first.
	for _, m := range []struct {
		id       string
		points   int64
		lastDays int
	}{{"gone-long", 50, 90}, {"gone", 20, 40}, {"new-gone", 2, 60}, {"here", 80, 1}} {
		mem := community.Member{ID: m.id, Code: "RG-" + m.id, Name: m.id, Role: community.RoleMember, Since: t0.AddDate(-1, 0, 0),
			LastActive: t0.AddDate(0, 0, -m.lastDays)}
		f.ok(f.s.CreateMember(f.ctx, mem), "member %s", m.id)
		_, _, err := f.s.ApplyLedger(f.ctx, community.LedgerEntry{ID: "award:" + m.id, MemberID: m.id, Delta: m.points,
			Reason: community.ReasonAward, At: t0.AddDate(0, 0, -m.lastDays), By: "owner"})
		f.ok(err, "points for %s", m.id)
	}
	drifting, err := f.s.DriftingMembers(f.ctx, t0.AddDate(0, 0, -30), 10, 10)
	f.ok(err, "drifting")
	var ids []string
	for _, m := range drifting {
		ids = append(ids, m.ID)
	}
	if !slices.Equal(ids, []string{"gone-long", "gone"}) {
		t.Errorf("drifting %v, want [gone-long gone]", ids)
	}
	if d, _ := f.s.DriftingMembers(f.ctx, t0.AddDate(0, 0, -30), 10, 1); len(d) != 1 {
		t.Errorf("limit 1 gave %d", len(d))
	}

	// Mutes and push settings round-trip; notices keep what they open.
	m, err := f.s.UpdateMember(f.ctx, "gone", func(m *community.Member) error {
		m.Muted = community.NewMuteList([]string{community.NoticeReply, community.NoticeMention})
		m.PushOptIn, m.PushToken = true, "tok"
		return nil
	})
	f.ok(err, "mute")
	if got, _ := f.s.Member(f.ctx, "gone"); got.Muted != m.Muted || !got.Mutes(community.NoticeReply) || !got.PushOptIn || got.PushToken != "tok" {
		t.Errorf("member read back %+v", got)
	}
	n := community.Notification{ID: "reply:p:gone", MemberID: "gone", Kind: community.NoticeReply, Ref: "th", Sub: "p",
		Title: "A thread", Text: "An excerpt", From: "Ana", At: at(6)}
	f.ok(f.s.Notify(f.ctx, n), "notify")
	notes, err := f.s.Notifications(f.ctx, "gone", 10)
	f.ok(err, "notifications")
	if len(notes) != 1 || notes[0] != n {
		t.Errorf("notice read back %+v, want %+v", notes, n)
	}
	for i := 0; i < community.UnreadCap+5; i++ {
		f.ok(f.s.Notify(f.ctx, community.Notification{ID: "n" + string(rune('A'+i%26)) + string(rune('A'+i/26)), MemberID: "gone",
			Kind: community.NoticeNote, At: at(7).Add(time.Duration(i) * time.Second)}), "notify %d", i)
	}
	if c, err := f.s.UnreadCount(f.ctx, "gone"); err != nil || c != community.UnreadCap+1 {
		t.Errorf("unread %d %v, want the cap %d", c, err, community.UnreadCap+1)
	}
}
