package community

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The counter: staff find a member by the code on their card (typed, or
// typed by a keyboard-style barcode scanner) or by name, and record what
// happens at the till with one tap each. Every action is one ledger entry
// whose ID is its idempotency key, so a double tap or a retry counts once:
//
//	visit:<member>:<YYYY-MM-DD>   a visit, once per local day of the community
//	purchase:<op>                 points for an amount spent
//	stamp:<op>                    a stamp, or the free item of a full card
//	code:<nonce>                  a reward code shown on the member's phone
//	reward:<op>                   a reward redeemed for the member by staff
//	birthday:<member>:<YYYY>      the birthday treat, once a year
//	undo:<entry>                  the reversal of a wrong entry
//
// Entries carry who applied them (By). A wrong one is undone by a reversing
// entry, never by editing.

// MaxPurchaseMinor bounds one purchase, in minor units (a typo guard: 100,000.00).
const MaxPurchaseMinor = 10_000_000

// MaxStampsEvery bounds the stamp card.
const MaxStampsEvery = 50

// UndoWindow is how far back in a member's ledger the counter may undo.
const UndoWindow = 20

// CounterCard is what the counter keeps about a member beside their points:
// the stamp card and the last visit. The store changes it only together with
// a ledger entry (ApplyCounter), and the card names that entry in LastOp.
type CounterCard struct {
	MemberID     string
	Stamps       int64     // stamps on the current card, 0 to StampsEvery
	FreeItems    int64     // free items given, ever
	LastVisit    time.Time // last time the counter saw them (visit, purchase, stamp, reward, birthday)
	LastStamp    string    // the ledger entry of the last stamp or free item: the only one that can be undone
	BirthdayYear int       // the year of the last birthday treat, in the community's zone
	LastOp       string    // the ledger entry that last changed the card
}

// Punch adds one purchase to the card: a stamp while fewer than every are
// on it, else the free item, which empties the card. every <= 0 means no
// stamp card.
func (c *CounterCard) Punch(every int64) (free bool, err error) {
	if every <= 0 {
		return false, Invalid("stamps", ReasonInvalid)
	}
	if c.Stamps >= every {
		c.Stamps = 0
		c.FreeItems++
		return true, nil
	}
	c.Stamps++
	return false, nil
}

// Unpunch reverses the last Punch: a stamp comes off, or a free item given
// by mistake puts the full card back.
func (c *CounterCard) Unpunch(free bool, every int64) {
	if free {
		c.Stamps = every
		c.FreeItems = max(c.FreeItems-1, 0)
		return
	}
	c.Stamps = max(c.Stamps-1, 0)
}

// ForPurchase returns the points an amount spent earns: whole units only
// (a point a euro gives 12 points for 12.99).
func (r EarnRules) ForPurchase(amountMinor int64) int64 {
	if r.PurchasePoints <= 0 || r.PurchaseUnit <= 0 || amountMinor <= 0 {
		return 0
	}
	return amountMinor / r.PurchaseUnit * r.PurchasePoints
}

// LocalDay is the date of t in loc as YYYY-MM-DD: the day of a visit.
func LocalDay(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.DateOnly) }

// CounterView is a member's card as the counter shows it.
type CounterView struct {
	Member       Member
	Card         CounterCard
	Status       LoyaltyStatus
	Rules        EarnRules
	Birthday     bool // today is their birthday, in the community's zone
	BirthdayDone bool // the treat was given this year
	VisitedToday bool
	Redeemable   []Reward // active rewards their balance affords, cheapest first
}

func (s *Service) counterView(c Community, m Member, card CounterCard) CounterView {
	today := s.now().In(c.Location())
	v := CounterView{Member: m, Card: card, Status: Status(c, m), Rules: c.Earn,
		Birthday:     m.Birthday.On(today),
		BirthdayDone: card.BirthdayYear == today.Year(),
		VisitedToday: !card.LastVisit.IsZero() && LocalDay(card.LastVisit, c.Location()) == LocalDay(today, c.Location())}
	for _, r := range RewardsFor(c, m) {
		if r.Affordable && !r.Inactive {
			v.Redeemable = append(v.Redeemable, r.Reward)
		}
	}
	return v
}

