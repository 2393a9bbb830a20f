package community_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// clock is a settable service clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newCounter(t *testing.T) (*community.Service, community.Store, *clock) {
	t.Helper()
	_, s := newService(t)
	c := &clock{t: demo.Now}
	return community.NewService(s, community.WithClock(c.now)), s, c
}

func points(t *testing.T, s community.Store, id string) (int64, int64) {
	t.Helper()
	m, err := s.Member(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m.Points, m.LifetimePoints
}

func TestService_LookUp(t *testing.T) {
	ctx := context.Background()
	svc, _, _ := newCounter(t)
	code := community.MemberCode(demo.MemberID)
	rc, err := svc.RewardCode(ctx, member, "cookie")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, typed string
		who         community.Actor
		want        string // member ID, or "" for an error
		err         error
		reason      string
	}{
		{"card code", code, staff, demo.MemberID, nil, ""},
		{"scanner: lower case, spaces, newline", "  " + strings.ToLower(code) + "\n", staff, demo.MemberID, nil, ""},
		{"without the prefix", strings.TrimPrefix(code, "RG-"), owner, demo.MemberID, nil, ""},
		{"a reward code shows its member", rc, staff, demo.MemberID, nil, ""},
		{"unknown code", "RG-NOBODY00", staff, "", community.ErrNotFound, ""},
		{"garbage", "RG-<script>", staff, "", nil, community.ReasonInvalid},
		{"empty", "   ", staff, "", nil, community.ReasonRequired},
		{"members may not", code, member, "", community.ErrForbidden, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := svc.LookUp(ctx, tt.who, tt.typed)
			switch {
			case tt.want != "":
				if err != nil || v.Member.ID != tt.want {
					t.Fatalf("LookUp(%q) = %s, %v; want %s", tt.typed, v.Member.ID, err, tt.want)
				}
			case tt.err != nil:
				if !errors.Is(err, tt.err) {
					t.Fatalf("LookUp(%q): %v, want %v", tt.typed, err, tt.err)
				}
			default:
				checkReason(t, err, "code", tt.reason)
			}
		})
	}
	// Amira's card, as the counter shows it on her birthday.
	v, err := svc.LookUp(ctx, staff, code)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Birthday || v.BirthdayDone || v.VisitedToday || v.Member.Usual == "" || v.Status.Tier.ID == "" {
		t.Errorf("card: birthday %v done %v visited %v usual %q tier %q", v.Birthday, v.BirthdayDone, v.VisitedToday, v.Member.Usual, v.Status.Tier.ID)
	}
	for _, r := range v.Redeemable {
		if r.Cost > v.Member.Points {
			t.Errorf("redeemable %s costs %d, more than %d", r.ID, r.Cost, v.Member.Points)
		}
	}
}

func TestService_RecordVisit_OncePerLocalDay(t *testing.T) {
	ctx := context.Background()
	svc, s, clk := newCounter(t)
	madrid, _ := time.LoadLocation("Europe/Madrid")
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, madrid) }
	tests := []struct {
		name    string
		at      time.Time
		applied bool
	}{
		{"first visit of the day", day(24, 8, 0), true},
		{"again that morning", day(24, 8, 1), false},
		{"again just before midnight, Madrid time", day(24, 23, 59), false},
		{"after midnight in Madrid (still the 24th in UTC)", day(25, 0, 30), true},
		{"that evening", day(25, 19, 0), false},
		{"a week later", day(32, 9, 0), true},
	}
	before, _ := points(t, s, other.ID)
	want := before
	for _, tt := range tests {
		clk.t = tt.at
		r, err := svc.RecordVisit(ctx, staff, other.ID)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if r.Applied != tt.applied {
			t.Errorf("%s: applied %v, want %v", tt.name, r.Applied, tt.applied)
		}
		if tt.applied {
			want += 10
		}
		if !r.View.VisitedToday || !r.View.Card.LastVisit.Equal(lastVisitWant(r, tt)) {
			t.Errorf("%s: visited today %v, last visit %v", tt.name, r.View.VisitedToday, r.View.Card.LastVisit)
		}
		if p, _ := points(t, s, other.ID); p != want {
			t.Errorf("%s: %d points, want %d", tt.name, p, want)
		}
	}
	es, _ := s.Ledger(ctx, other.ID, 1)
	if es[0].ID != "visit:"+other.ID+":2026-12-02" || es[0].By != staff.ID || es[0].Reason != community.ReasonVisit {
		t.Errorf("visit entry = %+v", es[0])
	}
}

