package firestore

import (
	"time"

	"github.com/regulars-app/regulars/community"
)

// Storage-only documents. The firestore tags are the stored layout that
// firestore.rules checks (doc.go lists it); domain structs carry no tags, and
// these mappers are the one place that knows both. IDs are document IDs and
// not stored as fields, except where a collection-group query needs them.

type communityDoc struct {
	ID         string            `firestore:"id"` // the settings' own ID (normally the document's)
	Name       string            `firestore:"name"`
	About      map[string]string `firestore:"about,omitempty"`
	Locales    []string          `firestore:"locales,omitempty"`
	Currency   string            `firestore:"currency,omitempty"`
	TimeZone   string            `firestore:"timeZone,omitempty"`
	Tiers      []tierDoc         `firestore:"tiers,omitempty"`
	Rewards    []rewardDoc       `firestore:"rewards,omitempty"`
	Categories []categoryDoc     `firestore:"categories,omitempty"`
	Earn       earnDoc           `firestore:"earn"`
}

type tierDoc struct {
	ID        string            `firestore:"id"`
	Names     map[string]string `firestore:"names,omitempty"`
	Threshold int64             `firestore:"threshold"`
}

type rewardDoc struct {
	ID         string            `firestore:"id"`
	Names      map[string]string `firestore:"names,omitempty"`
	Cost       int64             `firestore:"cost"`
	ValueMinor int64             `firestore:"valueMinor"`
	Inactive   bool              `firestore:"inactive,omitempty"`
}

type categoryDoc struct {
	ID    string            `firestore:"id"`
	Names map[string]string `firestore:"names,omitempty"`
}

type earnDoc struct {
	CheckIn        int64 `firestore:"checkIn"`
	StoryPublished int64 `firestore:"storyPublished"`
	IdeaShipped    int64 `firestore:"ideaShipped"`
	IdeaVoter      int64 `firestore:"ideaVoter"`
	Birthday       int64 `firestore:"birthday"`
	Visit          int64 `firestore:"visit"`
	PurchasePoints int64 `firestore:"purchasePoints"`
	PurchaseUnit   int64 `firestore:"purchaseUnit"`
	StampsEvery    int64 `firestore:"stampsEvery"`
}

func toCommunityDoc(c community.Community) communityDoc {
	d := communityDoc{ID: c.ID, Name: c.Name, About: c.About, Locales: c.Locales, Currency: c.Currency, TimeZone: c.TimeZone,
		Earn: earnDoc(c.Earn)}
	for _, t := range c.Tiers {
		d.Tiers = append(d.Tiers, tierDoc{ID: t.ID, Names: t.Names, Threshold: t.Threshold})
	}
	for _, r := range c.Rewards {
		d.Rewards = append(d.Rewards, rewardDoc{ID: r.ID, Names: r.Names, Cost: r.Cost, ValueMinor: r.ValueMinor, Inactive: r.Inactive})
	}
	for _, g := range c.Categories {
		d.Categories = append(d.Categories, categoryDoc{ID: g.ID, Names: g.Names})
	}
	return d
}

func fromCommunityDoc(id string, d communityDoc) community.Community {
	if d.ID != "" {
		id = d.ID
	}
	c := community.Community{ID: id, Name: d.Name, About: d.About, Locales: d.Locales, Currency: d.Currency,
		TimeZone: d.TimeZone, Earn: community.EarnRules(d.Earn)}
	for _, t := range d.Tiers {
		c.Tiers = append(c.Tiers, community.Tier{ID: t.ID, Names: t.Names, Threshold: t.Threshold})
	}
	for _, r := range d.Rewards {
		c.Rewards = append(c.Rewards, community.Reward{ID: r.ID, Names: r.Names, Cost: r.Cost, ValueMinor: r.ValueMinor, Inactive: r.Inactive})
	}
	for _, g := range d.Categories {
		c.Categories = append(c.Categories, community.Category{ID: g.ID, Names: g.Names})
	}
	return c
}

type memberDoc struct {
	Code           string    `firestore:"code"`
	Name           string    `firestore:"name"`
	NameKey        string    `firestore:"nameKey"`    // folded name, for ordering
	NameSearch     []string  `firestore:"nameSearch"` // folded word prefixes, for search
	Email          string    `firestore:"email"`
	Lang           string    `firestore:"lang"`
	Role           string    `firestore:"role"`
	BirthMonth     int       `firestore:"birthMonth"`
	BirthDay       int       `firestore:"birthDay"`
	Usual          string    `firestore:"usual"`
	Points         int64     `firestore:"points"`
	LifetimePoints int64     `firestore:"lifetimePoints"`
	Since          time.Time `firestore:"since"`
	LastActive     time.Time `firestore:"lastActive"`
	LastOp         string    `firestore:"lastOp,omitempty"` // the ledger entry that last moved points (firestore.rules)
}

