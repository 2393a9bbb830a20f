package firestore

import (
	"context"
	"sort"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// MemberRecords gathers what id wrote, by the same author queries that
// DeleteMember uses (the security rules let members read their own
// records), their votes (one read per poll: votes/{uid} of each poll) and
// their feedback answers, for the data export.
func (s *Store) MemberRecords(ctx context.Context, id string) (community.MemberRecords, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.MemberRecords
	err := docs(ctx, nil, s.col("threads").Where("author", "==", id), func(snap *firestore.DocumentSnapshot) error {
		var d threadDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out.Threads = append(out.Threads, fromThreadDoc(snap.Ref.ID, d))
		return nil
	})
	if err == nil {
		q := s.posts().Where("author", "==", id)
		err = docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
			var d postDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			out.Posts = append(out.Posts, fromPostDoc(snap.Ref.ID, d))
			return nil
		})
	}
	if err == nil {
		err = docs(ctx, nil, s.col("stories").Where("author", "==", id), func(snap *firestore.DocumentSnapshot) error {
			var d storyDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			out.Stories = append(out.Stories, fromStoryDoc(snap.Ref.ID, d))
			return nil
		})
	}
	if err == nil {
		err = docs(ctx, nil, s.col("feedback").Where("member", "==", id), func(snap *firestore.DocumentSnapshot) error {
			var d feedbackDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			out.Feedback = append(out.Feedback, fromFeedbackDoc(snap.Ref.ID, d))
			return nil
		})
	}
	if err == nil {
		out.Votes, err = s.votesOf(ctx, id)
	}
	if err != nil {
		return community.MemberRecords{}, s.wrap("records of "+id, err)
	}
	sort.SliceStable(out.Threads, func(i, j int) bool { return out.Threads[i].CreatedAt.Before(out.Threads[j].CreatedAt) })
	sort.SliceStable(out.Posts, func(i, j int) bool { return out.Posts[i].At.Before(out.Posts[j].At) })
	sort.SliceStable(out.Stories, func(i, j int) bool { return out.Stories[i].SubmittedAt.Before(out.Stories[j].SubmittedAt) })
	sort.SliceStable(out.Votes, func(i, j int) bool { return out.Votes[i].At.Before(out.Votes[j].At) })
	sort.SliceStable(out.Feedback, func(i, j int) bool { return out.Feedback[i].At.Before(out.Feedback[j].At) })
	return out, nil
}

// votesOf reads id's vote document in every poll of the community.
func (s *Store) votesOf(ctx context.Context, id string) ([]community.Vote, error) {
	polls, err := s.col("polls").Select().Documents(ctx).GetAll()
	if err != nil || len(polls) == 0 {
		return nil, err
	}
	refs := make([]*firestore.DocumentRef, len(polls))
	for i, p := range polls {
		refs[i] = p.Ref.Collection("votes").Doc(id)
	}
	snaps, err := s.client.GetAll(ctx, refs)
	if err != nil {
		return nil, err
	}
	var out []community.Vote
	for _, snap := range snaps {
		if !snap.Exists() {
			continue
		}
		var d voteDoc
		if err := snap.DataTo(&d); err != nil {
			return nil, err
		}
		out = append(out, community.Vote{PollID: snap.Ref.Parent.Parent.ID, MemberID: id, OptionID: d.Option, At: d.At})
	}
	return out, nil
}