// lastVisitWant: a visit not applied leaves the card as it was.
func lastVisitWant(r community.CounterResult, tt struct {
	name    string
	at      time.Time
	applied bool
}) time.Time {
	if tt.applied {
		return tt.at
	}
	return r.View.Card.LastVisit
}

func TestService_RecordPurchase(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		amount int64
		rules  community.EarnRules
		points int64
		reason string
	}{
		{"a point a euro, 12.99", 1299, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 12, ""},
		{"under a unit earns nothing but is recorded", 99, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 0, ""},
		{"5 points per 2.00", 1000, community.EarnRules{PurchasePoints: 5, PurchaseUnit: 200}, 25, ""},
		{"yen, no minor unit: a point per 100 yen", 4800, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 48, ""},
		{"purchases off", 5000, community.EarnRules{}, 0, ""},
		{"zero amount", 0, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 0, community.ReasonOutOfRange},
		{"negative amount", -500, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 0, community.ReasonOutOfRange},
		{"a typo of a million euros", community.MaxPurchaseMinor + 1, community.EarnRules{PurchasePoints: 1, PurchaseUnit: 100}, 0, community.ReasonOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rules.ForPurchase(tt.amount); tt.reason == "" && got != tt.points {
				t.Errorf("ForPurchase(%d) = %d, want %d", tt.amount, got, tt.points)
			}
			svc, s, _ := newCounter(t)
			c, _ := s.Community(ctx)
			c.Earn.PurchasePoints, c.Earn.PurchaseUnit = tt.rules.PurchasePoints, tt.rules.PurchaseUnit
			if err := s.SaveCommunity(ctx, c); err != nil {
				t.Fatal(err)
			}
			before, _ := points(t, s, other.ID)
			for range 2 { // a double tap: the same op ID
				r, err := svc.RecordPurchase(ctx, staff, other.ID, tt.amount, "op-1")
				if tt.reason != "" {
					checkReason(t, err, "amount", tt.reason)
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if r.Entry.Delta != tt.points && r.Applied {
					t.Errorf("entry delta %d, want %d", r.Entry.Delta, tt.points)
				}
			}
			if after, _ := points(t, s, other.ID); after != before+tt.points {
				t.Errorf("points %d -> %d, want +%d once", before, after, tt.points)
			}
		})
	}
}

func TestService_Stamp_FreeOnTheNPlusOneth(t *testing.T) {
	ctx := context.Background()
	svc, s, _ := newCounter(t)
	const every = 9 // the demo's card: buy 9, the 10th is free
	before, _ := points(t, s, other.ID)
	for i := 1; i <= 2*(every+1); i++ {
		r, err := svc.Stamp(ctx, staff, other.ID, "op-"+string(rune('a'+i)))
		if err != nil {
			t.Fatalf("stamp %d: %v", i, err)
		}
		wantFree := i == every+1 || i == 2*(every+1)
		if r.Free != wantFree || !r.Applied {
			t.Errorf("purchase %d: free %v applied %v, want free %v", i, r.Free, r.Applied, wantFree)
		}
		wantStamps := int64(i % (every + 1))
		if r.View.Card.Stamps != wantStamps {
			t.Errorf("purchase %d: %d stamps on the card, want %d", i, r.View.Card.Stamps, wantStamps)
		}
	}
	// The same stamp twice (a double tap) punches once.
	r1, _ := svc.Stamp(ctx, staff, other.ID, "op-same")
	r2, _ := svc.Stamp(ctx, staff, other.ID, "op-same")
	if !r1.Applied || r2.Applied || r2.View.Card.Stamps != 1 {
		t.Errorf("double tap: applied %v then %v, %d stamps", r1.Applied, r2.Applied, r2.View.Card.Stamps)
	}
	if after, _ := points(t, s, other.ID); after != before {
		t.Errorf("stamps moved points %d -> %d", before, after)
	}
	// No stamp card: refused at the field.
	c, _ := s.Community(ctx)
	c.Earn.StampsEvery = 0
	_ = s.SaveCommunity(ctx, c)
	_, err := svc.Stamp(ctx, staff, other.ID, "op-off")
	checkReason(t, err, "stamps", community.ReasonInvalid)
}