func toMemberDoc(m community.Member) memberDoc {
	return memberDoc{Code: m.Code, Name: m.Name, NameKey: fold(m.Name), NameSearch: searchKeys(m.Name), Email: m.Email,
		Lang: m.Lang, Role: string(m.Role), BirthMonth: int(m.Birthday.Month), BirthDay: m.Birthday.Day, Usual: m.Usual,
		Points: m.Points, LifetimePoints: m.LifetimePoints, Since: m.Since, LastActive: m.LastActive}
}

func fromMemberDoc(id string, d memberDoc) community.Member {
	return community.Member{ID: id, Code: d.Code, Name: d.Name, Email: d.Email, Lang: d.Lang, Role: community.Role(d.Role),
		Birthday: community.Birthday{Month: time.Month(d.BirthMonth), Day: d.BirthDay}, Usual: d.Usual, Points: d.Points,
		LifetimePoints: d.LifetimePoints, Since: d.Since, LastActive: d.LastActive}
}

// codeDoc claims a member card code: memberCodes/{code}.
type codeDoc struct {
	Member string `firestore:"member"`
}

type ledgerDoc struct {
	Delta  int64     `firestore:"delta"`
	Reason string    `firestore:"reason"`
	Ref    string    `firestore:"ref"`
	Note   string    `firestore:"note"`
	At     time.Time `firestore:"at"`
	By     string    `firestore:"by"`
}

func toLedgerDoc(e community.LedgerEntry) ledgerDoc {
	return ledgerDoc{Delta: e.Delta, Reason: e.Reason, Ref: e.Ref, Note: e.Note, At: e.At, By: e.By}
}

func fromLedgerDoc(id, member string, d ledgerDoc) community.LedgerEntry {
	return community.LedgerEntry{ID: id, MemberID: member, Delta: d.Delta, Reason: d.Reason, Ref: d.Ref, Note: d.Note,
		At: d.At, By: d.By}
}

type eventDoc struct {
	Title       string    `firestore:"title"`
	Description string    `firestore:"description"`
	Place       string    `firestore:"place"`
	StartsAt    time.Time `firestore:"startsAt"`
	EndsAt      time.Time `firestore:"endsAt"`
	TimeZone    string    `firestore:"timeZone"`
	Capacity    int       `firestore:"capacity"`
	Going       int       `firestore:"going"`
	Waiting     int       `firestore:"waiting"`
	CheckedIn   int       `firestore:"checkedIn"`
	Cancelled   bool      `firestore:"cancelled"`
	CreatedBy   string    `firestore:"createdBy"`
	UpdatedAt   time.Time `firestore:"updatedAt"`
	Seq         int64     `firestore:"seq"` // the last RSVP Seq handed out; +1 on every RSVP move
	// Queue is the waitlist, first in line first (Waiting == len(Queue)); By
	// is whose RSVP the last RSVP move changed and Promoted who it seated:
	// firestore.rules checks the counters against them.
	Queue    []string `firestore:"queue"`
	By       string   `firestore:"by"`
	Promoted []string `firestore:"promoted"`
}

// seats are the counters the RSVP transitions move (community.Seats).
func (d eventDoc) seats() community.Seats {
	return community.Seats{Capacity: d.Capacity, Going: d.Going, Waiting: d.Waiting, CheckedIn: d.CheckedIn,
		Cancelled: d.Cancelled, Seq: d.Seq}
}

func (d *eventDoc) setSeats(s community.Seats) {
	d.Going, d.Waiting, d.CheckedIn, d.Seq = s.Going, s.Waiting, s.CheckedIn, s.Seq
}

// settle makes the queue and promoted lists non-nil: firestore.rules
// compares them with lists, and a nil slice is stored as null.
func (d *eventDoc) settle() {
	if d.Queue == nil {
		d.Queue = []string{}
	}
	if d.Promoted == nil {
		d.Promoted = []string{}
	}
}

