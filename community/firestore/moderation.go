package firestore

import (
	"context"
	"slices"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// reportDoc is threads/{tid}/posts/{pid}/reports/{uid}: one per reporter.
type reportDoc struct {
	Member string    `firestore:"member"`
	At     time.Time `firestore:"at"`
}

// reactionDoc is threads/{tid}/posts/{pid}/reactions/{uid}: the reactions
// one member left on one post. community, thread, post and member are stored
// for the collection-group query of ReactionsOf.
type reactionDoc struct {
	Community string   `firestore:"community"`
	Thread    string   `firestore:"thread"`
	Post      string   `firestore:"post"`
	Member    string   `firestore:"member"`
	Reactions []string `firestore:"reactions"`
}

// UpdatePost edits a post; its seq, report count and reactions stay as
// stored. A post marked Removed or Reviewed leaves the moderation queue.
func (s *Store) UpdatePost(ctx context.Context, threadID, postID string, fn func(*community.Post) error) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Post
	err := s.run(ctx, "update post "+postID, []string{"threads/" + threadID + "/posts/" + postID}, func(tx *firestore.Transaction, ch *changes) error {
		var old postDoc
		if err := must(ctx, tx, s.postRef(threadID, postID), &old, "post"); err != nil {
			return err
		}
		p := fromPostDoc(postID, old)
		if err := fn(&p); err != nil {
			return err
		}
		p.ID, p.ThreadID, p.Seq, p.Reports, p.Reactions = postID, old.Thread, old.Seq, old.Reports, old.Reactions
		d := toPostDoc(s.cid, p)
		d.Queued, d.ReportedAt = old.Queued && !d.Removed && !d.Reviewed, old.ReportedAt
		if d.Body == old.Body && d.Deleted == old.Deleted {
			d.Terms = old.Terms // as stored: moderation changes no other field
		}
		ch.add(community.KindPost, postID, threadID, d.Author)
		out = fromPostDoc(postID, d)
		return tx.Set(s.postRef(threadID, postID), d)
	})
	return out, err
}

// ReportPost records memberID's report once (doc ID = reporter) and hides
// the post at the threshold unless a moderator has already decided on it.
func (s *Store) ReportPost(ctx context.Context, threadID, postID, memberID string, at time.Time) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Post
	if memberID == "" {
		return out, community.Invalid("member", community.ReasonRequired)
	}
	err := s.run(ctx, "report post "+postID, []string{"threads/" + threadID + "/posts/" + postID}, func(tx *firestore.Transaction, ch *changes) error {
		ref := s.postRef(threadID, postID)
		var d postDoc
		if err := must(ctx, tx, ref, &d, "post"); err != nil {
			return err
		}
		out = fromPostDoc(postID, d)
		found, err := get(ctx, tx, ref.Collection("reports").Doc(memberID), &reportDoc{})
		if err != nil || found {
			return err
		}
		if err := tx.Create(ref.Collection("reports").Doc(memberID), s.stamped(reportDoc{Member: memberID, At: at}, "at")); err != nil {
			return err
		}
		reported, queue := community.AddReport(fromPostDoc(postID, d), d.Queued)
		d.Reports, d.Hidden = reported.Reports, reported.Hidden
		var reportedAt any = d.ReportedAt
		if queue {
			d.Queued, d.ReportedAt = true, at
			if reportedAt = at; s.serverTimes {
				reportedAt = firestore.ServerTimestamp
			}
		}
		ch.add(community.KindPost, postID, threadID, d.Author)
		out = fromPostDoc(postID, d)
		// Only what a report moves (firestore.rules lists it), reportedAt
		// the commit's time when a member's client writes it.
		return tx.Update(ref, []firestore.Update{{Path: "reports", Value: d.Reports}, {Path: "hidden", Value: d.Hidden},
			{Path: "queued", Value: d.Queued}, {Path: "reportedAt", Value: reportedAt}})
	})
	return out, err
}

// React toggles memberID's reaction on a post and the post's counter.
func (s *Store) React(ctx context.Context, threadID, postID, memberID, reaction string) (community.Post, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Post
	if memberID == "" {
		return out, community.Invalid("member", community.ReasonRequired)
	}
	err := s.run(ctx, "react to "+postID, []string{"threads/" + threadID + "/posts/" + postID}, func(tx *firestore.Transaction, ch *changes) error {
		ref := s.postRef(threadID, postID)
		var d postDoc
		if err := must(ctx, tx, ref, &d, "post"); err != nil {
			return err
		}
		rref := ref.Collection("reactions").Doc(memberID)
		var r reactionDoc
		if _, err := get(ctx, tx, rref, &r); err != nil {
			return err
		}
		if d.Reactions == nil {
			d.Reactions = map[string]int{}
		}
		if i := slices.Index(r.Reactions, reaction); i >= 0 {
			r.Reactions = slices.Delete(r.Reactions, i, i+1)
			if d.Reactions[reaction]--; d.Reactions[reaction] <= 0 {
				delete(d.Reactions, reaction)
			}
		} else {
			r.Reactions = append(r.Reactions, reaction)
			d.Reactions[reaction]++
		}
		var err error
		if len(r.Reactions) == 0 {
			err = tx.Delete(rref)
		} else {
			r.Community, r.Thread, r.Post, r.Member = s.cid, threadID, postID, memberID
			err = tx.Set(rref, r)
		}
		if err != nil {
			return err
		}
		ch.add(community.KindPost, postID, threadID, d.Author)
		out = fromPostDoc(postID, d)
		return tx.Set(ref, d)
	})
	return out, err
}

// ReactionsOf queries the reactions collection group for memberID's
// reactions in a thread, by post ID.
func (s *Store) ReactionsOf(ctx context.Context, threadID, memberID string) (map[string][]string, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.client.CollectionGroup("reactions").Where("community", "==", s.cid).Where("thread", "==", threadID).
		Where("member", "==", memberID)
	out := map[string][]string{}
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var r reactionDoc
		if err := snap.DataTo(&r); err != nil {
			return err
		}
		if len(r.Reactions) > 0 {
			out[r.Post] = slices.Sorted(slices.Values(r.Reactions))
		}
		return nil
	})
	if err != nil {
		return nil, s.wrap("reactions of "+memberID, err)
	}
	return out, nil
}

// ReportedPosts queries the posts collection group for the moderation
// queue (queued posts), oldest first report first.
func (s *Store) ReportedPosts(ctx context.Context, limit int) ([]community.Post, error) {
	q := s.posts().Where("queued", "==", true).OrderBy("reportedAt", firestore.Asc)
	out, err := s.postPage(ctx, q, limit, func(postDoc) bool { return true })
	if err != nil {
		return nil, s.wrap("reported posts", err)
	}
	return out, nil
}
