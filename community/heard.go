package community

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ---- search ----

// SearchLimit is how many records of the query's most selective term a
// search reads from the store, per kind (threads, posts); the other terms
// filter that page in memory.
const SearchLimit = 50

// SearchResults are the threads whose title and the posts whose text hold
// every term of a query.
type SearchResults struct {
	Terms   []string
	Threads []Thread
	Posts   []Post
}

// Search finds threads and posts holding every term of query, folded as the
// actor's language says (see search.go). Hidden posts are left out for
// members, as their text is.
func (s *Service) Search(ctx context.Context, a Actor, query string) (SearchResults, error) {
	if err := CheckOptional("query", query, MaxTitleLen); err != nil {
		return SearchResults{}, err
	}
	res := SearchResults{Terms: QueryTerms(query, a.Lang)}
	key := SearchKey(res.Terms)
	if key == "" {
		return res, nil
	}
	threads, err := s.store.SearchThreads(ctx, key, SearchLimit)
	if err != nil {
		return res, fmt.Errorf("search threads: %w", err)
	}
	for _, t := range threads {
		if HasAllTerms(IndexTerms(t.Title, t.Lang), res.Terms) {
			res.Threads = append(res.Threads, t)
		}
	}
	posts, err := s.store.SearchPosts(ctx, key, SearchLimit)
	if err != nil {
		return res, fmt.Errorf("search posts: %w", err)
	}
	for _, p := range posts {
		if p.Removed || p.Deleted || p.Hidden && !a.Can(ActModerate) {
			continue
		}
		if HasAllTerms(IndexTerms(p.Body, p.Lang), res.Terms) {
			res.Posts = append(res.Posts, p)
		}
	}
	return res, nil
}

// ---- editing and deleting one's own post ----

// ownPost reads a post its author may change: theirs, not removed or
// deleted, in a thread that is not locked.
func (s *Service) ownPost(ctx context.Context, a Actor, threadID, postID string) (Post, error) {
	if err := a.require(ActPost); err != nil {
		return Post{}, err
	}
	p, err := s.store.Post(ctx, threadID, postID)
	if err != nil {
		return Post{}, fmt.Errorf("post %s: %w", postID, err)
	}
	if p.AuthorID != a.ID {
		return Post{}, fmt.Errorf("post %s of another member: %w", postID, ErrForbidden)
	}
	if p.Removed || p.Deleted {
		return Post{}, Invalid("post", ReasonInvalid)
	}
	t, err := s.store.Thread(ctx, threadID)
	if err != nil {
		return Post{}, fmt.Errorf("post %s: %w", postID, err)
	}
	if t.Locked {
		return Post{}, Invalid("thread", ReasonLocked)
	}
	return p, nil
}

// EditPost changes the text of the actor's own post. It is marked edited;
// staff can read what it said before (PostRevisions). Members newly
// @mentioned are told.
func (s *Service) EditPost(ctx context.Context, a Actor, threadID, postID, body string) (Post, error) {
	if err := CheckBody("body", body, MaxBodyLen); err != nil {
		return Post{}, err
	}
	old, err := s.ownPost(ctx, a, threadID, postID)
	if err != nil {
		return Post{}, err
	}
	body = strings.TrimSpace(body)
	if body == old.Body {
		return old, nil
	}
	p, err := s.store.EditPost(ctx, threadID, postID, body, false, s.now())
	if err != nil {
		return Post{}, fmt.Errorf("edit post %s: %w", postID, err)
	}
	if people, err := s.ThreadPeople(ctx, threadID); err == nil {
		before := Mentions(old.Body, people, old.Lang)
		var added []Person
		for _, who := range Mentions(p.Body, people, p.Lang) {
			if !slices.Contains(before, who) {
				added = append(added, who)
			}
		}
		t, _ := s.store.Thread(ctx, threadID)
		var notes []Notification
		for _, n := range replyNotices(t, p, added) {
			if n.Kind == NoticeMention {
				notes = append(notes, n)
			}
		}
		_ = s.tellAll(ctx, a.ID, notes)
	}
	return p, nil
}

// DeletePost deletes the actor's own post: its place in the thread stays
// (positions are stable) with no text; staff can still read it.
func (s *Service) DeletePost(ctx context.Context, a Actor, threadID, postID string) (Post, error) {
	if _, err := s.ownPost(ctx, a, threadID, postID); err != nil {
		return Post{}, err
	}
	p, err := s.store.EditPost(ctx, threadID, postID, "", true, s.now())
	if err != nil {
		return Post{}, fmt.Errorf("delete post %s: %w", postID, err)
	}
	return p, nil
}

// PostRevisions returns what a post said before its author changed it
// (staff only).
func (s *Service) PostRevisions(ctx context.Context, a Actor, threadID, postID string) ([]PostRevision, error) {
	if err := a.require(ActModerate); err != nil {
		return nil, err
	}
	return s.store.PostRevisions(ctx, threadID, postID)
}

// ---- withdrawing one's story ----

