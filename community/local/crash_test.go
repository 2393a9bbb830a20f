package local

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// crashEnv, when set to a store path, makes the test binary a crash child:
// it writes to the store in a loop until it is killed.
const crashEnv = "REGULARS_CRASH_CHILD"

const crashMembers, crashEvents = 8, 2

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		seed, _ := strconv.ParseUint(os.Getenv(crashEnv+"_SEED"), 10, 64)
		if err := crashChild(path, seed); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestStore_SurvivesKill kills a writing process with SIGKILL at random
// moments and checks, after each kill, that the file opens and every
// invariant holds: nothing half-written is visible.
func TestStore_SurvivesKill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crash", "community.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for i := range crashMembers {
		must(t, s.CreateMember(ctx, community.Member{ID: fmt.Sprintf("c%d", i), Name: "Crash", Since: benchT0}))
	}
	for i := range crashEvents {
		must(t, s.CreateEvent(ctx, community.Event{ID: fmt.Sprintf("ev%d", i), Title: "Crash", StartsAt: benchT0, Capacity: 3 + i}))
	}
	must(t, s.CreatePoll(ctx, community.Poll{ID: "q", Question: "?", Status: community.PollOpen, CreatedAt: benchT0,
		Options: []community.Option{{ID: "a", Status: community.IdeaOpen}, {ID: "b", Status: community.IdeaOpen}, {ID: "c", Status: community.IdeaOpen}}}))
	_, _, err = s.CreateThread(ctx, community.Thread{ID: "th", Title: "Crash"}, community.Post{ID: "p0", Body: "first", At: benchT0})
	must(t, err)
	must(t, s.Close())

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	writes := 0
	for kill := range 20 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("%s_SEED=%d", crashEnv, kill))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "writing\n" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("kill %d: child said %q, %v", kill, line, err)
		}
		time.Sleep(time.Duration(10+rng.IntN(110)) * time.Millisecond)
		must(t, cmd.Process.Signal(syscall.SIGKILL))
		if err := cmd.Wait(); err == nil {
			t.Fatalf("kill %d: the child ended on its own", kill)
		}
		n := checkStore(t, path)
		if n < writes {
			t.Fatalf("kill %d: %d records, %d before: committed writes were lost", kill, n, writes)
		}
		writes = n
	}
	t.Logf("%d records after 20 kills", writes)
	if writes < 50 {
		t.Errorf("only %d records: the children hardly wrote before being killed", writes)
	}
}

// crashChild writes ledger entries, RSVPs, cancellations, check-ins, votes
// and posts until it is killed.
func crashChild(path string, seed uint64) error {
	s, err := Open(path, WithTimeout(10*time.Second))
	if err != nil {
		return err
	}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, uint64(os.Getpid())))
	fmt.Println("writing")
	for op := 0; ; op++ {
		m := fmt.Sprintf("c%d", rng.IntN(crashMembers))
		ev := fmt.Sprintf("ev%d", rng.IntN(crashEvents))
		id := fmt.Sprintf("%d-%d-%d", seed, os.Getpid(), op)
		switch rng.IntN(7) {
		case 0:
			_, _, err = s.ApplyLedger(ctx, community.LedgerEntry{ID: id, MemberID: m, Delta: 1 + rng.Int64N(50), At: benchT0})
		case 1:
			_, _, err = s.ApplyLedger(ctx, community.LedgerEntry{ID: id, MemberID: m, Delta: -1 - rng.Int64N(60), At: benchT0})
			if community.IsReason(err, community.ReasonInsufficient) {
				err = nil
			}
		case 2:
			_, err = s.RSVP(ctx, ev, community.RSVP{MemberID: m, At: benchT0})
		case 3:
			if _, err = s.CancelRSVP(ctx, ev, m, benchT0); errors.Is(err, community.ErrNotFound) {
				err = nil
			}
		case 4:
			// Only members holding a seat are checked in, so Going never passes capacity.
			if r, rerr := s.RSVPOf(ctx, ev, m); rerr == nil && r.Status == community.StatusGoing {
				_, _, err = s.CheckIn(ctx, ev, r, community.LedgerEntry{ID: "checkin-" + ev + "-" + m, MemberID: m, Delta: 25, At: benchT0})
			}
		case 5:
			err = s.CastVote(ctx, community.Vote{PollID: "q", MemberID: m, OptionID: string(rune('a' + rng.IntN(3))), At: benchT0})
		case 6:
			_, err = s.AddPost(ctx, community.Post{ID: id, ThreadID: "th", AuthorID: m, Body: "crash", At: benchT0})
		}
		if err != nil {
			return fmt.Errorf("op %d: %w", op, err)
		}
	}
}

