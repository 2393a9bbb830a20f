package local

import (
	"time"

	"github.com/regulars-app/regulars/community"
)

// Storage-only records. The JSON names are the file format: renaming a field
// of a domain struct must not lose saved data, so the domain carries no tags
// and these mappers are the one place that knows both. Some records keep
// fields the domain does not have (sequence counters, moderation state).

type communityRec struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	About      map[string]string `json:"about,omitempty"`
	Locales    []string          `json:"locales,omitempty"`
	Currency   string            `json:"currency,omitempty"`
	TimeZone   string            `json:"tz,omitempty"`
	Tiers      []tierRec         `json:"tiers,omitempty"`
	Rewards    []rewardRec       `json:"rewards,omitempty"`
	Categories []categoryRec     `json:"categories,omitempty"`
	Earn       map[string]int64  `json:"earn,omitempty"`
}

type tierRec struct {
	ID        string            `json:"id"`
	Names     map[string]string `json:"names,omitempty"`
	Threshold int64             `json:"threshold"`
}

type rewardRec struct {
	ID         string            `json:"id"`
	Names      map[string]string `json:"names,omitempty"`
	Cost       int64             `json:"cost"`
	ValueMinor int64             `json:"valueMinor,omitempty"`
	Inactive   bool              `json:"inactive,omitempty"`
}

type categoryRec struct {
	ID    string            `json:"id"`
	Names map[string]string `json:"names,omitempty"`
}

func toCommunityRec(c community.Community) communityRec {
	r := communityRec{ID: c.ID, Name: c.Name, About: c.About, Locales: c.Locales, Currency: c.Currency, TimeZone: c.TimeZone,
		Earn: map[string]int64{"checkin": c.Earn.CheckIn, "story": c.Earn.StoryPublished, "ideaShipped": c.Earn.IdeaShipped,
			"ideaVoter": c.Earn.IdeaVoter, "birthday": c.Earn.Birthday, "visit": c.Earn.Visit, "purchase": c.Earn.PurchasePoints,
			"purchaseUnit": c.Earn.PurchaseUnit, "stampsEvery": c.Earn.StampsEvery}}
	for _, t := range c.Tiers {
		r.Tiers = append(r.Tiers, tierRec{ID: t.ID, Names: t.Names, Threshold: t.Threshold})
	}
	for _, w := range c.Rewards {
		r.Rewards = append(r.Rewards, rewardRec{ID: w.ID, Names: w.Names, Cost: w.Cost, ValueMinor: w.ValueMinor, Inactive: w.Inactive})
	}
	for _, g := range c.Categories {
		r.Categories = append(r.Categories, categoryRec{ID: g.ID, Names: g.Names})
	}
	return r
}

func fromCommunityRec(r communityRec) community.Community {
	c := community.Community{ID: r.ID, Name: r.Name, About: r.About, Locales: r.Locales, Currency: r.Currency, TimeZone: r.TimeZone,
		Earn: community.EarnRules{CheckIn: r.Earn["checkin"], StoryPublished: r.Earn["story"], IdeaShipped: r.Earn["ideaShipped"],
			IdeaVoter: r.Earn["ideaVoter"], Birthday: r.Earn["birthday"], Visit: r.Earn["visit"], PurchasePoints: r.Earn["purchase"],
			PurchaseUnit: r.Earn["purchaseUnit"], StampsEvery: r.Earn["stampsEvery"]}}
	for _, t := range r.Tiers {
		c.Tiers = append(c.Tiers, community.Tier{ID: t.ID, Names: t.Names, Threshold: t.Threshold})
	}
	for _, w := range r.Rewards {
		c.Rewards = append(c.Rewards, community.Reward{ID: w.ID, Names: w.Names, Cost: w.Cost, ValueMinor: w.ValueMinor, Inactive: w.Inactive})
	}
	for _, g := range r.Categories {
		c.Categories = append(c.Categories, community.Category{ID: g.ID, Names: g.Names})
	}
	return c
}

type memberRec struct {
	ID             string    `json:"id"`
	Code           string    `json:"code,omitempty"`
	Name           string    `json:"name"`
	Email          string    `json:"email,omitempty"`
	Lang           string    `json:"lang,omitempty"`
	Role           string    `json:"role"`
	BirthMonth     int       `json:"birthMonth,omitempty"`
	BirthDay       int       `json:"birthDay,omitempty"`
	Usual          string    `json:"usual,omitempty"`
	Points         int64     `json:"points"`
	LifetimePoints int64     `json:"lifetimePoints"`
	Since          time.Time `json:"since"`
	LastActive     time.Time `json:"lastActive"`
}

