package storetest

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// stampEvery is the stamp card of the counter tests: buy 5, the 6th is free.
const stampEvery = 5

// punch is the update function of a stamp, as the counter use case writes it.
func punch(card *community.CounterCard, e *community.LedgerEntry) error {
	free, err := card.Punch(stampEvery)
	if free {
		e.Reason = community.ReasonFreeItem
	}
	card.LastStamp = e.ID
	card.LastVisit = e.At
	return err
}

func testCounter(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")

	card, err := f.s.CounterCard(f.ctx, "ana")
	f.ok(err, "card of a member the counter never saw")
	if card != (community.CounterCard{MemberID: "ana"}) {
		t.Errorf("new card = %+v, want a zero card of ana", card)
	}
	_, err = f.s.CounterCard(f.ctx, "nobody")
	f.is(err, community.ErrNotFound, "card of an unknown member")

	visit := community.LedgerEntry{ID: "visit:ana:2030-03-14", MemberID: "ana", Delta: 10, Reason: community.ReasonVisit, At: at(1), By: "staff"}
	seen := func(card *community.CounterCard, e *community.LedgerEntry) error { card.LastVisit = e.At; return nil }
	op, err := f.s.ApplyCounter(f.ctx, visit, seen)
	f.ok(err, "visit")
	if !op.Applied || op.Member.Points != 10 || op.Member.LifetimePoints != 10 || !op.Card.LastVisit.Equal(at(1)) || op.Card.LastOp != visit.ID {
		t.Errorf("visit: %+v", op)
	}
	calls := 0
	op, err = f.s.ApplyCounter(f.ctx, visit, func(*community.CounterCard, *community.LedgerEntry) error { calls++; return nil })
	f.ok(err, "the same visit again")
	if op.Applied || op.Member.Points != 10 || calls != 0 || !op.Card.LastVisit.Equal(at(1)) {
		t.Errorf("the same visit again: applied %v, points %d, fn ran %d times, card %+v", op.Applied, op.Member.Points, calls, op.Card)
	}

	// Stamps: no points, the entry's reason decided from the card in the transaction.
	free := 0
	for i := 1; i <= 2*(stampEvery+1); i++ {
		op, err := f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: fmt.Sprintf("stamp:%d", i), MemberID: "ana",
			Reason: community.ReasonStamp, At: at(2).Add(time.Duration(i) * time.Second), By: "staff"}, punch)
		f.ok(err, "stamp %d", i)
		wantFree := i%(stampEvery+1) == 0
		if (op.Entry.Reason == community.ReasonFreeItem) != wantFree || !op.Applied {
			t.Errorf("stamp %d: reason %q applied %v, free item wanted: %v", i, op.Entry.Reason, op.Applied, wantFree)
		}
		if wantFree {
			free++
		}
	}
	card, err = f.s.CounterCard(f.ctx, "ana")
	f.ok(err, "card")
	if card.Stamps != 0 || card.FreeItems != int64(free) || card.LastStamp != "stamp:12" || card.LastOp != "stamp:12" {
		t.Errorf("card after 12 stamps = %+v, want 0 stamps, %d free items", card, free)
	}
	es, err := f.s.Ledger(f.ctx, "ana", 1)
	f.ok(err, "ledger")
	if len(es) != 1 || es[0].ID != "stamp:12" || es[0].Reason != community.ReasonFreeItem || es[0].Delta != 0 || es[0].By != "staff" {
		t.Errorf("the free item's entry = %+v", es)
	}

	// A refused entry (beyond the balance) changes neither the ledger nor the card.
	_, err = f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "code:X", MemberID: "ana", Delta: -500, Reason: community.ReasonReward, At: at(3)},
		func(card *community.CounterCard, _ *community.LedgerEntry) error { card.Stamps = 99; return nil })
	f.reason(err, community.ReasonInsufficient, "a reward beyond the balance")
	if c, _ := f.s.CounterCard(f.ctx, "ana"); c.Stamps != 0 || c.LastOp != "stamp:12" {
		t.Errorf("a refused entry changed the card: %+v", c)
	}
	// An update function's error aborts, and is returned as is.
	_, err = f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "stamp:x", MemberID: "ana", At: at(3)},
		func(*community.CounterCard, *community.LedgerEntry) error {
			return community.Invalid("entry", community.ReasonInvalid)
		})
	f.reason(err, community.ReasonInvalid, "an update function's error")
	if es, _ := f.s.Ledger(f.ctx, "ana", 0); len(es) != 13 {
		t.Errorf("ledger has %d entries, want 13 (1 visit, 12 stamps)", len(es))
	}

	// Undoing the visit takes back its points and the lifetime points they gave.
	op, err = f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "undo:" + visit.ID, MemberID: "ana", Delta: -10,
		Reason: community.ReasonUndo, Ref: visit.ID, At: at(4), By: "staff"}, func(*community.CounterCard, *community.LedgerEntry) error { return nil })
	f.ok(err, "undo")
	if op.Member.Points != 0 || op.Member.LifetimePoints != 0 {
		t.Errorf("after the undo: %d/%d points, want 0/0", op.Member.Points, op.Member.LifetimePoints)
	}

	_, err = f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: "visit:nobody", MemberID: "nobody", Delta: 1, At: at(1)}, seen)
	f.is(err, community.ErrNotFound, "counter for an unknown member")

	f.ok(f.s.DeleteMember(f.ctx, "ana"), "delete ana")
	_, err = f.s.CounterCard(f.ctx, "ana")
	f.is(err, community.ErrNotFound, "card of a deleted member")
}

// raceCounter: staff at two tills record the same visit at once (it counts
// once) and stamp different purchases at once (every one counts, and the
// free items fall on every 6th).
func raceCounter(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	f.member("ana", "Ana")
	var applied atomic.Int64
	visit := community.LedgerEntry{ID: "visit:ana:2030-03-14", MemberID: "ana", Delta: 10, Reason: community.ReasonVisit, At: at(1), By: "staff"}
	f.ok(parallel(opts.LedgerRepeats, func(int) error {
		op, err := f.s.ApplyCounter(f.ctx, visit, func(card *community.CounterCard, e *community.LedgerEntry) error {
			card.LastVisit = e.At
			return nil
		})
		if op.Applied {
			applied.Add(1)
		}
		return err
	}), "the same visit at once")
	if m, _ := f.s.Member(f.ctx, "ana"); applied.Load() != 1 || m.Points != 10 {
		t.Errorf("the same visit %d times at once: applied %d times, %d points", opts.LedgerRepeats, applied.Load(), m.Points)
	}
	const stamps = 3 * (stampEvery + 1)
	f.ok(parallel(stamps, func(i int) error {
		_, err := f.s.ApplyCounter(f.ctx, community.LedgerEntry{ID: fmt.Sprintf("stamp:%d", i), MemberID: "ana",
			Reason: community.ReasonStamp, At: at(2), By: "staff"}, punch)
		return err
	}), "stamps at once")
	card, err := f.s.CounterCard(f.ctx, "ana")
	f.ok(err, "card")
	es, err := f.s.Ledger(f.ctx, "ana", 0)
	f.ok(err, "ledger")
	freeEntries := 0
	for _, e := range es {
		if e.Reason == community.ReasonFreeItem {
			freeEntries++
		}
	}
	if card.Stamps != 0 || card.FreeItems != 3 || freeEntries != 3 || len(es) != stamps+1 {
		t.Errorf("%d stamps at once: card %+v, %d free-item entries of %d, want 0 stamps and 3 free items", stamps, card, freeEntries, len(es))
	}
}
