package community

import (
	"context"
	"time"
)

// Store keeps one community's data. Every method is safe for concurrent use.
//
// Guarantees every implementation gives (community/storetest checks them):
//   - Methods that change more than one record are atomic: all or nothing.
//   - Update functions (UpdateX) may run more than once when a transaction is
//     retried; they must not have side effects. Returning an error aborts the
//     update and is returned as is.
//   - Counters kept by the store (Event.Going, Waiting and CheckedIn,
//     Thread.Posts, Story.Likes, Post.Reports and Reactions, tallies) always
//     equal the records they count; changes an update function makes to them
//     (and to IDs and Post.Seq) are ignored.
//   - Member.Points and LifetimePoints change only through ApplyLedger and
//     ApplyCounter.
//   - RSVP.EventStartsAt and EventEndsAt (and whether the event is
//     cancelled, which NextRSVP needs) are copies of the event's, kept by the
//     store in the same transaction as every change to the RSVP or the event.
//   - Missing records give ErrNotFound, creating an existing ID gives
//     ErrConflict, an unreachable backend gives ErrUnavailable (all wrapped).
//   - After a write commits, Watch subscribers receive a Change for it.
type Store interface {
	CommunityStore
	MemberStore
	LedgerStore
	EventStore
	ForumStore
	StoryStore
	PollStore
	AnnouncementStore
	FeedbackStore
	NotificationStore
	ExportStore
	CounterStore
	SearchStore
	PostEditStore
	IdeaCommentStore
	HeardStore
	ReadStore

	// Watch streams changes until ctx is done, then closes the channel. A slow
	// reader may see changes coalesced (the latest of a kind and ID), never a
	// change before its write is committed.
	Watch(ctx context.Context) <-chan Change
	// Close releases the store.
	Close() error
}

// CommunityStore keeps the community's settings.
type CommunityStore interface {
	Community(ctx context.Context) (Community, error)
	// SaveCommunity creates or replaces the settings.
	SaveCommunity(ctx context.Context, c Community) error
}

// MemberFilter selects members to count.
type MemberFilter struct {
	MinLifetime int64     // lifetime points at least this
	MaxLifetime int64     // and below this, when > 0
	ActiveSince time.Time // last active at or after this, when set
}

// MemberStore keeps members.
type MemberStore interface {
	Member(ctx context.Context, id string) (Member, error)
	MemberByCode(ctx context.Context, code string) (Member, error)
	// CreateMember adds a member; ErrConflict when the ID or code is taken.
	// Points and LifetimePoints must be zero: points come from the ledger.
	CreateMember(ctx context.Context, m Member) error
	// UpdateMember changes a member's profile atomically; see the Store guarantees.
	UpdateMember(ctx context.Context, id string, fn func(*Member) error) (Member, error)
	// SearchMembers returns up to limit members whose name contains query
	// (case-insensitive; all members when query is empty), in no set order.
	SearchMembers(ctx context.Context, query string, limit int) ([]Member, error)
	// CountMembers counts members matching f without reading them all where the
	// backend can (aggregation queries).
	CountMembers(ctx context.Context, f MemberFilter) (int, error)
	// DeleteMember erases the member's profile, ledger and notifications and
	// anonymises their threads, posts, stories and RSVPs in one step. Afterwards
	// Member and MemberByCode give ErrNotFound. Anonymised records keep the
	// (random, opaque) AuthorID / MemberID, so that votes, likes, reactions and
	// RSVPs keyed by it still equal the counters, and have AuthorName / Name "".
	DeleteMember(ctx context.Context, id string) error
}

// LedgerStore keeps the append-only points ledger.
type LedgerStore interface {
	// ApplyLedger appends e to its member's ledger and updates their balance
	// and lifetime points (by e.LifetimeDelta), atomically. It is idempotent on e.ID: when an entry
	// with that ID exists it changes nothing and returns applied == false. A
	// negative delta that would take the balance below zero is refused with a
	// ValidationError{Field: "points", Reason: ReasonInsufficient}.
	ApplyLedger(ctx context.Context, e LedgerEntry) (m Member, applied bool, err error)
	// Ledger returns a member's entries, newest first, at most limit (all when limit <= 0).
	Ledger(ctx context.Context, memberID string, limit int) ([]LedgerEntry, error)
}