func TestService_RewardCode_AcceptedOnce(t *testing.T) {
	ctx := context.Background()
	svc, s, _ := newCounter(t)
	before, lifeBefore := points(t, s, member.ID)
	code, err := svc.RewardCode(ctx, member, "cookie")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := community.ParseRewardCode(code); err != nil {
		t.Fatalf("the code %q does not parse: %v", code, err)
	}
	if p, _ := points(t, s, member.ID); p != before {
		t.Fatal("asking for a code spent points")
	}
	if _, err := svc.AcceptRewardCode(ctx, member, code); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("a member accepting their own code: %v", err)
	}
	r, err := svc.AcceptRewardCode(ctx, staff, code)
	if err != nil || !r.Applied || r.Entry.Delta != -80 || r.Entry.By != staff.ID || r.Entry.Ref != "cookie" {
		t.Fatalf("first acceptance: %+v %v", r.Entry, err)
	}
	_, err = svc.AcceptRewardCode(ctx, owner, strings.ToLower(code)) // typed again at the other till
	checkReason(t, err, "code", community.ReasonUsed)
	if p, life := points(t, s, member.ID); p != before-80 || life != lifeBefore {
		t.Errorf("points %d/%d -> %d/%d, want -80 once, lifetime kept", before, lifeBefore, p, life)
	}
	// A second code is a second redemption.
	code2, _ := svc.RewardCode(ctx, member, "cookie")
	if code2 == code {
		t.Fatal("two codes are the same")
	}
	if r, err := svc.AcceptRewardCode(ctx, staff, code2); err != nil || !r.Applied {
		t.Errorf("second code: %v", err)
	}
	_, err = svc.RewardCode(ctx, member, "class") // 1200 points: more than she has
	checkReason(t, err, "points", community.ReasonInsufficient)
	if _, err := svc.RewardCode(ctx, member, "caviar"); !errors.Is(err, community.ErrNotFound) {
		t.Errorf("a code for a reward not in the catalog: %v", err)
	}
	for _, bad := range []string{"RG-X", "RG-X:cookie", "RG-X:cookie:AB", "RG-X:cookie:ABCDEFGH:more", "RG-X:co/kie:ABCDEFGH"} {
		if _, err := community.ParseRewardCode(bad); err == nil {
			t.Errorf("ParseRewardCode(%q) accepted", bad)
		}
	}
}

func TestService_GiveBirthdayTreat_OnceAYear(t *testing.T) {
	ctx := context.Background()
	svc, s, clk := newCounter(t)
	madrid, _ := time.LoadLocation("Europe/Madrid")
	tests := []struct {
		name    string
		who     string
		at      time.Time
		applied bool
		reason  string
	}{
		{"on her birthday", member.ID, time.Date(2026, 11, 24, 10, 0, 0, 0, madrid), true, ""},
		{"again that day", member.ID, time.Date(2026, 11, 24, 18, 0, 0, 0, madrid), false, ""},
		{"the next day", member.ID, time.Date(2026, 11, 25, 10, 0, 0, 0, madrid), false, community.ReasonNotToday},
		{"next year", member.ID, time.Date(2027, 11, 24, 10, 0, 0, 0, madrid), true, ""},
		{"not her birthday", other.ID, time.Date(2027, 11, 24, 10, 0, 0, 0, madrid), false, community.ReasonNotToday},
	}
	before, _ := points(t, s, member.ID)
	want := before
	for _, tt := range tests {
		clk.t = tt.at
		r, err := svc.GiveBirthdayTreat(ctx, staff, tt.who)
		if tt.reason != "" {
			checkReason(t, err, "birthday", tt.reason)
			continue
		}
		if err != nil || r.Applied != tt.applied {
			t.Errorf("%s: applied %v, %v; want %v", tt.name, r.Applied, err, tt.applied)
		}
		if !r.View.BirthdayDone {
			t.Errorf("%s: the card does not say the treat was given", tt.name)
		}
		if tt.applied {
			want += 150
		}
	}
	if p, _ := points(t, s, member.ID); p != want {
		t.Errorf("points %d, want %d", p, want)
	}
}

