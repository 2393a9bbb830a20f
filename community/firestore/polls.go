package firestore

import (
	"context"
	"math/rand/v2"
	"strconv"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// pollDoc is polls/{id}.
type pollDoc struct {
	Question  string      `firestore:"question"`
	Lang      string      `firestore:"lang"`
	Options   []optionDoc `firestore:"options"`
	ClosesAt  time.Time   `firestore:"closesAt"`
	Status    string      `firestore:"status"`
	CreatedBy string      `firestore:"createdBy"`
	CreatedAt time.Time   `firestore:"createdAt"`
}

type optionDoc struct {
	ID     string `firestore:"id"`
	Text   string `firestore:"text"`
	By     string `firestore:"by"`
	ByName string `firestore:"byName"`
	Status string `firestore:"status"`
}

func toPollDoc(p community.Poll) pollDoc {
	d := pollDoc{Question: p.Question, Lang: p.Lang, ClosesAt: p.ClosesAt, Status: string(p.Status), CreatedBy: p.CreatedBy,
		CreatedAt: p.CreatedAt, Options: []optionDoc{}}
	for _, o := range p.Options {
		d.Options = append(d.Options, optionDoc{ID: o.ID, Text: o.Text, By: o.By, ByName: o.ByName, Status: string(o.Status)})
	}
	return d
}

func fromPollDoc(id string, d pollDoc) community.Poll {
	p := community.Poll{ID: id, Question: d.Question, Lang: d.Lang, ClosesAt: d.ClosesAt, Status: community.PollStatus(d.Status),
		CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt}
	for _, o := range d.Options {
		p.Options = append(p.Options, community.Option{ID: o.ID, Text: o.Text, By: o.By, ByName: o.ByName,
			Status: community.IdeaStatus(o.Status)})
	}
	return p
}

// voteDoc is polls/{pid}/votes/{uid}: one per voter. From is the option the
// last change left ("" for a first vote) and Shard the tally shard that
// counts this voter, fixed at their first vote: firestore.rules checks the
// shard moved by exactly +1 for Option and -1 for From.
type voteDoc struct {
	Option string    `firestore:"option"`
	Member string    `firestore:"member"`
	At     time.Time `firestore:"at"`
	From   string    `firestore:"from"`
	Shard  string    `firestore:"shard"`
}

// shardDoc is polls/{pid}/shards/{n}: part of the tally. The tally of an
// option is the sum of its counts over the shards.
type shardDoc struct {
	Counts map[string]int64 `firestore:"counts"`
}

// CreatePoll adds a poll; a taken ID is ErrConflict.
func (s *Store) CreatePoll(ctx context.Context, p community.Poll) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if p.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	_, err := s.pollRef(p.ID).Create(ctx, toPollDoc(p))
	return s.write("create poll "+p.ID, err, community.Change{Kind: community.KindPoll, ID: p.ID})
}

// UpdatePoll edits a poll (question, options, status); votes and tallies stay.
func (s *Store) UpdatePoll(ctx context.Context, id string, fn func(*community.Poll) error) (community.Poll, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Poll
	err := s.run(ctx, "update poll "+id, []string{"polls/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var old pollDoc
		if err := must(ctx, tx, s.pollRef(id), &old, "poll"); err != nil {
			return err
		}
		p := fromPollDoc(id, old)
		if err := fn(&p); err != nil {
			return err
		}
		p.ID = id
		ch.add(community.KindPoll, id, "", "")
		out = p
		return tx.Set(s.pollRef(id), toPollDoc(p))
	})
	return out, err
}

// Poll returns a poll.
func (s *Store) Poll(ctx context.Context, id string) (community.Poll, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d pollDoc
	if err := must(ctx, nil, s.pollRef(id), &d, "poll"); err != nil {
		return community.Poll{}, s.wrap("poll "+id, err)
	}
	return fromPollDoc(id, d), nil
}

// Polls queries polls with the status ("" for all), newest first.
func (s *Store) Polls(ctx context.Context, status community.PollStatus, limit int) ([]community.Poll, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("polls").Query
	if status != "" {
		q = q.Where("status", "==", string(status))
	}
	q = q.OrderBy("createdAt", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Poll
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d pollDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromPollDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("polls", err)
	}
	return out, nil
}

