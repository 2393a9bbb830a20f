package local

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// CreateThread adds a thread and its first post (Seq 1) atomically.
func (s *Store) CreateThread(ctx context.Context, t community.Thread, first community.Post) (community.Thread, community.Post, error) {
	var post community.Post
	err := s.update(ctx, "create thread "+t.ID, func(tx *bolt.Tx, ch *changes) error {
		if t.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if tx.Bucket(bThreads).Get([]byte(t.ID)) != nil {
			return conflict("thread", t.ID)
		}
		r := toThreadRec(t)
		r.Posts, r.LastSeq = 0, 0
		p, err := addPost(tx, &r, first, ch)
		if err != nil {
			return err
		}
		if r.AuthorID != "" {
			if err := tx.Bucket(bAuthored).Put(k(r.AuthorID, "t", r.ID), nil); err != nil {
				return err
			}
		}
		if err := saveThread(tx, nil, r); err != nil {
			return err
		}
		ch.add(community.KindThread, r.ID, "", r.AuthorID)
		t, post = fromThreadRec(r), p
		return nil
	})
	return t, post, err
}

// UpdateThread edits a thread; its post count stays as stored.
func (s *Store) UpdateThread(ctx context.Context, id string, fn func(*community.Thread) error) (community.Thread, error) {
	var out community.Thread
	err := s.update(ctx, "update thread "+id, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadThread(tx, id)
		if err != nil {
			return err
		}
		t := fromThreadRec(old)
		if err := fn(&t); err != nil {
			return err
		}
		r := toThreadRec(t)
		r.ID, r.Posts, r.LastSeq = old.ID, old.Posts, old.LastSeq
		if err := saveThread(tx, &old, r); err != nil {
			return err
		}
		ch.add(community.KindThread, id, "", "")
		out = fromThreadRec(r)
		return nil
	})
	return out, err
}

// Thread returns a thread.
func (s *Store) Thread(ctx context.Context, id string) (community.Thread, error) {
	var r threadRec
	err := s.view(ctx, "thread "+id, func(tx *bolt.Tx) (err error) {
		r, err = loadThread(tx, id)
		return err
	})
	return fromThreadRec(r), err
}

// Threads pages through the order index: the cursor is the hex of the last
// index key of the previous page, so a page costs a seek and limit reads.
func (s *Store) Threads(ctx context.Context, q community.ThreadQuery) ([]community.Thread, string, error) {
	var out []community.Thread
	var next string
	after, err := hex.DecodeString(q.Cursor)
	if err != nil {
		return nil, "", fmt.Errorf("threads: cursor: %w", community.Invalid("cursor", community.ReasonInvalid))
	}
	err = s.view(ctx, "threads", func(tx *bolt.Tx) error {
		b, pfx := tx.Bucket(bThreadOrder), []byte(nil)
		if q.Category != "" {
			b, pfx = tx.Bucket(bThreadCat), prefix(q.Category)
		}
		c := b.Cursor()
		key, id := c.Seek(pfx)
		if len(after) > 0 {
			if key, id = c.Seek(after); bytes.Equal(key, after) {
				key, id = c.Next()
			}
		}
		var last []byte
		for ; key != nil && bytes.HasPrefix(key, pfx); key, id = c.Next() {
			if q.Limit > 0 && len(out) == q.Limit {
				next = hex.EncodeToString(last)
				break
			}
			t, err := loadThread(tx, string(id))
			if err != nil {
				return err
			}
			out = append(out, fromThreadRec(t))
			last = key
		}
		return nil
	})
	return out, next, err
}

// AddPost appends a post with the thread's next Seq.
func (s *Store) AddPost(ctx context.Context, p community.Post) (community.Post, error) {
	var out community.Post
	err := s.update(ctx, "add post to "+p.ThreadID, func(tx *bolt.Tx, ch *changes) error {
		t, err := loadThread(tx, p.ThreadID)
		if err != nil {
			return err
		}
		if t.Locked {
			return community.Invalid("thread", community.ReasonLocked)
		}
		old := t
		if out, err = addPost(tx, &t, p, ch); err != nil {
			return err
		}
		ch.add(community.KindThread, t.ID, "", "")
		return saveThread(tx, &old, t)
	})
	return out, err
}

