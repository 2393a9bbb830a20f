package rulestest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// Attacks after the counter branch and the attack branch were merged (one
// set of counter rules): the program's settings and staff roles by anyone
// but the owner, card codes moved or dropped, cancellation notices by
// members, the birthday treat off the birthday, an undo that rewrites the
// card beyond what it reverses. The controls are the app's own writes.

const invSettings = "settings and roles change by the owner only, within bounds"

// counterCommit writes one ledger entry of mid, the member's balance by its
// delta (lifetime points as LedgerEntry.LifetimeDelta) and, if card is not
// nil, the card: the shape of the counter's commits, as who.
func (e *env) counterCommit(t *testing.T, who, mid, id string, delta int64, reason, ref string, card map[string]any) func(b *batch) {
	return func(b *batch) {
		m := e.doc(t, "members/"+mid)
		life := num(m["lifetimePoints"])
		switch {
		case reason == "undo" && delta < 0, reason != "undo" && delta > 0:
			life += delta
		}
		b.update("members/"+mid, "points", num(m["points"])+delta, "lifetimePoints", life, "lastOp", id)
		b.create("members/"+mid+"/ledger/"+id, entryDoc(delta, reason, ref, e.id(who)))
		if card != nil {
			b.set("members/"+mid+"/counter/card", card)
		}
	}
}

// cardNow is the member's card as it is, with the changes kv (field, value, ...).
func (e *env) cardNow(t *testing.T, mid string, kv ...any) map[string]any {
	c := e.doc(t, "members/"+mid+"/counter/card")
	for i := 0; i+1 < len(kv); i += 2 {
		c[kv[i].(string)] = kv[i+1]
	}
	return c
}

