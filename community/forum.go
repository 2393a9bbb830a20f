package community

import (
	"context"
	"fmt"
	"strings"
)

// PageSize is how many threads or posts a screen asks for at a time.
const PageSize = 30

// StartThread opens a thread in a category with its first post.
func (s *Service) StartThread(ctx context.Context, a Actor, category, title, body string) (Thread, error) {
	if err := a.require(ActPost); err != nil {
		return Thread{}, err
	}
	if err := first(CheckID("category", category), CheckName("title", title, MaxTitleLen), CheckBody("body", body, MaxBodyLen)); err != nil {
		return Thread{}, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return Thread{}, fmt.Errorf("start thread: %w", err)
	}
	known := false
	for _, cat := range c.Categories {
		known = known || cat.ID == category
	}
	if !known {
		return Thread{}, Invalid("category", ReasonInvalid)
	}
	now := s.now()
	t := Thread{ID: NewID(), Category: category, Title: strings.TrimSpace(title), AuthorID: a.ID, AuthorName: a.Name,
		Lang: a.Lang, CreatedAt: now, LastPostAt: now}
	p := Post{ID: NewID(), ThreadID: t.ID, AuthorID: a.ID, AuthorName: a.Name, Lang: a.Lang, Body: strings.TrimSpace(body), At: now}
	t, _, err = s.store.CreateThread(ctx, t, p)
	if err != nil {
		return Thread{}, fmt.Errorf("start thread: %w", err)
	}
	s.touch(ctx, a.ID)
	_, _ = s.markRead(ctx, a, t.ID, 1, t.LastPostAt, true) // best effort: their own post is no news to them
	return t, nil
}

// Reply adds a post to a thread; refused when the thread is locked. The
// thread's author and participants are told, and members it @mentions
// (notify.go).
func (s *Service) Reply(ctx context.Context, a Actor, threadID, body string) (Post, error) {
	if err := a.require(ActPost); err != nil {
		return Post{}, err
	}
	if err := CheckBody("body", body, MaxBodyLen); err != nil {
		return Post{}, err
	}
	p, err := s.store.AddPost(ctx, Post{ID: NewID(), ThreadID: threadID, AuthorID: a.ID, AuthorName: a.Name,
		Lang: a.Lang, Body: strings.TrimSpace(body), At: s.now()})
	if err != nil {
		return Post{}, fmt.Errorf("reply to %s: %w", threadID, err)
	}
	s.touch(ctx, a.ID)
	_, _ = s.markRead(ctx, a, threadID, p.Seq, p.At, true) // best effort, as below: their own post is no news to them
	_ = s.tellReply(ctx, p)                                // best effort: the reply is posted
	return p, nil
}

// Threads pages through a category's threads (all categories when empty).
func (s *Service) Threads(ctx context.Context, category, cursor string) ([]Thread, string, error) {
	return s.store.Threads(ctx, ThreadQuery{Category: category, Limit: PageSize, Cursor: cursor})
}

// Thread returns one thread.
func (s *Service) Thread(ctx context.Context, id string) (Thread, error) {
	return s.store.Thread(ctx, id)
}

// Posts returns up to limit posts of a thread from position fromSeq. Hidden
// and removed posts are returned too, flagged, so positions stay stable; the
// screen shows a placeholder for them (and their text to moderators).
func (s *Service) Posts(ctx context.Context, threadID string, fromSeq int64, limit int) ([]Post, error) {
	return s.store.Posts(ctx, threadID, fromSeq, limit)
}

// React toggles the actor's reaction on a post.
func (s *Service) React(ctx context.Context, a Actor, threadID, postID, reaction string) (Post, error) {
	if err := a.require(ActReact); err != nil {
		return Post{}, err
	}
	ok := false
	for _, r := range Reactions {
		ok = ok || r == reaction
	}
	if !ok {
		return Post{}, Invalid("reaction", ReasonInvalid)
	}
	return s.store.React(ctx, threadID, postID, a.ID, reaction)
}

// MyReactions returns the reactions the actor left in a thread, by post ID.
func (s *Service) MyReactions(ctx context.Context, a Actor, threadID string) (map[string][]string, error) {
	return s.store.ReactionsOf(ctx, threadID, a.ID)
}

// Report flags a post. Each member counts once; at ReportThreshold different
// members the post is hidden until a moderator decides.
func (s *Service) Report(ctx context.Context, a Actor, threadID, postID string) (Post, error) {
	if err := a.require(ActReport); err != nil {
		return Post{}, err
	}
	return s.store.ReportPost(ctx, threadID, postID, a.ID, s.now())
}

// ModeratePost restores (keep == true) or removes a reported post (staff only).
func (s *Service) ModeratePost(ctx context.Context, a Actor, threadID, postID string, keep bool) (Post, error) {
	if err := a.require(ActModerate); err != nil {
		return Post{}, err
	}
	return s.store.UpdatePost(ctx, threadID, postID, func(p *Post) error {
		p.Hidden, p.Removed, p.Reviewed = false, !keep, true
		return nil
	})
}

// ReportedPosts lists posts waiting for a moderator (staff only).
func (s *Service) ReportedPosts(ctx context.Context, a Actor, limit int) ([]Post, error) {
	if err := a.require(ActModerate); err != nil {
		return nil, err
	}
	return s.store.ReportedPosts(ctx, limit)
}

// PinThread pins or unpins a thread (staff only).
func (s *Service) PinThread(ctx context.Context, a Actor, id string, pinned bool) (Thread, error) {
	if err := a.require(ActModerate); err != nil {
		return Thread{}, err
	}
	return s.store.UpdateThread(ctx, id, func(t *Thread) error { t.Pinned = pinned; return nil })
}

// LockThread locks or unlocks a thread (staff only); a locked thread takes no replies.
func (s *Service) LockThread(ctx context.Context, a Actor, id string, locked bool) (Thread, error) {
	if err := a.require(ActModerate); err != nil {
		return Thread{}, err
	}
	return s.store.UpdateThread(ctx, id, func(t *Thread) error { t.Locked = locked; return nil })
}
