package firestore

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// readsDoc is what a member has read of the forum (issue 15):
// members/{uid}/reads/forum, one document whatever the number of threads,
// so the forum list pays one read for every row's unread mark. reads holds
// at most community.ReadKeep threads; last names the thread this write
// marked, so that firestore.rules can check the one entry a write adds or
// changes (rules cannot loop over a map).
type readsDoc struct {
	Reads map[string]threadReadDoc `firestore:"reads"`
	Floor time.Time                `firestore:"floor"`
	Last  string                   `firestore:"last"`
}

type threadReadDoc struct {
	Seq int64     `firestore:"seq"`
	At  time.Time `firestore:"at"`
}

func toReadsDoc(rs community.ReadState) readsDoc {
	d := readsDoc{Reads: make(map[string]threadReadDoc, len(rs.Threads)), Floor: rs.Floor, Last: rs.Last}
	for id, t := range rs.Threads {
		d.Reads[id] = threadReadDoc{Seq: t.Seq, At: t.At}
	}
	return d
}

func fromReadsDoc(memberID string, d readsDoc) community.ReadState {
	rs := community.ReadState{MemberID: memberID, Threads: make(map[string]community.ThreadRead, len(d.Reads)),
		Floor: d.Floor, Last: d.Last}
	for id, t := range d.Reads {
		rs.Threads[id] = community.ThreadRead{Seq: t.Seq, At: t.At}
	}
	return rs
}

func (s *Store) readsRef(memberID string) *firestore.DocumentRef {
	return s.memberRef(memberID).Collection("reads").Doc("forum")
}

// ReadState reads the member's one reads document.
func (s *Store) ReadState(ctx context.Context, memberID string) (community.ReadState, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if memberID == "" {
		return community.ReadState{}, nil
	}
	var d readsDoc
	if _, err := get(ctx, nil, s.readsRef(memberID), &d); err != nil {
		return community.ReadState{}, s.wrap("read state of "+memberID, err)
	}
	return fromReadsDoc(memberID, d), nil
}

// UpdateReadState reads and writes the reads document in one transaction
// (one read, and one write when fn changed something).
func (s *Store) UpdateReadState(ctx context.Context, memberID string, fn func(*community.ReadState) bool) (community.ReadState, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if memberID == "" {
		return community.ReadState{}, notFound("member", memberID)
	}
	var out community.ReadState
	err := s.run(ctx, "update read state of "+memberID, []string{"members/" + memberID + "/reads/forum"}, func(tx *firestore.Transaction, ch *changes) error {
		var d readsDoc
		if _, err := get(ctx, tx, s.readsRef(memberID), &d); err != nil {
			return err
		}
		rs := fromReadsDoc(memberID, d)
		out = rs
		if !fn(&rs) {
			return nil
		}
		if len(rs.Threads) > community.ReadKeep {
			return community.Invalid("reads", community.ReasonTooLong)
		}
		rs.MemberID = memberID
		if err := tx.Set(s.readsRef(memberID), toReadsDoc(rs)); err != nil {
			return fmt.Errorf("write read state: %w", err)
		}
		ch.add(community.KindReadState, memberID, "", memberID)
		out = rs
		return nil
	})
	return out, err
}