// CounterResult is what one counter action did.
type CounterResult struct {
	View    CounterView
	Entry   LedgerEntry
	Applied bool // false when the same action was recorded before: nothing changed
	Free    bool // a stamp that was the free item
}

// LookUp finds a member for the counter by what was typed or scanned: a
// card code ("RG-…", with or without the prefix, any case) or a reward code
// (see RewardCode), whose member it shows.
func (s *Service) LookUp(ctx context.Context, a Actor, typed string) (CounterView, error) {
	if err := a.require(ActCounter); err != nil {
		return CounterView{}, err
	}
	code := strings.TrimSpace(typed)
	if rc, err := ParseRewardCode(code); err == nil {
		code = rc.MemberCode
	}
	m, err := s.FindByCode(ctx, a, code)
	if err != nil {
		return CounterView{}, err
	}
	return s.viewOf(ctx, m)
}

// CounterMember shows a member found by name at the counter.
func (s *Service) CounterMember(ctx context.Context, a Actor, memberID string) (CounterView, error) {
	if err := a.require(ActCounter); err != nil {
		return CounterView{}, err
	}
	m, err := s.store.Member(ctx, memberID)
	if err != nil {
		return CounterView{}, fmt.Errorf("counter %s: %w", memberID, err)
	}
	return s.viewOf(ctx, m)
}

func (s *Service) viewOf(ctx context.Context, m Member) (CounterView, error) {
	c, err := s.store.Community(ctx)
	if err != nil {
		return CounterView{}, fmt.Errorf("counter: %w", err)
	}
	card, err := s.store.CounterCard(ctx, m.ID)
	if err != nil {
		return CounterView{}, fmt.Errorf("counter card of %s: %w", m.ID, err)
	}
	return s.counterView(c, m, card), nil
}

// counter applies e and the card change fn in one store transaction and
// tells the member when points arrive.
func (s *Service) counter(ctx context.Context, c Community, e LedgerEntry, fn func(*CounterCard, *LedgerEntry) error) (CounterResult, error) {
	if e.At.IsZero() {
		e.At = s.now()
	}
	op, err := s.store.ApplyCounter(ctx, e, fn)
	if err != nil {
		return CounterResult{}, fmt.Errorf("counter %s for %s: %w", e.ID, e.MemberID, err)
	}
	if op.Applied && op.Entry.Delta > 0 {
		_ = s.store.Notify(ctx, Notification{ID: "points:" + e.ID, MemberID: e.MemberID, Kind: "points", Ref: op.Entry.Ref, Amount: op.Entry.Delta, At: e.At})
	}
	return CounterResult{View: s.counterView(c, op.Member, op.Card), Entry: op.Entry, Applied: op.Applied,
		Free: op.Applied && op.Entry.Reason == ReasonFreeItem}, nil
}

// seen is the card change of every action that means the member is here.
func (s *Service) seen(card *CounterCard, _ *LedgerEntry) error {
	card.LastVisit = s.now()
	return nil
}

// counterStart checks the permission and reads the settings every action needs.
func (s *Service) counterStart(ctx context.Context, a Actor, memberID string) (Community, error) {
	if err := a.require(ActCounter); err != nil {
		return Community{}, err
	}
	if err := CheckID("member", memberID); err != nil {
		return Community{}, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return Community{}, fmt.Errorf("counter: %w", err)
	}
	return c, nil
}

// RecordVisit records that the member came in: the visit points, at most
// once per day of the community's time zone (the entry ID is the date).
func (s *Service) RecordVisit(ctx context.Context, a Actor, memberID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	day := LocalDay(s.now(), c.Location())
	e := LedgerEntry{ID: "visit:" + memberID + ":" + day, MemberID: memberID, Delta: c.Earn.Visit, Reason: ReasonVisit, Ref: day, By: a.ID}
	return s.counter(ctx, c, e, s.seen)
}

// RecordPurchase awards the purchase points for amountMinor spent, in minor
// units of the community's currency. opID is the idempotency key the screen
// makes once per purchase typed.
func (s *Service) RecordPurchase(ctx context.Context, a Actor, memberID string, amountMinor int64, opID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	if err := first(CheckRange("amount", amountMinor, 1, MaxPurchaseMinor), CheckID("op", opID)); err != nil {
		return CounterResult{}, err
	}
	e := LedgerEntry{ID: "purchase:" + opID, MemberID: memberID, Delta: c.Earn.ForPurchase(amountMinor),
		Reason: ReasonPurchase, Ref: strconv.FormatInt(amountMinor, 10), By: a.ID}
	return s.counter(ctx, c, e, s.seen)
}

