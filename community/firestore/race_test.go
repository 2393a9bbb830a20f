package firestore_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/firestore"
)

// TestStore_RaceAcrossClients: the contract suite's races run inside one
// Store, which queues its own transactions per document; here several
// clients (several devices) race, so only Firestore's transactions keep the
// seats, the waitlist and the ledger right.
func TestStore_RaceAcrossClients(t *testing.T) {
	const clients, perClient, capacity = 3, 3, 4 // 4 clients x 5 take 15 s: each conflict round costs the emulator ~2 s
	ctx := t.Context()
	first := dialAdmin(t, firestore.Config{})
	stores := []*firestore.Store{first}
	for range clients - 1 {
		stores = append(stores, dialAdmin(t, firestore.Config{CommunityID: first.CommunityID()}))
	}
	at := time.Date(2030, 3, 14, 9, 0, 0, 0, time.UTC)
	if err := first.CreateEvent(ctx, community.Event{ID: "ev", Title: "Cupping", StartsAt: at.Add(24 * time.Hour),
		EndsAt: at.Add(26 * time.Hour), Capacity: capacity}); err != nil {
		t.Fatal(err)
	}
	if err := first.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana", Role: community.RoleMember}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := first.CreateThread(ctx, community.Thread{ID: "th", Title: "Beans", CreatedAt: at, LastPostAt: at},
		community.Post{ID: "p0", Body: "Which beans?", At: at}); err != nil {
		t.Fatal(err)
	}
	if err := first.CreatePoll(ctx, community.Poll{ID: "q", Question: "Oat or almond?", Status: community.PollOpen, CreatedAt: at,
		Options: []community.Option{{ID: "oat", Status: community.IdeaOpen}, {ID: "almond", Status: community.IdeaOpen}}}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	applied := 0
	for c, s := range stores {
		for i := range perClient {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id := fmt.Sprintf("m%d-%d", c, i)
				if _, err := s.RSVP(ctx, "ev", community.RSVP{EventID: "ev", MemberID: id, Name: id, At: at}); err != nil {
					t.Errorf("rsvp %s: %v", id, err)
				}
				if _, err := s.AddPost(ctx, community.Post{ID: "p-" + id, ThreadID: "th", AuthorID: id, Body: "Ethiopian", At: at}); err != nil {
					t.Errorf("post by %s: %v", id, err)
				}
				// Every client votes for "ana" too: one vote stays.
				for _, v := range []community.Vote{{MemberID: id, OptionID: "oat"}, {MemberID: "ana", OptionID: []string{"oat", "almond"}[i%2]}} {
					v.PollID, v.At = "q", at
					if err := s.CastVote(ctx, v); err != nil {
						t.Errorf("vote of %s: %v", v.MemberID, err)
					}
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok, err := s.ApplyLedger(ctx, community.LedgerEntry{ID: "welcome", MemberID: "ana", Delta: 50,
				Reason: community.ReasonWelcome, At: at})
			if err != nil {
				t.Errorf("apply ledger from client %d: %v", c, err)
			}
			if ok {
				mu.Lock()
				applied++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t.Logf("%d RSVPs, posts and votes and %d ledger entries from %d clients at once in %s", clients*perClient, clients, clients,
		time.Since(start).Round(time.Millisecond))

	e, err := first.Event(ctx, "ev")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := first.RSVPs(ctx, "ev")
	if err != nil {
		t.Fatal(err)
	}
	n := clients * perClient
	if e.Going != capacity || e.Waiting != n-capacity || len(rs) != n {
		t.Errorf("event going/waiting = %d/%d with %d RSVPs, want %d/%d with %d", e.Going, e.Waiting, len(rs), capacity, n-capacity, n)
	}
	seqs := map[int64]bool{}
	for i, r := range rs {
		seqs[r.Seq] = true
		if want := i < capacity; r.Status.Holds() != want {
			t.Errorf("RSVP %d (%s, seq %d) is %s", i, r.MemberID, r.Seq, r.Status)
		}
	}
	if len(seqs) != n {
		t.Errorf("%d distinct seqs among %d RSVPs: two arrivals got the same place", len(seqs), n)
	}
	th, err := first.Thread(ctx, "th")
	if err != nil {
		t.Fatal(err)
	}
	posts, err := first.Posts(ctx, "th", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if th.Posts != n+1 || len(posts) != n+1 || posts[n].Seq != int64(n+1) {
		t.Errorf("thread counts %d posts, lists %d; want %d with seqs 1..%d", th.Posts, len(posts), n+1, n+1)
	}
	tally, err := first.Tally(ctx, "q")
	if err != nil {
		t.Fatal(err)
	}
	if votes, _ := first.CountVotes(ctx, "q"); votes != n+1 || tally["oat"]+tally["almond"] != n+1 {
		t.Errorf("%d votes, tally %v; want %d (one each, ana's once)", votes, tally, n+1)
	}
	m, err := first.Member(ctx, "ana")
	if err != nil {
		t.Fatal(err)
	}
	if applied != 1 || m.Points != 50 {
		t.Errorf("one ledger entry from %d clients: applied %d times, balance %d; want once, 50", clients, applied, m.Points)
	}
}
