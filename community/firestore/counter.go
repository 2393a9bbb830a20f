package firestore

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// cardDoc is the counter's card of a member: members/{uid}/counter/card.
// It is written only with a ledger entry, created in the same commit, that
// lastOp names (firestore.rules follows it with getAfter).
type cardDoc struct {
	Stamps       int64     `firestore:"stamps"`
	FreeItems    int64     `firestore:"freeItems"`
	LastVisit    time.Time `firestore:"lastVisit"`
	LastStamp    string    `firestore:"lastStamp"`
	BirthdayYear int       `firestore:"birthdayYear"`
	LastOp       string    `firestore:"lastOp"`
}

func toCardDoc(c community.CounterCard) cardDoc {
	return cardDoc{Stamps: c.Stamps, FreeItems: c.FreeItems, LastVisit: c.LastVisit, LastStamp: c.LastStamp,
		BirthdayYear: c.BirthdayYear, LastOp: c.LastOp}
}

func fromCardDoc(id string, d cardDoc) community.CounterCard {
	return community.CounterCard{MemberID: id, Stamps: d.Stamps, FreeItems: d.FreeItems, LastVisit: d.LastVisit,
		LastStamp: d.LastStamp, BirthdayYear: d.BirthdayYear, LastOp: d.LastOp}
}

func (s *Store) cardRef(memberID string) *firestore.DocumentRef {
	return s.memberRef(memberID).Collection("counter").Doc("card")
}

// CounterCard reads the member and their card: two documents.
func (s *Store) CounterCard(ctx context.Context, memberID string) (community.CounterCard, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if memberID == "" {
		return community.CounterCard{}, notFound("member", memberID)
	}
	snaps, err := s.client.GetAll(ctx, []*firestore.DocumentRef{s.memberRef(memberID), s.cardRef(memberID)})
	if err != nil {
		return community.CounterCard{}, s.wrap("counter card of "+memberID, err)
	}
	if !snaps[0].Exists() {
		return community.CounterCard{}, notFound("member", memberID)
	}
	var d cardDoc
	if snaps[1].Exists() {
		if err := snaps[1].DataTo(&d); err != nil {
			return community.CounterCard{}, fmt.Errorf("counter card of %s: %w", memberID, err)
		}
	}
	return fromCardDoc(memberID, d), nil
}

// ApplyCounter applies e and the card change in one transaction: it reads
// the member, the entry's ID and the card, then writes the entry, the
// member's balance and the card.
func (s *Store) ApplyCounter(ctx context.Context, e community.LedgerEntry, fn func(*community.CounterCard, *community.LedgerEntry) error) (community.CounterOp, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var op community.CounterOp
	err := s.run(ctx, fmt.Sprintf("counter %s for %s", e.ID, e.MemberID), []string{"members/" + e.MemberID}, func(tx *firestore.Transaction, ch *changes) error {
		op = community.CounterOp{Entry: e}
		l, err := s.readLedger(ctx, tx, e)
		if err != nil {
			return err
		}
		var d cardDoc
		if _, err := get(ctx, tx, s.cardRef(e.MemberID), &d); err != nil {
			return err
		}
		card := fromCardDoc(e.MemberID, d)
		op.Member, op.Card = fromMemberDoc(e.MemberID, l.member), card
		if l.exists {
			return nil
		}
		entry := e
		if err := fn(&card, &entry); err != nil {
			return err
		}
		entry.ID, entry.MemberID, entry.At, entry.By = e.ID, e.MemberID, e.At, e.By
		card.MemberID, card.LastOp = e.MemberID, e.ID
		l.entry = entry
		m, applied, err := s.writeLedger(tx, l, ch)
		if err != nil {
			return err
		}
		if err := tx.Set(s.cardRef(e.MemberID), toCardDoc(card)); err != nil {
			return err
		}
		op = community.CounterOp{Member: m, Card: card, Entry: entry, Applied: applied}
		return nil
	})
	return op, err
}
