package storetest

import (
	"testing"

	"github.com/regulars-app/regulars/community"
)

// poll creates a poll with options a and b open, p pending and d declined.
func (f *fx) poll(id string, hour int) community.Poll {
	f.t.Helper()
	p := community.Poll{ID: id, Question: "Next cake?", Lang: "en", Status: community.PollOpen, CreatedBy: "owner", CreatedAt: at(hour),
		Options: []community.Option{
			{ID: "a", Text: "Carrot", Status: community.IdeaOpen},
			{ID: "b", Text: "Lemon", Status: community.IdeaPlanned},
			{ID: "p", Text: "Durian", By: "m9", ByName: "Nine", Status: community.IdeaPending},
			{ID: "d", Text: "Salt", Status: community.IdeaDeclined},
		}}
	f.ok(f.s.CreatePoll(f.ctx, p), "create poll %s", id)
	return p
}

// tallyMatches checks the tally against CountVotes and Voters.
func (f *fx) tallyMatches(pollID string, options ...string) map[string]int {
	f.t.Helper()
	tally, err := f.s.Tally(f.ctx, pollID)
	f.ok(err, "tally")
	n, err := f.s.CountVotes(f.ctx, pollID)
	f.ok(err, "count votes")
	sum, seen := 0, map[string]string{}
	for _, o := range options {
		voters, err := f.s.Voters(f.ctx, pollID, o)
		f.ok(err, "voters")
		if tally[o] != len(voters) {
			f.t.Errorf("option %s: tally %d, %d voters", o, tally[o], len(voters))
		}
		for _, v := range voters {
			if prev, dup := seen[v]; dup {
				f.t.Errorf("%s voted for %s and %s", v, prev, o)
			}
			seen[v] = o
		}
		sum += tally[o]
	}
	if sum != n {
		f.t.Errorf("tally sums to %d, CountVotes = %d", sum, n)
	}
	return tally
}

func testPolls(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.poll("q1", 1)
	got, err := f.s.Poll(f.ctx, "q1")
	f.ok(err, "poll")
	if got.Question != "Next cake?" || len(got.Options) != 4 || got.Options[2].By != "m9" || got.Status != community.PollOpen {
		t.Errorf("poll = %+v", got)
	}
	f.is(f.s.CreatePoll(f.ctx, got), community.ErrConflict, "create with a taken ID")
	_, err = f.s.Poll(f.ctx, "nope")
	f.is(err, community.ErrNotFound, "unknown poll")
	vote := func(m, o string, hour int) error {
		return f.s.CastVote(f.ctx, community.Vote{PollID: "q1", MemberID: m, OptionID: o, At: at(hour)})
	}
	f.ok(vote("m1", "a", 2), "vote")
	if tally := f.tallyMatches("q1", "a", "b"); tally["a"] != 1 || tally["b"] != 0 {
		t.Errorf("tally = %v", tally)
	}
	if v, err := f.s.VoteOf(f.ctx, "q1", "m1"); err != nil || v.OptionID != "a" {
		t.Errorf("VoteOf = %+v, %v", v, err)
	}
	_, err = f.s.VoteOf(f.ctx, "q1", "m2")
	f.is(err, community.ErrNotFound, "VoteOf a member who did not vote")
	f.ok(vote("m2", "a", 2), "vote")
	f.ok(vote("m1", "b", 3), "change vote")
	if tally := f.tallyMatches("q1", "a", "b"); tally["a"] != 1 || tally["b"] != 1 {
		t.Errorf("after a change: %v, want a1 b1", tally)
	}
	f.ok(vote("m1", "b", 4), "same vote again")
	if tally := f.tallyMatches("q1", "a", "b"); tally["a"] != 1 || tally["b"] != 1 {
		t.Errorf("after the same vote: %v", tally)
	}
	if n, _ := f.s.CountVotes(f.ctx, "q1"); n != 2 {
		t.Errorf("CountVotes = %d, want 2", n)
	}
	if vs, _ := f.s.Voters(f.ctx, "q1", "b"); !equal(vs, []string{"m1"}) {
		t.Errorf("voters of b = %v", vs)
	}
	for _, o := range []string{"p", "d", "zzz"} {
		f.reason(vote("m3", o, 4), community.ReasonInvalid, "vote for option "+o)
	}
	// Closing: by status, or by ClosesAt before the vote's time.
	_, err = f.s.UpdatePoll(f.ctx, "q1", func(p *community.Poll) error { p.ClosesAt = at(5); return nil })
	f.ok(err, "set closing time")
	f.reason(vote("m3", "a", 6), community.ReasonClosed, "vote after ClosesAt")
	f.ok(vote("m3", "a", 4), "vote before ClosesAt")
	up, err := f.s.UpdatePoll(f.ctx, "q1", func(p *community.Poll) error { p.Status = community.PollClosed; return nil })
	f.ok(err, "close")
	if up.Status != community.PollClosed {
		t.Errorf("closed poll status %q", up.Status)
	}
	f.reason(vote("m2", "b", 4), community.ReasonClosed, "vote in a closed poll")
	if tally := f.tallyMatches("q1", "a", "b"); tally["a"] != 2 || tally["b"] != 1 {
		t.Errorf("final tally %v, want a2 b1", tally)
	}
	_, err = f.s.UpdatePoll(f.ctx, "q1", func(p *community.Poll) error { p.Question = "x"; return errBoom })
	f.is(err, errBoom, "update function error")
	if p, _ := f.s.Poll(f.ctx, "q1"); p.Question != "Next cake?" {
		t.Errorf("aborted update changed the question to %q", p.Question)
	}
	f.is(f.s.CastVote(f.ctx, community.Vote{PollID: "nope", MemberID: "m1", OptionID: "a", At: t0}), community.ErrNotFound, "vote in an unknown poll")

	f.poll("q2", 2)
	f.poll("q3", 3)
	list := func(status community.PollStatus, limit int) []string {
		ps, err := f.s.Polls(f.ctx, status, limit)
		f.ok(err, "polls")
		var ids []string
		for _, p := range ps {
			ids = append(ids, p.ID)
		}
		return ids
	}
	if got := list("", 10); !equal(got, []string{"q3", "q2", "q1"}) {
		t.Errorf("all polls = %v", got)
	}
	if got := list(community.PollOpen, 10); !equal(got, []string{"q3", "q2"}) {
		t.Errorf("open polls = %v", got)
	}
	if got := list(community.PollClosed, 10); !equal(got, []string{"q1"}) {
		t.Errorf("closed polls = %v", got)
	}
	if got := list("", 1); !equal(got, []string{"q3"}) {
		t.Errorf("polls, limit 1 = %v", got)
	}
}
