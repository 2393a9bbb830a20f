// Package crashtest kills a process that writes to an embedded store
// (community/local) with SIGKILL at random moments, and checks after each
// kill that the file is sound and every invariant holds: nothing
// half-written is ever visible. community/local's test and cmd/bench's crash
// section both run it; only how the writing child is started differs.
package crashtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/local"
)

const members, events = 8, 2

var t0 = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// Run is the outcome of a series of kills.
type Run struct {
	Runs     int
	Corrupt  int      // kills after which the store did not open, an invariant failed or committed writes were lost
	Records  int      // ledger entries, votes and posts after the last kill (a number that only grows)
	Problems []string // what failed, by kill
}

// Seed creates the store at path with the members, events, poll and thread
// the child writes to.
func Seed(ctx context.Context, path string) error {
	s, err := local.Open(path)
	if err != nil {
		return err
	}
	for i := range members {
		err = errors.Join(err, s.CreateMember(ctx, community.Member{ID: fmt.Sprintf("c%d", i), Name: "Crash", Since: t0}))
	}
	for i := range events {
		err = errors.Join(err, s.CreateEvent(ctx, community.Event{ID: fmt.Sprintf("ev%d", i), Title: "Crash", StartsAt: t0,
			EndsAt: t0.Add(time.Hour), Capacity: 3 + i}))
	}
	err = errors.Join(err, s.CreatePoll(ctx, community.Poll{ID: "q", Question: "?", Status: community.PollOpen, CreatedAt: t0,
		Options: []community.Option{{ID: "a", Status: community.IdeaOpen}, {ID: "b", Status: community.IdeaOpen}, {ID: "c", Status: community.IdeaOpen}}}))
	_, _, terr := s.CreateThread(ctx, community.Thread{ID: "th", Title: "Crash"}, community.Post{ID: "p0", Body: "first", At: t0})
	if err = errors.Join(err, terr, s.Close()); err != nil {
		return fmt.Errorf("seed crash store: %w", err)
	}
	return nil
}

// Kill starts child(kill) kills times; each child must print "writing" once
// it has the store open and then call Child. Between 10 and 200 ms later it
// is sent SIGKILL, and the store is checked.
func Kill(ctx context.Context, path string, kills int, child func(kill int) *exec.Cmd) (Run, error) {
	var run Run
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for kill := range kills {
		if ctx.Err() != nil {
			return run, ctx.Err()
		}
		cmd := child(kill)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			return run, err
		}
		if err := cmd.Start(); err != nil {
			return run, err
		}
		if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "writing\n" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return run, fmt.Errorf("kill %d: child said %q, %v", kill, line, err)
		}
		time.Sleep(time.Duration(10+rng.IntN(190)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			return run, err
		}
		if err := cmd.Wait(); err == nil {
			return run, fmt.Errorf("kill %d: the child ended on its own", kill)
		}
		run.Runs++
		n, problems := Check(ctx, path)
		if len(problems) == 0 && n < run.Records {
			problems = []string{fmt.Sprintf("%d records, %d before: committed writes lost", n, run.Records)}
		}
		if len(problems) > 0 {
			run.Corrupt++
			for _, p := range problems {
				run.Problems = append(run.Problems, fmt.Sprintf("kill %d: %s", kill, p))
			}
		}
		run.Records = max(run.Records, n)
	}
	return run, nil
}

// Child writes ledger entries, RSVPs, cancellations, check-ins, votes and
// posts to the store at path until it is killed. It prints "writing" once
// the store is open. It returns only on an error.
func Child(path string, seed uint64) error {
	s, err := local.Open(path, local.WithTimeout(10*time.Second))
	if err != nil {
		return err
	}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, uint64(os.Getpid())))
	fmt.Println("writing")
	for op := 0; ; op++ {
		m := fmt.Sprintf("c%d", rng.IntN(members))
		ev := fmt.Sprintf("ev%d", rng.IntN(events))
		id := fmt.Sprintf("%d-%d-%d", seed, os.Getpid(), op)
		switch rng.IntN(7) {
		case 0:
			_, _, err = s.ApplyLedger(ctx, community.LedgerEntry{ID: id, MemberID: m, Delta: 1 + rng.Int64N(50), At: t0})
		case 1:
			_, _, err = s.ApplyLedger(ctx, community.LedgerEntry{ID: id, MemberID: m, Delta: -1 - rng.Int64N(60), At: t0})
			if community.IsReason(err, community.ReasonInsufficient) {
				err = nil
			}
		case 2:
			_, err = s.RSVP(ctx, ev, community.RSVP{MemberID: m, At: t0})
		case 3:
			if _, err = s.CancelRSVP(ctx, ev, m, t0); errors.Is(err, community.ErrNotFound) {
				err = nil
			}
		case 4:
			// Only members holding a seat are checked in, so Going never passes capacity.
			if r, rerr := s.RSVPOf(ctx, ev, m); rerr == nil && r.Status == community.StatusGoing {
				_, _, err = s.CheckIn(ctx, ev, r, community.LedgerEntry{ID: "checkin-" + ev + "-" + m, MemberID: m, Delta: 25, At: t0})
			}
		case 5:
			err = s.CastVote(ctx, community.Vote{PollID: "q", MemberID: m, OptionID: string(rune('a' + rng.IntN(3))), At: t0})
		case 6:
			_, err = s.AddPost(ctx, community.Post{ID: id, ThreadID: "th", AuthorID: m, Body: "crash", At: t0})
		}
		if err != nil {
			return fmt.Errorf("op %d: %w", op, err)
		}
	}
}

