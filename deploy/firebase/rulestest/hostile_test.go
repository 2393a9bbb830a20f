package rulestest

import (
	"fmt"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// Attacks of the adversarial review after issue 9 and the counter (issue
// 13): what the first suite did not try. Each names the hole it proves;
// the controls are the app's own writes, which must stay allowed.

// entryDoc is a ledger entry as a hand-written client writes it.
func entryDoc(delta int64, reason, ref, by string) map[string]any {
	return map[string]any{"delta": delta, "reason": reason, "ref": ref, "note": "", "at": serverNow(), "by": by}
}

// cardDoc is a counter card as a hand-written client writes it.
func cardDoc(stamps, free int64, lastStamp string, year int64, lastOp string) map[string]any {
	return map[string]any{"stamps": stamps, "freeItems": free, "lastVisit": time.Now(), "lastStamp": lastStamp,
		"birthdayYear": year, "lastOp": lastOp}
}

// TestHostile_CounterApp: the counter's own writes, as staff at the till,
// pass the rules. Before this review every one of them was refused in cloud
// mode: the card (members/{uid}/counter/card) had no rule, and visit,
// purchase, stamp, free_item and undo were not ledger reasons.
func TestHostile_CounterApp(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	s := e.actors[staff]
	mid := e.id(member)
	e.award(t, member, 500)
	if _, err := s.svc.RecordVisit(ctx, s.who, mid); err != nil {
		t.Errorf("control: visit: %v", err)
	}
	if r, err := s.svc.RecordVisit(ctx, s.who, mid); err != nil || r.Applied {
		t.Errorf("control: the same visit again: applied %v, %v", r.Applied, err)
	}
	if _, err := s.svc.RecordPurchase(ctx, s.who, mid, 1250, community.NewOpID()); err != nil {
		t.Errorf("control: purchase: %v", err)
	}
	res, err := s.svc.Stamp(ctx, s.who, mid, community.NewOpID())
	if err != nil {
		t.Errorf("control: stamp: %v", err)
	}
	if _, err := s.svc.Undo(ctx, s.who, mid, res.Entry.ID); err != nil {
		t.Errorf("control: undo the stamp: %v", err)
	}
	for i := range 10 { // demo card: 9 stamps, the 10th free
		r, err := s.svc.Stamp(ctx, s.who, mid, community.NewOpID())
		if err != nil || r.Free != (i == 9) {
			t.Fatalf("control: stamp %d: free %v, %v", i+1, r.Free, err)
		}
		if i == 9 {
			if _, err := s.svc.Undo(ctx, s.who, mid, r.Entry.ID); err != nil {
				t.Errorf("control: undo the free item: %v", err)
			}
		}
	}
	award, _, err := s.svc.AwardPoints(ctx, s.who, mid, 70, "oops", community.NewOpID())
	if err != nil {
		t.Fatalf("control: award: %v", err)
	}
	_ = award
	if _, err := s.svc.Undo(ctx, s.who, mid, "award:"+lastAward(t, e, mid)); err != nil {
		t.Errorf("control: undo an award: %v", err)
	}
	if _, err := s.svc.RedeemAtCounter(ctx, s.who, mid, "cookie", community.NewOpID()); err != nil {
		t.Errorf("control: redeem at the counter: %v", err)
	}
	m := e.actors[member]
	code, err := m.svc.RewardCode(ctx, m.who, "cookie")
	if err != nil {
		t.Fatalf("control: reward code: %v", err)
	}
	if _, err := s.svc.AcceptRewardCode(ctx, s.who, code); err != nil {
		t.Errorf("control: accept a reward code: %v", err)
	}
	if _, err := s.svc.AcceptRewardCode(ctx, s.who, code); err == nil {
		t.Errorf("control: the same reward code twice was accepted")
	}
	// The birthday treat, on the birthday (the community's zone).
	today := time.Now().In(mustZone(t, "Europe/Madrid"))
	if _, err := e.admin.Client().Doc("communities/"+e.cid+"/members/"+e.id(other)).Update(ctx, []firestore.Update{
		{Path: "birthMonth", Value: int(today.Month())}, {Path: "birthDay", Value: today.Day()}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.GiveBirthdayTreat(ctx, s.who, e.id(other)); err != nil {
		t.Errorf("control: birthday treat: %v", err)
	}
	if r, err := s.svc.GiveBirthdayTreat(ctx, s.who, e.id(other)); err != nil || r.Applied {
		t.Errorf("control: the birthday treat twice: applied %v, %v", r.Applied, err)
	}
	e.invariants(t)
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// lastAward is the op ID of the member's latest award entry.
func lastAward(t *testing.T, e *env, mid string) string {
	t.Helper()
	es, err := e.admin.Ledger(testContext(t), mid, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range es {
		if l.Reason == community.ReasonAward {
			return l.ID[len("award:"):]
		}
	}
	t.Fatal("no award entry")
	return ""
}

// TestHostile_Counter: hand-written commits at the counter, by staff (whom
// the permission table lets award points, but whose counter entries must be
// what their IDs and the earn rules say) and by members.
func TestHostile_Counter(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	s := e.actors[staff]
	mid, sid := e.id(member), e.id(staff)
	mPath := "members/" + mid
	e.award(t, member, 500)
	// A card with 2 stamps (of 9) and a visit today, as the app leaves it.
	if _, err := s.svc.RecordVisit(ctx, s.who, mid); err != nil {
		t.Fatalf("control: visit: %v", err)
	}
	var lastStamp string
	for range 2 {
		r, err := s.svc.Stamp(ctx, s.who, mid, community.NewOpID())
		if err != nil {
			t.Fatalf("control: stamp: %v", err)
		}
		lastStamp = r.Entry.ID
	}
	firstStamp := ""
	if es, err := e.admin.Ledger(ctx, mid, 0); err == nil {
		for _, l := range es {
			if l.Reason == community.ReasonStamp && l.ID != lastStamp {
				firstStamp = l.ID
			}
		}
	}
	e.invariants(t)
	today := time.Now().UTC().Format(time.DateOnly)
	pts := func() int64 { return num(e.doc(t, mPath)["points"]) }
	life := func() int64 { return num(e.doc(t, mPath)["lifetimePoints"]) }
	card := func() map[string]any { return e.doc(t, mPath+"/counter/card") }
	// entry writes one entry, the member's balance and (if c) the card, as who.
	entry := func(who, id string, delta int64, reason, ref string, c map[string]any) func(b *batch) {
		return func(b *batch) {
			lifetime := life()
			if delta > 0 {
				lifetime += delta
			}
			if reason == "undo" && delta < 0 {
				lifetime += delta
			}
			b.update(mPath, "points", pts()+delta, "lifetimePoints", lifetime, "lastOp", id)
			b.create(mPath+"/ledger/"+id, entryDoc(delta, reason, ref, e.actors[who].id))
			if c != nil {
				b.set(mPath+"/counter/card", c)
			}
		}
	}
	cur := card()
	st, fr := num(cur["stamps"]), num(cur["freeItems"])
	// Members never write the card.
	for _, who := range []string{member, other, unverified, stranger, outsider} {
		e.attack(t, invCounter, who, "a member writes the card with a redemption", func(b *batch) {
			b.update(mPath, "points", pts()-80, "lastOp", "reward:card")
			b.create(mPath+"/ledger/reward:card", entryDoc(-80, "reward", "cookie", e.actors[who].id))
			b.set(mPath+"/counter/card", cardDoc(9, fr, "reward:card", 0, "reward:card"))
		})
		e.attack(t, invCounter, who, "a member writes the card alone", func(b *batch) {
			b.set(mPath+"/counter/card", cardDoc(9, fr+3, "", 0, "stamp:mine"))
		})
	}
	// Staff: the card moves only as its entry says.
	e.attack(t, invCounter, staff, "two stamps for one stamp entry", entry(staff, "stamp:two", 0, "stamp", "",
		cardDoc(st+2, fr, "stamp:two", 0, "stamp:two")))
	e.attack(t, invCounter, staff, "stamps moved by an award entry", entry(staff, "award:st", 5, "award", "",
		cardDoc(st+4, fr, lastStamp, 0, "award:st")))
	e.attack(t, invCounter, staff, "a free item from a card that is not full", entry(staff, "stamp:free", 0, "free_item", "",
		cardDoc(0, fr+1, "stamp:free", 0, "stamp:free")))
	e.attack(t, invCounter, staff, "the card without a new entry", func(b *batch) {
		b.set(mPath+"/counter/card", cardDoc(st+5, fr, lastStamp, 0, num2s(cur["lastOp"])))
	})
	e.attack(t, invCounter, staff, "undo a stamp that is not the card's last", entry(staff, "undo:"+firstStamp, 0, "undo", firstStamp,
		cardDoc(st-1, fr, "", 0, "undo:"+firstStamp)))
	e.attack(t, invCounter, staff, "a stamp without the card", entry(staff, "stamp:nocard", 0, "stamp", "", nil))
	e.attack(t, invCounter, staff, "undo a stamp without the card", entry(staff, "undo:"+firstStamp, 0, "undo", firstStamp, nil))
	e.attack(t, invCounter, staff, "a stamp entry with points", entry(staff, "stamp:pts", 50, "stamp", "",
		cardDoc(st+1, fr, "stamp:pts", 0, "stamp:pts")))
	// Staff: visits once a day, by the rule.
	e.attack(t, invCounter, staff, "a second visit today under another ID", entry(staff, "visit:"+mid+":"+today+"b", 10, "visit", today+"b", nil))
	e.attack(t, invCounter, staff, "a second visit today as a purchase ID", entry(staff, "purchase:v2", 10, "visit", today, nil))
	e.attack(t, invCounter, staff, "a visit dated last week", func(b *batch) {
		d := time.Now().AddDate(0, 0, -7).UTC().Format(time.DateOnly)
		entry(staff, "visit:"+mid+":"+d, 10, "visit", d, nil)(b)
	})
	e.attack(t, invCounter, staff, "a visit worth more than the rule", func(b *batch) {
		d := time.Now().UTC().Add(14 * time.Hour).Format(time.DateOnly)
		if d == today {
			d = time.Now().UTC().Add(-12 * time.Hour).Format(time.DateOnly)
		}
		entry(staff, "visit:"+mid+":"+d, 500, "visit", d, nil)(b)
	})
	e.attack(t, invCounter, staff, "another member's visit ID", entry(staff, "visit:"+e.id(other)+":"+today, 10, "visit", today, nil))
	// Staff: the birthday once a year.
	year := time.Now().UTC().Year()
	e.attack(t, invCounter, staff, "a birthday treat for last year", entry(staff, fmt.Sprintf("birthday:%s:%d", mid, year-1), 150, "birthday",
		fmt.Sprint(year-1), nil))
	e.attack(t, invCounter, staff, "a birthday treat under another ID", entry(staff, "birthday:again", 150, "birthday", fmt.Sprint(year), nil))
	e.attack(t, invCounter, staff, "a birthday treat worth more", entry(staff, fmt.Sprintf("birthday:%s:%d", mid, year), 900, "birthday",
		fmt.Sprint(year), nil))
	// Staff: a purchase earns what its amount says.
	e.attack(t, invCounter, staff, "a purchase worth more than its amount", entry(staff, "purchase:p1", 900, "purchase", "1250", nil))
	e.attack(t, invCounter, staff, "a purchase with no amount", entry(staff, "purchase:p2", 12, "purchase", "lots", nil))
	// Staff: rewards at their catalog price.
	e.attack(t, invCounter, staff, "a reward below its price", entry(staff, "reward:cheap", -1, "reward", "class", nil))
	// Staff: undo reverses one entry of the same member, once, exactly.
	visitID := "visit:" + mid + ":" + dayOf(t, e, mid)
	e.attack(t, invCounter, staff, "an undo that gives more than the entry took", entry(staff, "undo:"+visitID, 100, "undo", visitID, nil))
	e.attack(t, invCounter, staff, "an undo under another ID", entry(staff, "undo2:"+visitID, -10, "undo", visitID, nil))
	e.award(t, other, 300)
	otherAward := "award:" + lastAward(t, e, e.id(other))
	e.attack(t, invCounter, staff, "an undo of another member's entry", entry(staff, "undo:"+otherAward, -300, "undo", otherAward, nil))
	e.attack(t, invCounter, staff, "an undo of nothing", entry(staff, "undo:nothing", -40, "undo", "nothing", nil))
	if _, err := s.svc.Undo(ctx, s.who, mid, visitID); err != nil {
		t.Fatalf("control: undo the visit: %v", err)
	}
	e.attack(t, invCounter, staff, "an undo of an undo", entry(staff, "undo:undo:"+visitID, 10, "undo", "undo:"+visitID, nil))
	e.attack(t, invCounter, staff, "the same undo again", entry(staff, "undo:"+visitID, -10, "undo", visitID, nil))
	_ = sid
	e.invariants(t)
}

func num2s(v any) string { s, _ := v.(string); return s }

// dayOf is the date of the member's visit entry.
func dayOf(t *testing.T, e *env, mid string) string {
	t.Helper()
	es, err := e.admin.Ledger(testContext(t), mid, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range es {
		if l.Reason == community.ReasonVisit {
			return l.Ref
		}
	}
	t.Fatal("no visit entry")
	return ""
}

// TestHostile_MemberLedgerIDs: a member's own redemption takes only a
// "reward:" ID and an active reward. Before this review a member could
// redeem the cheapest reward under the ID of an entry staff were about to
// write, "undo:<the award staff gave by mistake>", so that the counter's undo
// found it "already done" and the member kept the points; or under a
// visit's, birthday's or reward code's ID. Inactive rewards were redeemable.
func TestHostile_MemberLedgerIDs(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	s, m := e.actors[staff], e.actors[member]
	mid := e.id(member)
	mPath := "members/" + mid
	e.award(t, member, 200)
	if _, _, err := s.svc.AwardPoints(ctx, s.who, mid, 1000, "typo: meant 10", "oops"); err != nil {
		t.Fatal(err)
	}
	pts := func() int64 { return num(e.doc(t, mPath)["points"]) }
	redeemAs := func(id, reward string, cost int64) func(b *batch) {
		return func(b *batch) {
			b.update(mPath, "points", pts()-cost, "lastOp", id)
			b.create(mPath+"/ledger/"+id, entryDoc(-cost, "reward", reward, mid))
		}
	}
	today := time.Now().In(mustZone(t, "Europe/Madrid")).Format(time.DateOnly)
	for _, id := range []string{"undo:award:oops", "visit:" + mid + ":" + today, fmt.Sprintf("birthday:%s:%d", mid, time.Now().Year()),
		"code:ABCDEFGH", "award:x", "checkin:ev:" + mid} {
		e.attack(t, invBalance, member, "a redemption under the ID "+id, redeemAs(id, "cookie", 80))
	}
	// The owner retires the beans; members may not redeem them any more.
	c, err := e.admin.Community(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Rewards {
		if c.Rewards[i].ID == "beans" {
			c.Rewards[i].Inactive = true
		}
	}
	if err := e.admin.SaveCommunity(ctx, c); err != nil {
		t.Fatal(err)
	}
	e.attack(t, invBalance, member, "redeem an inactive reward", redeemAs("reward:beans", "beans", 600))
	if _, _, err := m.svc.RedeemReward(ctx, m.who, "beans", community.NewOpID()); err == nil {
		t.Errorf("the app let a member redeem an inactive reward")
	}
	// Controls: the app's redemption, and staff's undo of the mistake.
	if _, _, err := m.svc.RedeemReward(ctx, m.who, "cookie", community.NewOpID()); err != nil {
		t.Fatalf("control: redeem: %v", err)
	}
	if r, err := s.svc.Undo(ctx, s.who, mid, "award:oops"); err != nil || !r.Applied {
		t.Fatalf("control: undo the mistaken award: applied %v, %v", r.Applied, err)
	}
	e.invariants(t)
}

// TestHostile_RewardCodes: a reward code spends points only if the card's
// holder issued it (members/{uid}/codes/{nonce}), in the app and in the
// rules. Before the review any member could write "<someone's card
// code>:cookie:<anything>" (card codes follow from member IDs, which posts,
// RSVPs and votes show) and the counter took the cookie's price from them.
func TestHostile_RewardCodes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	s, m := e.actors[staff], e.actors[member]
	mid := e.id(member)
	mPath := "members/" + mid
	e.award(t, member, 500)
	card := community.MemberCode(mid) // what anyone can work out from the member's ID
	if got := e.member(t, member).Code; got != "" {
		card = got
	}
	before := num(e.doc(t, mPath)["points"])
	if _, err := s.svc.AcceptRewardCode(ctx, s.who, card+":cookie:FORGEDAA"); err == nil {
		t.Errorf("ATTACK GOT THROUGH: the counter accepted a reward code made up from a card code")
	}
	countAttack(invBalance, true)
	// Hand-written: the code's entry without the code, or another member's code document.
	pts := func() int64 { return num(e.doc(t, mPath)["points"]) }
	codeEntry := func(nonce, reward string, cost int64) func(b *batch) {
		return func(b *batch) {
			b.update(mPath, "points", pts()-cost, "lastOp", "code:"+nonce)
			b.create(mPath+"/ledger/code:"+nonce, entryDoc(-cost, "reward", reward, e.id(staff)))
			b.set(mPath+"/counter/card", cardDoc(0, 0, "", 0, "code:"+nonce))
		}
	}
	e.attack(t, invBalance, staff, "accept a code nobody issued", codeEntry("FORGEDBB", "cookie", 80))
	for _, who := range []string{other, staff, stranger, outsider} {
		e.attack(t, invBalance, who, "issue a code on another member's card", func(b *batch) {
			b.create(mPath+"/codes/FORGEDCC", map[string]any{"reward": "cookie", "at": serverNow()})
		})
	}
	e.attack(t, invBalance, member, "issue a code with a made-up time", func(b *batch) {
		b.create(mPath+"/codes/LATERDDD", map[string]any{"reward": "cookie", "at": time.Now().Add(time.Hour)})
	})
	e.attack(t, invBalance, member, "issue a code with extra fields", func(b *batch) {
		b.create(mPath+"/codes/EXTRAEEE", map[string]any{"reward": "cookie", "at": serverNow(), "cost": 1})
	})
	code, err := m.svc.RewardCode(ctx, m.who, "cookie")
	if err != nil {
		t.Fatalf("control: issue a code: %v", err)
	}
	p, _ := community.ParseRewardCode(code)
	e.attack(t, invBalance, member, "change an issued code's reward", func(b *batch) {
		b.set(mPath+"/codes/"+p.Nonce, map[string]any{"reward": "class", "at": serverNow()})
	})
	e.attack(t, invBalance, staff, "accept a cookie code as a cake", codeEntry(p.Nonce, "cake", 250))
	if num(e.doc(t, mPath)["points"]) != before {
		t.Errorf("forged codes spent points")
	}
	if _, err := s.svc.AcceptRewardCode(ctx, s.who, code); err != nil {
		t.Errorf("control: accept the issued code: %v", err)
	}
	// Erasure takes the codes and the card with the account.
	if err := m.svc.DeleteAccount(ctx, m.who); err != nil {
		t.Fatalf("control: delete the account: %v", err)
	}
	for _, sub := range []string{"codes", "counter", "ledger"} {
		if snaps := e.all(t, e.admin.Client().Collection("communities/"+e.cid+"/members/"+mid+"/"+sub).Query); len(snaps) > 0 {
			t.Errorf("after erasure %d documents stay in %s", len(snaps), sub)
		}
	}
	e.invariants(t)
}

// TestHostile_StaffPromotion: when staff raise an event's capacity, every
// waiter the event says it seated has a going RSVP. Before the review the
// rules checked only the first of them: staff could name two promoted
// members, seat one, and the event counted a seat held by nobody.
func TestHostile_StaffPromotion(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	ev := e.event(t, 1)
	e.rsvp(t, ev.ID, owner)
	for _, who := range []string{staff, member, other, unverified} {
		e.rsvp(t, ev.ID, who)
	}
	e.invariants(t)
	evPath := "events/" + ev.ID
	d := e.doc(t, evPath)
	seq := num(d["seq"])
	rsvp := func(who string) string { return evPath + "/rsvps/" + e.id(who) }
	for _, seat := range [][]string{{staff}, {member}, {}} {
		e.attack(t, invSeats, staff, fmt.Sprintf("seat 2 waiters by capacity, %d RSVPs moved", len(seat)), func(b *batch) {
			for _, who := range seat {
				b.update(rsvp(who), "status", "going")
			}
			b.update(evPath, "capacity", 3, "going", 3, "waiting", 2, "queue", []string{e.id(other), e.id(unverified)},
				"seq", seq+1, "promoted", []string{e.id(staff), e.id(member)})
		})
	}
	e.attack(t, invSeats, staff, "seat 3 waiters by capacity, the middle one's RSVP not moved", func(b *batch) {
		b.update(rsvp(staff), "status", "going")
		b.update(rsvp(other), "status", "going")
		b.update(evPath, "capacity", 4, "going", 4, "waiting", 1, "queue", []string{e.id(unverified)},
			"seq", seq+1, "promoted", []string{e.id(staff), e.id(member), e.id(other)})
	})
	// Control: the app raises the capacity and seats all the waiters, the
	// four above and 8 more: more than the rules check in one commit, so the
	// store seats them in two steps.
	const seats = 12
	for i := range seats - 4 {
		id := fmt.Sprintf("u-extra-%d", i)
		if err := e.admin.CreateMember(ctx, community.Member{ID: id, Name: id, Role: community.RoleMember, Since: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.admin.RSVP(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: id, Name: id, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	s := e.actors[staff]
	in := community.EventInput{Title: ev.Title, Place: ev.Place, StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, TimeZone: ev.TimeZone,
		Capacity: 1 + seats}
	if _, err := s.svc.EditEvent(ctx, s.who, ev.ID, in); err != nil {
		t.Fatalf("control: raise the capacity to seat %d: %v", seats, err)
	}
	if d := e.doc(t, evPath); num(d["going"]) != 1+seats || num(d["waiting"]) != 0 || num(d["capacity"]) != 1+seats {
		t.Errorf("control: after the capacity grew: going %v, waiting %v, capacity %v", d["going"], d["waiting"], d["capacity"])
	}
	e.invariants(t)
}

// TestHostile_OneCommit: two writes to one document in a commit (create
// then update, set twice), so that the second is judged against a document
// the first just made; and documents a member writes with fields they may
// not choose.
func TestHostile_OneCommit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	join := func(id string) map[string]any {
		return map[string]any{"code": community.MemberCode(id), "name": "Visitor", "nameKey": "visitor", "nameSearch": []string{"v"},
			"email": "", "lang": "en", "role": "member", "birthMonth": 0, "birthDay": 0, "usual": "", "points": 0,
			"lifetimePoints": 0, "since": serverNow(), "lastActive": time.Now()}
	}
	for _, who := range []string{stranger, outsider} {
		id := e.actors[who].id
		e.attack(t, invJoin, who, "join, then make oneself owner in the same commit", func(b *batch) {
			b.create("members/"+id, join(id))
			b.update("members/"+id, "role", "owner")
		})
		e.attack(t, invJoin, who, "join, then give oneself points in the same commit", func(b *batch) {
			b.create("members/"+id, join(id))
			b.update("members/"+id, "points", 5000, "lifetimePoints", 5000)
		})
		e.attack(t, invJoin, who, "join twice in one commit, the second as staff", func(b *batch) {
			b.create("members/"+id, join(id))
			m := join(id)
			m["role"] = "staff"
			b.set("members/"+id, m)
		})
	}
	mid := e.id(member)
	e.award(t, member, 300)
	pts := num(e.doc(t, "members/"+mid)["points"])
	e.attack(t, invBalance, member, "redeem, then raise the balance again in the same commit", func(b *batch) {
		b.update("members/"+mid, "points", pts-80, "lastOp", "reward:twice")
		b.create("members/"+mid+"/ledger/reward:twice", entryDoc(-80, "reward", "cookie", mid))
		b.update("members/"+mid, "points", pts+500)
	})
	e.attack(t, invBalance, member, "create a ledger entry, then change its delta in the same commit", func(b *batch) {
		b.update("members/"+mid, "points", pts-80, "lastOp", "reward:edit")
		b.create("members/"+mid+"/ledger/reward:edit", entryDoc(-80, "reward", "cookie", mid))
		b.update("members/"+mid+"/ledger/reward:edit", "delta", 500)
	})
	ev := e.event(t, 1)
	e.rsvp(t, ev.ID, other)
	evPath := "events/" + ev.ID
	d := e.doc(t, evPath)
	e.attack(t, invSeats, member, "wait in line, then turn the RSVP to going in the same commit", func(b *batch) {
		b.set(evPath+"/rsvps/"+mid, map[string]any{"community": e.cid, "event": ev.ID, "member": mid, "name": "", "status": "waiting",
			"at": time.Now(), "seq": num(d["seq"]) + 1, "eventStartsAt": d["startsAt"], "eventEndsAt": d["endsAt"], "eventCancelled": d["cancelled"]})
		b.update(evPath, "waiting", 1, "queue", []string{mid}, "seq", num(d["seq"])+1, "by", mid, "promoted", []string{})
		b.update(evPath+"/rsvps/"+mid, "status", "going")
	})
	// Control.
	a := e.actors[stranger]
	if _, err := a.svc.Join(ctx, a.id, community.Profile{Name: "Visitor", Lang: "en"}); err != nil {
		t.Fatalf("control: join: %v", err)
	}
	e.invariants(t)
}

// TestHostile_Recognition: what the app shows to recognise a member comes
// from the member document, not from what they claim: a story's "member
// since" date. Before the review a member could submit a story that said
// they had been a regular since 2001.
func TestHostile_Recognition(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	mid := e.id(member)
	m := e.member(t, member)
	story := func(since time.Time) map[string]any {
		return map[string]any{"author": mid, "authorName": m.Name, "authorSince": since, "lang": "en", "title": "Twenty years of flat whites",
			"body": "I was here first.", "consent": true, "status": "pending", "likes": 0, "submittedAt": serverNow(),
			"publishedAt": time.Time{}, "sortAt": time.Now()}
	}
	e.attack(t, invWords, member, "a story claiming membership since 2001", func(b *batch) {
		b.create("stories/"+community.NewID(), story(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)))
	})
	// Control: the app's story carries the member's own date.
	a := e.actors[member]
	if _, err := a.svc.SubmitStory(ctx, a.who, "My first cortado", "It was love at first sip.", true); err != nil {
		t.Fatalf("control: submit a story: %v", err)
	}
	e.invariants(t)
}
