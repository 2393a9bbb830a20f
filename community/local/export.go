package local

import (
	"bytes"
	"context"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// MemberRecords gathers what id wrote (through the authored index, as
// DeleteMember finds it), their votes (one key per poll) and their
// feedback answers (IDs "<member>:<month>"), for the data export.
func (s *Store) MemberRecords(ctx context.Context, id string) (community.MemberRecords, error) {
	var out community.MemberRecords
	err := s.view(ctx, "records of "+id, func(tx *bolt.Tx) error {
		err := each(tx.Bucket(bAuthored), prefix(id), func(key, _ []byte) (bool, error) {
			parts := bytes.Split(key[len(prefix(id)):], []byte{0})
			switch {
			case string(parts[0]) == "t" && len(parts) == 2:
				t, err := loadThread(tx, string(parts[1]))
				if err != nil {
					return false, err
				}
				out.Threads = append(out.Threads, fromThreadRec(t))
			case string(parts[0]) == "p" && len(parts) == 3:
				p, err := loadPost(tx, string(parts[1]), string(parts[2]))
				if err != nil {
					return false, err
				}
				out.Posts = append(out.Posts, fromPostRec(p))
			case string(parts[0]) == "s" && len(parts) == 2:
				st, err := loadStory(tx, string(parts[1]))
				if err != nil {
					return false, err
				}
				out.Stories = append(out.Stories, fromStoryRec(st))
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		err = each(tx.Bucket(bPollOrder), nil, func(key, _ []byte) (bool, error) {
			var v voteRec
			found, err := getJSON(tx.Bucket(bVotes), k(string(key[12:]), id), &v)
			if found {
				out.Votes = append(out.Votes, community.Vote(v))
			}
			return err == nil, err
		})
		if err != nil {
			return err
		}
		return each(tx.Bucket(bFeedback), []byte(id+":"), func(_, v []byte) (bool, error) {
			var r feedbackRec
			if err := decode(v, &r); err != nil {
				return false, err
			}
			if r.MemberID == id {
				out.Feedback = append(out.Feedback, community.Feedback(r))
			}
			return true, nil
		})
	})
	sortRecords(&out)
	return out, err
}

// sortRecords puts each kind of record oldest first.
func sortRecords(r *community.MemberRecords) {
	sort.SliceStable(r.Threads, func(i, j int) bool { return r.Threads[i].CreatedAt.Before(r.Threads[j].CreatedAt) })
	sort.SliceStable(r.Posts, func(i, j int) bool { return r.Posts[i].At.Before(r.Posts[j].At) })
	sort.SliceStable(r.Stories, func(i, j int) bool { return r.Stories[i].SubmittedAt.Before(r.Stories[j].SubmittedAt) })
	sort.SliceStable(r.Votes, func(i, j int) bool { return r.Votes[i].At.Before(r.Votes[j].At) })
	sort.SliceStable(r.Feedback, func(i, j int) bool { return r.Feedback[i].At.Before(r.Feedback[j].At) })
}
