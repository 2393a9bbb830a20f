package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// storyDoc is stories/{id}. sortAt is publishedAt once published, else
// submittedAt: the order Stories lists by.
type storyDoc struct {
	Author      string    `firestore:"author"`
	AuthorName  string    `firestore:"authorName"`
	AuthorSince time.Time `firestore:"authorSince"`
	Lang        string    `firestore:"lang"`
	Title       string    `firestore:"title"`
	Body        string    `firestore:"body"`
	Consent     bool      `firestore:"consent"`
	Status      string    `firestore:"status"`
	Likes       int       `firestore:"likes"`
	SubmittedAt time.Time `firestore:"submittedAt"`
	PublishedAt time.Time `firestore:"publishedAt"`
	SortAt      time.Time `firestore:"sortAt"`
}

func toStoryDoc(s community.Story) storyDoc {
	d := storyDoc{Author: s.AuthorID, AuthorName: s.AuthorName, AuthorSince: s.AuthorSince, Lang: s.Lang, Title: s.Title,
		Body: s.Body, Consent: s.Consent, Status: string(s.Status), Likes: s.Likes, SubmittedAt: s.SubmittedAt,
		PublishedAt: s.PublishedAt, SortAt: s.SubmittedAt}
	if s.Status == community.StoryPublished && !s.PublishedAt.IsZero() {
		d.SortAt = s.PublishedAt
	}
	return d
}

func fromStoryDoc(id string, d storyDoc) community.Story {
	return community.Story{ID: id, AuthorID: d.Author, AuthorName: d.AuthorName, AuthorSince: d.AuthorSince, Lang: d.Lang,
		Title: d.Title, Body: d.Body, Consent: d.Consent, Status: community.StoryStatus(d.Status), Likes: d.Likes,
		SubmittedAt: d.SubmittedAt, PublishedAt: d.PublishedAt}
}

// likeDoc is stories/{id}/likes/{uid}.
type likeDoc struct {
	Member string `firestore:"member"`
}

// CreateStory adds a story with no likes; a taken ID is ErrConflict.
func (s *Store) CreateStory(ctx context.Context, st community.Story) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if st.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	st.Likes = 0
	_, err := s.storyRef(st.ID).Create(ctx, toStoryDoc(st))
	return s.write("create story "+st.ID, err, community.Change{Kind: community.KindStory, ID: st.ID, MemberID: st.AuthorID})
}

// UpdateStory edits a story; its like count stays as stored.
func (s *Store) UpdateStory(ctx context.Context, id string, fn func(*community.Story) error) (community.Story, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Story
	err := s.run(ctx, "update story "+id, []string{"stories/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var old storyDoc
		if err := must(ctx, tx, s.storyRef(id), &old, "story"); err != nil {
			return err
		}
		st := fromStoryDoc(id, old)
		if err := fn(&st); err != nil {
			return err
		}
		st.ID, st.Likes = id, old.Likes
		d := toStoryDoc(st)
		ch.add(community.KindStory, id, "", d.Author)
		out = fromStoryDoc(id, d)
		return tx.Set(s.storyRef(id), d)
	})
	return out, err
}

// Story returns a story.
func (s *Store) Story(ctx context.Context, id string) (community.Story, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d storyDoc
	if err := must(ctx, nil, s.storyRef(id), &d, "story"); err != nil {
		return community.Story{}, s.wrap("story "+id, err)
	}
	return fromStoryDoc(id, d), nil
}

// Stories queries stories by status, newest sortAt first.
func (s *Store) Stories(ctx context.Context, status community.StoryStatus, limit int) ([]community.Story, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("stories").Where("status", "==", string(status)).OrderBy("sortAt", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Story
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d storyDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromStoryDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("stories", err)
	}
	return out, nil
}

// LikeStory toggles memberID's like (doc ID = member) and the story's count.
func (s *Store) LikeStory(ctx context.Context, storyID, memberID string) (community.Story, bool, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Story
	var liked bool
	if memberID == "" {
		return out, false, community.Invalid("member", community.ReasonRequired)
	}
	err := s.run(ctx, "like story "+storyID, []string{"stories/" + storyID}, func(tx *firestore.Transaction, ch *changes) error {
		var d storyDoc
		if err := must(ctx, tx, s.storyRef(storyID), &d, "story"); err != nil {
			return err
		}
		ref := s.storyRef(storyID).Collection("likes").Doc(memberID)
		found, err := get(ctx, tx, ref, &likeDoc{})
		if err != nil {
			return err
		}
		liked = !found
		if liked {
			err = tx.Create(ref, likeDoc{Member: memberID})
			d.Likes++
		} else {
			err = tx.Delete(ref)
			d.Likes--
		}
		if err != nil {
			return err
		}
		ch.add(community.KindStory, storyID, "", d.Author)
		out = fromStoryDoc(storyID, d)
		return tx.Update(s.storyRef(storyID), []firestore.Update{{Path: "likes", Value: d.Likes}})
	})
	return out, liked, err
}

// Liked reports whether memberID likes the story.
func (s *Store) Liked(ctx context.Context, storyID, memberID string) (bool, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if _, err := s.Story(ctx, storyID); err != nil {
		return false, err
	}
	found, err := get(ctx, nil, s.storyRef(storyID).Collection("likes").Doc(memberID), &likeDoc{})
	if err != nil {
		return false, s.wrap("liked "+storyID, err)
	}
	return found, nil
}