func TestService_Undo(t *testing.T) {
	ctx := context.Background()
	svc, s, _ := newCounter(t)
	p0, l0 := points(t, s, other.ID)
	buy, err := svc.RecordPurchase(ctx, staff, other.ID, 50000, "typo") // 500.00 instead of 5.00
	if err != nil {
		t.Fatal(err)
	}
	if p, l := points(t, s, other.ID); p != p0+500 || l != l0+500 {
		t.Fatalf("after the typo: %d/%d", p, l)
	}
	tests := []struct {
		name    string
		entry   string
		applied bool
		reason  string
		err     error
	}{
		{"undo the typo", buy.Entry.ID, true, "", nil},
		{"undo it again: once", buy.Entry.ID, false, "", nil},
		{"undo the undo", "undo:" + buy.Entry.ID, false, community.ReasonInvalid, nil},
		{"an entry that is not hers", "visit:" + member.ID + ":2026-11-24", false, "", community.ErrNotFound},
	}
	for _, tt := range tests {
		r, err := svc.Undo(ctx, staff, other.ID, tt.entry)
		switch {
		case tt.reason != "":
			checkReason(t, err, "entry", tt.reason)
		case tt.err != nil:
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
			}
		case err != nil || r.Applied != tt.applied:
			t.Errorf("%s: applied %v, %v", tt.name, r.Applied, err)
		}
	}
	if p, l := points(t, s, other.ID); p != p0 || l != l0 {
		t.Errorf("after the undo: %d/%d points, want %d/%d (lifetime too: the tier must not keep a typo)", p, l, p0, l0)
	}
	es, _ := s.Ledger(ctx, other.ID, 2)
	if es[0].Reason != community.ReasonUndo || es[0].Ref != buy.Entry.ID || es[0].Delta != -500 || es[0].By != staff.ID || es[1].ID != buy.Entry.ID {
		t.Errorf("the ledger keeps the wrong entry and its reversal: %+v", es)
	}

	// Undoing a redemption gives the points back, not lifetime points.
	code, _ := svc.RewardCode(ctx, other, "cookie")
	red, err := svc.AcceptRewardCode(ctx, staff, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Undo(ctx, staff, other.ID, red.Entry.ID); err != nil {
		t.Fatal(err)
	}
	if p, l := points(t, s, other.ID); p != p0 || l != l0 {
		t.Errorf("after undoing a redemption: %d/%d, want %d/%d", p, l, p0, l0)
	}

	// Only the card's last stamp can be undone; a free item puts the full card back.
	var stamps []community.CounterResult
	for i := range 10 {
		r, err := svc.Stamp(ctx, staff, other.ID, "s"+string(rune('a'+i)))
		if err != nil {
			t.Fatal(err)
		}
		stamps = append(stamps, r)
	}
	_, err = svc.Undo(ctx, staff, other.ID, stamps[8].Entry.ID)
	checkReason(t, err, "entry", community.ReasonInvalid)
	r, err := svc.Undo(ctx, staff, other.ID, stamps[9].Entry.ID) // the free coffee, given by mistake
	if err != nil || r.View.Card.Stamps != 9 || r.View.Card.FreeItems != 0 {
		t.Errorf("undo the free item: %+v %v", r.View.Card, err)
	}

	// Taking back points already spent is refused: never below zero.
	big, _ := svc.RecordPurchase(ctx, staff, other.ID, 100000, "big")
	cur, _ := points(t, s, other.ID)
	if _, _, err := s.ApplyLedger(ctx, community.LedgerEntry{ID: "spend-all", MemberID: other.ID, Delta: -cur, Reason: community.ReasonRedeem, At: demo.Now}); err != nil {
		t.Fatal(err)
	}
	_, err = svc.Undo(ctx, staff, other.ID, big.Entry.ID)
	checkReason(t, err, "points", community.ReasonInsufficient)
}

// TestService_CounterActionsAreStaffOnly runs every counter action as a
// member: refused, nothing changed.
func TestService_CounterActionsAreStaffOnly(t *testing.T) {
	ctx := context.Background()
	svc, s, _ := newCounter(t)
	calls := map[string]func(a community.Actor) error{
		"visit":    func(a community.Actor) error { _, err := svc.RecordVisit(ctx, a, a.ID); return err },
		"purchase": func(a community.Actor) error { _, err := svc.RecordPurchase(ctx, a, a.ID, 100000, "op"); return err },
		"stamp":    func(a community.Actor) error { _, err := svc.Stamp(ctx, a, a.ID, "op"); return err },
		"redeem":   func(a community.Actor) error { _, err := svc.RedeemAtCounter(ctx, a, a.ID, "cookie", "op"); return err },
		"birthday": func(a community.Actor) error { _, err := svc.GiveBirthdayTreat(ctx, a, a.ID); return err },
		"undo":     func(a community.Actor) error { _, err := svc.Undo(ctx, a, a.ID, "welcome:"+a.ID); return err },
		"look up":  func(a community.Actor) error { _, err := svc.LookUp(ctx, a, community.MemberCode(a.ID)); return err },
		"by name":  func(a community.Actor) error { _, err := svc.CounterMember(ctx, a, a.ID); return err },
	}
	before, _ := s.Member(ctx, member.ID)
	for name, call := range calls {
		if err := call(member); !errors.Is(err, community.ErrForbidden) {
			t.Errorf("%s as a member: %v, want ErrForbidden", name, err)
		}
	}
	if after, _ := s.Member(ctx, member.ID); after != before {
		t.Errorf("refused actions changed the member")
	}
	if r, err := svc.RedeemAtCounter(ctx, staff, member.ID, "cookie", "op"); err != nil || !r.Applied {
		t.Errorf("staff redeem at the counter: %v", err)
	}
}
