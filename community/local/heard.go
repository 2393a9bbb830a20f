package local

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// Buckets of issue 14 ("being heard"), kept here so the areas merge apart.
var (
	bRevisions    = []byte("post_revisions") // threadID \x00 postID \x00 be64(n) -> revisionRec
	bIdeaComments = []byte("idea_comments")  // pollID \x00 optionID \x00 timeKey(at) id -> ideaCommentRec
	bRatings      = []byte("ratings")        // eventID \x00 memberID -> ratingRec
)

func init() { allBuckets = append(allBuckets, bRevisions, bIdeaComments, bRatings) }

type revisionRec struct {
	Body string    `json:"body"`
	At   time.Time `json:"at"`
}

type ideaCommentRec struct {
	ID         string    `json:"id"`
	PollID     string    `json:"poll"`
	OptionID   string    `json:"option"`
	AuthorID   string    `json:"author,omitempty"`
	AuthorName string    `json:"authorName,omitempty"`
	Lang       string    `json:"lang,omitempty"`
	Body       string    `json:"body"`
	At         time.Time `json:"at"`
}

type ratingRec struct {
	EventID  string    `json:"event"`
	MemberID string    `json:"member"`
	Score    int       `json:"score"`
	At       time.Time `json:"at"`
}

// EditPost keeps the post's text as its next revision and writes the new one.
func (s *Store) EditPost(ctx context.Context, threadID, postID, body string, deleted bool, at time.Time) (community.Post, error) {
	var out community.Post
	err := s.update(ctx, "edit post "+postID, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadPost(tx, threadID, postID)
		if err != nil {
			return err
		}
		r := old
		r.Edits++
		if err := putJSON(tx.Bucket(bRevisions), cat(prefix(threadID, postID), be64(uint64(r.Edits))),
			revisionRec{Body: old.Body, At: at}); err != nil {
			return err
		}
		r.Body, r.EditedAt, r.Deleted = body, at, deleted
		if deleted {
			r.Body = ""
		}
		if err := indexPost(tx, &old, &r); err != nil {
			return err
		}
		if err := savePost(tx, r); err != nil {
			return err
		}
		ch.add(community.KindPost, postID, threadID, r.AuthorID)
		out = fromPostRec(r)
		return nil
	})
	return out, err
}

// PostRevisions returns a post's earlier texts, oldest first.
func (s *Store) PostRevisions(ctx context.Context, threadID, postID string) ([]community.PostRevision, error) {
	var out []community.PostRevision
	err := s.view(ctx, "revisions of "+postID, func(tx *bolt.Tx) error {
		if _, err := loadPost(tx, threadID, postID); err != nil {
			return err
		}
		pfx := prefix(threadID, postID)
		return each(tx.Bucket(bRevisions), pfx, func(key, v []byte) (bool, error) {
			var r revisionRec
			if err := decode(v, &r); err != nil {
				return false, err
			}
			out = append(out, community.PostRevision{ThreadID: threadID, PostID: postID,
				N: int(binary.BigEndian.Uint64(key[len(pfx):])), Body: r.Body, At: r.At})
			return true, nil
		})
	})
	return out, err
}

// AddIdeaComment stores a comment under its idea, in time order.
func (s *Store) AddIdeaComment(ctx context.Context, c community.IdeaComment) error {
	return s.update(ctx, "comment on "+c.OptionID, func(tx *bolt.Tx, ch *changes) error {
		if c.ID == "" || c.PollID == "" || c.OptionID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if _, err := loadPoll(tx, c.PollID); err != nil {
			return err
		}
		b, pfx := tx.Bucket(bIdeaComments), prefix(c.PollID, c.OptionID)
		dup := false
		_ = each(b, pfx, func(key, _ []byte) (bool, error) {
			dup = bytes.HasSuffix(key, []byte(c.ID))
			return !dup, nil
		})
		if dup {
			return conflict("comment", c.ID)
		}
		ch.add(community.KindPoll, c.PollID, "", c.AuthorID)
		return putJSON(b, cat(pfx, timeKey(c.At), []byte(c.ID)), ideaCommentRec(c))
	})
}

