package local

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// CreateStory adds a story with no likes.
func (s *Store) CreateStory(ctx context.Context, st community.Story) error {
	return s.update(ctx, "create story "+st.ID, func(tx *bolt.Tx, ch *changes) error {
		if st.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if tx.Bucket(bStories).Get([]byte(st.ID)) != nil {
			return conflict("story", st.ID)
		}
		r := toStoryRec(st)
		r.Likes = 0
		if r.AuthorID != "" {
			if err := tx.Bucket(bAuthored).Put(k(r.AuthorID, "s", r.ID), nil); err != nil {
				return err
			}
		}
		ch.add(community.KindStory, r.ID, "", r.AuthorID)
		return saveStory(tx, nil, r)
	})
}

// UpdateStory edits a story; its like count stays as stored.
func (s *Store) UpdateStory(ctx context.Context, id string, fn func(*community.Story) error) (community.Story, error) {
	var out community.Story
	err := s.update(ctx, "update story "+id, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadStory(tx, id)
		if err != nil {
			return err
		}
		st := fromStoryRec(old)
		if err := fn(&st); err != nil {
			return err
		}
		r := toStoryRec(st)
		r.ID, r.Likes = old.ID, old.Likes
		if err := saveStory(tx, &old, r); err != nil {
			return err
		}
		ch.add(community.KindStory, id, "", r.AuthorID)
		out = fromStoryRec(r)
		return nil
	})
	return out, err
}

// Story returns a story.
func (s *Store) Story(ctx context.Context, id string) (community.Story, error) {
	var r storyRec
	err := s.view(ctx, "story "+id, func(tx *bolt.Tx) (err error) {
		r, err = loadStory(tx, id)
		return err
	})
	return fromStoryRec(r), err
}

// Stories lists stories with the status, newest first: published ones by
// PublishedAt, the others by SubmittedAt.
func (s *Store) Stories(ctx context.Context, status community.StoryStatus, limit int) ([]community.Story, error) {
	var out []community.Story
	err := s.view(ctx, "stories", func(tx *bolt.Tx) error {
		return each(tx.Bucket(bStoryOrder), prefix(string(status)), func(key, _ []byte) (bool, error) {
			r, err := loadStory(tx, string(key[len(status)+1+12:]))
			if err != nil {
				return false, err
			}
			out = append(out, fromStoryRec(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// LikeStory toggles memberID's like and returns the story and whether they like it now.
func (s *Store) LikeStory(ctx context.Context, storyID, memberID string) (community.Story, bool, error) {
	var out community.Story
	var liked bool
	err := s.update(ctx, "like story "+storyID, func(tx *bolt.Tx, ch *changes) error {
		r, err := loadStory(tx, storyID)
		if err != nil {
			return err
		}
		likes, key := tx.Bucket(bLikes), k(storyID, memberID)
		liked = likes.Get(key) == nil
		if liked {
			err = likes.Put(key, nil)
			r.Likes++
		} else {
			err = likes.Delete(key)
			r.Likes--
		}
		if err != nil {
			return err
		}
		if err := saveStory(tx, &r, r); err != nil {
			return err
		}
		ch.add(community.KindStory, storyID, "", r.AuthorID)
		out = fromStoryRec(r)
		return nil
	})
	return out, liked, err
}

// Liked reports whether memberID likes the story.
func (s *Store) Liked(ctx context.Context, storyID, memberID string) (bool, error) {
	var liked bool
	err := s.view(ctx, "liked "+storyID, func(tx *bolt.Tx) error {
		if _, err := loadStory(tx, storyID); err != nil {
			return err
		}
		liked = tx.Bucket(bLikes).Get(k(storyID, memberID)) != nil
		return nil
	})
	return liked, err
}

func loadStory(tx *bolt.Tx, id string) (storyRec, error) {
	var r storyRec
	found, err := getJSON(tx.Bucket(bStories), []byte(id), &r)
	if err == nil && !found {
		err = notFound("story", id)
	}
	return r, err
}

func storyKey(r storyRec) []byte {
	at := r.SubmittedAt
	if r.Status == string(community.StoryPublished) && !r.PublishedAt.IsZero() {
		at = r.PublishedAt
	}
	return cat(prefix(r.Status), invTimeKey(at), []byte(r.ID))
}

// saveStory stores r and moves its status-and-time index entry from old.
func saveStory(tx *bolt.Tx, old *storyRec, r storyRec) error {
	order := tx.Bucket(bStoryOrder)
	if old != nil {
		if err := order.Delete(storyKey(*old)); err != nil {
			return err
		}
	}
	if err := order.Put(storyKey(r), nil); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bStories), []byte(r.ID), r)
}
