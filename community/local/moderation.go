package local

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// UpdatePost edits a post; its Seq, report count and reactions stay as
// stored. A post marked Removed or Reviewed leaves the moderation queue.
func (s *Store) UpdatePost(ctx context.Context, threadID, postID string, fn func(*community.Post) error) (community.Post, error) {
	var out community.Post
	err := s.update(ctx, "update post "+postID, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadPost(tx, threadID, postID)
		if err != nil {
			return err
		}
		p := fromPostRec(old)
		if err := fn(&p); err != nil {
			return err
		}
		r := toPostRec(p)
		r.ID, r.ThreadID, r.Seq, r.Reports, r.Reactions = old.ID, old.ThreadID, old.Seq, old.Reports, old.Reactions
		r.ReportKey = old.ReportKey
		if (r.Removed || r.Reviewed) && r.ReportKey != 0 {
			if err := tx.Bucket(bReported).Delete(be64(r.ReportKey)); err != nil {
				return err
			}
			r.ReportKey = 0
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

// ReportPost records memberID's report once and hides the post at the
// threshold, unless a moderator has already decided on it (Reviewed or Removed).
func (s *Store) ReportPost(ctx context.Context, threadID, postID, memberID string, at time.Time) (community.Post, error) {
	var out community.Post
	err := s.update(ctx, "report post "+postID, func(tx *bolt.Tx, ch *changes) error {
		r, err := loadPost(tx, threadID, postID)
		if err != nil {
			return err
		}
		out = fromPostRec(r)
		reports := tx.Bucket(bReports)
		rk := k(threadID, postID, memberID)
		if reports.Get(rk) != nil {
			return nil
		}
		if err := reports.Put(rk, timeKey(at)); err != nil {
			return err
		}
		reported, queue := community.AddReport(fromPostRec(r), r.ReportKey != 0)
		r.Reports, r.Hidden = reported.Reports, reported.Hidden
		if queue {
			queue := tx.Bucket(bReported)
			if r.ReportKey, err = queue.NextSequence(); err != nil {
				return err
			}
			if err := queue.Put(be64(r.ReportKey), seqKey(threadID, r.Seq)); err != nil {
				return err
			}
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

// React toggles memberID's reaction on a post.
func (s *Store) React(ctx context.Context, threadID, postID, memberID, reaction string) (community.Post, error) {
	var out community.Post
	err := s.update(ctx, "react to "+postID, func(tx *bolt.Tx, ch *changes) error {
		r, err := loadPost(tx, threadID, postID)
		if err != nil {
			return err
		}
		b := tx.Bucket(bReactions)
		rk := k(threadID, memberID, postID, reaction)
		if r.Reactions == nil {
			r.Reactions = map[string]int{}
		}
		if b.Get(rk) != nil {
			err = b.Delete(rk)
			if r.Reactions[reaction]--; r.Reactions[reaction] <= 0 {
				delete(r.Reactions, reaction)
			}
		} else {
			err = b.Put(rk, nil)
			r.Reactions[reaction]++
		}
		if err != nil {
			return err
		}
		if len(r.Reactions) == 0 {
			r.Reactions = nil
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

// ReactionsOf returns memberID's reactions in a thread, by post ID.
func (s *Store) ReactionsOf(ctx context.Context, threadID, memberID string) (map[string][]string, error) {
	out := map[string][]string{}
	err := s.view(ctx, "reactions of "+memberID, func(tx *bolt.Tx) error {
		pfx := prefix(threadID, memberID)
		return each(tx.Bucket(bReactions), pfx, func(key, _ []byte) (bool, error) {
			post, reaction, _ := bytes.Cut(key[len(pfx):], []byte{0})
			out[string(post)] = append(out[string(post)], string(reaction))
			return true, nil
		})
	})
	return out, err
}

// ReportedPosts reads the moderation queue, oldest report first.
func (s *Store) ReportedPosts(ctx context.Context, limit int) ([]community.Post, error) {
	var out []community.Post
	err := s.view(ctx, "reported posts", func(tx *bolt.Tx) error {
		posts := tx.Bucket(bPosts)
		return each(tx.Bucket(bReported), nil, func(_, pk []byte) (bool, error) {
			var r postRec
			if _, err := getJSON(posts, pk, &r); err != nil {
				return false, err
			}
			out = append(out, fromPostRec(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}
