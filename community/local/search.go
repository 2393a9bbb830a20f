package local

import (
	"bytes"
	"context"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// Search index: bucket "search" holds, for each term of a thread's title and
// of a post's body (community.IndexTerms, kept on the record as Terms),
//
//	"t" \x00 term \x00 ^timeKey(createdAt) threadID           -> nil
//	"p" \x00 term \x00 ^timeKey(at) threadID \x00 postID     -> nil
//
// so a term's records come newest first with a seek; the records' own keys
// never change order, so only a new text moves their entries.
var bSearch = []byte("search")

func init() {
	allBuckets = append(allBuckets, bSearch)
	backfills = append(backfills, struct {
		bucket []byte
		fill   func(tx *bolt.Tx) error
	}{bSearch, backfillSearch})
}

func threadTermKey(term string, t threadRec) []byte {
	return cat(prefix("t", term), invTimeKey(t.CreatedAt), []byte(t.ID))
}

func postTermKey(term string, p postRec) []byte {
	return cat(prefix("p", term), invTimeKey(p.At), k(p.ThreadID, p.ID))
}

// indexThread sets t's terms from its title and moves its index entries
// from old's (nil for a new thread).
func indexThread(tx *bolt.Tx, old *threadRec, t *threadRec) error {
	t.Terms = community.IndexTerms(t.Title, t.Lang)
	b := tx.Bucket(bSearch)
	if old != nil {
		if slices.Equal(old.Terms, t.Terms) && old.CreatedAt.Equal(t.CreatedAt) {
			return nil
		}
		for _, term := range old.Terms {
			if err := b.Delete(threadTermKey(term, *old)); err != nil {
				return err
			}
		}
	}
	for _, term := range t.Terms {
		if err := b.Put(threadTermKey(term, *t), nil); err != nil {
			return err
		}
	}
	return nil
}

// indexPost sets p's terms from its body and moves its index entries from
// old's (nil for a new post).
func indexPost(tx *bolt.Tx, old *postRec, p *postRec) error {
	p.Terms = nil
	if !p.Deleted {
		p.Terms = community.IndexTerms(p.Body, p.Lang)
	}
	b := tx.Bucket(bSearch)
	if old != nil {
		if slices.Equal(old.Terms, p.Terms) && old.At.Equal(p.At) {
			return nil
		}
		for _, term := range old.Terms {
			if err := b.Delete(postTermKey(term, *old)); err != nil {
				return err
			}
		}
	}
	for _, term := range p.Terms {
		if err := b.Put(postTermKey(term, *p), nil); err != nil {
			return err
		}
	}
	return nil
}

// SearchPosts walks the term's post entries, newest first, skipping removed
// and deleted posts.
func (s *Store) SearchPosts(ctx context.Context, term string, limit int) ([]community.Post, error) {
	var out []community.Post
	err := s.view(ctx, "search posts", func(tx *bolt.Tx) error {
		pfx := prefix("p", term)
		return each(tx.Bucket(bSearch), pfx, func(key, _ []byte) (bool, error) {
			ids := bytes.SplitN(key[len(pfx)+12:], []byte{0}, 2)
			if len(ids) != 2 {
				return true, nil
			}
			r, err := loadPost(tx, string(ids[0]), string(ids[1]))
			if err != nil {
				return false, err
			}
			if !r.Removed && !r.Deleted {
				out = append(out, fromPostRec(r))
			}
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// SearchThreads walks the term's thread entries, newest thread first.
func (s *Store) SearchThreads(ctx context.Context, term string, limit int) ([]community.Thread, error) {
	var out []community.Thread
	err := s.view(ctx, "search threads", func(tx *bolt.Tx) error {
		pfx := prefix("t", term)
		return each(tx.Bucket(bSearch), pfx, func(key, _ []byte) (bool, error) {
			t, err := loadThread(tx, string(key[len(pfx)+12:]))
			if err != nil {
				return false, err
			}
			out = append(out, fromThreadRec(t))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// backfillSearch indexes the threads and posts of a file written before
// search existed.
func backfillSearch(tx *bolt.Tx) error {
	var threads []threadRec
	var posts []postRec
	err := each(tx.Bucket(bThreads), nil, func(_, v []byte) (bool, error) {
		var t threadRec
		if err := decode(v, &t); err != nil {
			return false, err
		}
		threads = append(threads, t)
		return true, nil
	})
	if err == nil {
		err = each(tx.Bucket(bPosts), nil, func(_, v []byte) (bool, error) {
			var p postRec
			if err := decode(v, &p); err != nil {
				return false, err
			}
			posts = append(posts, p)
			return true, nil
		})
	}
	if err != nil {
		return err
	}
	for i := range threads {
		if err := indexThread(tx, nil, &threads[i]); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bThreads), []byte(threads[i].ID), threads[i]); err != nil {
			return err
		}
	}
	for i := range posts {
		if err := indexPost(tx, nil, &posts[i]); err != nil {
			return err
		}
		if err := savePost(tx, posts[i]); err != nil {
			return err
		}
	}
	return nil
}