// CounterOp is what ApplyCounter did.
type CounterOp struct {
	Member  Member
	Card    CounterCard
	Entry   LedgerEntry // as applied (or as applied before, when Applied is false: ID and MemberID only are sure)
	Applied bool
}

// CounterStore keeps the counter's card of each member beside the ledger.
type CounterStore interface {
	// CounterCard returns a member's card: a zero card (MemberID set) for a
	// member the counter never saw; ErrNotFound when there is no such member.
	CounterCard(ctx context.Context, memberID string) (CounterCard, error)
	// ApplyCounter appends e to its member's ledger as ApplyLedger does
	// (idempotent on e.ID, never below zero, lifetime points by
	// e.LifetimeDelta) and changes the member's card with fn in the same
	// transaction; a zero delta is recorded too. fn gets the card as stored
	// and the entry, and may change the card and the entry's Delta, Reason,
	// Ref and Note (not its ID, member, time or author); it runs only when
	// e.ID is new and may run more than once. The card's LastOp becomes e.ID.
	// When e.ID was applied before, nothing changes and Applied is false.
	ApplyCounter(ctx context.Context, e LedgerEntry, fn func(*CounterCard, *LedgerEntry) error) (CounterOp, error)
	// IssueRewardCode keeps a reward code the member's phone shows (its
	// nonce and reward), so that the counter accepts only codes their
	// holder asked for: a card code is no secret (it is on the card, and
	// derived from the member ID, which every post shows). The same nonce
	// twice is an error.
	IssueRewardCode(ctx context.Context, memberID, nonce, rewardID string, at time.Time) error
	// IssuedRewardCode returns the reward of the code with this nonce the
	// member issued; ErrNotFound when they issued none.
	IssuedRewardCode(ctx context.Context, memberID, nonce string) (string, error)
}

// EventStore keeps events and RSVPs.
type EventStore interface {
	CreateEvent(ctx context.Context, e Event) error
	// UpdateEvent edits an event. When its capacity grows, waiters are promoted
	// first in, first out in the same transaction and returned. When its
	// times or cancellation change, every RSVP to it gets the new
	// EventStartsAt, EventEndsAt (and cancellation) in the same transaction.
	UpdateEvent(ctx context.Context, id string, fn func(*Event) error) (Event, []RSVP, error)
	Event(ctx context.Context, id string) (Event, error)
	// Events returns events starting in [from, to) ascending by start (to zero
	// means no end), at most limit; reverse lists descending from to.
	Events(ctx context.Context, from, to time.Time, limit int, reverse bool) ([]Event, error)
	// RSVP answers "going" for a member, atomically: a seat when one is free,
	// else the end of the waitlist. It is idempotent: a member already going,
	// waiting or checked in gets their current RSVP back. Refused for a
	// cancelled event (ReasonCancelled).
	RSVP(ctx context.Context, eventID string, r RSVP) (RSVP, error)
	// CancelRSVP withdraws a member. If they held a seat, the first waiter (by
	// Seq) is promoted in the same transaction and returned.
	CancelRSVP(ctx context.Context, eventID, memberID string, at time.Time) (promoted *RSVP, err error)
	// CheckIn marks a member checked in (taking a seat if they had none and one
	// is free; staff may check in over capacity) and applies the ledger entry
	// e in the same transaction. A second check-in returns applied == false.
	CheckIn(ctx context.Context, eventID string, r RSVP, e LedgerEntry) (RSVP, bool, error)
	// RSVPOf returns a member's RSVP, with Position set when waiting.
	RSVPOf(ctx context.Context, eventID, memberID string) (RSVP, error)
	// RSVPs returns the event's non-cancelled RSVPs: seats by Seq, then the
	// waitlist by Seq with Position set.
	RSVPs(ctx context.Context, eventID string) ([]RSVP, error)
	// MemberRSVPs returns a member's RSVPs, newest first, at most limit (all when limit <= 0).
	MemberRSVPs(ctx context.Context, memberID string, limit int) ([]RSVP, error)
	// NextRSVP returns the member's going, waiting or checked-in RSVP to the
	// event that starts soonest among the events not cancelled and not ended
	// at now (EventEndsAt after now; one under way counts), ties broken by
	// end, then event ID; Position is set when waiting. ErrNotFound when
	// there is none. It reads the RSVPs' copies of the event's times, not
	// the events: one record (plus a waiter's position) whatever the
	// member's history.
	NextRSVP(ctx context.Context, memberID string, now time.Time) (RSVP, error)
}

