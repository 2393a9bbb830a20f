package community

import (
	"time"

	"golang.org/x/text/language"
)

// Localized is text the business writes once per language, keyed by BCP 47 tag.
type Localized map[string]string

// In returns the text in the language that best matches lang (see BestLanguage).
func (l Localized) In(lang string) string {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	return l[BestLanguage(keys, lang, "en")]
}

// BestLanguage picks from available the tag that best matches want, using the
// CLDR matcher of golang.org/x/text/language ("es-MX" finds "es", "pt" finds
// "pt-BR"); fallback is used when nothing matches (and must itself be available
// to be returned); the first available tag is the last resort.
func BestLanguage(available []string, want, fallback string) string {
	if len(available) == 0 {
		return ""
	}
	sorted := make([]string, len(available))
	copy(sorted, available)
	sortStrings(sorted)
	tags := make([]language.Tag, 0, len(sorted))
	for _, a := range sorted {
		tags = append(tags, language.Make(a))
	}
	if w, err := language.Parse(want); err == nil {
		_, idx, conf := language.NewMatcher(tags).Match(w)
		if conf >= language.Low {
			return sorted[idx]
		}
	}
	for _, a := range sorted {
		if a == fallback {
			return a
		}
	}
	return sorted[0]
}

// Community is one business and its settings.
type Community struct {
	ID         string
	Name       string
	About      Localized
	Locales    []string // languages the business writes in, first is the default
	Currency   string   // ISO 4217 code of reward prices
	TimeZone   string   // IANA zone of the business, e.g. "Europe/Madrid"
	Tiers      []Tier   // ascending by Threshold; the first has Threshold 0
	Rewards    []Reward
	Categories []Category
	Earn       EarnRules
	Brand      Brand
}

// Brand is how the business looks in its app: the accent colour of its
// buttons, tabs and loyalty card, and its logo. Both are optional: the app
// draws the name's initials in its own coffee colour without them.
type Brand struct {
	Accent string // "#rrggbb"; the app adjusts its lightness for contrast
	Logo   []byte // a PNG or SVG image, at most MaxLogoBytes
}

// MaxLogoBytes bounds a community's logo (a document holds at most 1 MiB).
const MaxLogoBytes = 64 << 10

// Location returns the community's time zone, UTC if unset or unknown.
func (c Community) Location() *time.Location {
	if loc, err := time.LoadLocation(c.TimeZone); err == nil && c.TimeZone != "" {
		return loc
	}
	return time.UTC
}

// Tier is a loyalty level reached by lifetime points.
type Tier struct {
	ID        string
	Names     Localized
	Threshold int64 // lifetime points needed
}

// Reward is something in the catalog a member can redeem points for.
type Reward struct {
	ID         string
	Names      Localized
	Cost       int64 // in points
	ValueMinor int64 // what it is worth, in minor units of the community currency
	// Inactive rewards stay in the catalog (members' past redemptions name
	// them) but are not offered. The zero value is an active reward, so
	// settings saved before the field existed keep their rewards on offer.
	Inactive bool
}

// Category groups forum threads.
type Category struct {
	ID    string
	Names Localized
}

// EarnRules say how many points each kind of contribution earns. Zero turns
// a rule off (the counter hides its button).
type EarnRules struct {
	CheckIn        int64 // attending an event (checked in by staff)
	StoryPublished int64 // a story of theirs is published
	IdeaShipped    int64 // the proposer of an idea that ships
	IdeaVoter      int64 // each voter for an idea that ships
	Birthday       int64 // once a year, on their birthday
	Visit          int64 // a visit recorded at the counter, at most once a day
	// PurchasePoints are earned per PurchaseUnit spent, PurchaseUnit being an
	// amount in minor units of the currency: 1 point per 100 is "a point a euro".
	PurchasePoints int64
	PurchaseUnit   int64
	// StampsEvery is the stamp card: buy StampsEvery, the next one is free.
	StampsEvery int64
	// ExpiryMonths lets points lapse after that many months without a visit
	// (0: points never expire); see ExpirePoints.
	ExpiryMonths int64
}