func toMemberRec(m community.Member) memberRec {
	return memberRec{ID: m.ID, Code: m.Code, Name: m.Name, Email: m.Email, Lang: m.Lang, Role: string(m.Role),
		BirthMonth: int(m.Birthday.Month), BirthDay: m.Birthday.Day, Usual: m.Usual, Points: m.Points,
		LifetimePoints: m.LifetimePoints, Since: m.Since, LastActive: m.LastActive}
}

func fromMemberRec(r memberRec) community.Member {
	return community.Member{ID: r.ID, Code: r.Code, Name: r.Name, Email: r.Email, Lang: r.Lang, Role: community.Role(r.Role),
		Birthday: community.Birthday{Month: time.Month(r.BirthMonth), Day: r.BirthDay}, Usual: r.Usual, Points: r.Points,
		LifetimePoints: r.LifetimePoints, Since: r.Since, LastActive: r.LastActive}
}

type ledgerRec struct {
	ID       string    `json:"id"`
	MemberID string    `json:"member"`
	Delta    int64     `json:"delta"`
	Reason   string    `json:"reason"`
	Ref      string    `json:"ref,omitempty"`
	Note     string    `json:"note,omitempty"`
	At       time.Time `json:"at"`
	By       string    `json:"by,omitempty"`
}

func toLedgerRec(e community.LedgerEntry) ledgerRec { return ledgerRec(e) }

func fromLedgerRec(r ledgerRec) community.LedgerEntry { return community.LedgerEntry(r) }

type eventRec struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	Place       string    `json:"place,omitempty"`
	StartsAt    time.Time `json:"startsAt"`
	EndsAt      time.Time `json:"endsAt"`
	TimeZone    string    `json:"tz,omitempty"`
	Capacity    int       `json:"capacity"`
	Going       int       `json:"going"`
	Waiting     int       `json:"waiting"`
	CheckedIn   int       `json:"checkedIn"`
	Cancelled   bool      `json:"cancelled,omitempty"`
	CreatedBy   string    `json:"createdBy,omitempty"`
	UpdatedAt   time.Time `json:"updatedAt"`
	LastSeq     int64     `json:"lastSeq"` // the last RSVP Seq handed out
}

// seats are the counters the RSVP transitions move (community.Seats).
func (e eventRec) seats() community.Seats {
	return community.Seats{Capacity: e.Capacity, Going: e.Going, Waiting: e.Waiting, CheckedIn: e.CheckedIn,
		Cancelled: e.Cancelled, Seq: e.LastSeq}
}

func (e *eventRec) setSeats(s community.Seats) {
	e.Going, e.Waiting, e.CheckedIn, e.LastSeq = s.Going, s.Waiting, s.CheckedIn, s.Seq
}

func toEventRec(e community.Event) eventRec {
	return eventRec{ID: e.ID, Title: e.Title, Description: e.Description, Place: e.Place, StartsAt: e.StartsAt,
		EndsAt: e.EndsAt, TimeZone: e.TimeZone, Capacity: e.Capacity, Going: e.Going, Waiting: e.Waiting,
		CheckedIn: e.CheckedIn, Cancelled: e.Cancelled, CreatedBy: e.CreatedBy, UpdatedAt: e.UpdatedAt}
}

func fromEventRec(r eventRec) community.Event {
	return community.Event{ID: r.ID, Title: r.Title, Description: r.Description, Place: r.Place, StartsAt: r.StartsAt,
		EndsAt: r.EndsAt, TimeZone: r.TimeZone, Capacity: r.Capacity, Going: r.Going, Waiting: r.Waiting,
		CheckedIn: r.CheckedIn, Cancelled: r.Cancelled, CreatedBy: r.CreatedBy, UpdatedAt: r.UpdatedAt}
}

// rsvpRec is one member's answer. EventStartsAt, EventEndsAt and
// EventCancelled copy the event's (see stampRSVP), for the member_next index.
type rsvpRec struct {
	EventID        string    `json:"event"`
	MemberID       string    `json:"member"`
	Name           string    `json:"name,omitempty"`
	Status         string    `json:"status"`
	At             time.Time `json:"at"`
	Seq            int64     `json:"seq"`
	EventStartsAt  time.Time `json:"eventStartsAt"`
	EventEndsAt    time.Time `json:"eventEndsAt"`
	EventCancelled bool      `json:"eventCancelled,omitempty"`
}

