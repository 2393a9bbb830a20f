// Package firestore is the community store on Cloud Firestore
// (cloud.google.com/go/firestore): one Firebase project hosts many
// communities, each under communities/{cid}.
//
// # Connecting
//
// [Dial] connects as [Config] says. A member's app passes Config.IDToken, the
// member's Firebase ID token (from the Identity Toolkit sign-in), which every
// RPC carries as "authorization: Bearer <token>", so security rules decide
// every read and write. On the emulator (Config.Endpoint) that runs over
// plain gRPC on loopback, without FIRESTORE_EMULATOR_HOST (with it the Go
// client sends the admin token and rules never run); on the real service it
// runs over TLS to firestore.googleapis.com with no Google OAuth credentials
// at all (option.WithoutAuthentication), the ID token being the only
// credential, as the Firebase client SDKs do. Config.Admin bypasses the
// rules: the emulator's "owner" token, or Application Default Credentials (a
// service account) on the real service, for admin subcommands only. [New]
// wraps a client the caller made.
//
// # Layout
//
// Paths are relative to communities/{cid}. Document IDs are the record IDs;
// field names are camelCase and are what firestore.rules checks. Times are
// timestamps (microsecond precision), counters are integers.
//
//	communities/{cid}          id, name, about {lang: text}, locales [], currency, timeZone,
//	                           tiers [{id, names, threshold}], rewards [{id, names, cost, valueMinor}],
//	                           categories [{id, names}], earn {checkIn, storyPublished, ideaShipped, ideaVoter, birthday}
//	memberCodes/{code}         member                       (claims a card code: one member per code)
//	members/{uid}              code, name, nameKey, nameSearch [], email, lang, role (owner|staff|member),
//	                           birthMonth, birthDay, usual, points, lifetimePoints, since, lastActive,
//	                           lastOp (the ledger entry that last moved points)
//	  ledger/{opID}            delta, reason, ref, note, at, by      (opID = idempotency key; append-only)
//	  notifications/{id}       kind, ref, title, amount, at, read    (id = idempotency key)
//	  reads/forum              reads {threadID: {seq, at}} (at most community.ReadKeep), floor, last
//	                           (what the member read of the forum: one document, read once by the
//	                           forum list; only the member reads and writes it; last names the entry
//	                           the write set, which the rules check)
//	events/{eid}               title, description, place, startsAt, endsAt, timeZone, capacity,
//	                           going, waiting, checkedIn, cancelled, createdBy, updatedAt, seq,
//	                           queue [uid] (the waitlist, first in line first), by, promoted [uid]
//	  rsvps/{uid}              community, event, member, name, status (going|waiting|cancelled|checkedIn), at, seq,
//	                           eventStartsAt, eventEndsAt, eventCancelled   (the event's, copied)
//	threads/{tid}              category, title, author, authorName, lang, createdAt, lastPostAt, posts,
//	                           pinned, locked, seq, lastPost (the post that took seq)
//	  posts/{pid}              community, thread, seq, author, authorName, lang, body, at, reports, hidden,
//	                           removed, reviewed, reactions {emoji: n}, queued, reportedAt
//	    reports/{uid}          member, at                            (one report per member)
//	    reactions/{uid}        community, thread, post, member, reactions [emoji]
//	stories/{sid}              author, authorName, authorSince, lang, title, body, consent,
//	                           status (pending|published|rejected), likes, submittedAt, publishedAt, sortAt
//	  likes/{uid}              member
//	polls/{pid}                question, lang, options [{id, text, by, byName, status}], closesAt,
//	                           status (open|closed), createdBy, createdAt
//	  votes/{uid}              option, member, at, from, shard       (doc ID = voter: one vote each)
//	  shards/{n}               counts {optionID: n}                  (n in 0..9: the tally, spread; a
//	                                                                 voter's shard is fixed at their first vote)
//	announcements/{id}         texts {lang: {title, body}}, pinned, publishAt, createdBy, createdAt
//	  draft/texts              texts   (a scheduled announcement's, staff only; its own texts are {}
//	                           until a staff store publishes it after publishAt)
//	feedback/{id}              member, score, comment, at
//
// Fields the store keeps and no update function may change: members' points
// and lifetimePoints (only ApplyLedger, CheckIn), events' going, waiting,
// checkedIn and seq, threads' posts and seq, posts' seq, reports, reactions,
// queued and reportedAt, stories' likes, shards. Derived fields: nameKey is
// the case-folded name, nameSearch every case-folded prefix (up to 24 runes)
// of each word-suffix of the name, sortAt is publishedAt for a published
// story and submittedAt otherwise. rsvps, posts and reactions repeat their
// community (and parents) for the collection-group queries below; rsvps also
// copy their event's startsAt, endsAt and cancelled, set on every write of
// the RSVP from the event read in the same transaction and rewritten on
// every RSVP to the event when UpdateEvent changes them (NextRSVP). An RSVP
// document written before these fields existed has none, and NextRSVP does
// not see it until its next write: a project with such documents needs them
// copied once (from the event) with admin access.
//
// # What a member's client writes (for firestore.rules)
//
// The app writes with the member's own ID token, so the rules must let a
// member make exactly these writes (each in one transaction or request). A
// document that keeps a counter or a balance names the write that justifies
// its change in the same commit, and the rules follow the name (getAfter).
// A member's store (Dial without Admin) sends the times marked "now" as
// server timestamps, which the rules require to equal the commit's time.
//
//	Join         members/{own uid} created with role member, points and lifetimePoints 0, since now,
//	             and memberCodes/{code} created with member = own uid (code community.MemberCode(uid))
//	RSVP         rsvps/{own uid} set (status going|waiting, seq = event's new seq, eventStartsAt,
//	             eventEndsAt and eventCancelled = the event's); events/{eid}: seq +1, by = own uid,
//	             promoted [], going +1, or waiting +1 with own uid appended to queue
//	CancelRSVP   rsvps/{own uid} status cancelled; events/{eid}: seq +1, by = own uid; a waiter
//	             leaves queue; a freed seat goes to queue[0] (promoted [queue[0]], their
//	             rsvps/{uid} status going); then members/{waiter}/notifications/
//	             "promoted:{eid}:{waiter}" created by the canceller's client, with the event's title
//	CreateThread threads/{tid} created (posts 1, seq 1, lastPost = the post, createdAt and
//	             lastPostAt now) and posts/{pid} created (seq 1, at now)
//	AddPost      posts/{pid} created with seq = thread's seq + 1, at now; threads/{tid} posts, seq,
//	             lastPostAt (now) and lastPost moved; refused on a locked thread
//	ReportPost   reports/{own uid} created (at now); post reports +1, hidden at 3, queued and
//	             reportedAt (now) unless staff decided on it already
//	React        reactions/{own uid} set or deleted; post reactions {emoji} +1 or -1
//	CreateStory  stories/{sid} created by its author, status pending, likes 0
//	LikeStory    likes/{own uid} created or deleted; story likes +1 or -1
//	CastVote     votes/{own uid} set with from = the option it left and its shard; that one
//	             shards/{n} counts {option} +1 and {from} -1
//	ProposeIdea  polls/{pid} set with one more option {by: own uid, status pending, a new id}
//	RedeemReward members/{own uid} points -cost and lastOp = the entry; ledger/{opID} created
//	             (reason reward, a catalog reward at its price, at now)
//	UpdateMember members/{own uid} set with name, nameKey, nameSearch, lang, birthday and
//	             lastActive changed; role, points, lifetimePoints, code, since and usual unchanged
//	SaveFeedback feedback/{uid}:{YYYY-MM of now, UTC} with member = own uid, at now
//	MarkRead     members/{own uid}/notifications/{id} read = true
//	DeleteMember their own profile, ledger, notifications and code claim deleted; authorName
//	             (and name in rsvps) cleared on what they wrote
//
// Staff (owner and staff roles) write the rest: communities/{cid},
// announcements, events (a check-in names its member in by; promotions after
// a capacity change the first waiters in promoted), check-ins and every
// ledger entry (with the member's points, lifetimePoints and lastOp),
// moderation fields of posts and
// threads, story status, polls and idea statuses, other members' usual note
// and role, notifications of points and published stories.
//
// # Queries and indexes
//
// Besides single-field indexes these need composite indexes (the emulator
// does not ask for them; deploy/firebase/firestore.indexes.json must declare
// them: indexes.json in this folder lists them in that format):
//
//	members        nameSearch array-contains (single field)
//	threads        category ==, pinned desc, lastPostAt desc, __name__ desc
//	threads        pinned desc, lastPostAt desc, __name__ desc
//	posts          seq (single field); group: community ==, queued ==, reportedAt asc
//	posts group    community ==, author ==                        (DeleteMember)
//	rsvps          status ==, seq asc; status in, seq asc
//	rsvps group    community ==, member ==, at desc               (MemberRSVPs, DeleteMember)
//	rsvps group    community ==, member ==, eventCancelled ==, status in, eventStartsAt asc,
//	               eventEndsAt asc (and > now)                    (NextRSVP: range and order on two fields)
//	reactions group community ==, thread ==, member ==            (ReactionsOf)
//	stories        status ==, sortAt desc; author == (single field)
//	polls          status ==, createdAt desc
//	announcements  pinned ==, publishAt desc
//	members        lifetimePoints and lastActive ranges together (CountMembers: multiple range filters)
//
// Reads are bounded: every method reads a number of documents independent of
// the community's size, except the explicit lists (RSVPs of an event,
// Feedback since a date, Voters of an option, Posts/Threads/Ledger pages,
// SearchMembers with its limit). CountMembers, CountVotes and a waiter's
// Position and UnreadCount are aggregation counts (one read per 1,000 index
// entries); Tally sums at most 10 shard documents. community.Service.Home
// reads 8 documents: the community, the member, one announcement, NextRSVP
// (one RSVP, found by its copy of the event's times) and its event, one
// poll, one story and the count of unread notifications; one count more for
// a member whose next RSVP waits (their position). The forum list's unread
// marks cost one read in all, members/{uid}/reads/forum (two for a member
// who never read a thread: their joining date is the floor), not one per
// thread; marking a thread read reads it again and writes it only when it
// changed. UpdateEvent reads and writes every RSVP of the event, only when
// its times or cancellation change.
//
// SearchMembers matches a case-insensitive prefix of any word of the name
// ("gar" finds "José García") with array-contains on nameSearch; unlike the
// local store it does not match inside a word ("arcía" finds nobody).
//
// # Transactions
//
// Every multi-document write is a read-write transaction with all reads
// before writes: ApplyLedger (the ledger entry's ID is the document ID, so a
// repeat finds it and changes nothing), RSVP and CancelRSVP (the event's seq
// orders arrivals; the first waiter is the head of the event's queue, read
// inside the transaction), CheckIn with its ledger entry, AddPost (thread seq),
// ReportPost, React, LikeStory, CastVote, DeleteMember and every UpdateX,
// whose function may run more than once. A poll's tally is N=10 shard
// documents updated with blind increments on the voter's shard (picked at
// random at their first vote, then kept), so voters contend only on their
// own vote document. Aborted transactions are retried
// with jittered backoff (up to 60 times); one Store also queues its own
// transactions on the same hot document (see keyedLocks), because
// Firestore's locks make concurrent transactions on one document wait for
// each other. Errors map to the community sentinels: NotFound → ErrNotFound,
// AlreadyExists and Aborted (after the retries) → ErrConflict,
// PermissionDenied and Unauthenticated → ErrForbidden, Unavailable and
// DeadlineExceeded → ErrUnavailable.
//
// # Watch
//
// Watch delivers this Store's own writes as soon as they commit, and other
// clients' writes through snapshot listeners on narrow queries, started
// while someone watches: the community document, the 20 latest
// announcements, the next 20 events (from yesterday on), the 10 latest polls,
// the 20 threads with the latest posts, the 10 newest published stories and,
// with Config.MemberID, the member's own document and 20 latest
// notifications. A listener that fails reconnects with exponential backoff
// (250 ms to 30 s); Watch then sends Change{Kind: KindConnection, ID:
// "offline"} once and "online" when a listener or a write succeeds again.
package firestore
