package firestore

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// threadDoc is threads/{id}.
type threadDoc struct {
	Category   string    `firestore:"category"`
	Title      string    `firestore:"title"`
	Author     string    `firestore:"author"`
	AuthorName string    `firestore:"authorName"`
	Lang       string    `firestore:"lang"`
	CreatedAt  time.Time `firestore:"createdAt"`
	LastPostAt time.Time `firestore:"lastPostAt"`
	Posts      int       `firestore:"posts"`
	Pinned     bool      `firestore:"pinned"`
	Locked     bool      `firestore:"locked"`
	Seq        int64     `firestore:"seq"`             // the last post Seq handed out
	LastPost   string    `firestore:"lastPost"`        // the post that took Seq (firestore.rules follows it)
	Terms      []string  `firestore:"terms,omitempty"` // search terms of the title (search.go)
}

func toThreadDoc(t community.Thread) threadDoc {
	return threadDoc{Category: t.Category, Title: t.Title, Author: t.AuthorID, AuthorName: t.AuthorName, Lang: t.Lang,
		CreatedAt: t.CreatedAt, LastPostAt: t.LastPostAt, Posts: t.Posts, Pinned: t.Pinned, Locked: t.Locked,
		Terms: community.IndexTerms(t.Title, t.Lang)}
}

func fromThreadDoc(id string, d threadDoc) community.Thread {
	return community.Thread{ID: id, Category: d.Category, Title: d.Title, AuthorID: d.Author, AuthorName: d.AuthorName,
		Lang: d.Lang, CreatedAt: d.CreatedAt, LastPostAt: d.LastPostAt, Posts: d.Posts, Pinned: d.Pinned, Locked: d.Locked}
}

// postDoc is threads/{tid}/posts/{id}. community and thread are stored for
// the collection-group query of the moderation queue; queued and reportedAt
// place a reported post in it.
type postDoc struct {
	Community  string         `firestore:"community"`
	Thread     string         `firestore:"thread"`
	Seq        int64          `firestore:"seq"`
	Author     string         `firestore:"author"`
	AuthorName string         `firestore:"authorName"`
	Lang       string         `firestore:"lang"`
	Body       string         `firestore:"body"`
	At         time.Time      `firestore:"at"`
	Reports    int            `firestore:"reports"`
	Hidden     bool           `firestore:"hidden"`
	Removed    bool           `firestore:"removed"`
	Reviewed   bool           `firestore:"reviewed"`
	Reactions  map[string]int `firestore:"reactions"`
	Queued     bool           `firestore:"queued"`
	ReportedAt time.Time      `firestore:"reportedAt"`
	// Search terms of the body and its author's edits (search.go, heard.go).
	Terms    []string  `firestore:"terms,omitempty"`
	Edits    int       `firestore:"edits,omitempty"`
	EditedAt time.Time `firestore:"editedAt,omitempty"`
	Deleted  bool      `firestore:"deleted,omitempty"`
}

func toPostDoc(cid string, p community.Post) postDoc {
	d := postDoc{Community: cid, Thread: p.ThreadID, Seq: p.Seq, Author: p.AuthorID, AuthorName: p.AuthorName,
		Lang: p.Lang, Body: p.Body, At: p.At, Reports: p.Reports, Hidden: p.Hidden, Removed: p.Removed,
		Reviewed: p.Reviewed, Reactions: p.Reactions, Edits: p.Edits, EditedAt: p.EditedAt, Deleted: p.Deleted}
	if !p.Deleted {
		d.Terms = community.IndexTerms(p.Body, p.Lang)
	}
	return d
}

func fromPostDoc(id string, d postDoc) community.Post {
	p := community.Post{ID: id, ThreadID: d.Thread, Seq: d.Seq, AuthorID: d.Author, AuthorName: d.AuthorName,
		Lang: d.Lang, Body: d.Body, At: d.At, Reports: d.Reports, Hidden: d.Hidden, Removed: d.Removed,
		Reviewed: d.Reviewed, Reactions: d.Reactions, Edits: d.Edits, EditedAt: d.EditedAt, Deleted: d.Deleted}
	if len(p.Reactions) == 0 {
		p.Reactions = nil
	}
	return p
}

// CreateThread adds a thread and its first post (Seq 1) in one transaction.
func (s *Store) CreateThread(ctx context.Context, t community.Thread, first community.Post) (community.Thread, community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if t.ID == "" {
		return t, first, community.Invalid("id", community.ReasonRequired)
	}
	var post community.Post
	err := s.run(ctx, "create thread "+t.ID, []string{"threads/" + t.ID}, func(tx *firestore.Transaction, ch *changes) error {
		d := toThreadDoc(t)
		d.Posts, d.Seq = 0, 0
		p, err := s.addPost(tx, t.ID, &d, first, ch)
		if err != nil {
			return err
		}
		ch.add(community.KindThread, t.ID, "", d.Author)
		post = p
		t = fromThreadDoc(t.ID, d)
		return tx.Create(s.threadRef(t.ID), s.stamped(d, "createdAt", "lastPostAt"))
	})
	return t, post, err
}