func toRSVPRec(r community.RSVP) rsvpRec {
	return rsvpRec{EventID: r.EventID, MemberID: r.MemberID, Name: r.Name, Status: string(r.Status), At: r.At, Seq: r.Seq,
		EventStartsAt: r.EventStartsAt, EventEndsAt: r.EventEndsAt}
}

func fromRSVPRec(r rsvpRec) community.RSVP {
	return community.RSVP{EventID: r.EventID, MemberID: r.MemberID, Name: r.Name, Status: community.RSVPStatus(r.Status), At: r.At, Seq: r.Seq,
		EventStartsAt: r.EventStartsAt, EventEndsAt: r.EventEndsAt}
}

type threadRec struct {
	ID         string    `json:"id"`
	Category   string    `json:"category,omitempty"`
	Title      string    `json:"title"`
	AuthorID   string    `json:"author,omitempty"`
	AuthorName string    `json:"authorName,omitempty"`
	Lang       string    `json:"lang,omitempty"`
	CreatedAt  time.Time `json:"createdAt"`
	LastPostAt time.Time `json:"lastPostAt"`
	Posts      int       `json:"posts"`
	Pinned     bool      `json:"pinned,omitempty"`
	Locked     bool      `json:"locked,omitempty"`
	LastSeq    int64     `json:"lastSeq"` // the last post Seq handed out
}

func toThreadRec(t community.Thread) threadRec {
	return threadRec{ID: t.ID, Category: t.Category, Title: t.Title, AuthorID: t.AuthorID, AuthorName: t.AuthorName,
		Lang: t.Lang, CreatedAt: t.CreatedAt, LastPostAt: t.LastPostAt, Posts: t.Posts, Pinned: t.Pinned, Locked: t.Locked}
}

func fromThreadRec(r threadRec) community.Thread {
	return community.Thread{ID: r.ID, Category: r.Category, Title: r.Title, AuthorID: r.AuthorID, AuthorName: r.AuthorName,
		Lang: r.Lang, CreatedAt: r.CreatedAt, LastPostAt: r.LastPostAt, Posts: r.Posts, Pinned: r.Pinned, Locked: r.Locked}
}

type postRec struct {
	ID         string         `json:"id"`
	ThreadID   string         `json:"thread"`
	Seq        int64          `json:"seq"`
	AuthorID   string         `json:"author,omitempty"`
	AuthorName string         `json:"authorName,omitempty"`
	Lang       string         `json:"lang,omitempty"`
	Body       string         `json:"body"`
	At         time.Time      `json:"at"`
	Reports    int            `json:"reports,omitempty"`
	Hidden     bool           `json:"hidden,omitempty"`
	Removed    bool           `json:"removed,omitempty"`
	Reactions  map[string]int `json:"reactions,omitempty"`
	Reviewed   bool           `json:"reviewed,omitempty"`
	ReportKey  uint64         `json:"reportKey,omitempty"` // its place in the moderation queue, 0 when not queued
}

func toPostRec(p community.Post) postRec {
	return postRec{ID: p.ID, ThreadID: p.ThreadID, Seq: p.Seq, AuthorID: p.AuthorID, AuthorName: p.AuthorName, Lang: p.Lang,
		Body: p.Body, At: p.At, Reports: p.Reports, Hidden: p.Hidden, Removed: p.Removed, Reactions: p.Reactions, Reviewed: p.Reviewed}
}

func fromPostRec(r postRec) community.Post {
	return community.Post{ID: r.ID, ThreadID: r.ThreadID, Seq: r.Seq, AuthorID: r.AuthorID, AuthorName: r.AuthorName, Lang: r.Lang,
		Body: r.Body, At: r.At, Reports: r.Reports, Hidden: r.Hidden, Removed: r.Removed, Reactions: r.Reactions, Reviewed: r.Reviewed}
}

type storyRec struct {
	ID          string    `json:"id"`
	AuthorID    string    `json:"author,omitempty"`
	AuthorName  string    `json:"authorName,omitempty"`
	AuthorSince time.Time `json:"authorSince"`
	Lang        string    `json:"lang,omitempty"`
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	Consent     bool      `json:"consent"`
	Status      string    `json:"status"`
	Likes       int       `json:"likes"`
	SubmittedAt time.Time `json:"submittedAt"`
	PublishedAt time.Time `json:"publishedAt"`
}

