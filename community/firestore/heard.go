package firestore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// Documents of issue 14 ("being heard"):
//
//	threads/{tid}/posts/{pid}/revisions/{n}  n, body, at        (staff read; the author writes one per edit)
//	polls/{pid}/comments/{id}                option, author, authorName, lang, body, at
//	events/{eid}/ratings/{uid}               member, score (1-5), at
//	feedback/{id}                            + lang, reply, repliedBy, repliedAt
//	members/{uid}                            + muted [kind], push, pushToken
//	members/{uid}/notifications/{id}         + sub, text, from

type revisionDoc struct {
	N    int       `firestore:"n"`
	Body string    `firestore:"body"`
	At   time.Time `firestore:"at"`
}

type ideaCommentDoc struct {
	Option     string    `firestore:"option"`
	Author     string    `firestore:"author"`
	AuthorName string    `firestore:"authorName"`
	Lang       string    `firestore:"lang"`
	Body       string    `firestore:"body"`
	At         time.Time `firestore:"at"`
}

type ratingDoc struct {
	Member string    `firestore:"member"`
	Score  int       `firestore:"score"`
	At     time.Time `firestore:"at"`
}

func (s *Store) revisionsOf(threadID, postID string) *firestore.CollectionRef {
	return s.postRef(threadID, postID).Collection("revisions")
}

// EditPost writes revision edits+1 with the old body and updates the post's
// body, terms, edits, editedAt and deleted, in one transaction.
func (s *Store) EditPost(ctx context.Context, threadID, postID, body string, deleted bool, at time.Time) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Post
	ref := s.postRef(threadID, postID)
	err := s.run(ctx, "edit post "+postID, []string{"threads/" + threadID + "/posts/" + postID}, func(tx *firestore.Transaction, ch *changes) error {
		var d postDoc
		if err := must(ctx, tx, ref, &d, "post"); err != nil {
			return err
		}
		old := d.Body
		d.Edits++
		d.Body, d.EditedAt, d.Deleted = body, at, deleted
		if deleted {
			d.Body = ""
		}
		d.Terms = toPostDoc(s.cid, fromPostDoc(postID, d)).Terms
		var when any = at
		if s.serverTimes {
			when = firestore.ServerTimestamp
		}
		rev := map[string]any{"n": d.Edits, "body": old, "at": when}
		if err := tx.Create(s.revisionsOf(threadID, postID).Doc(strconv.Itoa(d.Edits)), rev); err != nil {
			return err
		}
		terms := any(d.Terms)
		if len(d.Terms) == 0 {
			terms = firestore.Delete
		}
		ch.add(community.KindPost, postID, threadID, d.Author)
		out = fromPostDoc(postID, d)
		return tx.Update(ref, []firestore.Update{{Path: "body", Value: d.Body}, {Path: "terms", Value: terms},
			{Path: "edits", Value: d.Edits}, {Path: "editedAt", Value: when}, {Path: "deleted", Value: d.Deleted}})
	})
	return out, err
}

// PostRevisions queries the post's revisions by n.
func (s *Store) PostRevisions(ctx context.Context, threadID, postID string) ([]community.PostRevision, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if _, err := s.Post(ctx, threadID, postID); err != nil {
		return nil, err
	}
	var out []community.PostRevision
	err := docs(ctx, nil, s.revisionsOf(threadID, postID).OrderBy("n", firestore.Asc), func(snap *firestore.DocumentSnapshot) error {
		var d revisionDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, community.PostRevision{ThreadID: threadID, PostID: postID, N: d.N, Body: d.Body, At: d.At})
		return nil
	})
	if err != nil {
		return nil, s.wrap("revisions of "+postID, err)
	}
	return out, nil
}

// AddIdeaComment creates polls/{pid}/comments/{id}.
func (s *Store) AddIdeaComment(ctx context.Context, c community.IdeaComment) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if c.ID == "" || c.PollID == "" || c.OptionID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	if _, err := s.Poll(ctx, c.PollID); err != nil {
		return err
	}
	d := s.stamped(ideaCommentDoc{Option: c.OptionID, Author: c.AuthorID, AuthorName: c.AuthorName, Lang: c.Lang, Body: c.Body, At: c.At}, "at")
	_, err := s.pollRef(c.PollID).Collection("comments").Doc(c.ID).Create(ctx, d)
	return s.write("comment on "+c.OptionID, err, community.Change{Kind: community.KindPoll, ID: c.PollID, MemberID: c.AuthorID})
}