// TestHostile_SettingsAndRoles: the program's settings (earn rules, rewards,
// tiers, categories) and staff roles change by the owner only, and the
// owner's settings stay within what the app validates.
func TestHostile_SettingsAndRoles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	o := e.actors[owner]
	c, err := e.admin.Community(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Controls: the owner saves the settings and grants and revokes staff.
	c.Earn.Visit = 15
	if err := o.svc.SaveCommunity(ctx, o.who, c); err != nil {
		t.Fatalf("control: the owner saves the settings: %v", err)
	}
	c.Earn.ExpiryMonths = community.MaxExpiryMonths
	c.Brand = community.Brand{Accent: "#2f6b4f", Logo: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")}
	if err := o.svc.SaveCommunity(ctx, o.who, c); err != nil {
		t.Fatalf("control: the owner turns points expiry on and sets the café's colour and logo: %v", err)
	}
	if _, err := o.svc.SetRole(ctx, o.who, e.id(other), community.RoleStaff); err != nil {
		t.Fatalf("control: the owner grants staff: %v", err)
	}
	if _, err := o.svc.SetRole(ctx, o.who, e.id(other), community.RoleMember); err != nil {
		t.Fatalf("control: the owner revokes staff: %v", err)
	}
	// Anyone but the owner: earn rules, prices, the whole settings.
	for _, who := range []string{staff, member, unverified, stranger, outsider} {
		e.attack(t, invSettings, who, "raise the points of a visit", func(b *batch) {
			b.b.Update(b.community(), []firestore.Update{{Path: "earn.visit", Value: 500}})
		})
		e.attack(t, invSettings, who, "a reward for 1 point", func(b *batch) {
			rs := e.settings(t)["rewards"].([]any)
			r := rs[0].(map[string]any)
			r["cost"] = int64(1)
			b.b.Update(b.community(), []firestore.Update{{Path: "rewards", Value: rs}})
		})
		e.attack(t, invSettings, who, "the settings replaced", func(b *batch) {
			d := e.settings(t)
			d["name"] = "Mine now"
			b.b.Set(b.community(), d)
		})
	}
	// The owner, beyond what the app validates.
	bad := map[string]func(d map[string]any){
		"a negative visit":                func(d map[string]any) { d["earn"].(map[string]any)["visit"] = int64(-5) },
		"a visit worth a string":          func(d map[string]any) { d["earn"].(map[string]any)["visit"] = "10" },
		"a birthday worth 10^9 points":    func(d map[string]any) { d["earn"].(map[string]any)["birthday"] = int64(1_000_000_000) },
		"a negative check-in":             func(d map[string]any) { d["earn"].(map[string]any)["checkIn"] = int64(-1) },
		"an earn rule nobody knows":       func(d map[string]any) { d["earn"].(map[string]any)["everything"] = int64(1) },
		"a stamp card of 51":              func(d map[string]any) { d["earn"].(map[string]any)["stampsEvery"] = int64(51) },
		"a negative purchase unit":        func(d map[string]any) { d["earn"].(map[string]any)["purchaseUnit"] = int64(-100) },
		"points expiring after 61 months": func(d map[string]any) { d["earn"].(map[string]any)["expiryMonths"] = int64(61) },
		"an accent that is not #rrggbb":   func(d map[string]any) { d["accent"] = "url(javascript:1)" },
		"a logo of 65 KiB":                func(d map[string]any) { d["logo"] = make([]byte, 65<<10) },
		"points expiring after -1 months": func(d map[string]any) { d["earn"].(map[string]any)["expiryMonths"] = int64(-1) },
		"17 rewards": func(d map[string]any) {
			d["rewards"] = many(17, func(i int) any { return map[string]any{"id": fmt.Sprint("r", i), "cost": int64(10)} })
		},
		"13 categories": func(d map[string]any) {
			d["categories"] = many(13, func(i int) any { return map[string]any{"id": fmt.Sprint("c", i)} })
		},
		"11 tiers": func(d map[string]any) {
			d["tiers"] = many(11, func(i int) any { return map[string]any{"id": fmt.Sprint("t", i)} })
		},
		"a field of 200 KB kept":              func(d map[string]any) { d["notes"] = strings.Repeat("x", 200_000) },
		"41 about texts":                      func(d map[string]any) { d["about"] = manyMap(41) },
		"a currency of 300 characters":        func(d map[string]any) { d["currency"] = strings.Repeat("E", 300) },
		"no name":                             func(d map[string]any) { d["name"] = "" },
		"a time zone of 300 characters":       func(d map[string]any) { d["timeZone"] = strings.Repeat("Z", 300) },
		"41 languages":                        func(d map[string]any) { d["locales"] = many(41, func(i int) any { return fmt.Sprint("l", i) }) },
		"the earn rules as a list":            func(d map[string]any) { d["earn"] = []any{int64(1)} },
		"a purchase unit of 10^9 minor units": func(d map[string]any) { d["earn"].(map[string]any)["purchaseUnit"] = int64(1_000_000_000) },
	}
	for what, bend := range bad {
		e.attack(t, invSettings, owner, what, func(b *batch) {
			d := e.settings(t)
			if _, ok := d["earn"].(map[string]any); !ok {
				d["earn"] = map[string]any{}
			}
			bend(d)
			b.b.Set(b.community(), d)
		})
	}
	// Roles: the owner grants and revokes, nobody else; nobody their own.
	for _, who := range []string{staff, member, other, unverified, stranger, outsider} {
		for _, target := range []string{member, staff, owner} {
			for _, role := range []string{"staff", "owner", "member"} {
				if e.doc(t, "members/"+e.id(target))["role"] == role {
					continue
				}
				e.attack(t, invSettings, who, fmt.Sprintf("%s's role made %s", target, role), func(b *batch) {
					b.update("members/"+e.id(target), "role", role)
				})
			}
		}
	}
	e.attack(t, invSettings, owner, "the owner's own role dropped (the café left without its owner)", func(b *batch) {
		b.update("members/"+e.id(owner), "role", "member")
	})
	e.attack(t, invSettings, owner, "a role the app does not know", func(b *batch) {
		b.update("members/"+e.id(member), "role", "admin")
	})
	e.attack(t, invSettings, owner, "staff granted with points in the same write", func(b *batch) {
		b.update("members/"+e.id(member), "role", "staff", "points", 5000)
	})
	e.invariants(t)
}

// community is the community's own document (the settings).
func (b *batch) community() *firestore.DocumentRef {
	return b.a.store.Client().Doc("communities/" + b.e.cid)
}

// settings reads the community's document as admin.
func (e *env) settings(t *testing.T) map[string]any {
	t.Helper()
	snap, err := e.admin.Client().Doc("communities/" + e.cid).Get(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	return snap.Data()
}

func many(n int, f func(int) any) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func manyMap(n int) map[string]any {
	out := map[string]any{}
	for i := range n {
		out[fmt.Sprint("l", i)] = "x"
	}
	return out
}

// TestHostile_CardCodes: a scanned card credits its holder. Before this
// review staff could move any member's card code to themselves
// (memberCodes/{code} was open to staff updates), so that the till
// credited the member's visits and purchases to the barista, or delete it so
// that the member's card no longer scanned. The app never changes a claim.
func TestHostile_CardCodes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	code := e.member(t, member).Code
	path := "memberCodes/" + code
	for _, who := range []string{owner, staff} {
		e.attack(t, invJoin, who, "a member's card code moved to staff", func(b *batch) {
			b.update(path, "member", e.id(who))
		})
		e.attack(t, invJoin, who, "a member's card code replaced", func(b *batch) {
			b.set(path, map[string]any{"member": e.id(who)})
		})
		e.attack(t, invJoin, who, "a member's card code deleted (the card no longer scans)", func(b *batch) {
			b.b.Delete(b.ref(path))
		})
	}
	for _, who := range []string{member, other, stranger, outsider} {
		e.attack(t, invJoin, who, "a card code moved to another member", func(b *batch) {
			b.update(path, "member", e.id(other))
		})
		e.attack(t, invJoin, who, "a card code claimed that is not one's own", func(b *batch) {
			b.create("memberCodes/RG-FREE"+who[:2], map[string]any{"member": e.id(who)})
		})
	}
	e.attack(t, invJoin, member, "one's own card code dropped, the account kept", func(b *batch) {
		b.b.Delete(b.ref(path))
	})
	s := e.actors[staff]
	if m, err := s.svc.FindByCode(ctx, s.who, code); err != nil || m.ID != e.id(member) {
		t.Errorf("control: the card code finds %q, %v; want the member", m.ID, err)
	}
	e.invariants(t)
}

// TestHostile_CancelNotices: only staff tell members an event was
// cancelled, and only staff cancel it; the app's cancellation tells everyone
// going and waiting.
func TestHostile_CancelNotices(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	ev := e.event(t, 1)
	e.rsvp(t, ev.ID, member)
	e.rsvp(t, ev.ID, other) // waits
	for _, who := range []string{member, other, unverified, stranger, outsider} {
		for _, to := range []string{member, other, owner} {
			e.attack(t, invNotes, who, "tell "+to+" the event was cancelled", func(b *batch) {
				b.create("members/"+e.id(to)+"/notifications/cancelled:"+ev.ID+":"+e.id(to), map[string]any{
					"kind": "cancelled", "ref": ev.ID, "title": ev.Title, "amount": 0, "at": serverNow(), "read": false})
			})
		}
		e.attack(t, invSeats, who, "cancel the event", func(b *batch) {
			b.update("events/"+ev.ID, "cancelled", true)
		})
		e.attack(t, invNotes, who, "tell a member they were seated, with another title", func(b *batch) {
			b.create("members/"+e.id(other)+"/notifications/promoted:"+ev.ID+":"+e.id(other), map[string]any{
				"kind": "promoted", "ref": ev.ID, "title": "Free drinks at the bar now", "amount": 0, "at": serverNow(), "read": false})
		})
	}
	s := e.actors[staff]
	if _, err := s.svc.CancelEvent(ctx, s.who, ev.ID); err != nil {
		t.Fatalf("control: staff cancel the event: %v", err)
	}
	for _, who := range []string{member, other} {
		if d := e.doc(t, "members/"+e.id(who)+"/notifications/cancelled:"+ev.ID+":"+e.id(who)); d["kind"] != "cancelled" {
			t.Errorf("control: %s was not told of the cancellation: %v", who, d)
		}
	}
	e.invariants(t)
}

// TestHostile_BirthdayAndUndo: the birthday treat only on the member's
// birthday (their profile's, in one of the zones' dates now), and an undo
// changes the card only as the entry it reverses says. Before this review
// staff could give the treat on any day of the year, put back any number
// of stamps when undoing a free item, keep the birthday year after undoing
// the treat, and move the last visit with an undo.
func TestHostile_BirthdayAndUndo(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	s := e.actors[staff]
	mid := e.id(member)
	c, err := e.admin.Community(ctx)
	if err != nil {
		t.Fatal(err)
	}
	setBirthday := func(d time.Time) {
		if _, err := e.admin.UpdateMember(ctx, mid, func(m *community.Member) error {
			m.Birthday = community.Birthday{Month: d.Month(), Day: d.Day()}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	// A card with a visit and 9 stamps, the 10th the free item.
	visit, err := s.svc.RecordVisit(ctx, s.who, mid)
	if err != nil {
		t.Fatalf("control: visit: %v", err)
	}
	var last community.CounterResult
	for range c.Earn.StampsEvery + 1 {
		if last, err = s.svc.Stamp(ctx, s.who, mid, community.NewOpID()); err != nil {
			t.Fatalf("control: stamp: %v", err)
		}
	}
	if !last.Free {
		t.Fatalf("control: the %dth stamp was not the free item", c.Earn.StampsEvery+1)
	}
	e.invariants(t)
	year := time.Now().UTC().Year()
	treatID := fmt.Sprintf("birthday:%s:%d", mid, year)
	treat := func(card map[string]any) func(b *batch) {
		return e.counterCommit(t, staff, mid, treatID, c.Earn.Birthday, "birthday", fmt.Sprint(year), card)
	}
	// Off the birthday: not set, or six weeks away.
	e.attack(t, invCounter, staff, "the birthday treat for a member with no birthday", treat(e.cardNow(t, mid, "lastOp", treatID, "birthdayYear", int64(year))))
	setBirthday(time.Now().AddDate(0, 0, 42))
	e.attack(t, invCounter, staff, "the birthday treat six weeks early", treat(e.cardNow(t, mid, "lastOp", treatID, "birthdayYear", int64(year))))
	if _, err := s.svc.GiveBirthdayTreat(ctx, s.who, mid); err == nil {
		t.Errorf("control: the app gave the treat off the birthday")
	}
	// On the birthday: the year on the card is the treat's.
	setBirthday(time.Now().In(c.Location()))
	e.attack(t, invCounter, staff, "the birthday treat marking next year on the card", treat(e.cardNow(t, mid, "lastOp", treatID, "birthdayYear", int64(year+1))))
	bday, err := s.svc.GiveBirthdayTreat(ctx, s.who, mid)
	if err != nil {
		t.Fatalf("control: the birthday treat on the birthday: %v", err)
	}
	// Undo the free item: the card goes back full, not to any number.
	freeID := last.Entry.ID
	e.attack(t, invCounter, staff, "undo the free item, putting back 3 stamps", e.counterCommit(t, staff, mid, "undo:"+freeID, 0, "undo", freeID,
		e.cardNow(t, mid, "lastOp", "undo:"+freeID, "stamps", int64(3), "freeItems", int64(0), "lastStamp", "")))
	e.attack(t, invCounter, staff, "undo the free item, keeping it given", e.counterCommit(t, staff, mid, "undo:"+freeID, 0, "undo", freeID,
		e.cardNow(t, mid, "lastOp", "undo:"+freeID, "stamps", c.Earn.StampsEvery, "lastStamp", "")))
	// Undo the treat: the year goes, the last visit stays.
	undoTreat := "undo:" + bday.Entry.ID
	e.attack(t, invCounter, staff, "undo the treat, the card still saying it was given", e.counterCommit(t, staff, mid, undoTreat, -c.Earn.Birthday, "undo",
		bday.Entry.ID, e.cardNow(t, mid, "lastOp", undoTreat)))
	undoVisit := "undo:" + visit.Entry.ID
	e.attack(t, invCounter, staff, "undo the visit, moving the last visit a week back", e.counterCommit(t, staff, mid, undoVisit, -visit.Entry.Delta, "undo",
		visit.Entry.ID, e.cardNow(t, mid, "lastOp", undoVisit, "lastVisit", time.Now().AddDate(0, 0, -7))))
	// A stamp on a full card is the free item, not an 11th stamp.
	if _, err := s.svc.Undo(ctx, s.who, mid, freeID); err != nil {
		t.Fatalf("control: undo the free item: %v", err)
	}
	e.attack(t, invCounter, staff, "a stamp past a full card", e.counterCommit(t, staff, mid, "stamp:over", 0, "stamp", "",
		e.cardNow(t, mid, "lastOp", "stamp:over", "lastStamp", "stamp:over", "stamps", c.Earn.StampsEvery+1)))
	// Controls: the app's undos of the treat and the visit.
	if _, err := s.svc.Undo(ctx, s.who, mid, bday.Entry.ID); err != nil {
		t.Errorf("control: undo the treat: %v", err)
	}
	if _, err := s.svc.Undo(ctx, s.who, mid, visit.Entry.ID); err != nil {
		t.Errorf("control: undo the visit: %v", err)
	}
	if d := e.doc(t, "members/"+mid+"/counter/card"); num(d["birthdayYear"]) != 0 || num(d["stamps"]) != c.Earn.StampsEvery {
		t.Errorf("control: card after the undos = %v", d)
	}
	e.invariants(t)
}