// Stamp punches the member's stamp card: buy StampsEvery, the next is free.
// The result says when this one is the free item.
func (s *Service) Stamp(ctx context.Context, a Actor, memberID, opID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	if err := CheckID("op", opID); err != nil {
		return CounterResult{}, err
	}
	if c.Earn.StampsEvery <= 0 {
		return CounterResult{}, Invalid("stamps", ReasonInvalid)
	}
	// Whether this one is the free item depends on the card, which only the
	// transaction reads: the entry's reason is decided there.
	e := LedgerEntry{ID: "stamp:" + opID, MemberID: memberID, Reason: ReasonStamp, By: a.ID}
	return s.counter(ctx, c, e, func(card *CounterCard, e *LedgerEntry) error {
		free, err := card.Punch(c.Earn.StampsEvery)
		if free {
			e.Reason = ReasonFreeItem
		}
		card.LastStamp = e.ID
		return first(err, s.seen(card, e))
	})
}

// RewardCodeParts is a reward code read back.
type RewardCodeParts struct {
	MemberCode string // the card code, "RG-…"
	RewardID   string
	Nonce      string // makes the code single-use: its ledger entry is "code:<nonce>"
}

var nonceEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// RewardCode returns a single-use code for the actor's phone to show at the
// counter, "<card code>:<reward>:<nonce>", which staff accept once
// (AcceptRewardCode). Nothing is spent until then. A member who cannot
// afford the reward yet is told so now.
func (s *Service) RewardCode(ctx context.Context, a Actor, rewardID string) (string, error) {
	if err := a.require(ActRedeemReward); err != nil {
		return "", err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return "", fmt.Errorf("reward code: %w", err)
	}
	m, err := s.store.Member(ctx, a.ID)
	if err != nil {
		return "", fmt.Errorf("reward code: %w", err)
	}
	r, ok := activeReward(c, rewardID)
	if !ok {
		return "", fmt.Errorf("reward code %s: %w", rewardID, ErrNotFound)
	}
	if m.Points < r.Cost {
		return "", &ValidationError{Field: "points", Reason: ReasonInsufficient, Limit: int(m.Points)}
	}
	var b [5]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms.
	return m.Code + ":" + r.ID + ":" + nonceEncoding.EncodeToString(b[:]), nil
}

// ParseRewardCode reads a reward code typed or scanned at the counter.
func ParseRewardCode(code string) (RewardCodeParts, error) {
	parts := strings.Split(strings.TrimSpace(code), ":")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || len(parts[2]) < 6 {
		return RewardCodeParts{}, Invalid("code", ReasonInvalid)
	}
	for _, p := range parts {
		if err := CheckID("code", p); err != nil {
			return RewardCodeParts{}, err
		}
	}
	return RewardCodeParts{MemberCode: strings.ToUpper(parts[0]), RewardID: parts[1], Nonce: strings.ToUpper(parts[2])}, nil
}

func activeReward(c Community, id string) (Reward, bool) {
	for _, r := range c.Rewards {
		if strings.EqualFold(r.ID, id) && !r.Inactive {
			return r, true
		}
	}
	return Reward{}, false
}

// AcceptRewardCode redeems the reward a member's phone shows: once. The
// same code again is refused (ReasonUsed) and spends nothing.
func (s *Service) AcceptRewardCode(ctx context.Context, a Actor, code string) (CounterResult, error) {
	if err := a.require(ActCounter); err != nil {
		return CounterResult{}, err
	}
	rc, err := ParseRewardCode(code)
	if err != nil {
		return CounterResult{}, err
	}
	m, err := s.FindByCode(ctx, a, rc.MemberCode)
	if err != nil {
		return CounterResult{}, err
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return CounterResult{}, fmt.Errorf("reward code: %w", err)
	}
	r, ok := activeReward(c, rc.RewardID)
	if !ok {
		return CounterResult{}, fmt.Errorf("reward code %s: %w", rc.RewardID, ErrNotFound)
	}
	e := LedgerEntry{ID: "code:" + rc.Nonce, MemberID: m.ID, Delta: -r.Cost, Reason: ReasonReward, Ref: r.ID, By: a.ID}
	res, err := s.counter(ctx, c, e, s.seen)
	if err == nil && !res.Applied {
		return res, Invalid("code", ReasonUsed)
	}
	return res, err
}

