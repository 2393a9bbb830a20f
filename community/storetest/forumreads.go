package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// markRead marks threadID read up to seq (at `hours`) for member through
// UpdateReadState, as community.Service does, and returns the stored state.
func (f *fx) markRead(member, threadID string, seq int64, hours int) community.ReadState {
	f.t.Helper()
	rs, err := f.s.UpdateReadState(f.ctx, member, func(rs *community.ReadState) bool { return rs.Mark(threadID, seq, at(hours)) })
	f.ok(err, "mark %s read for %s", threadID, member)
	return rs
}

// sameReads fails the test when two read states differ.
func (f *fx) sameReads(got, want community.ReadState, what string) {
	f.t.Helper()
	bad := got.MemberID != want.MemberID || !got.Floor.Equal(want.Floor) || got.Last != want.Last ||
		len(got.Threads) != len(want.Threads)
	for id, w := range want.Threads {
		g, ok := got.Threads[id]
		bad = bad || !ok || g.Seq != w.Seq || !g.At.Equal(w.At)
	}
	if bad {
		f.t.Errorf("%s: read state %+v, want %+v", what, got, want)
	}
}

// testReads is the read-state contract (issue 15): one record per member,
// empty until the first mark, changed atomically (concurrent marks of one
// member all stay), bounded to ReadKeep threads, written only when the
// update function says so, private to its member, watched, and erased with
// the member.
func testReads(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	ctx, cancel := context.WithCancel(f.ctx)
	defer cancel()
	watch := f.s.Watch(ctx)
	f.member("ana", "Ana")
	f.member("ben", "Ben")

	rs, err := f.s.ReadState(f.ctx, "ana")
	f.ok(err, "read state before any mark")
	if rs.MemberID != "ana" || len(rs.Threads) != 0 || !rs.Floor.IsZero() || rs.Last != "" {
		t.Errorf("read state before any mark = %+v, want an empty one for ana", rs)
	}

	// An update function that changes nothing writes nothing.
	rs, err = f.s.UpdateReadState(f.ctx, "ana", func(rs *community.ReadState) bool { rs.Floor = at(5); return false })
	f.ok(err, "update that declines")
	if got, _ := f.s.ReadState(f.ctx, "ana"); !got.Floor.IsZero() || !rs.Floor.IsZero() {
		t.Errorf("an update whose function returned false stored %+v (returned %+v)", got, rs)
	}

	// A mark is stored as returned, and only for its member.
	got := f.markRead("ana", "t1", 3, 2)
	want := community.ReadState{MemberID: "ana", Threads: map[string]community.ThreadRead{"t1": {Seq: 3, At: at(2)}}, Last: "t1"}
	f.sameReads(got, want, "returned after a mark")
	rs, err = f.s.ReadState(f.ctx, "ana")
	f.ok(err, "read state")
	f.sameReads(rs, want, "stored after a mark")
	if rs, _ := f.s.ReadState(f.ctx, "ben"); len(rs.Threads) != 0 {
		t.Errorf("ben's read state after ana's mark = %+v, want empty", rs)
	}
	timeout := time.After(opts.WatchTimeout)
	for seen := false; !seen; {
		select {
		case c := <-watch:
			seen = c.Kind == community.KindReadState && c.ID == "ana" && c.MemberID == "ana"
		case <-timeout:
			t.Fatalf("no read-state change of ana within %s", opts.WatchTimeout)
		}
	}

	// Marking less than what is read changes nothing.
	f.markRead("ana", "t1", 2, 1)
	rs, _ = f.s.ReadState(f.ctx, "ana")
	f.sameReads(rs, want, "after marking an older post")

	// Concurrent marks of one member's threads all stay: read-modify-write is atomic.
	const n = 10
	f.ok(parallel(n, func(i int) error {
		_, err := f.s.UpdateReadState(f.ctx, "ben", func(rs *community.ReadState) bool {
			return rs.Mark(fmt.Sprintf("c%02d", i), int64(i+1), at(10+i))
		})
		return err
	}), "concurrent marks")
	rs, _ = f.s.ReadState(f.ctx, "ben")
	for i := range n {
		if r := rs.Threads[fmt.Sprintf("c%02d", i)]; r.Seq != int64(i+1) || !r.At.Equal(at(10+i)) {
			t.Errorf("after %d concurrent marks, thread c%02d reads %+v, want seq %d", n, i, r, i+1)
		}
	}

	// Bounded: one thread past ReadKeep pushes out the oldest read and raises the floor to it.
	_, err = f.s.UpdateReadState(f.ctx, "ana", func(rs *community.ReadState) bool {
		for i := range community.ReadKeep {
			rs.Mark(fmt.Sprintf("k%03d", i), 1, at(100+i))
		}
		return true
	})
	f.ok(err, "fill the read state")
	rs, _ = f.s.ReadState(f.ctx, "ana")
	if len(rs.Threads) != community.ReadKeep || !rs.Floor.Equal(at(2)) {
		t.Errorf("after %d marks: %d threads, floor %v; want %d, floor %v (t1's read post)", community.ReadKeep+1,
			len(rs.Threads), rs.Floor, community.ReadKeep, at(2))
	}
	if _, ok := rs.Threads["t1"]; ok || rs.Unread(community.Thread{ID: "t1", Posts: 3, LastPostAt: at(2)}) {
		t.Errorf("t1 should have left the state and still count as read: %+v", rs.Threads["t1"])
	}
	// A state over the bound is refused and nothing of it is kept.
	_, err = f.s.UpdateReadState(f.ctx, "ana", func(rs *community.ReadState) bool {
		for i := range community.ReadKeep + 1 {
			rs.Threads[fmt.Sprintf("x%03d", i)] = community.ThreadRead{Seq: 1, At: at(300)}
		}
		rs.Last = "x000"
		return true
	})
	f.reason(err, community.ReasonTooLong, "a read state over ReadKeep")
	after, _ := f.s.ReadState(f.ctx, "ana")
	f.sameReads(after, rs, "after a refused update")

	// Erased with the member.
	f.ok(f.s.DeleteMember(f.ctx, "ben"), "delete ben")
	if rs, err := f.s.ReadState(f.ctx, "ben"); err != nil || len(rs.Threads) != 0 {
		t.Errorf("ben's read state after erasure = %+v, %v; want empty", rs, err)
	}
}
