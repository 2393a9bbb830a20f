package local

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets. Records are JSON; index buckets map a sortable key to a small
// value (an ID or nothing). "p\x00x" below means parent ID, a zero byte, x.
var (
	bMeta          = []byte("meta")           // "community" -> communityRec
	bMembers       = []byte("members")        // memberID -> memberRec
	bMemberCodes   = []byte("member_codes")   // code -> memberID
	bMemberNames   = []byte("member_names")   // folded name \x00 memberID -> nil
	bMemberPoints  = []byte("member_points")  // be64(lifetime) memberID -> timeKey(lastActive)
	bLedger        = []byte("ledger")         // memberID \x00 timeKey entryID -> ledgerRec
	bLedgerIDs     = []byte("ledger_ids")     // memberID \x00 entryID -> ledger key
	bEvents        = []byte("events")         // eventID -> eventRec
	bEventsByStart = []byte("events_start")   // timeKey(start) eventID -> nil
	bRSVPs         = []byte("rsvps")          // eventID \x00 memberID -> rsvpRec
	bSeats         = []byte("rsvp_seats")     // eventID \x00 be64(seq) -> memberID
	bWaitlist      = []byte("rsvp_waitlist")  // eventID \x00 be64(seq) -> memberID
	bMemberRSVPs   = []byte("member_rsvps")   // memberID \x00 eventID -> nil
	bMemberNext    = []byte("member_next")    // memberID \x00 timeKey(end) timeKey(start) eventID -> nil (see nextKey)
	bThreads       = []byte("threads")        // threadID -> threadRec
	bThreadOrder   = []byte("thread_order")   // threadKey -> threadID
	bThreadCat     = []byte("thread_cat")     // category \x00 threadKey -> threadID
	bPosts         = []byte("posts")          // threadID \x00 be64(seq) -> postRec
	bPostIDs       = []byte("post_ids")       // threadID \x00 postID -> be64(seq)
	bReports       = []byte("post_reports")   // threadID \x00 postID \x00 memberID -> nil
	bReported      = []byte("post_reported")  // be64(report order) -> threadID \x00 be64(seq)
	bReactions     = []byte("post_reactions") // threadID \x00 memberID \x00 postID \x00 reaction -> nil
	bAuthored      = []byte("authored")       // memberID \x00 kind \x00 parent \x00 id -> nil
	bStories       = []byte("stories")        // storyID -> storyRec
	bStoryOrder    = []byte("story_order")    // status \x00 ^timeKey storyID -> nil
	bLikes         = []byte("story_likes")    // storyID \x00 memberID -> nil
	bPolls         = []byte("polls")          // pollID -> pollRec
	bPollOrder     = []byte("poll_order")     // ^timeKey(created) pollID -> nil
	bVotes         = []byte("votes")          // pollID \x00 memberID -> voteRec
	bVoters        = []byte("voters")         // pollID \x00 optionID \x00 memberID -> nil
	bTally         = []byte("tally")          // pollID \x00 optionID -> be64(count)
	bAnnouncements = []byte("announcements")  // id -> announcementRec
	bAnnOrder      = []byte("ann_order")      // pinned(0|1) ^timeKey(publish) id -> nil
	bFeedback      = []byte("feedback")       // id -> feedbackRec
	bFeedbackAt    = []byte("feedback_at")    // timeKey id -> nil
	bNotes         = []byte("notifications")  // memberID \x00 id -> notificationRec
	bNotesAt       = []byte("notif_at")       // memberID \x00 timeKey id -> nil
	bNotesUnread   = []byte("notif_unread")   // memberID \x00 id -> nil, for the notifications not read
)

var allBuckets = [][]byte{
	bMeta, bMembers, bMemberCodes, bMemberNames, bMemberPoints, bLedger, bLedgerIDs,
	bEvents, bEventsByStart, bRSVPs, bSeats, bWaitlist, bMemberRSVPs, bMemberNext,
	bThreads, bThreadOrder, bThreadCat, bPosts, bPostIDs, bReports, bReported, bReactions, bAuthored,
	bStories, bStoryOrder, bLikes, bPolls, bPollOrder, bVotes, bVoters, bTally,
	bAnnouncements, bAnnOrder, bFeedback, bFeedbackAt, bNotes, bNotesAt, bNotesUnread,
}

// key joins parts with zero bytes: the parts are IDs, which never contain one.
func key(parts ...[]byte) []byte {
	return bytes.Join(parts, []byte{0})
}

// k is key for string parts.
func k(parts ...string) []byte {
	b := make([][]byte, len(parts))
	for i, p := range parts {
		b[i] = []byte(p)
	}
	return key(b...)
}

// prefix is the key prefix of every child of parent.
func prefix(parent ...string) []byte { return append(k(parent...), 0) }

// be64 encodes n big-endian, so that keys sort as numbers.
func be64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

// timeKey encodes t in 12 bytes that sort as time does (any year, zero included).
func timeKey(t time.Time) []byte {
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.Unix())^(1<<63))
	binary.BigEndian.PutUint32(b[8:], uint32(t.Nanosecond()))
	return b[:]
}

// invTimeKey sorts newest first.
func invTimeKey(t time.Time) []byte {
	b := timeKey(t)
	for i := range b {
		b[i] = ^b[i]
	}
	return b
}

// cat concatenates byte slices into a new one.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// getJSON decodes the record at key into v; found is false when there is none.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %q: %w", key, err)
	}
	return true, nil
}

// putJSON stores v at key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	return b.Put(key, data)
}

// each calls fn for every key with the prefix, ascending, until fn returns
// false or an error. Deleting the current key inside fn is not allowed (bbolt
// cursors skip an item then); collect keys and delete after.
func each(b *bolt.Bucket, pfx []byte, fn func(k, v []byte) (bool, error)) error {
	c := b.Cursor()
	for key, v := c.Seek(pfx); key != nil && bytes.HasPrefix(key, pfx); key, v = c.Next() {
		more, err := fn(key, v)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// eachReverse is each, descending.
func eachReverse(b *bolt.Bucket, pfx []byte, fn func(k, v []byte) (bool, error)) error {
	c := b.Cursor()
	var key, v []byte
	if end := prefixEnd(pfx); end == nil {
		key, v = c.Last()
	} else if key, _ = c.Seek(end); key == nil {
		key, v = c.Last()
	} else {
		key, v = c.Prev()
	}
	for ; key != nil && bytes.HasPrefix(key, pfx); key, v = c.Prev() {
		more, err := fn(key, v)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// prefixEnd returns the smallest key greater than every key with the prefix,
// nil when there is none (all 0xff).
func prefixEnd(pfx []byte) []byte {
	end := bytes.Clone(pfx)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// deletePrefix removes every key with the prefix.
func deletePrefix(b *bolt.Bucket, pfx []byte) error {
	var keys [][]byte
	err := each(b, pfx, func(k, _ []byte) (bool, error) {
		keys = append(keys, bytes.Clone(k))
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := b.Delete(key); err != nil {
			return err
		}
	}
	return nil
}

// countPrefix counts the keys with the prefix.
func countPrefix(b *bolt.Bucket, pfx []byte) int {
	n := 0
	_ = each(b, pfx, func(_, _ []byte) (bool, error) { n++; return true, nil })
	return n
}

// lastPart returns what follows the last zero byte of key.
func lastPart(key []byte) string {
	return string(key[bytes.LastIndexByte(key, 0)+1:])
}

// decode decodes a record value.
func decode(v []byte, x any) error {
	if err := json.Unmarshal(v, x); err != nil {
		return fmt.Errorf("decode record: %w", err)
	}
	return nil
}