// ThreadQuery pages through threads: pinned first, then by last post, newest
// first. Cursor is the value returned by the previous page ("" for the first).
type ThreadQuery struct {
	Category string // "" for all
	Limit    int
	Cursor   string
}

// ForumStore keeps threads and posts.
type ForumStore interface {
	// CreateThread adds a thread and its first post atomically.
	CreateThread(ctx context.Context, t Thread, first Post) (Thread, Post, error)
	UpdateThread(ctx context.Context, id string, fn func(*Thread) error) (Thread, error)
	Thread(ctx context.Context, id string) (Thread, error)
	Threads(ctx context.Context, q ThreadQuery) (page []Thread, next string, err error)
	// AddPost appends a post, assigning the next Seq and updating the thread's
	// count and last post time atomically; refused on a locked thread (ReasonLocked).
	AddPost(ctx context.Context, p Post) (Post, error)
	// Posts returns up to limit posts with Seq >= fromSeq, ascending.
	Posts(ctx context.Context, threadID string, fromSeq int64, limit int) ([]Post, error)
	Post(ctx context.Context, threadID, postID string) (Post, error)
	UpdatePost(ctx context.Context, threadID, postID string, fn func(*Post) error) (Post, error)
	// ReportPost records one report per member (repeats change nothing) and hides
	// the post when ReportThreshold members have reported it, atomically.
	ReportPost(ctx context.Context, threadID, postID, memberID string, at time.Time) (Post, error)
	// React toggles a member's reaction on a post atomically.
	React(ctx context.Context, threadID, postID, memberID, reaction string) (Post, error)
	// ReactionsOf returns the reactions memberID has left on the given posts.
	ReactionsOf(ctx context.Context, threadID, memberID string) (map[string][]string, error)
	// ReportedPosts lists posts with Reports > 0 that are neither Removed nor
	// Reviewed, at most limit.
	ReportedPosts(ctx context.Context, limit int) ([]Post, error)
}

// StoryStore keeps customer stories.
type StoryStore interface {
	CreateStory(ctx context.Context, s Story) error
	UpdateStory(ctx context.Context, id string, fn func(*Story) error) (Story, error)
	Story(ctx context.Context, id string) (Story, error)
	// Stories lists stories with the status, newest first, at most limit.
	Stories(ctx context.Context, status StoryStatus, limit int) ([]Story, error)
	// LikeStory toggles a member's like atomically and returns the story.
	LikeStory(ctx context.Context, storyID, memberID string) (Story, bool, error)
	Liked(ctx context.Context, storyID, memberID string) (bool, error)
}

// PollStore keeps polls, votes and tallies.
type PollStore interface {
	CreatePoll(ctx context.Context, p Poll) error
	UpdatePoll(ctx context.Context, id string, fn func(*Poll) error) (Poll, error)
	Poll(ctx context.Context, id string) (Poll, error)
	// Polls lists polls with the status ("" for all), newest first, at most limit.
	Polls(ctx context.Context, status PollStatus, limit int) ([]Poll, error)
	// CastVote records or changes a member's one vote, adjusting the tally in the
	// same transaction. Refused when the poll is not open at v.At (ReasonClosed)
	// or the option is not votable (ReasonInvalid). Voting again for the same
	// option changes nothing.
	CastVote(ctx context.Context, v Vote) error
	VoteOf(ctx context.Context, pollID, memberID string) (Vote, error)
	// Tally returns votes per option ID, from counters (not by reading votes).
	Tally(ctx context.Context, pollID string) (map[string]int, error)
	// Voters returns the members who voted for the option.
	Voters(ctx context.Context, pollID, optionID string) ([]string, error)
	// CountVotes counts the vote records of a poll (for checks and insights).
	CountVotes(ctx context.Context, pollID string) (int, error)
}