// IdeaComments queries option ==, at asc.
func (s *Store) IdeaComments(ctx context.Context, pollID, optionID string, limit int) ([]community.IdeaComment, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.pollRef(pollID).Collection("comments").Where("option", "==", optionID).OrderBy("at", firestore.Asc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.IdeaComment
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d ideaCommentDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, community.IdeaComment{ID: snap.Ref.ID, PollID: pollID, OptionID: d.Option, AuthorID: d.Author,
			AuthorName: d.AuthorName, Lang: d.Lang, Body: d.Body, At: d.At})
		return nil
	})
	if err != nil {
		return nil, s.wrap("comments on "+optionID, err)
	}
	return out, nil
}

// ReplyFeedback updates the answer's reply, repliedBy and repliedAt.
func (s *Store) ReplyFeedback(ctx context.Context, id, reply, by string, at time.Time) (community.Feedback, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	ref := s.col("feedback").Doc(id)
	var when any = at
	if s.serverTimes {
		when = firestore.ServerTimestamp
	}
	var out community.Feedback
	err := s.run(ctx, "reply to feedback "+id, nil, func(tx *firestore.Transaction, ch *changes) error {
		var d feedbackDoc
		if err := must(ctx, tx, ref, &d, "feedback"); err != nil {
			return err
		}
		d.Reply, d.RepliedBy, d.RepliedAt = reply, by, at
		out = fromFeedbackDoc(id, d)
		ch.add(community.KindFeedback, id, "", d.Member)
		return tx.Update(ref, []firestore.Update{{Path: "reply", Value: reply}, {Path: "repliedBy", Value: by},
			{Path: "repliedAt", Value: when}})
	})
	return out, err
}

func (s *Store) ratingRef(eventID, memberID string) *firestore.DocumentRef {
	return s.eventRef(eventID).Collection("ratings").Doc(memberID)
}

// RateEvent sets events/{eid}/ratings/{uid}.
func (s *Store) RateEvent(ctx context.Context, r community.Rating) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if r.MemberID == "" || r.EventID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	if _, err := s.Event(ctx, r.EventID); err != nil {
		return err
	}
	_, err := s.ratingRef(r.EventID, r.MemberID).Set(ctx, s.stamped(ratingDoc{Member: r.MemberID, Score: r.Score, At: r.At}, "at"))
	return s.write("rate "+r.EventID, err, community.Change{Kind: community.KindEvent, ID: r.EventID, MemberID: r.MemberID})
}

// RatingOf reads the member's rating.
func (s *Store) RatingOf(ctx context.Context, eventID, memberID string) (community.Rating, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d ratingDoc
	if err := must(ctx, nil, s.ratingRef(eventID, memberID), &d, "rating"); err != nil {
		return community.Rating{}, s.wrap("rating of "+eventID, err)
	}
	return community.Rating{EventID: eventID, MemberID: memberID, Score: d.Score, At: d.At}, nil
}

// EventRating is one aggregation query (count and average of score): one
// read per 1,000 ratings, none fetched.
func (s *Store) EventRating(ctx context.Context, eventID string) (community.RatingSummary, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	res, err := s.eventRef(eventID).Collection("ratings").NewAggregationQuery().WithCount("n").WithAvg("score", "avg").Get(ctx)
	if err != nil {
		return community.RatingSummary{}, s.wrap("rating of "+eventID, err)
	}
	n, err := aggInt(res["n"])
	if err != nil || n == 0 {
		return community.RatingSummary{}, err
	}
	avg, err := aggFloat(res["avg"])
	return community.RatingSummary{Count: n, Average: avg}, err
}

func aggFloat(v any) (float64, error) {
	switch n := v.(type) {
	case float64:
		return n, nil
	case int64:
		return float64(n), nil
	case interface{ GetDoubleValue() float64 }:
		return n.GetDoubleValue(), nil
	}
	return 0, fmt.Errorf("aggregation average: unexpected %T", v)
}

// DriftingMembers queries lastActive < activeBefore and lifetimePoints >=
// minLifetime (two range filters), lastActive asc, limit.
func (s *Store) DriftingMembers(ctx context.Context, activeBefore time.Time, minLifetime int64, limit int) ([]community.Member, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("members").Where("lastActive", "<", activeBefore).Where("lifetimePoints", ">=", minLifetime).
		OrderBy("lastActive", firestore.Asc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Member
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d memberDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromMemberDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("drifting members", err)
	}
	return out, nil
}
