package local

import (
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// bReads holds what each member has read of the forum (issue 15):
// memberID -> readsRec, one record per member, as on Firestore.
var bReads = []byte("forum_reads")

func init() { allBuckets = append(allBuckets, bReads) }

type readsRec struct {
	Threads map[string]threadReadRec `json:"threads,omitempty"`
	Floor   time.Time                `json:"floor"`
	Last    string                   `json:"last,omitempty"`
}

type threadReadRec struct {
	Seq int64     `json:"seq"`
	At  time.Time `json:"at"`
}

func toReadsRec(rs community.ReadState) readsRec {
	r := readsRec{Threads: make(map[string]threadReadRec, len(rs.Threads)), Floor: rs.Floor, Last: rs.Last}
	for id, t := range rs.Threads {
		r.Threads[id] = threadReadRec{Seq: t.Seq, At: t.At}
	}
	return r
}

func fromReadsRec(memberID string, r readsRec) community.ReadState {
	rs := community.ReadState{MemberID: memberID, Threads: make(map[string]community.ThreadRead, len(r.Threads)),
		Floor: r.Floor, Last: r.Last}
	for id, t := range r.Threads {
		rs.Threads[id] = community.ThreadRead{Seq: t.Seq, At: t.At}
	}
	return rs
}

func loadReads(tx *bolt.Tx, memberID string) (community.ReadState, error) {
	var r readsRec
	if _, err := getJSON(tx.Bucket(bReads), []byte(memberID), &r); err != nil {
		return community.ReadState{}, err
	}
	return fromReadsRec(memberID, r), nil
}

// ReadState returns a member's read state (a zero one when there is none).
func (s *Store) ReadState(ctx context.Context, memberID string) (community.ReadState, error) {
	var rs community.ReadState
	err := s.view(ctx, "read state of "+memberID, func(tx *bolt.Tx) (err error) {
		rs, err = loadReads(tx, memberID)
		return err
	})
	return rs, err
}

// UpdateReadState changes a member's read state in one write transaction.
func (s *Store) UpdateReadState(ctx context.Context, memberID string, fn func(*community.ReadState) bool) (community.ReadState, error) {
	var out community.ReadState
	err := s.update(ctx, "update read state of "+memberID, func(tx *bolt.Tx, ch *changes) error {
		if _, err := loadMember(tx, memberID); err != nil {
			return err
		}
		rs, err := loadReads(tx, memberID)
		if err != nil {
			return err
		}
		out = rs
		if !fn(&rs) {
			return nil
		}
		if len(rs.Threads) > community.ReadKeep {
			return community.Invalid("reads", community.ReasonTooLong)
		}
		rs.MemberID = memberID
		if err := putJSON(tx.Bucket(bReads), []byte(memberID), toReadsRec(rs)); err != nil {
			return err
		}
		ch.add(community.KindReadState, memberID, "", memberID)
		out = rs
		return nil
	})
	return out, err
}
