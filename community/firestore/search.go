package firestore

import (
	"context"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// SearchPosts is a collection-group query on posts: community ==, terms
// array-contains term, at desc, limit. Removed and deleted posts are left
// out of the page read (which may then hold fewer than limit).
func (s *Store) SearchPosts(ctx context.Context, term string, limit int) ([]community.Post, error) {
	q := s.posts().Where("terms", "array-contains", term).OrderBy("at", firestore.Desc)
	out, err := s.postPage(ctx, q, limit, func(d postDoc) bool { return !d.Removed && !d.Deleted })
	if err != nil {
		return nil, s.wrap("search posts", err)
	}
	return out, nil
}

// posts is the collection group of this community's posts, in every thread.
func (s *Store) posts() firestore.Query {
	return s.client.CollectionGroup("posts").Where("community", "==", s.cid)
}

// postPage reads at most limit posts of q (all when limit is 0) and returns
// those keep accepts.
func (s *Store) postPage(ctx context.Context, q firestore.Query, limit int, keep func(postDoc) bool) ([]community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Post
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d postDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		if keep(d) {
			out = append(out, fromPostDoc(snap.Ref.ID, d))
		}
		return nil
	})
	return out, err
}

// SearchThreads queries threads: terms array-contains term, createdAt desc, limit.
func (s *Store) SearchThreads(ctx context.Context, term string, limit int) ([]community.Thread, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("threads").Where("terms", "array-contains", term).OrderBy("createdAt", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Thread
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d threadDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromThreadDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("search threads", err)
	}
	return out, nil
}