// CastVote records or moves memberID's one vote (doc ID = voter) and moves
// the tally with increments on random shards, in one transaction. The shard
// writes are blind increments, so voters contend only on their own vote.
func (s *Store) CastVote(ctx context.Context, v community.Vote) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if v.MemberID == "" {
		return community.Invalid("member", community.ReasonRequired)
	}
	return s.run(ctx, "vote in "+v.PollID, []string{"polls/" + v.PollID + "/votes/" + v.MemberID}, func(tx *firestore.Transaction, ch *changes) error {
		var d pollDoc
		if err := must(ctx, tx, s.pollRef(v.PollID), &d, "poll"); err != nil {
			return err
		}
		if err := community.CheckVote(fromPollDoc(v.PollID, d), v); err != nil {
			return err
		}
		ref := s.pollRef(v.PollID).Collection("votes").Doc(v.MemberID)
		var old voteDoc
		if _, err := get(ctx, tx, ref, &old); err != nil {
			return err
		}
		tally, changed := community.VoteMove(old.Option, v.OptionID)
		if !changed {
			return nil
		}
		shard := old.Shard
		if shard == "" {
			shard = strconv.Itoa(rand.N(s.shards))
		}
		counts := map[string]any{}
		for option, delta := range tally {
			counts[option] = firestore.Increment(delta)
		}
		// One write moves both counts of the voter's own shard.
		if err := tx.Set(s.pollRef(v.PollID).Collection("shards").Doc(shard), map[string]any{"counts": counts}, firestore.MergeAll); err != nil {
			return err
		}
		ch.add(community.KindVote, v.MemberID, v.PollID, v.MemberID)
		ch.add(community.KindPoll, v.PollID, "", "")
		return tx.Set(ref, voteDoc{Option: v.OptionID, Member: v.MemberID, At: v.At, From: old.Option, Shard: shard})
	})
}

// VoteOf returns memberID's vote.
func (s *Store) VoteOf(ctx context.Context, pollID, memberID string) (community.Vote, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d voteDoc
	if err := must(ctx, nil, s.pollRef(pollID).Collection("votes").Doc(memberID), &d, "vote in poll "+pollID+" of"); err != nil {
		return community.Vote{}, s.wrap("vote of "+memberID+" in "+pollID, err)
	}
	return community.Vote{PollID: pollID, MemberID: memberID, OptionID: d.Option, At: d.At}, nil
}

// Tally sums the poll's shards: at most the shard count of reads, never the votes.
func (s *Store) Tally(ctx context.Context, pollID string) (map[string]int, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if _, err := s.Poll(ctx, pollID); err != nil {
		return nil, err
	}
	sum := map[string]int64{}
	err := docs(ctx, nil, s.pollRef(pollID).Collection("shards").Query, func(snap *firestore.DocumentSnapshot) error {
		var d shardDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		for o, n := range d.Counts {
			sum[o] += n
		}
		return nil
	})
	if err != nil {
		return nil, s.wrap("tally of "+pollID, err)
	}
	out := map[string]int{}
	for o, n := range sum {
		if n > 0 {
			out[o] = int(n)
		}
	}
	return out, nil
}

// Voters queries the votes for the option.
func (s *Store) Voters(ctx context.Context, pollID, optionID string) ([]string, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out []string
	q := s.pollRef(pollID).Collection("votes").Where("option", "==", optionID).Select() // names only
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		out = append(out, snap.Ref.ID)
		return nil
	})
	if err != nil {
		return nil, s.wrap("voters of "+pollID, err)
	}
	return out, nil
}

// CountVotes counts the vote documents with an aggregation query.
func (s *Store) CountVotes(ctx context.Context, pollID string) (int, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	n, err := count(ctx, s.pollRef(pollID).Collection("votes").Query)
	if err != nil {
		return 0, s.wrap("count votes of "+pollID, err)
	}
	return n, nil
}