// RedeemAtCounter redeems a reward for a member who has no phone with them.
// opID is the screen's idempotency key for this redemption.
func (s *Service) RedeemAtCounter(ctx context.Context, a Actor, memberID, rewardID, opID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	if err := CheckID("op", opID); err != nil {
		return CounterResult{}, err
	}
	r, ok := activeReward(c, rewardID)
	if !ok {
		return CounterResult{}, fmt.Errorf("redeem %s: %w", rewardID, ErrNotFound)
	}
	e := LedgerEntry{ID: "reward:" + opID, MemberID: memberID, Delta: -r.Cost, Reason: ReasonReward, Ref: r.ID, By: a.ID}
	return s.counter(ctx, c, e, s.seen)
}

// GiveBirthdayTreat gives the birthday points, on the birthday only (in the
// community's zone), once a year.
func (s *Service) GiveBirthdayTreat(ctx context.Context, a Actor, memberID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	m, err := s.store.Member(ctx, memberID)
	if err != nil {
		return CounterResult{}, fmt.Errorf("birthday treat for %s: %w", memberID, err)
	}
	today := s.now().In(c.Location())
	if !m.Birthday.On(today) {
		return CounterResult{}, Invalid("birthday", ReasonNotToday)
	}
	e := LedgerEntry{ID: "birthday:" + memberID + ":" + strconv.Itoa(today.Year()), MemberID: memberID,
		Delta: c.Earn.Birthday, Reason: ReasonBirthday, Ref: strconv.Itoa(today.Year()), By: a.ID}
	return s.counter(ctx, c, e, func(card *CounterCard, e *LedgerEntry) error {
		card.BirthdayYear = today.Year()
		return s.seen(card, e)
	})
}

// Undo reverses one of the member's recent entries (the last UndoWindow) with
// an entry of the opposite delta, "undo:<entry>": undoing twice reverses once.
// A stamp can be undone only while it is the card's last; an undo cannot be
// undone (record the action again instead). Taking back points already spent
// is refused like any spending beyond the balance (ReasonInsufficient).
func (s *Service) Undo(ctx context.Context, a Actor, memberID, entryID string) (CounterResult, error) {
	c, err := s.counterStart(ctx, a, memberID)
	if err != nil {
		return CounterResult{}, err
	}
	if err := CheckID("entry", entryID); err != nil {
		return CounterResult{}, err
	}
	recent, err := s.store.Ledger(ctx, memberID, UndoWindow)
	if err != nil {
		return CounterResult{}, fmt.Errorf("undo %s: %w", entryID, err)
	}
	var orig *LedgerEntry
	for i := range recent {
		if recent[i].ID == entryID {
			orig = &recent[i]
		}
	}
	if orig == nil {
		return CounterResult{}, fmt.Errorf("undo %s: %w", entryID, ErrNotFound)
	}
	if orig.Reason == ReasonUndo {
		return CounterResult{}, Invalid("entry", ReasonInvalid)
	}
	e := LedgerEntry{ID: "undo:" + orig.ID, MemberID: memberID, Delta: -orig.Delta, Reason: ReasonUndo, Ref: orig.ID, By: a.ID}
	stamp := orig.Reason == ReasonStamp || orig.Reason == ReasonFreeItem
	return s.counter(ctx, c, e, func(card *CounterCard, _ *LedgerEntry) error {
		if stamp {
			if card.LastStamp != orig.ID {
				return Invalid("entry", ReasonInvalid)
			}
			card.Unpunch(orig.Reason == ReasonFreeItem, c.Earn.StampsEvery)
			card.LastStamp = ""
		}
		if orig.Reason == ReasonBirthday {
			card.BirthdayYear = 0
		}
		return nil
	})
}

// NewOpID returns a fresh idempotency key for a counter action: the screen
// makes one when it shows a member and keeps it for every tap of the same
// action, so a double tap or a retry after a timeout records once.
func NewOpID() string { return NewID() }
