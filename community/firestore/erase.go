package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// DeleteMember erases a member in one transaction: the profile, the card
// code claim, the ledger, the notifications, the counter's card, the
// reward codes they issued and what they read of the forum go; the threads, posts and
// stories they wrote and their RSVPs stay with the author's name cleared and
// the (opaque, random) member ID kept, as store.go documents. Votes, likes,
// reactions and reports are keyed by that ID alone and stay, so every counter
// still equals its records. What the member wrote is found by queries on the
// author and member fields, so the cost is proportional to the member's own
// records, not to the community.
func (s *Store) DeleteMember(ctx context.Context, id string) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	return s.run(ctx, "delete member "+id, []string{"members/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var m memberDoc
		if err := must(ctx, tx, s.memberRef(id), &m, "member"); err != nil {
			return err
		}
		var gone, anon []*firestore.DocumentRef
		var anonKinds []community.Change
		collect := func(q firestore.Query, out *[]*firestore.DocumentRef, kind community.Kind, parent func(*firestore.DocumentRef) string) error {
			snaps, err := tx.Documents(q.Select()).GetAll()
			for _, snap := range snaps {
				*out = append(*out, snap.Ref)
				if kind != "" {
					anonKinds = append(anonKinds, community.Change{Kind: kind, ID: snap.Ref.ID, Parent: parent(snap.Ref), MemberID: id})
				}
			}
			return err
		}
		none := func(*firestore.DocumentRef) string { return "" }
		grandparent := func(r *firestore.DocumentRef) string { return r.Parent.Parent.ID }
		if err := collect(s.memberRef(id).Collection("ledger").Query, &gone, "", none); err != nil {
			return err
		}
		if err := collect(s.memberRef(id).Collection("notifications").Query, &gone, "", none); err != nil {
			return err
		}
		// The counter's card and the reward codes they issued.
		if err := collect(s.memberRef(id).Collection("codes").Query, &gone, "", none); err != nil {
			return err
		}
		if err := collect(s.memberRef(id).Collection("counter").Query, &gone, "", none); err != nil {
			return err
		}
		// What they read of the forum.
		if err := collect(s.memberRef(id).Collection("reads").Query, &gone, "", none); err != nil {
			return err
		}
		authored := []struct {
			q      firestore.Query
			kind   community.Kind
			parent func(*firestore.DocumentRef) string
		}{
			{s.col("threads").Where("author", "==", id), community.KindThread, none},
			{s.posts().Where("author", "==", id), community.KindPost, grandparent},
			{s.col("stories").Where("author", "==", id), community.KindStory, none},
			{s.client.CollectionGroup("rsvps").Where("community", "==", s.cid).Where("member", "==", id), community.KindRSVP, grandparent},
		}
		for _, a := range authored {
			if err := collect(a.q, &anon, a.kind, a.parent); err != nil {
				return err
			}
		}
		// Writes, after every read.
		for _, ref := range gone {
			if err := tx.Delete(ref); err != nil {
				return err
			}
		}
		for _, ref := range anon {
			up := []firestore.Update{{Path: "authorName", Value: ""}}
			switch ref.Parent.ID {
			case "stories":
				up = append(up, firestore.Update{Path: "authorSince", Value: time.Time{}})
			case "rsvps":
				up = []firestore.Update{{Path: "name", Value: ""}}
			}
			if err := tx.Update(ref, up); err != nil {
				return err
			}
		}
		// The counter's card (counter.go), whether or not the counter ever saw them.
		if err := tx.Delete(s.cardRef(id)); err != nil {
			return err
		}
		if m.Code != "" {
			if err := tx.Delete(s.col("memberCodes").Doc(m.Code)); err != nil {
				return err
			}
		}
		*ch = append(*ch, anonKinds...)
		ch.add(community.KindMember, id, "", id)
		return tx.Delete(s.memberRef(id))
	})
}
