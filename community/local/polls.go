package local

import (
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// CreatePoll adds a poll.
func (s *Store) CreatePoll(ctx context.Context, p community.Poll) error {
	return s.update(ctx, "create poll "+p.ID, func(tx *bolt.Tx, ch *changes) error {
		if p.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if tx.Bucket(bPolls).Get([]byte(p.ID)) != nil {
			return conflict("poll", p.ID)
		}
		ch.add(community.KindPoll, p.ID, "", "")
		return savePoll(tx, nil, toPollRec(p))
	})
}

// UpdatePoll edits a poll (question, options, status); votes and tallies stay.
func (s *Store) UpdatePoll(ctx context.Context, id string, fn func(*community.Poll) error) (community.Poll, error) {
	var out community.Poll
	err := s.update(ctx, "update poll "+id, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadPoll(tx, id)
		if err != nil {
			return err
		}
		p := fromPollRec(old)
		if err := fn(&p); err != nil {
			return err
		}
		p.ID = old.ID
		if err := savePoll(tx, &old, toPollRec(p)); err != nil {
			return err
		}
		ch.add(community.KindPoll, id, "", "")
		out = p
		return nil
	})
	return out, err
}

// Poll returns a poll.
func (s *Store) Poll(ctx context.Context, id string) (community.Poll, error) {
	var r pollRec
	err := s.view(ctx, "poll "+id, func(tx *bolt.Tx) (err error) {
		r, err = loadPoll(tx, id)
		return err
	})
	return fromPollRec(r), err
}

// Polls walks the creation-time index, whose values carry the status.
func (s *Store) Polls(ctx context.Context, status community.PollStatus, limit int) ([]community.Poll, error) {
	var out []community.Poll
	err := s.view(ctx, "polls", func(tx *bolt.Tx) error {
		return each(tx.Bucket(bPollOrder), nil, func(key, st []byte) (bool, error) {
			if status != "" && string(st) != string(status) {
				return true, nil
			}
			r, err := loadPoll(tx, string(key[12:]))
			if err != nil {
				return false, err
			}
			out = append(out, fromPollRec(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// CastVote records or moves memberID's one vote and the tally with it.
func (s *Store) CastVote(ctx context.Context, v community.Vote) error {
	return s.update(ctx, "vote in "+v.PollID, func(tx *bolt.Tx, ch *changes) error {
		return castVote(tx, v, ch)
	})
}

// castVote is CastVote inside a transaction.
func castVote(tx *bolt.Tx, v community.Vote, ch *changes) error {
	r, err := loadPoll(tx, v.PollID)
	if err != nil {
		return err
	}
	if err := community.CheckVote(fromPollRec(r), v); err != nil {
		return err
	}
	votes, voters := tx.Bucket(bVotes), tx.Bucket(bVoters)
	var old voteRec
	found, err := getJSON(votes, k(v.PollID, v.MemberID), &old)
	if err != nil {
		return err
	}
	tally, changed := community.VoteMove(old.OptionID, v.OptionID)
	if !changed {
		return nil
	}
	if found {
		if err := voters.Delete(k(v.PollID, old.OptionID, v.MemberID)); err != nil {
			return err
		}
	}
	if err := voters.Put(k(v.PollID, v.OptionID, v.MemberID), nil); err != nil {
		return err
	}
	for option, delta := range tally {
		if err := addTally(tx, v.PollID, option, int64(delta)); err != nil {
			return err
		}
	}
	ch.add(community.KindVote, v.MemberID, v.PollID, v.MemberID)
	ch.add(community.KindPoll, v.PollID, "", "")
	return putJSON(votes, k(v.PollID, v.MemberID), voteRec(v))
}

// VoteOf returns memberID's vote.
func (s *Store) VoteOf(ctx context.Context, pollID, memberID string) (community.Vote, error) {
	var r voteRec
	err := s.view(ctx, "vote of "+memberID+" in "+pollID, func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bVotes), k(pollID, memberID), &r)
		if err == nil && !found {
			err = notFound("vote of "+memberID+" in poll", pollID)
		}
		return err
	})
	return community.Vote(r), err
}

// Tally reads the poll's counters: one key per option, never the votes.
func (s *Store) Tally(ctx context.Context, pollID string) (map[string]int, error) {
	out := map[string]int{}
	err := s.view(ctx, "tally of "+pollID, func(tx *bolt.Tx) error {
		if _, err := loadPoll(tx, pollID); err != nil {
			return err
		}
		return each(tx.Bucket(bTally), prefix(pollID), func(key, n []byte) (bool, error) {
			if c := int(binary.BigEndian.Uint64(n)); c > 0 {
				out[lastPart(key)] = c
			}
			return true, nil
		})
	})
	return out, err
}

// Voters lists the members who voted for the option.
func (s *Store) Voters(ctx context.Context, pollID, optionID string) ([]string, error) {
	var out []string
	err := s.view(ctx, "voters of "+pollID, func(tx *bolt.Tx) error {
		return each(tx.Bucket(bVoters), prefix(pollID, optionID), func(key, _ []byte) (bool, error) {
			out = append(out, lastPart(key))
			return true, nil
		})
	})
	return out, err
}

// CountVotes counts the vote records (keys only).
func (s *Store) CountVotes(ctx context.Context, pollID string) (int, error) {
	n := 0
	err := s.view(ctx, "count votes of "+pollID, func(tx *bolt.Tx) error {
		n = countPrefix(tx.Bucket(bVotes), prefix(pollID))
		return nil
	})
	return n, err
}

func addTally(tx *bolt.Tx, pollID, optionID string, delta int64) error {
	b, key := tx.Bucket(bTally), k(pollID, optionID)
	var n int64
	if v := b.Get(key); v != nil {
		n = int64(binary.BigEndian.Uint64(v))
	}
	if n += delta; n <= 0 {
		return b.Delete(key)
	}
	return b.Put(key, be64(uint64(n)))
}

func loadPoll(tx *bolt.Tx, id string) (pollRec, error) {
	var r pollRec
	found, err := getJSON(tx.Bucket(bPolls), []byte(id), &r)
	if err == nil && !found {
		err = notFound("poll", id)
	}
	return r, err
}

// savePoll stores r and its creation-time index entry (valued with the status).
func savePoll(tx *bolt.Tx, old *pollRec, r pollRec) error {
	order := tx.Bucket(bPollOrder)
	if old != nil {
		if err := order.Delete(cat(invTimeKey(old.CreatedAt), []byte(old.ID))); err != nil {
			return err
		}
	}
	if err := order.Put(cat(invTimeKey(r.CreatedAt), []byte(r.ID)), []byte(r.Status)); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bPolls), []byte(r.ID), r)
}
