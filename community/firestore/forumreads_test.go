package firestore

import (
	"fmt"
	"testing"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// TestStore_ForumUnreadMarksCostOneRead opens the forum list as the demo
// member (a page of threads and what they have read) and counts the
// documents read: the page plus one, the member's read state, whatever the
// number of threads they have read. Marking a thread read reads the state
// and writes it once; marking it again reads it only.
func TestStore_ForumUnreadMarksCostOneRead(t *testing.T) {
	ctx := t.Context()
	_, reads, svc := seededCounted(t, "unread")
	me := community.Actor{ID: demo.MemberID, Role: community.RoleMember, Name: "Amira Haddad", Lang: "ar"}
	tom := community.Actor{ID: "mem-tom", Role: community.RoleMember, Name: "Tom", Lang: "en"}

	forum := func(label string) (int, int) {
		t.Helper()
		reads.Reset()
		rs, err := svc.ReadState(ctx, me)
		if err != nil {
			t.Fatalf("%s: read state: %v", label, err)
		}
		page, _, err := svc.Threads(ctx, "", "")
		if err != nil {
			t.Fatalf("%s: threads: %v", label, err)
		}
		unread := 0
		for _, th := range page {
			if rs.Unread(th) {
				unread++
			}
		}
		n := reads.Reads()
		t.Logf("%s: %d threads, %d unread, %d documents read %v", label, len(page), unread, n, reads.ByMethod())
		if n != len(page)+1 {
			t.Errorf("%s: the forum list read %d documents for %d threads, want the page and one", label, n, len(page))
		}
		return len(page), unread
	}
	_, unread := forum("demo")
	if unread != 2 {
		t.Errorf("the demo member has %d unread threads, want 2 (grinder and pastry)", unread)
	}

	// Twenty new threads by Tom, every one read by the member.
	for i := range 20 {
		th, err := svc.StartThread(ctx, tom, "general", fmt.Sprintf("Thread %d", i), "Hello")
		if err != nil {
			t.Fatal(err)
		}
		posts, err := svc.Posts(ctx, th.ID, 1, 1)
		if err != nil || len(posts) != 1 {
			t.Fatal(posts, err)
		}
		if i%2 == 0 {
			reads.Reset()
			if _, err := svc.MarkThreadRead(ctx, me, posts[0]); err != nil {
				t.Fatal(err)
			}
			if n := reads.Reads(); n > 2 {
				t.Errorf("marking a thread read read %d documents, want the state twice at most (check, transaction)", n)
			}
			reads.Reset()
			if _, err := svc.MarkThreadRead(ctx, me, posts[0]); err != nil {
				t.Fatal(err)
			}
			if n := reads.Reads(); n != 1 {
				t.Errorf("marking a read thread again read %d documents, want 1 (and no write)", n)
			}
		}
	}
	shown, unread := forum("20 more threads, 10 read")
	if shown < 24 || unread != 12 {
		t.Errorf("%d threads shown, %d unread; want 24 and 12", shown, unread)
	}
}
