package storetest

import (
	"testing"

	"github.com/regulars-app/regulars/community"
)

// testMemberRecords: MemberRecords returns everything a member wrote or
// chose — threads, posts (the first post of their thread and replies in
// others'), stories of any status, votes, feedback — and nothing of anyone
// else's.
func testMemberRecords(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")
	f.member("bob", "Bob")
	_, _, err := f.s.CreateThread(f.ctx, community.Thread{ID: "ta", Title: "Ana's", AuthorID: "ana", AuthorName: "Ana", CreatedAt: t0},
		community.Post{ID: "pa1", AuthorID: "ana", AuthorName: "Ana", Body: "Hi", At: t0})
	f.ok(err, "ana's thread")
	_, _, err = f.s.CreateThread(f.ctx, community.Thread{ID: "tb", Title: "Bob's", AuthorID: "bob", AuthorName: "Bob", CreatedAt: at(1)},
		community.Post{ID: "pb1", AuthorID: "bob", AuthorName: "Bob", Body: "Hey", At: at(1)})
	f.ok(err, "bob's thread")
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "pa2", ThreadID: "tb", AuthorID: "ana", AuthorName: "Ana", Body: "Hello Bob", At: at(2)})
	f.ok(err, "ana's reply")
	_, err = f.s.AddPost(f.ctx, community.Post{ID: "pb2", ThreadID: "ta", AuthorID: "bob", AuthorName: "Bob", Body: "Hello Ana", At: at(3)})
	f.ok(err, "bob's reply")
	f.ok(f.s.CreateStory(f.ctx, community.Story{ID: "sa", AuthorID: "ana", AuthorName: "Ana", Title: "T", Body: "B",
		Consent: true, Status: community.StoryPending, SubmittedAt: t0}), "ana's story")
	f.ok(f.s.CreateStory(f.ctx, community.Story{ID: "sb", AuthorID: "bob", AuthorName: "Bob", Title: "T", Body: "B",
		Consent: true, Status: community.StoryPending, SubmittedAt: t0}), "bob's story")
	f.poll("q1", 1)
	f.poll("q2", 2)
	f.poll("q3", 3)
	f.ok(f.s.CastVote(f.ctx, community.Vote{PollID: "q1", MemberID: "ana", OptionID: "a", At: at(4)}), "ana votes")
	f.ok(f.s.CastVote(f.ctx, community.Vote{PollID: "q2", MemberID: "bob", OptionID: "b", At: at(4)}), "bob votes")
	f.ok(f.s.CastVote(f.ctx, community.Vote{PollID: "q3", MemberID: "ana", OptionID: "b", At: at(5)}), "ana votes again")
	f.ok(f.s.SaveFeedback(f.ctx, community.Feedback{ID: "ana:2030-03", MemberID: "ana", Score: 9, Comment: "Lovely", At: at(6)}), "ana's feedback")
	f.ok(f.s.SaveFeedback(f.ctx, community.Feedback{ID: "bob:2030-03", MemberID: "bob", Score: 3, At: at(6)}), "bob's feedback")

	r, err := f.s.MemberRecords(f.ctx, "ana")
	f.ok(err, "ana's records")
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"threads", ids(len(r.Threads), func(i int) string { return r.Threads[i].ID }), []string{"ta"}},
		{"posts", ids(len(r.Posts), func(i int) string { return r.Posts[i].ID }), []string{"pa1", "pa2"}},
		{"stories", ids(len(r.Stories), func(i int) string { return r.Stories[i].ID }), []string{"sa"}},
		{"votes", ids(len(r.Votes), func(i int) string { return r.Votes[i].PollID + "=" + r.Votes[i].OptionID }), []string{"q1=a", "q3=b"}},
		{"feedback", ids(len(r.Feedback), func(i int) string { return r.Feedback[i].ID }), []string{"ana:2030-03"}},
	} {
		if len(c.got) != len(c.want) {
			t.Errorf("ana's %s = %v, want %v", c.what, c.got, c.want)
			continue
		}
		for i := range c.got {
			if c.got[i] != c.want[i] {
				t.Errorf("ana's %s = %v, want %v (oldest first)", c.what, c.got, c.want)
				break
			}
		}
	}
	if len(r.Posts) == 2 && (r.Posts[1].Body != "Hello Bob" || r.Posts[1].ThreadID != "tb") {
		t.Errorf("ana's reply = %+v", r.Posts[1])
	}
	if r, err := f.s.MemberRecords(f.ctx, "nobody"); err != nil || len(r.Threads)+len(r.Posts)+len(r.Stories)+len(r.Votes)+len(r.Feedback) != 0 {
		t.Errorf("a stranger's records = %+v, %v; want none", r, err)
	}
}
