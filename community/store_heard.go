package community

import (
	"context"
	"time"
)

// The stores' side of "being heard" (issue 14): search, post edits, idea
// comments, replies to feedback, event ratings and drifting regulars. Kept
// apart from store.go so the areas merge apart.

// SearchStore finds threads and posts by their search terms. Stores keep
// the terms themselves: IndexTerms of a post's body (in its Lang) and of a
// thread's title, set whenever the text is written, so no caller can forget.
type SearchStore interface {
	// SearchPosts returns up to limit posts whose body's terms hold term,
	// newest first, leaving out removed and deleted posts.
	SearchPosts(ctx context.Context, term string, limit int) ([]Post, error)
	// SearchThreads returns up to limit threads whose title's terms hold
	// term, latest post first.
	SearchThreads(ctx context.Context, term string, limit int) ([]Thread, error)
}

// PostEditStore keeps what authors change of their posts.
type PostEditStore interface {
	// EditPost replaces a post's body (deleted: empties it and marks it
	// Deleted) and keeps the text it had as revision Edits+1, atomically;
	// Edits grows by one and EditedAt becomes at; the search terms follow
	// the new body. ErrNotFound for a missing post.
	EditPost(ctx context.Context, threadID, postID, body string, deleted bool, at time.Time) (Post, error)
	// PostRevisions returns a post's earlier texts, oldest first.
	PostRevisions(ctx context.Context, threadID, postID string) ([]PostRevision, error)
}

// IdeaComment is a member's comment on an idea.
type IdeaComment struct {
	ID         string
	PollID     string
	OptionID   string
	AuthorID   string
	AuthorName string
	Lang       string
	Body       string
	At         time.Time
}

// IdeaCommentStore keeps comments on ideas.
type IdeaCommentStore interface {
	// AddIdeaComment stores a comment; ErrConflict when its ID is taken.
	AddIdeaComment(ctx context.Context, c IdeaComment) error
	// IdeaComments returns an idea's comments, oldest first, at most limit.
	IdeaComments(ctx context.Context, pollID, optionID string, limit int) ([]IdeaComment, error)
}

// Rating is a member's 1-5 answer to "how was it?" after an event they
// were checked in at.
type Rating struct {
	EventID  string
	MemberID string
	Score    int
	At       time.Time
}

// RatingSummary is how an event was rated.
type RatingSummary struct {
	Count   int
	Average float64 // 0 when Count is 0
}

// HeardStore keeps the owner's side of being heard.
type HeardStore interface {
	// ReplyFeedback stores the owner's private reply to an answer and returns
	// the answer; ErrNotFound when there is none with that ID.
	ReplyFeedback(ctx context.Context, id, reply, by string, at time.Time) (Feedback, error)
	// RateEvent records or replaces a member's rating of an event.
	RateEvent(ctx context.Context, r Rating) error
	// RatingOf returns a member's rating of an event (ErrNotFound when none).
	RatingOf(ctx context.Context, eventID, memberID string) (Rating, error)
	// EventRating summarises an event's ratings without reading them all
	// where the backend can (aggregations).
	EventRating(ctx context.Context, eventID string) (RatingSummary, error)
	// DriftingMembers returns up to limit members with lifetime points at
	// least minLifetime who were last active before activeBefore, longest
	// gone first.
	DriftingMembers(ctx context.Context, activeBefore time.Time, minLifetime int64, limit int) ([]Member, error)
}
