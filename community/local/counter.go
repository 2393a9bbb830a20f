package local

import (
	"context"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// bCounterCards holds the counter's card of each member: memberID -> cardRec.
// It is created by the first counter action, so files made before it stay
// valid without a migration (reads treat a missing bucket as no cards).
var bCounterCards = []byte("counter_cards")

type cardRec struct {
	Stamps       int64     `json:"stamps,omitempty"`
	FreeItems    int64     `json:"freeItems,omitempty"`
	LastVisit    time.Time `json:"lastVisit"`
	LastStamp    string    `json:"lastStamp,omitempty"`
	BirthdayYear int       `json:"birthdayYear,omitempty"`
	LastOp       string    `json:"lastOp,omitempty"`
}

func toCardRec(c community.CounterCard) cardRec {
	return cardRec{Stamps: c.Stamps, FreeItems: c.FreeItems, LastVisit: c.LastVisit, LastStamp: c.LastStamp,
		BirthdayYear: c.BirthdayYear, LastOp: c.LastOp}
}

func fromCardRec(id string, r cardRec) community.CounterCard {
	return community.CounterCard{MemberID: id, Stamps: r.Stamps, FreeItems: r.FreeItems, LastVisit: r.LastVisit,
		LastStamp: r.LastStamp, BirthdayYear: r.BirthdayYear, LastOp: r.LastOp}
}

// loadCard reads a member's card; a zero card when the counter never saw them.
func loadCard(tx *bolt.Tx, memberID string) (community.CounterCard, error) {
	var r cardRec
	if b := tx.Bucket(bCounterCards); b != nil {
		if _, err := getJSON(b, []byte(memberID), &r); err != nil {
			return community.CounterCard{}, err
		}
	}
	return fromCardRec(memberID, r), nil
}

// CounterCard returns a member's card.
func (s *Store) CounterCard(ctx context.Context, memberID string) (community.CounterCard, error) {
	var c community.CounterCard
	err := s.view(ctx, "counter card of "+memberID, func(tx *bolt.Tx) (err error) {
		if _, err := loadMember(tx, memberID); err != nil {
			return err
		}
		c, err = loadCard(tx, memberID)
		return err
	})
	return c, err
}

// ApplyCounter applies e and the card change in one write transaction.
func (s *Store) ApplyCounter(ctx context.Context, e community.LedgerEntry, fn func(*community.CounterCard, *community.LedgerEntry) error) (community.CounterOp, error) {
	var op community.CounterOp
	err := s.update(ctx, fmt.Sprintf("counter %s for %s", e.ID, e.MemberID), func(tx *bolt.Tx, ch *changes) error {
		op = community.CounterOp{Entry: e}
		if e.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		m, err := loadMember(tx, e.MemberID)
		if err != nil {
			return err
		}
		card, err := loadCard(tx, e.MemberID)
		if err != nil {
			return err
		}
		op.Member, op.Card = fromMemberRec(m), card
		if tx.Bucket(bLedgerIDs).Get(k(e.MemberID, e.ID)) != nil {
			return nil
		}
		entry := e
		if err := fn(&card, &entry); err != nil {
			return err
		}
		entry.ID, entry.MemberID, entry.At, entry.By = e.ID, e.MemberID, e.At, e.By
		card.MemberID, card.LastOp = e.MemberID, e.ID
		m, applied, err := applyLedger(tx, entry, ch)
		if err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bCounterCards)
		if err != nil {
			return err
		}
		if err := putJSON(b, []byte(e.MemberID), toCardRec(card)); err != nil {
			return err
		}
		op = community.CounterOp{Member: fromMemberRec(m), Card: card, Entry: entry, Applied: applied}
		return nil
	})
	return op, err
}

// deleteCard erases a member's card with their account.
func deleteCard(tx *bolt.Tx, memberID string) error {
	if b := tx.Bucket(bCounterCards); b != nil {
		return b.Delete([]byte(memberID))
	}
	return nil
}