// Birthday is a month and a day; the year is nobody's business.
type Birthday struct {
	Month time.Month
	Day   int
}

// IsZero reports whether no birthday is set.
func (b Birthday) IsZero() bool { return b.Month == 0 || b.Day == 0 }

// On reports whether t (in its own location) falls on the birthday. 29 February
// birthdays are celebrated on 28 February in other years.
func (b Birthday) On(t time.Time) bool {
	if b.IsZero() {
		return false
	}
	if b.Month == time.February && b.Day == 29 && !isLeap(t.Year()) {
		return t.Month() == time.February && t.Day() == 28
	}
	return t.Month() == b.Month && t.Day() == b.Day
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Member is a person in the community.
type Member struct {
	ID             string
	Code           string // printed on the member card and in its QR code
	Name           string
	Email          string
	Lang           string // BCP 47 tag of the language they chose
	Role           Role
	Birthday       Birthday
	Usual          string // "your usual": the note staff keep (the coffee the barista remembers)
	Points         int64  // current balance: the sum of the ledger
	LifetimePoints int64  // sum of the ledger's LifetimeDelta (gains, less gains undone): decides the tier
	Since          time.Time
	LastActive     time.Time
	// Muted lists the notification kinds the member does not want (see
	// NoticeKinds); PushOptIn and PushToken are for push to a closed app
	// (the device's FCM registration token; docs/push.md).
	Muted     MuteList
	PushOptIn bool
	PushToken string
}

// Actor returns the member as the actor of a use case.
func (m Member) Actor() Actor { return Actor{ID: m.ID, Role: m.Role, Name: m.Name, Lang: m.Lang} }

// LedgerEntry is one change to a member's points. Entries are append-only; ID is
// the idempotency key: applying the same ID twice changes the balance once.
type LedgerEntry struct {
	ID       string
	MemberID string
	Delta    int64
	Reason   string // one of the Earn/Spend reasons
	Ref      string // what it is about: an event, story, idea or reward ID
	Note     string // free text from staff
	At       time.Time
	By       string // who applied it
}

// Ledger reasons.
const (
	ReasonCheckIn     = "checkin"
	ReasonStory       = "story"
	ReasonIdeaShipped = "idea_shipped"
	ReasonIdeaVoter   = "idea_voter"
	ReasonBirthday    = "birthday"
	ReasonAward       = "award"
	ReasonRedeem      = "redeem"
	ReasonReward      = "reward"
	ReasonWelcome     = "welcome"
	ReasonVisit       = "visit"     // a visit recorded at the counter
	ReasonPurchase    = "purchase"  // points for an amount spent (Ref: the amount in minor units)
	ReasonStamp       = "stamp"     // a stamp on the stamp card (no points)
	ReasonFreeItem    = "free_item" // the free item of a full stamp card (no points)
	ReasonUndo        = "undo"      // the reversal of a wrong entry (Ref: that entry's ID)
	ReasonExpired     = "expired"   // the balance lapsed after ExpiryMonths without a visit (Ref: the date it lapsed)
)

// LifetimeDelta is how the entry moves lifetime points, which decide the
// tier: gains count and spending does not, and an undo takes back what the
// wrong entry gave (a negative undo lowers lifetime points) without ever
// adding any (undoing a redemption gives the points back to spend, not to
// climb with). Both stores apply it; firestore.rules checks the same.
func (e LedgerEntry) LifetimeDelta() int64 {
	if e.Reason == ReasonUndo {
		return min(e.Delta, 0)
	}
	return max(e.Delta, 0)
}

// RSVPStatus is where a member stands for an event.
type RSVPStatus string

// RSVP statuses.
const (
	StatusGoing     RSVPStatus = "going"
	StatusWaiting   RSVPStatus = "waiting"
	StatusCancelled RSVPStatus = "cancelled"
	StatusCheckedIn RSVPStatus = "checkedIn"
)

// Holds reports whether the status holds a seat (going or checked in).
func (s RSVPStatus) Holds() bool { return s == StatusGoing || s == StatusCheckedIn }

// Event is something the business hosts.
type Event struct {
	ID          string
	Title       string
	Description string
	Place       string
	StartsAt    time.Time
	EndsAt      time.Time
	TimeZone    string // IANA zone the event happens in
	Capacity    int    // 0 means unlimited
	Going       int    // seats taken (going + checked in); kept by the store
	Waiting     int    // waitlist length; kept by the store
	CheckedIn   int    // kept by the store
	Cancelled   bool
	CreatedBy   string
	UpdatedAt   time.Time
}

// Full reports whether every seat is taken.
func (e Event) Full() bool { return e.Capacity > 0 && e.Going >= e.Capacity }

// Location returns the event's time zone (UTC if unknown).
func (e Event) Location() *time.Location {
	if loc, err := time.LoadLocation(e.TimeZone); err == nil && e.TimeZone != "" {
		return loc
	}
	return time.UTC
}

// RSVP is one member's answer to one event.
type RSVP struct {
	EventID  string
	MemberID string
	Name     string // the member's name when they answered, for attendee lists
	Status   RSVPStatus
	At       time.Time // when they joined the current status' queue
	Seq      int64     // order of arrival; the waitlist is served by ascending Seq
	Position int       // 1-based place on the waitlist when waiting (filled on read)

	// EventStartsAt and EventEndsAt repeat the event's times, so that a store
	// can find a member's next event from their RSVPs alone (NextRSVP). The
	// store keeps them: it sets them from the event on every write of the
	// RSVP and UpdateEvent moves them with the event in the same
	// transaction; values given to RSVP or CheckIn are ignored.
	EventStartsAt time.Time
	EventEndsAt   time.Time
}

// Notification tells a member something happened to them (promoted from a
// waitlist, points received, a reply, an idea moving; see notify.go).
type Notification struct {
	ID       string // idempotency key
	MemberID string
	Kind     string // one of the Notice kinds: "promoted", "points", "reply", ...
	Ref      string // what it opens: an event, thread, poll, story or feedback ID (see Target)
	Sub      string // within Ref: a post or an idea (option) ID
	Title    string // e.g. the event title
	Text     string // a short excerpt: the reply, the owner's reason or note
	From     string // who did it, by name
	Amount   int64
	At       time.Time
	Read     bool
}

// Thread is a forum conversation.
type Thread struct {
	ID         string
	Category   string
	Title      string
	AuthorID   string
	AuthorName string
	Lang       string
	CreatedAt  time.Time
	LastPostAt time.Time
	Posts      int // kept by the store
	Pinned     bool
	Locked     bool
}

// Post is one message in a thread. Body is Markdown.
type Post struct {
	ID         string
	ThreadID   string
	Seq        int64 // 1-based position in the thread, assigned by the store
	AuthorID   string
	AuthorName string
	Lang       string
	Body       string
	At         time.Time
	Reports    int  // distinct members who reported it
	Hidden     bool // hidden after ReportThreshold reports, until a moderator decides
	Removed    bool // removed by a moderator
	Reviewed   bool // a moderator kept it after reports: it leaves the moderation queue
	Reactions  map[string]int
	Edits      int       // times its author changed it (or deleted it); staff read the earlier texts (PostRevisions)
	EditedAt   time.Time // the last edit
	Deleted    bool      // deleted by its author: Body is empty
}

// Edited reports whether the author changed the post after writing it.
func (p Post) Edited() bool { return p.Edits > 0 && !p.Deleted }

// PostRevision is an earlier text of a post, kept for staff when its author
// edits or deletes it.
type PostRevision struct {
	ThreadID string
	PostID   string
	N        int // 1 for the text before the first edit
	Body     string
	At       time.Time // when it was replaced
}

// ReportThreshold is how many different members must report a post to hide it.
const ReportThreshold = 3

// Reactions members may leave on posts.
var Reactions = []string{"👍", "❤️", "😂", "☕", "🎉"}

// StoryStatus is where a customer story stands.
type StoryStatus string

// Story statuses.
const (
	StoryPending   StoryStatus = "pending"
	StoryPublished StoryStatus = "published"
	StoryRejected  StoryStatus = "rejected"
	// StoryWithdrawn: its author took their consent back; nobody but them
	// and staff sees it.
	StoryWithdrawn StoryStatus = "withdrawn"
)

// Story is a customer's story about the business, published with their consent.
type Story struct {
	ID          string
	AuthorID    string
	AuthorName  string
	AuthorSince time.Time // when the author joined: "member for 3 years"
	Lang        string
	Title       string
	Body        string
	Consent     bool
	Status      StoryStatus
	Likes       int // kept by the store
	SubmittedAt time.Time
	PublishedAt time.Time
}

// PollStatus is whether a poll takes votes.
type PollStatus string

// Poll statuses.
const (
	PollOpen   PollStatus = "open"
	PollClosed PollStatus = "closed"
)

// IdeaStatus is where an option (an idea) stands on the co-creation board.
type IdeaStatus string

// Idea statuses, in board order. A member's proposal is pending until approved.
const (
	IdeaPending    IdeaStatus = "pending"
	IdeaOpen       IdeaStatus = "open"
	IdeaPlanned    IdeaStatus = "planned"
	IdeaInProgress IdeaStatus = "in_progress"
	IdeaShipped    IdeaStatus = "shipped"
	IdeaDeclined   IdeaStatus = "declined"
)

// IdeaStatuses lists the statuses of the ideas board, in order.
var IdeaStatuses = []IdeaStatus{IdeaOpen, IdeaPlanned, IdeaInProgress, IdeaShipped, IdeaDeclined}

// Option is one choice in a poll, and an idea on the board.
type Option struct {
	ID     string
	Text   string
	By     string // proposer's member ID; empty when the business wrote it
	ByName string
	Status IdeaStatus
	Reason string // why staff declined it, told to its voters
}

// Votable reports whether members may vote for the option.
func (o Option) Votable() bool { return o.Status != IdeaPending && o.Status != IdeaDeclined }

// Poll is a co-creation question.
type Poll struct {
	ID        string
	Question  string
	Lang      string
	Options   []Option
	ClosesAt  time.Time
	Status    PollStatus
	CreatedBy string
	CreatedAt time.Time
}

// Open reports whether the poll takes votes at now.
func (p Poll) Open(now time.Time) bool {
	return p.Status == PollOpen && (p.ClosesAt.IsZero() || now.Before(p.ClosesAt))
}

// Option returns the option with the given ID.
func (p Poll) Option(id string) (Option, bool) {
	for _, o := range p.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Vote is one member's choice in one poll.
type Vote struct {
	PollID   string
	MemberID string
	OptionID string
	At       time.Time
}

// Announcement is news from the business, written in several languages.
type Announcement struct {
	ID        string
	Texts     map[string]AnnouncementText // by BCP 47 tag
	Pinned    bool
	PublishAt time.Time
	CreatedBy string
	CreatedAt time.Time
}

// AnnouncementText is an announcement in one language.
type AnnouncementText struct {
	Title string
	Body  string
}

// Languages returns the tags the announcement is written in, sorted.
func (a Announcement) Languages() []string {
	out := make([]string, 0, len(a.Texts))
	for k := range a.Texts {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// In returns the text in the language that best matches lang, and that language.
func (a Announcement) In(lang string) (AnnouncementText, string) {
	best := BestLanguage(a.Languages(), lang, "en")
	return a.Texts[best], best
}

// Feedback is one answer to "How likely are you to recommend us?".
type Feedback struct {
	ID       string
	MemberID string
	Score    int // 0 to 10
	Comment  string
	Lang     string // the language the member wrote in
	At       time.Time
	// The owner's private answer, which the member is told about.
	Reply     string
	RepliedBy string
	RepliedAt time.Time
}