func toEventDoc(e community.Event) eventDoc {
	return eventDoc{Title: e.Title, Description: e.Description, Place: e.Place, StartsAt: e.StartsAt, EndsAt: e.EndsAt,
		TimeZone: e.TimeZone, Capacity: e.Capacity, Going: e.Going, Waiting: e.Waiting, CheckedIn: e.CheckedIn,
		Cancelled: e.Cancelled, CreatedBy: e.CreatedBy, UpdatedAt: e.UpdatedAt}
}

func fromEventDoc(id string, d eventDoc) community.Event {
	return community.Event{ID: id, Title: d.Title, Description: d.Description, Place: d.Place, StartsAt: d.StartsAt,
		EndsAt: d.EndsAt, TimeZone: d.TimeZone, Capacity: d.Capacity, Going: d.Going, Waiting: d.Waiting,
		CheckedIn: d.CheckedIn, Cancelled: d.Cancelled, CreatedBy: d.CreatedBy, UpdatedAt: d.UpdatedAt}
}

// rsvpDoc is events/{eid}/rsvps/{uid}. community, event and member are
// stored for the collection-group query of a member's RSVPs; eventStartsAt,
// eventEndsAt and eventCancelled copy the event's (see stamp) for NextRSVP.
type rsvpDoc struct {
	Community      string    `firestore:"community"`
	Event          string    `firestore:"event"`
	Member         string    `firestore:"member"`
	Name           string    `firestore:"name"`
	Status         string    `firestore:"status"`
	At             time.Time `firestore:"at"`
	Seq            int64     `firestore:"seq"`
	EventStartsAt  time.Time `firestore:"eventStartsAt"`
	EventEndsAt    time.Time `firestore:"eventEndsAt"`
	EventCancelled bool      `firestore:"eventCancelled"`
}

// toRSVPDoc is r as stored; stamp copies the event's times and cancellation.
func (s *Store) toRSVPDoc(r community.RSVP) rsvpDoc {
	return rsvpDoc{Community: s.cid, Event: r.EventID, Member: r.MemberID, Name: r.Name, Status: string(r.Status), At: r.At,
		Seq: r.Seq}
}

func fromRSVPDoc(d rsvpDoc) community.RSVP {
	return community.RSVP{EventID: d.Event, MemberID: d.Member, Name: d.Name, Status: community.RSVPStatus(d.Status),
		At: d.At, Seq: d.Seq, EventStartsAt: d.EventStartsAt, EventEndsAt: d.EventEndsAt}
}

// stamp copies the event's times and cancellation onto r: every write of an
// RSVP does, in the transaction that read the event (firestore.rules checks
// a member's writes against the event).
func stamp(r *rsvpDoc, e eventDoc) {
	r.EventStartsAt, r.EventEndsAt, r.EventCancelled = e.StartsAt, e.EndsAt, e.Cancelled
}

type announcementDoc struct {
	Texts     map[string]announcementText `firestore:"texts"`
	Pinned    bool                        `firestore:"pinned"`
	PublishAt time.Time                   `firestore:"publishAt"`
	CreatedBy string                      `firestore:"createdBy"`
	CreatedAt time.Time                   `firestore:"createdAt"`
}

type announcementText struct {
	Title string `firestore:"title"`
	Body  string `firestore:"body"`
}

func toAnnouncementDoc(a community.Announcement) announcementDoc {
	d := announcementDoc{Texts: map[string]announcementText{}, Pinned: a.Pinned, PublishAt: a.PublishAt,
		CreatedBy: a.CreatedBy, CreatedAt: a.CreatedAt}
	for lang, t := range a.Texts {
		d.Texts[lang] = announcementText(t)
	}
	return d
}

func fromAnnouncementDoc(id string, d announcementDoc) community.Announcement {
	a := community.Announcement{ID: id, Texts: map[string]community.AnnouncementText{}, Pinned: d.Pinned,
		PublishAt: d.PublishAt, CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt}
	for lang, t := range d.Texts {
		a.Texts[lang] = community.AnnouncementText(t)
	}
	return a
}

type feedbackDoc struct {
	Member  string    `firestore:"member"`
	Score   int       `firestore:"score"`
	Comment string    `firestore:"comment"`
	At      time.Time `firestore:"at"`
}

type notificationDoc struct {
	Kind   string    `firestore:"kind"`
	Ref    string    `firestore:"ref"`
	Title  string    `firestore:"title"`
	Amount int64     `firestore:"amount"`
	At     time.Time `firestore:"at"`
	Read   bool      `firestore:"read"`
}