// UpdateThread edits a thread; its post count and seq stay as stored.
func (s *Store) UpdateThread(ctx context.Context, id string, fn func(*community.Thread) error) (community.Thread, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Thread
	err := s.run(ctx, "update thread "+id, []string{"threads/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var old threadDoc
		if err := must(ctx, tx, s.threadRef(id), &old, "thread"); err != nil {
			return err
		}
		t := fromThreadDoc(id, old)
		if err := fn(&t); err != nil {
			return err
		}
		d := toThreadDoc(t)
		d.Posts, d.Seq, d.LastPost = old.Posts, old.Seq, old.LastPost
		if d.Title == old.Title {
			d.Terms = old.Terms // as stored: a pin or a lock changes no other field
		}
		ch.add(community.KindThread, id, "", "")
		out = fromThreadDoc(id, d)
		return tx.Set(s.threadRef(id), d)
	})
	return out, err
}

// Thread returns a thread.
func (s *Store) Thread(ctx context.Context, id string) (community.Thread, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d threadDoc
	if err := must(ctx, nil, s.threadRef(id), &d, "thread"); err != nil {
		return community.Thread{}, s.wrap("thread "+id, err)
	}
	return fromThreadDoc(id, d), nil
}

// threadCursor is where a page of threads ended (base64 JSON in the cursor).
type threadCursor struct {
	Pinned bool      `json:"p"`
	Last   time.Time `json:"t"`
	ID     string    `json:"i"`
}

// Threads queries pinned desc, lastPostAt desc, ID desc, starting after the
// cursor: a page reads limit (+1, to know whether more follow) documents.
func (s *Store) Threads(ctx context.Context, q community.ThreadQuery) ([]community.Thread, string, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	fq := s.col("threads").Query
	if q.Category != "" {
		fq = fq.Where("category", "==", q.Category)
	}
	fq = fq.OrderBy("pinned", firestore.Desc).OrderBy("lastPostAt", firestore.Desc).OrderBy(firestore.DocumentID, firestore.Desc)
	if q.Cursor != "" {
		var c threadCursor
		raw, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		if err == nil {
			err = json.Unmarshal(raw, &c)
		}
		if err != nil || c.ID == "" {
			return nil, "", community.Invalid("cursor", community.ReasonInvalid)
		}
		fq = fq.StartAfter(c.Pinned, c.Last, c.ID)
	}
	if q.Limit > 0 {
		fq = fq.Limit(q.Limit + 1)
	}
	var out []community.Thread
	err := docs(ctx, nil, fq, func(snap *firestore.DocumentSnapshot) error {
		var d threadDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromThreadDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, "", s.wrap("threads", err)
	}
	next := ""
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
		last := out[len(out)-1]
		raw, _ := json.Marshal(threadCursor{Pinned: last.Pinned, Last: last.LastPostAt, ID: last.ID})
		next = base64.RawURLEncoding.EncodeToString(raw)
	}
	return out, next, nil
}

// AddPost appends a post with the thread's next seq, in one transaction.
func (s *Store) AddPost(ctx context.Context, p community.Post) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Post
	if p.ID == "" {
		p.ID = community.NewID()
	}
	err := s.run(ctx, "add post to "+p.ThreadID, []string{"threads/" + p.ThreadID}, func(tx *firestore.Transaction, ch *changes) error {
		var t threadDoc
		if err := must(ctx, tx, s.threadRef(p.ThreadID), &t, "thread"); err != nil {
			return err
		}
		if t.Locked {
			return community.Invalid("thread", community.ReasonLocked)
		}
		var err error
		if out, err = s.addPost(tx, p.ThreadID, &t, p, ch); err != nil {
			return err
		}
		ch.add(community.KindThread, p.ThreadID, "", "")
		return tx.Set(s.threadRef(p.ThreadID), s.stamped(t, "lastPostAt"))
	})
	return out, err
}

// addPost creates p as the next post of t (read earlier in tx) and updates t
// in memory. A taken post ID fails the commit (AlreadyExists: ErrConflict).
func (s *Store) addPost(tx *firestore.Transaction, threadID string, t *threadDoc, p community.Post, ch *changes) (community.Post, error) {
	if p.ID == "" {
		p.ID = community.NewID()
	}
	if strings.Contains(p.ID, "/") {
		return p, community.Invalid("id", community.ReasonInvalid)
	}
	t.Seq++
	t.Posts++
	if p.At.After(t.LastPostAt) {
		t.LastPostAt = p.At
	}
	p.ThreadID, p.Seq = threadID, t.Seq
	p.Reports, p.Hidden, p.Removed, p.Reviewed, p.Reactions = 0, false, false, false, nil
	t.LastPost = p.ID
	ch.add(community.KindPost, p.ID, threadID, p.AuthorID)
	return p, tx.Create(s.postRef(threadID, p.ID), s.stamped(toPostDoc(s.cid, p), "at"))
}

// Posts queries posts by seq from fromSeq on.
func (s *Store) Posts(ctx context.Context, threadID string, fromSeq int64, limit int) ([]community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if _, err := s.Thread(ctx, threadID); err != nil {
		return nil, err
	}
	q := s.threadRef(threadID).Collection("posts").Where("seq", ">=", max(fromSeq, 0)).OrderBy("seq", firestore.Asc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Post
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d postDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromPostDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("posts of "+threadID, err)
	}
	return out, nil
}

// Post returns one post.
func (s *Store) Post(ctx context.Context, threadID, postID string) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d postDoc
	if err := must(ctx, nil, s.postRef(threadID, postID), &d, "post"); err != nil {
		return community.Post{}, s.wrap("post "+postID, err)
	}
	return fromPostDoc(postID, d), nil
}