func toStoryRec(s community.Story) storyRec {
	return storyRec{ID: s.ID, AuthorID: s.AuthorID, AuthorName: s.AuthorName, AuthorSince: s.AuthorSince, Lang: s.Lang,
		Title: s.Title, Body: s.Body, Consent: s.Consent, Status: string(s.Status), Likes: s.Likes,
		SubmittedAt: s.SubmittedAt, PublishedAt: s.PublishedAt}
}

func fromStoryRec(r storyRec) community.Story {
	return community.Story{ID: r.ID, AuthorID: r.AuthorID, AuthorName: r.AuthorName, AuthorSince: r.AuthorSince, Lang: r.Lang,
		Title: r.Title, Body: r.Body, Consent: r.Consent, Status: community.StoryStatus(r.Status), Likes: r.Likes,
		SubmittedAt: r.SubmittedAt, PublishedAt: r.PublishedAt}
}

type pollRec struct {
	ID        string      `json:"id"`
	Question  string      `json:"question"`
	Lang      string      `json:"lang,omitempty"`
	Options   []optionRec `json:"options"`
	ClosesAt  time.Time   `json:"closesAt"`
	Status    string      `json:"status"`
	CreatedBy string      `json:"createdBy,omitempty"`
	CreatedAt time.Time   `json:"createdAt"`
}

type optionRec struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	By     string `json:"by,omitempty"`
	ByName string `json:"byName,omitempty"`
	Status string `json:"status"`
}

func toPollRec(p community.Poll) pollRec {
	r := pollRec{ID: p.ID, Question: p.Question, Lang: p.Lang, ClosesAt: p.ClosesAt, Status: string(p.Status),
		CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt}
	for _, o := range p.Options {
		r.Options = append(r.Options, optionRec{ID: o.ID, Text: o.Text, By: o.By, ByName: o.ByName, Status: string(o.Status)})
	}
	return r
}

func fromPollRec(r pollRec) community.Poll {
	p := community.Poll{ID: r.ID, Question: r.Question, Lang: r.Lang, ClosesAt: r.ClosesAt, Status: community.PollStatus(r.Status),
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
	for _, o := range r.Options {
		p.Options = append(p.Options, community.Option{ID: o.ID, Text: o.Text, By: o.By, ByName: o.ByName, Status: community.IdeaStatus(o.Status)})
	}
	return p
}

type voteRec struct {
	PollID   string    `json:"poll"`
	MemberID string    `json:"member"`
	OptionID string    `json:"option"`
	At       time.Time `json:"at"`
}

type announcementRec struct {
	ID        string                     `json:"id"`
	Texts     map[string]announcementTxt `json:"texts"`
	Pinned    bool                       `json:"pinned,omitempty"`
	PublishAt time.Time                  `json:"publishAt"`
	CreatedBy string                     `json:"createdBy,omitempty"`
	CreatedAt time.Time                  `json:"createdAt"`
}

type announcementTxt struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

func toAnnouncementRec(a community.Announcement) announcementRec {
	r := announcementRec{ID: a.ID, Texts: map[string]announcementTxt{}, Pinned: a.Pinned, PublishAt: a.PublishAt,
		CreatedBy: a.CreatedBy, CreatedAt: a.CreatedAt}
	for lang, t := range a.Texts {
		r.Texts[lang] = announcementTxt(t)
	}
	return r
}

func fromAnnouncementRec(r announcementRec) community.Announcement {
	a := community.Announcement{ID: r.ID, Texts: map[string]community.AnnouncementText{}, Pinned: r.Pinned,
		PublishAt: r.PublishAt, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
	for lang, t := range r.Texts {
		a.Texts[lang] = community.AnnouncementText(t)
	}
	return a
}

type feedbackRec struct {
	ID       string    `json:"id"`
	MemberID string    `json:"member"`
	Score    int       `json:"score"`
	Comment  string    `json:"comment,omitempty"`
	At       time.Time `json:"at"`
}

type notificationRec struct {
	ID       string    `json:"id"`
	MemberID string    `json:"member"`
	Kind     string    `json:"kind"`
	Ref      string    `json:"ref,omitempty"`
	Title    string    `json:"title,omitempty"`
	Amount   int64     `json:"amount,omitempty"`
	At       time.Time `json:"at"`
	Read     bool      `json:"read,omitempty"`
}