// ParseSeed reads a child's seed argument (0 when absent or malformed).
func ParseSeed(s string) uint64 {
	seed, _ := strconv.ParseUint(s, 10, 64)
	return seed
}

// Check checks bbolt's structure, opens the store and checks every
// invariant; it returns how many ledger entries, votes and posts the store
// holds, and what is wrong.
func Check(ctx context.Context, path string) (int, []string) {
	var problems []string
	bad := func(f string, a ...any) { problems = append(problems, fmt.Sprintf(f, a...)) }
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return 0, []string{"bbolt open: " + err.Error()}
	}
	_ = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			bad("bbolt check: %v", err)
		}
		return nil
	})
	_ = db.Close()
	s, err := local.Open(path)
	if err != nil {
		return 0, append(problems, "open: "+err.Error())
	}
	defer s.Close()
	records := 0
	for i := range members {
		id := fmt.Sprintf("c%d", i)
		m, err := s.Member(ctx, id)
		if err != nil {
			bad("member %s: %v", id, err)
			continue
		}
		es, err := s.Ledger(ctx, id, 0)
		if err != nil {
			bad("ledger %s: %v", id, err)
			continue
		}
		var sum, lifetime int64
		for _, e := range es {
			sum, lifetime = sum+e.Delta, lifetime+max(e.Delta, 0)
		}
		if m.Points != sum || m.LifetimePoints != lifetime || m.Points < 0 {
			bad("%s: points %d/%d, ledger sums %d/%d", id, m.Points, m.LifetimePoints, sum, lifetime)
		}
		records += len(es)
	}
	for i := range events {
		id := fmt.Sprintf("ev%d", i)
		e, err := s.Event(ctx, id)
		if err != nil {
			bad("event %s: %v", id, err)
			continue
		}
		rs, err := s.RSVPs(ctx, id)
		if err != nil {
			bad("rsvps %s: %v", id, err)
			continue
		}
		var going, waiting, checked int
		for _, r := range rs {
			switch r.Status {
			case community.StatusGoing:
				going++
			case community.StatusCheckedIn:
				going, checked = going+1, checked+1
			case community.StatusWaiting:
				if waiting++; r.Position != waiting {
					bad("%s: %s at position %d, want %d", id, r.MemberID, r.Position, waiting)
				}
			}
		}
		if e.Going > e.Capacity || e.Going != going || e.Waiting != waiting || e.CheckedIn != checked {
			bad("%s: capacity %d, counters %d/%d/%d, records %d/%d/%d", id, e.Capacity, e.Going, e.Waiting, e.CheckedIn, going, waiting, checked)
		}
		if e.Going < e.Capacity && e.Waiting > 0 {
			bad("%s: %d waiting with %d of %d seats taken", id, e.Waiting, e.Going, e.Capacity)
		}
	}
	tally, err := s.Tally(ctx, "q")
	if err != nil {
		return records, append(problems, "tally: "+err.Error())
	}
	votes, err := s.CountVotes(ctx, "q")
	if err != nil {
		return records, append(problems, "count votes: "+err.Error())
	}
	sum := 0
	for _, o := range []string{"a", "b", "c"} {
		voters, err := s.Voters(ctx, "q", o)
		if err != nil {
			bad("voters %s: %v", o, err)
			continue
		}
		if len(voters) != tally[o] {
			bad("option %s: tally %d, %d voters", o, tally[o], len(voters))
		}
		sum += tally[o]
	}
	if sum != votes {
		bad("tally sums to %d, %d votes", sum, votes)
	}
	th, err := s.Thread(ctx, "th")
	if err != nil {
		return records, append(problems, "thread: "+err.Error())
	}
	ps, err := s.Posts(ctx, "th", 1, 0)
	if err != nil {
		return records, append(problems, "posts: "+err.Error())
	}
	for i, p := range ps {
		if p.Seq != int64(i+1) {
			bad("post %d has Seq %d", i, p.Seq)
			break
		}
	}
	if th.Posts != len(ps) {
		bad("thread counts %d posts, %d stored", th.Posts, len(ps))
	}
	return records + votes + len(ps), problems
}
