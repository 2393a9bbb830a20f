package rulestest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// randomSummary is printed by TestMain after attackSummary.
var randomSummary string

// TestAttack_Random sends many random commits from several members, mixing
// the app's own operations with hand-made batches that perturb what the app
// would write (counters off by one, the wrong member named, a second entry,
// another shard, ...), allowed or not, and reads every invariant back after
// each commit the rules let through. REGULARS_RULES_SEED replays a run (its
// seed is printed); REGULARS_RULES_STEPS changes the number of commits.
func TestAttack_Random(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("REGULARS_RULES_SEED"), 10, 64); err == nil {
		seed = v
	}
	steps := 240
	if v, err := strconv.Atoi(os.Getenv("REGULARS_RULES_STEPS")); err == nil {
		steps = v
	}
	t.Logf("seed %d (REGULARS_RULES_SEED=%d replays this run), %d commits", seed, seed, steps)
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	e := newEnv(t)
	ctx := testContext(t)
	start := time.Now()

	players := []string{owner, staff, member, other, unverified, stranger, outsider}
	for _, who := range []string{member, other, unverified, staff} {
		e.award(t, who, 300)
	}
	events := []community.Event{e.event(t, 2), e.event(t, 1)}
	poll := e.poll(t)
	th, first := e.thread(t, other)
	options := []string{"carrot", "cheese", "idea-x"}
	pick := func(xs []string) string { return xs[rnd.IntN(len(xs))] }
	small := func() int64 { return []int64{-1, 0, 0, 0, 1, 1, 2}[rnd.IntN(7)] }

	appOps, forged, allowed := 0, 0, 0
	kinds := map[string][]bool{} // hand-made commits by invariant aimed at: allowed or not
	for step := 0; step < steps; step++ {
		who := pick(players)
		a := e.actors[who]
		ev := events[rnd.IntN(len(events))]
		if rnd.IntN(3) == 0 {
			// The app's own operations, as the member's app sends them.
			appOps++
			var err error
			switch rnd.IntN(7) {
			case 0, 1:
				_, err = a.svc.RSVP(ctx, a.who, ev.ID)
			case 2:
				err = a.svc.CancelRSVP(ctx, a.who, ev.ID)
			case 3:
				err = a.svc.Vote(ctx, a.who, poll.ID, pick(options[:2]))
			case 4:
				_, _, err = a.svc.RedeemReward(ctx, a.who, "cookie", community.NewID())
			case 5:
				_, err = a.svc.Reply(ctx, a.who, th.ID, "again")
			case 6:
				_, err = a.svc.Report(ctx, a.who, th.ID, first.ID)
			}
			if err == nil {
				allowed++
				e.invariants(t)
			}
			if t.Failed() {
				t.Fatalf("seed %d, step %d: %s's app operation broke an invariant", seed, step, who)
			}
			continue
		}
		forged++
		inv, what, build := e.randomBatch(t, rnd, who, ev, poll, th, pick, small)
		b := &batch{e: e, a: a, b: a.store.Client().Batch()} //nolint:staticcheck // an atomic commit of chosen writes
		build(b)
		_, err := b.b.Commit(ctx)
		kinds[inv] = append(kinds[inv], err == nil)
		if err != nil && !denied(err) {
			t.Fatalf("seed %d, step %d: %s: %s failed with %v, want PermissionDenied or success", seed, step, who, what, err)
		}
		if err == nil {
			allowed++
			e.invariants(t)
			if t.Failed() {
				t.Fatalf("seed %d, step %d: %s's hand-made commit (%s) was allowed and broke an invariant", seed, step, who, what)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "randomized: seed %d, %d commits (%d by the app, %d hand-made), %d allowed, the invariants held after each, %s\n",
		seed, steps, appOps, forged, allowed, time.Since(start).Round(time.Second))
	for _, inv := range invariantNames {
		if ks := kinds[inv]; len(ks) > 0 {
			n := 0
			for _, ok := range ks {
				if !ok {
					n++
				}
			}
			fmt.Fprintf(&b, "  %4d hand-made, %4d refused, %4d allowed (as valid as the app's)  %s\n", len(ks), n, len(ks)-n, inv)
		}
	}
	randomSummary = b.String()
	t.Log(randomSummary)
}

// randomBatch makes one hand-made commit near what the app would write, with
// random perturbations, and names the invariant it aims at.
func (e *env) randomBatch(t *testing.T, rnd *rand.Rand, who string, ev community.Event, poll community.Poll, th community.Thread,
	pick func([]string) string, small func() int64) (string, string, func(*batch)) {
	t.Helper()
	self := e.actors[who].id
	target := self
	if rnd.IntN(3) == 0 {
		target = e.id(pick([]string{member, other, staff}))
	}
	switch rnd.IntN(5) {
	case 0: // a ledger entry and its balance: the app's (a redemption, an award), maybe bent
		if who == stranger || who == outsider {
			target = e.id(pick([]string{member, other}))
		}
		delta, reason, ref := int64(-80), "reward", "cookie" // a member redeems a cookie
		if who == owner || who == staff {
			delta, reason, ref = int64(10+rnd.IntN(100)), "award", "" // staff award
		} else {
			target = self
			if who == stranger || who == outsider {
				target = e.id(member)
			}
		}
		m := e.doc(t, "members/"+target)
		op := "op:" + community.NewID()
		points, lifetime, named, entries := num(m["points"])+delta, num(m["lifetimePoints"])+max(delta, 0), op, 1
		bend := "as the app would"
		switch rnd.IntN(7) {
		case 0:
			points, bend = points+[]int64{-1, 1, 100}[rnd.IntN(3)], "balance off"
		case 1:
			entries, bend = 2, "a second entry"
		case 2:
			named, bend = "op:other", "another entry named"
		case 3:
			delta, bend = int64(rnd.IntN(200))-120, "another amount"
		case 4:
			reason, ref, bend = pick([]string{"award", "redeem", "reward"}), pick([]string{"class", "", "cookie"}), "another reason"
		case 5:
			lifetime, bend = lifetime+50, "lifetime points raised"
		}
		return invBalance, fmt.Sprintf("ledger %+d (%s %s) on %s by %s (%s)", delta, reason, ref, target, who, bend), func(b *batch) {
			b.update("members/"+target, "points", points, "lifetimePoints", lifetime, "lastOp", named)
			for i := 0; i < entries; i++ {
				id := op
				if i > 0 {
					id = "op:" + community.NewID()
				}
				b.create("members/"+target+"/ledger/"+id, map[string]any{"delta": delta, "reason": reason, "ref": ref, "note": "",
					"at": firestore.ServerTimestamp, "by": self})
			}
		}
	case 1: // an RSVP and the event's counters: the app's move, maybe bent
		path := "events/" + ev.ID
		d := e.doc(t, path)
		var queue []string
		for _, m := range d["queue"].([]any) {
			queue = append(queue, m.(string))
		}
		cur := "none"
		if r, err := e.admin.Client().Doc("communities/" + e.cid + "/" + path + "/rsvps/" + self).Get(testContext(t)); err == nil {
			cur = r.Data()["status"].(string)
		}
		going, capacity, seq := num(d["going"]), num(d["capacity"]), num(d["seq"])+1
		status, nq, promoted := "cancelled", append([]string{}, queue...), []string{}
		switch {
		case cur == "none" || cur == "cancelled":
			if (capacity == 0 || going < capacity) && len(queue) == 0 {
				status, going = "going", going+1
			} else {
				status, nq = "waiting", append(nq, self)
			}
		case cur == "waiting":
			nq = slices.DeleteFunc(nq, func(m string) bool { return m == self })
		default:
			if len(queue) > 0 && (capacity == 0 || going-1 < capacity) {
				promoted, nq = []string{queue[0]}, queue[1:]
			} else {
				going--
			}
		}
		bend := "as the app would"
		switch rnd.IntN(8) {
		case 0:
			going, bend = going+small(), "going bent"
		case 1:
			if len(nq) > 1 {
				nq[0], nq[1], bend = nq[1], nq[0], "line reordered"
			}
		case 2:
			if len(queue) > 0 {
				promoted, bend = []string{pick(queue)}, "someone promoted"
			}
		case 3:
			seq, bend = seq-1, "seq kept"
		case 4:
			status, bend = pick([]string{"going", "waiting", "cancelled", "checkedIn"}), "another status"
		case 5:
			promoted, nq, bend = []string{}, queue, "nobody promoted"
		}
		return invSeats, fmt.Sprintf("rsvp %s -> %s, queue %v -> %v, promoted %v (%s)", cur, status, queue, nq, promoted, bend), func(b *batch) {
			r := map[string]any{"community": e.cid, "event": ev.ID, "member": self, "name": "", "status": status, "at": time.Now(),
				"seq": seq, "eventStartsAt": d["startsAt"], "eventEndsAt": d["endsAt"], "eventCancelled": d["cancelled"]}
			if old, err := e.admin.Client().Doc("communities/" + e.cid + "/" + path + "/rsvps/" + self).Get(testContext(t)); err == nil &&
				status == "cancelled" {
				r["seq"] = old.Data()["seq"]
			}
			b.set(path+"/rsvps/"+self, r)
			b.update(path, "going", going, "waiting", int64(len(nq)), "queue", nq, "seq", seq, "by", self, "promoted", promoted)
			for _, p := range promoted {
				if p != self {
					b.update(path+"/rsvps/"+p, "status", "going")
				}
			}
		}
	case 2: // a vote and the tally
		path := "polls/" + poll.ID
		was := ""
		shard := fmt.Sprint(rnd.IntN(10))
		if v, err := e.admin.Client().Doc("communities/" + e.cid + "/" + path + "/votes/" + self).Get(testContext(t)); err == nil {
			was = v.Data()["option"].(string)
			if rnd.IntN(3) > 0 {
				shard = v.Data()["shard"].(string)
			}
		}
		opt := pick([]string{"carrot", "cheese", "idea-x"})
		from := pick([]string{was, was, "carrot"})
		return invTally, fmt.Sprintf("vote %s (was %q, says from %q) in shard %s", opt, was, from, shard), func(b *batch) {
			b.set(path+"/votes/"+self, map[string]any{"option": opt, "member": self, "at": time.Now(), "from": from, "shard": shard})
			counts := map[string]any{opt: firestore.Increment(1 + small()*int64(rnd.IntN(2)))}
			if from != "" && rnd.IntN(4) > 0 {
				counts[from] = firestore.Increment(-1)
			}
			b.merge(path+"/shards/"+shard, map[string]any{"counts": counts})
			if rnd.IntN(4) == 0 {
				b.merge(path+"/shards/"+fmt.Sprint(rnd.IntN(10)), map[string]any{"counts": map[string]any{opt: firestore.Increment(1)}})
			}
		}
	case 3: // a reply and the thread's counters
		path := "threads/" + th.ID
		d := e.doc(t, path)
		seq := num(d["seq"])
		id := community.NewID()
		return invThreads, "a reply with perturbed counters", func(b *batch) {
			n := rnd.IntN(3)
			for i := 0; i < n; i++ {
				pid := id
				if i > 0 {
					pid = community.NewID()
				}
				b.create(path+"/posts/"+pid, map[string]any{"community": e.cid, "thread": th.ID, "seq": seq + 1 + small()*int64(rnd.IntN(2)),
					"author": self, "authorName": "", "lang": "en", "body": "hi", "at": firestore.ServerTimestamp, "reports": 0,
					"hidden": false, "removed": false, "reviewed": false, "reactions": nil, "queued": false, "reportedAt": time.Time{}})
			}
			b.update(path, "seq", seq+1+small()*int64(rnd.IntN(2)), "posts", num(d["posts"])+1+small()*int64(rnd.IntN(2)),
				"lastPostAt", firestore.ServerTimestamp, "lastPost", pick([]string{id, id, "p-none"}))
		}
	default: // an NPS answer
		month := time.Now().UTC()
		if rnd.IntN(2) == 0 {
			month = month.AddDate(0, -1-rnd.IntN(3), -month.Day()+1)
		}
		var at any = firestore.ServerTimestamp
		if rnd.IntN(3) == 0 {
			at = month
		}
		return invFeedback, "an NPS answer for " + month.Format("2006-01"), func(b *batch) {
			b.set("feedback/"+target+":"+month.Format("2006-01"), map[string]any{"member": target, "score": rnd.IntN(11),
				"comment": "", "at": at})
		}
	}
}