// IdeaComments returns an idea's comments, oldest first.
func (s *Store) IdeaComments(ctx context.Context, pollID, optionID string, limit int) ([]community.IdeaComment, error) {
	var out []community.IdeaComment
	err := s.view(ctx, "comments on "+optionID, func(tx *bolt.Tx) error {
		return each(tx.Bucket(bIdeaComments), prefix(pollID, optionID), func(_, v []byte) (bool, error) {
			var r ideaCommentRec
			if err := decode(v, &r); err != nil {
				return false, err
			}
			out = append(out, community.IdeaComment(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// ReplyFeedback stores the owner's reply on the answer.
func (s *Store) ReplyFeedback(ctx context.Context, id, reply, by string, at time.Time) (community.Feedback, error) {
	var out community.Feedback
	err := s.update(ctx, "reply to feedback "+id, func(tx *bolt.Tx, ch *changes) error {
		b := tx.Bucket(bFeedback)
		var r feedbackRec
		found, err := getJSON(b, []byte(id), &r)
		if err != nil {
			return err
		}
		if !found {
			return notFound("feedback", id)
		}
		r.Reply, r.RepliedBy, r.RepliedAt = reply, by, at
		ch.add(community.KindFeedback, id, "", r.MemberID)
		out = community.Feedback(r)
		return putJSON(b, []byte(id), r)
	})
	return out, err
}

// RateEvent records or replaces a member's rating.
func (s *Store) RateEvent(ctx context.Context, r community.Rating) error {
	return s.update(ctx, "rate "+r.EventID, func(tx *bolt.Tx, ch *changes) error {
		if _, err := loadEvent(tx, r.EventID); err != nil {
			return err
		}
		ch.add(community.KindEvent, r.EventID, "", r.MemberID)
		return putJSON(tx.Bucket(bRatings), k(r.EventID, r.MemberID), ratingRec(r))
	})
}

// RatingOf returns a member's rating of an event.
func (s *Store) RatingOf(ctx context.Context, eventID, memberID string) (community.Rating, error) {
	var r ratingRec
	err := s.view(ctx, "rating of "+eventID, func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bRatings), k(eventID, memberID), &r)
		if err == nil && !found {
			err = notFound("rating", eventID+"/"+memberID)
		}
		return err
	})
	return community.Rating(r), err
}

// EventRating averages an event's ratings.
func (s *Store) EventRating(ctx context.Context, eventID string) (community.RatingSummary, error) {
	var sum community.RatingSummary
	err := s.view(ctx, "rating of "+eventID, func(tx *bolt.Tx) error {
		total := 0
		err := each(tx.Bucket(bRatings), prefix(eventID), func(_, v []byte) (bool, error) {
			var r ratingRec
			if err := decode(v, &r); err != nil {
				return false, err
			}
			sum.Count++
			total += r.Score
			return true, nil
		})
		if sum.Count > 0 {
			sum.Average = float64(total) / float64(sum.Count)
		}
		return err
	})
	return sum, err
}

// DriftingMembers walks the lifetime-points index from minLifetime, keeping
// those last active before activeBefore (the index value), longest gone first.
func (s *Store) DriftingMembers(ctx context.Context, activeBefore time.Time, minLifetime int64, limit int) ([]community.Member, error) {
	type gone struct {
		id   string
		last []byte
	}
	var out []community.Member
	err := s.view(ctx, "drifting members", func(tx *bolt.Tx) error {
		var found []gone
		before := timeKey(activeBefore)
		c := tx.Bucket(bMemberPoints).Cursor()
		for key, v := c.Seek(be64(uint64(max(minLifetime, 0)))); key != nil; key, v = c.Next() {
			if bytes.Compare(v, before) < 0 {
				found = append(found, gone{string(key[8:]), bytes.Clone(v)})
			}
		}
		slices.SortStableFunc(found, func(a, b gone) int { return bytes.Compare(a.last, b.last) })
		for _, g := range found {
			if limit > 0 && len(out) == limit {
				break
			}
			m, err := loadMember(tx, g.id)
			if err != nil {
				return err
			}
			out = append(out, fromMemberRec(m))
		}
		return nil
	})
	return out, err
}
