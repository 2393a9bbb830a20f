package community

import (
	"context"
	"fmt"
	"time"
)

// ---- what a member has read of the forum (issue 15) ----
//
// A member's read state is one small record: for each of the threads they
// read most recently, the highest post Seq they have seen, and a floor time
// for the rest. The forum list reads that one record whatever the number of
// threads it shows (one document on Firestore), and each row is decided in
// memory:
//
//   - a thread with an entry is unread when it has posts past the entry's Seq;
//   - a thread with no entry is unread when its last post is after the
//     floor: a thread the member never opened that has been active since
//     they joined (the floor starts at their joining date);
//   - the member's own posts never make a thread unread: starting a thread
//     or replying records their post as read (Service.StartThread, Reply).
//
// The record is bounded: it keeps the ReadKeep threads whose read posts are
// the newest. When a mark pushes one out, the floor rises to the time of
// that thread's last read post, so the thread itself stays read until
// someone posts in it again. The price of the bound: a thread the member
// never opened whose last post is older than that stops counting as unread.

// ReadKeep is how many threads a member's read state remembers one by one.
const ReadKeep = 100

// ThreadRead is how far a member has read one thread.
type ThreadRead struct {
	Seq int64     // the highest post Seq read
	At  time.Time // the time of that post
}

// ReadState is what a member has read of the forum (see above).
type ReadState struct {
	MemberID string
	Threads  map[string]ThreadRead // at most ReadKeep, by thread ID
	Floor    time.Time             // threads with no entry and no post after it count as read
	Last     string                // the thread marked last (Firestore's rules check its entry)
}

// ReadSeq is the highest post Seq of t that the state counts as read.
func (rs ReadState) ReadSeq(t Thread) int64 {
	if r, ok := rs.Threads[t.ID]; ok {
		return r.Seq
	}
	if !t.LastPostAt.After(rs.Floor) {
		return int64(t.Posts)
	}
	return 0
}

// Unread reports whether t has posts the member has not read.
func (rs ReadState) Unread(t Thread) bool { return rs.ReadSeq(t) < int64(t.Posts) }

// FirstUnread is the Seq of the oldest post of t the member has not read,
// the place the thread opens at; 0 when they have read it all.
func (rs ReadState) FirstUnread(t Thread) int64 {
	if !rs.Unread(t) {
		return 0
	}
	return rs.ReadSeq(t) + 1
}

// Mark records that the member read a thread up to post seq, whose time is
// at. It reports whether the state changed: marking what is already read
// changes nothing (and the stores then write nothing). When the state holds
// more than ReadKeep threads, the one whose read post is oldest leaves and
// the floor rises to that post's time.
func (rs *ReadState) Mark(threadID string, seq int64, at time.Time) bool {
	if threadID == "" || seq <= 0 {
		return false
	}
	if r, ok := rs.Threads[threadID]; ok && r.Seq >= seq || !ok && !at.After(rs.Floor) {
		return false
	}
	if rs.Threads == nil {
		rs.Threads = map[string]ThreadRead{}
	}
	rs.Threads[threadID] = ThreadRead{Seq: seq, At: at}
	rs.Last = threadID
	for len(rs.Threads) > ReadKeep {
		oldest := ""
		for id, r := range rs.Threads {
			o, ok := rs.Threads[oldest]
			if id != threadID && (!ok || r.At.Before(o.At) || r.At.Equal(o.At) && id < oldest) {
				oldest = id
			}
		}
		if rs.Threads[oldest].At.After(rs.Floor) {
			rs.Floor = rs.Threads[oldest].At
		}
		delete(rs.Threads, oldest)
	}
	return true
}

// ReadState returns what the actor has read of the forum. A member who never
// read a thread gets a state whose floor is their joining date: the threads
// active before they joined are not news to them.
func (s *Service) ReadState(ctx context.Context, a Actor) (ReadState, error) {
	rs, err := s.store.ReadState(ctx, a.ID)
	if err != nil {
		return ReadState{}, fmt.Errorf("read state of %s: %w", a.ID, err)
	}
	if rs.Floor.IsZero() && len(rs.Threads) == 0 {
		m, err := s.store.Member(ctx, a.ID)
		if err != nil {
			return ReadState{}, fmt.Errorf("read state of %s: %w", a.ID, err)
		}
		rs.Floor = m.Since
	}
	return rs, nil
}

// MarkThreadRead records that the actor has seen the posts of p's thread up to p
// (the thread screen calls it with the newest post it has shown). It writes
// nothing when they had read that far already.
func (s *Service) MarkThreadRead(ctx context.Context, a Actor, p Post) (ReadState, error) {
	return s.markRead(ctx, a, p.ThreadID, p.Seq, p.At, false)
}

// markRead marks threadID read up to seq (at). own is for the actor's own
// new post: it moves the mark only when the post before it was read, so that
// someone else's post that came in just before stays unread.
func (s *Service) markRead(ctx context.Context, a Actor, threadID string, seq int64, at time.Time, own bool) (ReadState, error) {
	if a.ID == "" {
		return ReadState{}, ErrForbidden
	}
	if err := CheckID("thread", threadID); err != nil {
		return ReadState{}, err
	}
	rs, err := s.ReadState(ctx, a)
	if err != nil {
		return ReadState{}, err
	}
	floor := rs.Floor
	mark := func(rs *ReadState) bool {
		if rs.Floor.IsZero() && len(rs.Threads) == 0 {
			rs.Floor = floor
		}
		if r, ok := rs.Threads[threadID]; own && ok && r.Seq < seq-1 {
			return false
		}
		return rs.Mark(threadID, seq, at)
	}
	if probe := rs.clone(); !mark(&probe) {
		return rs, nil // nothing new: no write
	}
	rs, err = s.store.UpdateReadState(ctx, a.ID, mark)
	if err != nil {
		return ReadState{}, fmt.Errorf("mark %s read: %w", threadID, err)
	}
	return rs, nil
}

// clone copies the state, its map included.
func (rs ReadState) clone() ReadState {
	out := rs
	out.Threads = make(map[string]ThreadRead, len(rs.Threads))
	for id, r := range rs.Threads {
		out.Threads[id] = r
	}
	return out
}