// checkStore reopens the store, checks bbolt's structure and every invariant,
// and returns how many ledger entries, votes and posts it holds (a number
// that only grows).
func checkStore(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	ctx := t.Context()
	must(t, s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("bbolt check: %v", err)
		}
		return nil
	}))
	records := 0
	for i := range crashMembers {
		id := fmt.Sprintf("c%d", i)
		m, err := s.Member(ctx, id)
		must(t, err)
		es, err := s.Ledger(ctx, id, 0)
		must(t, err)
		var sum, lifetime int64
		for _, e := range es {
			sum, lifetime = sum+e.Delta, lifetime+max(e.Delta, 0)
		}
		if m.Points != sum || m.LifetimePoints != lifetime || m.Points < 0 {
			t.Errorf("%s: points %d/%d, ledger sums %d/%d", id, m.Points, m.LifetimePoints, sum, lifetime)
		}
		records += len(es)
	}
	for i := range crashEvents {
		id := fmt.Sprintf("ev%d", i)
		e, err := s.Event(ctx, id)
		must(t, err)
		rs, err := s.RSVPs(ctx, id)
		must(t, err)
		var going, waiting, checked int
		for _, r := range rs {
			switch r.Status {
			case community.StatusGoing:
				going++
			case community.StatusCheckedIn:
				going, checked = going+1, checked+1
			case community.StatusWaiting:
				if waiting++; r.Position != waiting {
					t.Errorf("%s: %s at position %d, want %d", id, r.MemberID, r.Position, waiting)
				}
			}
		}
		if e.Going > e.Capacity || e.Going != going || e.Waiting != waiting || e.CheckedIn != checked {
			t.Errorf("%s: capacity %d, counters %d/%d/%d, records %d/%d/%d", id, e.Capacity, e.Going, e.Waiting, e.CheckedIn, going, waiting, checked)
		}
		if e.Going < e.Capacity && e.Waiting > 0 {
			t.Errorf("%s: %d waiting with %d of %d seats taken", id, e.Waiting, e.Going, e.Capacity)
		}
	}
	tally, err := s.Tally(ctx, "q")
	must(t, err)
	votes, err := s.CountVotes(ctx, "q")
	must(t, err)
	sum := 0
	for _, o := range []string{"a", "b", "c"} {
		voters, err := s.Voters(ctx, "q", o)
		must(t, err)
		if len(voters) != tally[o] {
			t.Errorf("option %s: tally %d, %d voters", o, tally[o], len(voters))
		}
		sum += tally[o]
	}
	if sum != votes {
		t.Errorf("tally sums to %d, %d votes", sum, votes)
	}
	th, err := s.Thread(ctx, "th")
	must(t, err)
	ps, err := s.Posts(ctx, "th", 1, 0)
	must(t, err)
	for i, p := range ps {
		if p.Seq != int64(i+1) {
			t.Fatalf("post %d has Seq %d", i, p.Seq)
		}
	}
	if th.Posts != len(ps) {
		t.Errorf("thread counts %d posts, %d stored", th.Posts, len(ps))
	}
	return records + votes + len(ps)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
