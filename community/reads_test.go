package community_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

var rt0 = time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)

func hours(n int) time.Time { return rt0.Add(time.Duration(n) * time.Hour) }

func TestReadState_Unread(t *testing.T) {
	rs := community.ReadState{Floor: hours(10), Threads: map[string]community.ThreadRead{
		"read":    {Seq: 4, At: hours(20)},
		"partial": {Seq: 2, At: hours(15)},
	}}
	tests := []struct {
		name   string
		t      community.Thread
		unread bool
		first  int64
	}{
		{"read to its last post", community.Thread{ID: "read", Posts: 4, LastPostAt: hours(20)}, false, 0},
		{"a post after the one read", community.Thread{ID: "partial", Posts: 3, LastPostAt: hours(16)}, true, 3},
		{"never opened, active before the floor", community.Thread{ID: "old", Posts: 7, LastPostAt: hours(10)}, false, 0},
		{"never opened, active after the floor", community.Thread{ID: "new", Posts: 2, LastPostAt: hours(11)}, true, 1},
		{"an entry wins over the floor", community.Thread{ID: "read", Posts: 5, LastPostAt: hours(9)}, true, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rs.Unread(tt.t); got != tt.unread {
				t.Errorf("Unread = %v, want %v", got, tt.unread)
			}
			if got := rs.FirstUnread(tt.t); got != tt.first {
				t.Errorf("FirstUnread = %d, want %d", got, tt.first)
			}
		})
	}
}

func TestReadState_Mark(t *testing.T) {
	rs := community.ReadState{Floor: hours(10)}
	steps := []struct {
		name     string
		thread   string
		seq      int64
		at       time.Time
		changed  bool
		wantSeq  int64
		wantLast string
	}{
		{"a first mark", "a", 2, hours(12), true, 2, "a"},
		{"further", "a", 3, hours(13), true, 3, "a"},
		{"backwards changes nothing", "a", 1, hours(11), false, 3, "a"},
		{"the same changes nothing", "a", 3, hours(13), false, 3, "a"},
		{"a thread older than the floor changes nothing", "old", 5, hours(9), false, 0, "a"},
		{"no thread", "", 5, hours(20), false, 0, "a"},
		{"no post", "b", 0, hours(20), false, 0, "a"},
		{"another thread", "b", 1, hours(14), true, 1, "b"},
	}
	for _, st := range steps {
		if got := rs.Mark(st.thread, st.seq, st.at); got != st.changed {
			t.Errorf("%s: Mark = %v, want %v", st.name, got, st.changed)
		}
		if got := rs.Threads[st.thread].Seq; got != st.wantSeq || rs.Last != st.wantLast {
			t.Errorf("%s: seq %d, last %q; want %d, %q", st.name, got, rs.Last, st.wantSeq, st.wantLast)
		}
	}
}

// TestReadState_MarkIsBounded: past ReadKeep threads the oldest read leaves
// and the floor rises to its time, so it still counts as read.
func TestReadState_MarkIsBounded(t *testing.T) {
	rs := community.ReadState{Floor: hours(0)}
	for i := range community.ReadKeep {
		rs.Mark(fmt.Sprintf("t%03d", i), 1, hours(10+i))
	}
	if len(rs.Threads) != community.ReadKeep || !rs.Floor.Equal(hours(0)) {
		t.Fatalf("%d threads, floor %v after %d marks", len(rs.Threads), rs.Floor, community.ReadKeep)
	}
	// A thread read long ago, marked now, stays; the oldest other leaves.
	if !rs.Mark("late", 3, hours(5)) {
		t.Fatal("a new thread's mark changed nothing")
	}
	if len(rs.Threads) != community.ReadKeep || !rs.Floor.Equal(hours(10)) {
		t.Errorf("after one more: %d threads, floor %v; want %d, %v", len(rs.Threads), rs.Floor, community.ReadKeep, hours(10))
	}
	if _, ok := rs.Threads["t000"]; ok {
		t.Error("the oldest read thread stayed")
	}
	if _, ok := rs.Threads["late"]; !ok {
		t.Error("the thread just marked left")
	}
	if rs.Unread(community.Thread{ID: "t000", Posts: 1, LastPostAt: hours(10)}) {
		t.Error("the thread that left counts as unread with no new post")
	}
	if !rs.Unread(community.Thread{ID: "t000", Posts: 2, LastPostAt: hours(200)}) {
		t.Error("the thread that left does not count as unread after a new post")
	}
}

// TestService_ReadMarks: a member's floor starts at their joining date;
// their own thread and replies are no news to them; someone else's reply
// is, until MarkThreadRead; a reply after an unread post leaves it unread.
func TestService_ReadMarks(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	me := community.Actor{ID: "mem-sam", Role: community.RoleMember, Name: "Sam Taylor", Lang: "en"}
	m, err := s.Member(ctx, me.ID)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := svc.ReadState(ctx, me)
	if err != nil || !rs.Floor.Equal(m.Since) || len(rs.Threads) != 0 {
		t.Fatalf("a new reader's state %+v, %v; want the floor at their joining %v", rs, err, m.Since)
	}
	unread := func(id string) bool {
		t.Helper()
		th, err := svc.Thread(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := svc.ReadState(ctx, me)
		if err != nil {
			t.Fatal(err)
		}
		return rs.Unread(th)
	}
	th, err := svc.StartThread(ctx, me, "general", "Board games night?", "Who's in?")
	if err != nil {
		t.Fatal(err)
	}
	if unread(th.ID) {
		t.Error("the member's own new thread is unread for them")
	}
	p, err := svc.Reply(ctx, other, th.ID, "Me!")
	if err != nil {
		t.Fatal(err)
	}
	if !unread(th.ID) {
		t.Error("another member's reply does not make the thread unread")
	}
	// Replying without having seen Priya's post leaves it unread.
	if _, err := svc.Reply(ctx, me, th.ID, "Great"); err != nil {
		t.Fatal(err)
	}
	if !unread(th.ID) {
		t.Error("the member's reply marked another's unseen post read")
	}
	if _, err := svc.MarkThreadRead(ctx, me, p); err != nil {
		t.Fatal(err)
	}
	last, err := svc.Posts(ctx, th.ID, 3, 1)
	if err != nil || len(last) != 1 {
		t.Fatal(last, err)
	}
	if _, err := svc.MarkThreadRead(ctx, me, last[0]); err != nil {
		t.Fatal(err)
	}
	if unread(th.ID) {
		t.Error("the thread stays unread after its newest post was seen")
	}
	if _, err := svc.Reply(ctx, me, th.ID, "See you Friday"); err != nil {
		t.Fatal(err)
	}
	if unread(th.ID) {
		t.Error("the member's own reply made the thread unread")
	}
	// The demo's own marks: Amira has read the welcome thread, not the grinder one.
	amira := community.Actor{ID: demo.MemberID, Role: community.RoleMember}
	rs, _ = svc.ReadState(ctx, amira)
	for id, want := range map[string]bool{"th-welcome": false, "th-grinder": true, "th-pastry": true, "th-quiet": false} {
		th, _ := svc.Thread(ctx, id)
		if rs.Unread(th) != want {
			t.Errorf("demo: %s unread = %v, want %v", id, rs.Unread(th), want)
		}
	}
}