// AnnouncementStore keeps announcements.
type AnnouncementStore interface {
	// SaveAnnouncement creates or replaces an announcement.
	SaveAnnouncement(ctx context.Context, a Announcement) error
	DeleteAnnouncement(ctx context.Context, id string) error
	Announcement(ctx context.Context, id string) (Announcement, error)
	// Announcements returns announcements published at or before publishedBy
	// (all when zero), pinned first, then newest first, at most limit.
	Announcements(ctx context.Context, publishedBy time.Time, limit int) ([]Announcement, error)
}

// FeedbackStore keeps NPS answers.
type FeedbackStore interface {
	// SaveFeedback creates or replaces an answer (one per ID).
	SaveFeedback(ctx context.Context, f Feedback) error
	// Feedback returns answers given at or after since, oldest first.
	Feedback(ctx context.Context, since time.Time) ([]Feedback, error)
}

// NotificationStore keeps what members are told.
type NotificationStore interface {
	// Notify stores n; idempotent on n.ID.
	Notify(ctx context.Context, n Notification) error
	// Notifications returns a member's notifications, newest first, at most limit (all when limit <= 0).
	Notifications(ctx context.Context, memberID string, limit int) ([]Notification, error)
	// MarkRead marks one of the member's notifications read; ErrNotFound when
	// they have none with that ID.
	MarkRead(ctx context.Context, memberID, id string) error
	// UnreadCount counts the member's notifications not yet read, up to
	// UnreadCap+1 of them (a badge says "99+"), without reading them where
	// the backend can (an aggregation count on Firestore over at most
	// UnreadCap+1 entries: one read whatever the history).
	UnreadCount(ctx context.Context, memberID string) (int, error)
}

// ExportStore gathers what one member wrote or chose, for their data export.
type ExportStore interface {
	// MemberRecords returns the threads, posts and stories memberID wrote,
	// their votes and their feedback answers, each oldest first. Its cost
	// follows the member's own records (and, for votes, the community's
	// polls: one read each), never the whole community's posts.
	MemberRecords(ctx context.Context, memberID string) (MemberRecords, error)
}

// MemberRecords are what a member wrote or chose (see ExportStore).
type MemberRecords struct {
	Threads  []Thread
	Posts    []Post
	Stories  []Story
	Votes    []Vote
	Feedback []Feedback
}

// Kind names what a Change is about.
type Kind string

// Change kinds.
const (
	KindCommunity    Kind = "community"
	KindMember       Kind = "member"
	KindLedger       Kind = "ledger"
	KindEvent        Kind = "event"
	KindRSVP         Kind = "rsvp"
	KindThread       Kind = "thread"
	KindPost         Kind = "post"
	KindStory        Kind = "story"
	KindPoll         Kind = "poll"
	KindVote         Kind = "vote"
	KindAnnouncement Kind = "announcement"
	KindFeedback     Kind = "feedback"
	KindNotification Kind = "notification"
	KindReadState    Kind = "read_state" // a member's read state of the forum (ID and MemberID: the member)
	KindConnection   Kind = "connection" // the backend went offline (ID "offline") or back online ("online")
)

// Change says a record changed. ID is the record's ID; Parent is the event,
// thread or poll it belongs to; MemberID is whose it is, when it is someone's.
// A change with no ID concerns the whole kind: a store's listener
// (re)connected, and any record of the kind may have changed meanwhile.
type Change struct {
	Kind     Kind
	ID       string
	Parent   string
	MemberID string
}

// About reports whether c may concern the record of kind with the given ID:
// a change of that record, or of its whole kind (no ID).
func (c Change) About(kind Kind, id string) bool {
	return c.Kind == kind && (c.ID == "" || c.ID == id)
}