// WithdrawStory takes back the actor's consent to their story: it leaves
// the published stories (and the queue) at once. Its points stay earned.
func (s *Service) WithdrawStory(ctx context.Context, a Actor, id string) (Story, error) {
	if err := a.require(ActSubmitStory); err != nil {
		return Story{}, err
	}
	st, err := s.store.UpdateStory(ctx, id, func(st *Story) error {
		if st.AuthorID != a.ID {
			return fmt.Errorf("story %s of another member: %w", id, ErrForbidden)
		}
		st.Consent, st.Status = false, StoryWithdrawn
		return nil
	})
	if err != nil {
		return Story{}, fmt.Errorf("withdraw story %s: %w", id, err)
	}
	return st, nil
}

// ---- comments on ideas ----

// CommentIdea adds the actor's comment to an idea that members can see
// (not pending).
func (s *Service) CommentIdea(ctx context.Context, a Actor, pollID, optionID, body string) (IdeaComment, error) {
	if err := a.require(ActPost); err != nil {
		return IdeaComment{}, err
	}
	if err := CheckBody("body", body, MaxCommentLen); err != nil {
		return IdeaComment{}, err
	}
	p, err := s.store.Poll(ctx, pollID)
	if err != nil {
		return IdeaComment{}, fmt.Errorf("comment on %s: %w", optionID, err)
	}
	o, ok := p.Option(optionID)
	if !ok || o.Status == IdeaPending {
		return IdeaComment{}, fmt.Errorf("idea %s: %w", optionID, ErrNotFound)
	}
	c := IdeaComment{ID: NewID(), PollID: pollID, OptionID: optionID, AuthorID: a.ID, AuthorName: a.Name, Lang: a.Lang,
		Body: strings.TrimSpace(body), At: s.now()}
	if err := s.store.AddIdeaComment(ctx, c); err != nil {
		return IdeaComment{}, fmt.Errorf("comment on %s: %w", optionID, err)
	}
	s.touch(ctx, a.ID)
	return c, nil
}

// IdeaComments returns an idea's comments, oldest first.
func (s *Service) IdeaComments(ctx context.Context, pollID, optionID string) ([]IdeaComment, error) {
	return s.store.IdeaComments(ctx, pollID, optionID, PageSize)
}

// ---- idea statuses told ----

// ideaNotice is the notice kind of an idea's new status ("" for none).
func ideaNotice(st IdeaStatus) string {
	switch st {
	case IdeaPlanned:
		return NoticeIdeaPlanned
	case IdeaInProgress:
		return NoticeIdeaInProgress
	case IdeaShipped:
		return NoticeIdeaShipped
	case IdeaDeclined:
		return NoticeIdeaDeclined
	}
	return ""
}

// IdeaNotices are the notices of an idea's move to its status, for its
// proposer and each voter once: planned, in progress, shipped (a thank-you
// always, with points when earn gives some) and declined (with the reason).
// None for the other statuses.
func IdeaNotices(p Poll, o Option, voters []string, earn EarnRules, now time.Time) []Notification {
	kind := ideaNotice(o.Status)
	if kind == "" {
		return nil
	}
	var out []Notification
	seen := map[string]bool{"": true}
	add := func(id string, amount int64) {
		if seen[id] {
			return
		}
		seen[id] = true
		n := Notification{ID: "idea:" + p.ID + ":" + o.ID + ":" + string(o.Status) + ":" + id, MemberID: id, Kind: kind,
			Ref: p.ID, Sub: o.ID, Title: o.Text, At: now}
		if kind == NoticeIdeaShipped {
			n.Amount = amount
		}
		if kind == NoticeIdeaDeclined {
			n.Text = o.Reason
		}
		out = append(out, n)
	}
	add(o.By, earn.IdeaShipped)
	for _, v := range voters {
		add(v, earn.IdeaVoter)
	}
	return out
}

// DeclineIdea declines an idea (staff only), telling its proposer and
// voters why.
func (s *Service) DeclineIdea(ctx context.Context, a Actor, pollID, optionID, reason string) (Poll, error) {
	if err := CheckOptional("reason", reason, MaxNoteLen); err != nil {
		return Poll{}, err
	}
	return s.setIdeaStatus(ctx, a, pollID, optionID, IdeaDeclined, strings.TrimSpace(reason))
}

// ---- the owner hears ----

// Detractor reports whether an NPS score is a detractor's (0 to 6).
func Detractor(score int) bool { return score <= 6 }

// FeedbackComments returns the answers with a comment, newest first; only
// detractors' (0-6) when detractors is true.
func FeedbackComments(answers []Feedback, detractors bool) []Feedback {
	var out []Feedback
	for _, f := range answers {
		if strings.TrimSpace(f.Comment) != "" && (!detractors || Detractor(f.Score)) {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Feedback) int { return b.At.Compare(a.At) })
	return out
}