// Posts returns posts from fromSeq on, by a seek on the big-endian Seq key.
func (s *Store) Posts(ctx context.Context, threadID string, fromSeq int64, limit int) ([]community.Post, error) {
	var out []community.Post
	err := s.view(ctx, "posts of "+threadID, func(tx *bolt.Tx) error {
		if _, err := loadThread(tx, threadID); err != nil {
			return err
		}
		pfx := prefix(threadID)
		c := tx.Bucket(bPosts).Cursor()
		for key, v := c.Seek(seqKey(threadID, max(fromSeq, 0))); key != nil && bytes.HasPrefix(key, pfx); key, v = c.Next() {
			if limit > 0 && len(out) == limit {
				break
			}
			var r postRec
			if err := decode(v, &r); err != nil {
				return err
			}
			out = append(out, fromPostRec(r))
		}
		return nil
	})
	return out, err
}

// Post returns one post.
func (s *Store) Post(ctx context.Context, threadID, postID string) (community.Post, error) {
	var r postRec
	err := s.view(ctx, "post "+postID, func(tx *bolt.Tx) (err error) {
		r, err = loadPost(tx, threadID, postID)
		return err
	})
	return fromPostRec(r), err
}

// addPost stores p as the next post of t and updates t (not yet saved).
func addPost(tx *bolt.Tx, t *threadRec, p community.Post, ch *changes) (community.Post, error) {
	if p.ID == "" {
		p.ID = community.NewID()
	}
	ids := tx.Bucket(bPostIDs)
	if ids.Get(k(t.ID, p.ID)) != nil {
		return p, conflict("post", p.ID)
	}
	t.LastSeq++
	t.Posts++
	if p.At.After(t.LastPostAt) {
		t.LastPostAt = p.At
	}
	p.ThreadID, p.Seq = t.ID, t.LastSeq
	p.Reports, p.Hidden, p.Removed, p.Reactions = 0, false, false, nil
	if err := ids.Put(k(t.ID, p.ID), be64(uint64(p.Seq))); err != nil {
		return p, err
	}
	if p.AuthorID != "" {
		if err := tx.Bucket(bAuthored).Put(k(p.AuthorID, "p", t.ID, p.ID), nil); err != nil {
			return p, err
		}
	}
	ch.add(community.KindPost, p.ID, t.ID, p.AuthorID)
	r := toPostRec(p)
	if err := indexPost(tx, nil, &r); err != nil {
		return p, err
	}
	return p, putJSON(tx.Bucket(bPosts), seqKey(t.ID, p.Seq), r)
}

func loadThread(tx *bolt.Tx, id string) (threadRec, error) {
	var t threadRec
	found, err := getJSON(tx.Bucket(bThreads), []byte(id), &t)
	if err == nil && !found {
		err = notFound("thread", id)
	}
	return t, err
}

// threadKey orders threads: pinned first, then last post newest first.
func threadKey(t threadRec) []byte {
	pin := byte(1)
	if t.Pinned {
		pin = 0
	}
	return cat([]byte{pin}, invTimeKey(t.LastPostAt), []byte(t.ID))
}

// saveThread stores t and moves its order index entries from old.
func saveThread(tx *bolt.Tx, old *threadRec, t threadRec) error {
	order, cats := tx.Bucket(bThreadOrder), tx.Bucket(bThreadCat)
	if err := indexThread(tx, old, &t); err != nil {
		return err
	}
	if old != nil {
		if err := order.Delete(threadKey(*old)); err != nil {
			return err
		}
		if err := cats.Delete(cat(prefix(old.Category), threadKey(*old))); err != nil {
			return err
		}
	}
	if err := order.Put(threadKey(t), []byte(t.ID)); err != nil {
		return err
	}
	if err := cats.Put(cat(prefix(t.Category), threadKey(t)), []byte(t.ID)); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bThreads), []byte(t.ID), t)
}

// postKey finds a post's record key from its ID.
func postKey(tx *bolt.Tx, threadID, postID string) ([]byte, error) {
	seq := tx.Bucket(bPostIDs).Get(k(threadID, postID))
	if seq == nil {
		return nil, notFound("post", threadID+"/"+postID)
	}
	return seqKey(threadID, int64(binary.BigEndian.Uint64(seq))), nil
}

func loadPost(tx *bolt.Tx, threadID, postID string) (postRec, error) {
	var r postRec
	pk, err := postKey(tx, threadID, postID)
	if err != nil {
		return r, err
	}
	_, err = getJSON(tx.Bucket(bPosts), pk, &r)
	return r, err
}

func savePost(tx *bolt.Tx, r postRec) error {
	return putJSON(tx.Bucket(bPosts), seqKey(r.ThreadID, r.Seq), r)
}
