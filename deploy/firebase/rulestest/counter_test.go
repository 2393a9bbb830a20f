package rulestest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// The counter of issue 13 under the rules: the app's own writes as staff (a
// visit, a purchase, stamps to the free item, a reward code accepted once,
// the birthday treat, undos), members refused, and class 13 attacks on the
// card and the counter's ledger entries.

const invCard = "stamp cards follow their ledger entries"

// counterCases are the permission table's rows of ActCounter and ActExport.
func counterCases() []rulesCase {
	var cs []rulesCase
	cs = append(cs, staffOnly(community.ActCounter, "visit, purchase, stamps to the free item, a reward code once, birthday, undo",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error { return e.counterDay(t, ctx, a) },
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			id := e.id(member)
			_, err := a.store.ApplyCounter(ctx, community.LedgerEntry{ID: "visit:" + id + ":" + time.Now().Format(time.DateOnly),
				MemberID: id, Delta: 10, Reason: community.ReasonVisit, At: time.Now(), By: a.id},
				func(c *community.CounterCard, _ *community.LedgerEntry) error { c.LastVisit = time.Now(); return nil })
			return err
		})...)
	// The export reads members, ledgers, RSVPs and feedback: all of which
	// staff read anyway at the counter and in the events manager, so the
	// rules cannot refuse staff an export (see appOnly). A member reading
	// another's ledger, as an export would, is refused.
	export := func(t *testing.T, ctx context.Context, e *env, a *actor) error {
		var b discard
		return a.svc.WriteExport(ctx, a.who, community.ExportLedger, &b, nil)
	}
	cs = append(cs, rulesCase{string(community.ActExport), owner, "export the ledger as CSV", true, export},
		rulesCase{string(community.ActExport), member, "read another member's ledger, as an export does", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Ledger(ctx, e.id(other), 0)
				return err
			}})
	return cs
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// counterDay is a day at the till for "other", through the use cases as a.
func (e *env) counterDay(t *testing.T, ctx context.Context, a *actor) error {
	e.award(t, other, 500)
	madrid, _ := time.LoadLocation("Europe/Madrid")
	today := time.Now().In(madrid)
	if _, err := e.admin.UpdateMember(ctx, e.id(other), func(m *community.Member) error {
		m.Birthday = community.Birthday{Month: today.Month(), Day: today.Day()}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	o := e.actors[other]
	code, err := o.svc.RewardCode(ctx, o.who, "cookie")
	if err != nil {
		return fmt.Errorf("the member asks for a reward code: %w", err)
	}
	if v, err := a.svc.LookUp(ctx, a.who, code); err != nil || v.Member.ID != e.id(other) {
		return fmt.Errorf("look up the code: %v, %w", v.Member.ID, err)
	}
	for range 2 {
		if _, err := a.svc.RecordVisit(ctx, a.who, e.id(other)); err != nil {
			return fmt.Errorf("visit: %w", err)
		}
	}
	buy, err := a.svc.RecordPurchase(ctx, a.who, e.id(other), 1250, community.NewID())
	if err != nil {
		return fmt.Errorf("purchase: %w", err)
	}
	var last community.CounterResult
	for i := range 10 { // the demo card: the 10th is free
		if last, err = a.svc.Stamp(ctx, a.who, e.id(other), community.NewID()); err != nil {
			return fmt.Errorf("stamp %d: %w", i+1, err)
		}
	}
	if !last.Free {
		return fmt.Errorf("the 10th stamp was not the free item")
	}
	if _, err := a.svc.AcceptRewardCode(ctx, a.who, code); err != nil {
		return fmt.Errorf("accept the code: %w", err)
	}
	if _, err := a.svc.AcceptRewardCode(ctx, a.who, code); !community.IsReason(err, community.ReasonUsed) {
		return fmt.Errorf("the same code again: %v, want refused as used", err)
	}
	if _, err := a.svc.GiveBirthdayTreat(ctx, a.who, e.id(other)); err != nil {
		return fmt.Errorf("birthday: %w", err)
	}
	if _, err := a.svc.Undo(ctx, a.who, e.id(other), buy.Entry.ID); err != nil {
		return fmt.Errorf("undo the purchase: %w", err)
	}
	if _, err := a.svc.Undo(ctx, a.who, e.id(other), last.Entry.ID); err != nil {
		return fmt.Errorf("undo the free item: %w", err)
	}
	e.invariants(t)
	return nil
}

// cardInvariant replays a member's ledger, oldest first, and checks the card
// says what the entries say: stamps +1, a free item empties the card, an
// undo takes the last stamp back.
func (e *env) cardInvariant(t *testing.T, m *firestore.DocumentSnapshot) {
	t.Helper()
	card, err := m.Ref.Collection("counter").Doc("card").Get(testContext(t))
	if err != nil {
		return // no card: the counter never saw them
	}
	entries := e.all(t, m.Ref.Collection("ledger").Query)
	sort.SliceStable(entries, func(i, j int) bool {
		a, _ := entries[i].Data()["at"].(time.Time)
		b, _ := entries[j].Data()["at"].(time.Time)
		return a.Before(b)
	})
	c, err := e.admin.Community(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	every := c.Earn.StampsEvery
	reasons := map[string]string{}
	var stamps, free int64
	for _, l := range entries {
		d := l.Data()
		reasons[l.Ref.ID] = fmt.Sprint(d["reason"])
		switch d["reason"] {
		case "stamp":
			stamps++
		case "free_item":
			stamps, free = 0, free+1
		case "undo":
			switch reasons[fmt.Sprint(d["ref"])] {
			case "stamp":
				stamps--
			case "free_item":
				stamps, free = every, free-1
			}
		}
	}
	d := card.Data()
	if num(d["stamps"]) != stamps || num(d["freeItems"]) != free || stamps > every || stamps < 0 {
		t.Errorf("INVARIANT: member %s's card has %v stamps and %v free items; the ledger says %d and %d (card of %d)",
			m.Ref.ID, d["stamps"], d["freeItems"], stamps, free, every)
	}
	if _, ok := reasons[fmt.Sprint(d["lastOp"])]; !ok {
		t.Errorf("INVARIANT: member %s's card names %v, not in the ledger", m.Ref.ID, d["lastOp"])
	}
}

// TestAttack_Counter: class 13, the counter's card and entries.
func TestAttack_Counter(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	e.award(t, member, 300)
	s := e.actors[staff]
	// A card with some stamps on it, by the app.
	for range 3 {
		if _, err := s.svc.Stamp(ctx, s.who, e.id(member), community.NewID()); err != nil {
			t.Fatalf("control: stamp: %v", err)
		}
	}
	visit, err := s.svc.RecordVisit(ctx, s.who, e.id(member))
	if err != nil {
		t.Fatalf("control: visit: %v", err)
	}
	e.invariants(t)
	id := e.id(member)
	card := "members/" + id + "/counter/card"
	entry := func(delta int64, reason, ref, by string) map[string]any {
		return map[string]any{"delta": delta, "reason": reason, "ref": ref, "note": "", "at": serverNow(), "by": by}
	}
	cardDoc := func(stamps, free int64, lastStamp, lastOp string) map[string]any {
		return map[string]any{"stamps": stamps, "freeItems": free, "lastVisit": time.Now(), "lastStamp": lastStamp,
			"birthdayYear": 0, "lastOp": lastOp}
	}
	pts := func() int64 { return num(e.doc(t, "members/"+id)["points"]) }
	for _, who := range members {
		by := e.actors[who].id
		e.attack(t, invBalance, who, "a visit given to oneself", func(b *batch) {
			b.update("members/"+id, "points", pts()+10, "lifetimePoints", firestore.Increment(10), "lastOp", "visit:me")
			b.create("members/"+id+"/ledger/visit:me", entry(10, "visit", "", by))
		})
		e.attack(t, invCard, who, "stamps written on one's own card", func(b *batch) {
			b.set(card, cardDoc(9, 0, "", "stamp:me"))
		})
		e.attack(t, invCard, who, "one's own card deleted, the account kept", func(b *batch) {
			b.b.Delete(b.ref(card))
		})
	}
	who := staff
	e.attack(t, invCard, who, "five stamps for one stamp entry", func(b *batch) {
		b.update("members/"+id, "points", pts(), "lastOp", "stamp:five")
		b.create("members/"+id+"/ledger/stamp:five", entry(0, "stamp", "", e.id(staff)))
		b.set(card, cardDoc(8, 0, "stamp:five", "stamp:five"))
	})
	e.attack(t, invCard, who, "stamps without an entry", func(b *batch) {
		b.set(card, cardDoc(9, 0, visit.Entry.ID, visit.Entry.ID))
	})
	e.attack(t, invCard, who, "a free item on a card that is not full", func(b *batch) {
		b.update("members/"+id, "points", pts(), "lastOp", "stamp:free")
		b.create("members/"+id+"/ledger/stamp:free", entry(0, "free_item", "", e.id(staff)))
		b.set(card, cardDoc(0, 1, "stamp:free", "stamp:free"))
	})
	e.attack(t, invBalance, who, "points for a stamp", func(b *batch) {
		b.update("members/"+id, "points", pts()+100, "lifetimePoints", firestore.Increment(100), "lastOp", "stamp:pts")
		b.create("members/"+id+"/ledger/stamp:pts", entry(100, "stamp", "", e.id(staff)))
		b.set(card, cardDoc(4, 0, "stamp:pts", "stamp:pts"))
	})
	e.attack(t, invBalance, who, "an undo taking back more than the entry gave", func(b *batch) {
		b.update("members/"+id, "points", pts()-100, "lifetimePoints", firestore.Increment(-100), "lastOp", "undo:"+visit.Entry.ID)
		b.create("members/"+id+"/ledger/undo:"+visit.Entry.ID, entry(-100, "undo", visit.Entry.ID, e.id(staff)))
	})
	e.attack(t, invBalance, who, "an undo of an entry that does not exist", func(b *batch) {
		b.update("members/"+id, "points", pts()-50, "lifetimePoints", firestore.Increment(-50), "lastOp", "undo:nothing")
		b.create("members/"+id+"/ledger/undo:nothing", entry(-50, "undo", "nothing", e.id(staff)))
	})
	e.attack(t, invBalance, who, "an undo under another entry's name", func(b *batch) {
		b.update("members/"+id, "points", pts()-10, "lifetimePoints", firestore.Increment(-10), "lastOp", "award:quiet")
		b.create("members/"+id+"/ledger/award:quiet", entry(-10, "undo", visit.Entry.ID, e.id(staff)))
	})
	e.attack(t, invBalance, who, "an undo that keeps the lifetime points", func(b *batch) {
		b.update("members/"+id, "points", pts()-10, "lastOp", "undo:"+visit.Entry.ID)
		b.create("members/"+id+"/ledger/undo:"+visit.Entry.ID, entry(-10, "undo", visit.Entry.ID, e.id(staff)))
	})
	e.attack(t, invBalance, who, "a negative visit", func(b *batch) {
		b.update("members/"+id, "points", pts()-10, "lastOp", "visit:neg")
		b.create("members/"+id+"/ledger/visit:neg", entry(-10, "visit", "", e.id(staff)))
	})
	e.attack(t, invCard, owner, "the birthday year moved by a stamp", func(b *batch) {
		b.update("members/"+id, "points", pts(), "lastOp", "stamp:bday")
		b.create("members/"+id+"/ledger/stamp:bday", entry(0, "stamp", "", e.id(owner)))
		d := cardDoc(4, 0, "stamp:bday", "stamp:bday")
		d["birthdayYear"] = 2099
		b.set(card, d)
	})
	// Controls: the app's own undo of the visit and another stamp pass.
	if _, err := s.svc.Undo(ctx, s.who, id, visit.Entry.ID); err != nil {
		t.Fatalf("control: undo: %v", err)
	}
	if _, err := s.svc.Stamp(ctx, s.who, id, community.NewID()); err != nil {
		t.Fatalf("control: stamp: %v", err)
	}
	e.invariants(t)
}