// FeedbackComments lists the comments of the last NPSDays (staff only).
func (s *Service) FeedbackComments(ctx context.Context, a Actor, detractors bool) ([]Feedback, error) {
	if err := a.require(ActViewInsights); err != nil {
		return nil, err
	}
	answers, err := s.store.Feedback(ctx, s.now().AddDate(0, 0, -NPSDays))
	if err != nil {
		return nil, fmt.Errorf("feedback comments: %w", err)
	}
	return FeedbackComments(answers, detractors), nil
}

// ReplyToFeedback answers a member's feedback privately (staff): the member
// is told, and reads the reply under their answer.
func (s *Service) ReplyToFeedback(ctx context.Context, a Actor, feedbackID, reply string) (Feedback, error) {
	if err := a.require(ActAnswerMembers); err != nil {
		return Feedback{}, err
	}
	if err := first(CheckID("feedback", feedbackID), CheckBody("reply", reply, MaxCommentLen)); err != nil {
		return Feedback{}, err
	}
	now := s.now()
	f, err := s.store.ReplyFeedback(ctx, feedbackID, strings.TrimSpace(reply), a.ID, now)
	if err != nil {
		return Feedback{}, fmt.Errorf("reply to feedback %s: %w", feedbackID, err)
	}
	n := Notification{ID: NoticeFeedbackReply + ":" + f.ID + ":" + now.UTC().Format("20060102T150405"), MemberID: f.MemberID,
		Kind: NoticeFeedbackReply, Ref: f.ID, Text: excerpt(f.Reply), From: a.Name, At: now}
	if err := s.notify(ctx, n); err != nil {
		return f, err
	}
	return f, nil
}

// MyFeedback returns the actor's answers of the last NPSDays with the
// owner's replies, newest first.
func (s *Service) MyFeedback(ctx context.Context, a Actor) ([]Feedback, error) {
	recs, err := s.store.MemberRecords(ctx, a.ID)
	if err != nil {
		return nil, fmt.Errorf("my feedback: %w", err)
	}
	out := recs.Feedback
	slices.SortStableFunc(out, func(a, b Feedback) int { return b.At.Compare(a.At) })
	return out, nil
}

// RateEvent records the actor's 1-5 answer to "how was it?" for an event
// they were checked in at.
func (s *Service) RateEvent(ctx context.Context, a Actor, eventID string, score int) error {
	if err := a.require(ActFeedback); err != nil {
		return err
	}
	if err := CheckRange("score", int64(score), 1, 5); err != nil {
		return err
	}
	r, err := s.store.RSVPOf(ctx, eventID, a.ID)
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("rate %s: %w", eventID, err)
	}
	if r.Status != StatusCheckedIn {
		return Invalid("event", ReasonInvalid)
	}
	if err := s.store.RateEvent(ctx, Rating{EventID: eventID, MemberID: a.ID, Score: score, At: s.now()}); err != nil {
		return fmt.Errorf("rate %s: %w", eventID, err)
	}
	return nil
}

// MyRating returns the actor's rating of an event, 0 when none.
func (s *Service) MyRating(ctx context.Context, a Actor, eventID string) (int, error) {
	r, err := s.store.RatingOf(ctx, eventID, a.ID)
	if isNotFound(err) {
		return 0, nil
	}
	return r.Score, err
}

// DriftDays is how long a regular may stay away before the owner is shown
// them as drifting.
const DriftDays = 30

// RegularThreshold is the lifetime points that make a member a regular: the
// second tier's threshold (the first is everyone), or a single point when
// the community has one tier.
func RegularThreshold(c Community) int64 {
	if len(c.Tiers) > 1 && c.Tiers[1].Threshold > 0 {
		return c.Tiers[1].Threshold
	}
	return 1
}

// DriftingRegulars lists regulars with no activity for DriftDays or more,
// longest gone first (staff only).
func (s *Service) DriftingRegulars(ctx context.Context, a Actor, limit int) ([]Member, error) {
	if err := a.require(ActViewInsights); err != nil {
		return nil, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return nil, fmt.Errorf("drifting regulars: %w", err)
	}
	ms, err := s.store.DriftingMembers(ctx, s.now().AddDate(0, 0, -DriftDays), RegularThreshold(c), limit)
	if err != nil {
		return nil, fmt.Errorf("drifting regulars: %w", err)
	}
	return ms, nil
}

// SendNote sends a member a note from the owner ("we miss you"): one a day
// per member at most.
func (s *Service) SendNote(ctx context.Context, a Actor, memberID, text string) (Notification, error) {
	if err := a.require(ActAnswerMembers); err != nil {
		return Notification{}, err
	}
	if err := first(CheckID("member", memberID), CheckBody("note", text, MaxNoteLen)); err != nil {
		return Notification{}, err
	}
	now := s.now()
	n := Notification{ID: NoticeNote + ":" + memberID + ":" + now.UTC().Format("20060102"), MemberID: memberID, Kind: NoticeNote,
		Text: strings.TrimSpace(text), From: a.Name, At: now}
	if _, err := s.store.Member(ctx, memberID); err != nil {
		return Notification{}, fmt.Errorf("note to %s: %w", memberID, err)
	}
	return n, s.notify(ctx, n)
}
