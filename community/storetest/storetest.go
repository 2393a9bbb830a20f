// Package storetest is the one contract suite every community.Store must
// pass: the embedded store runs it on a temporary file, the Firestore store
// against the emulator.
//
// It uses only the community.Store interface. Each subtest gets a fresh store
// from newStore, which should register its own cleanup (t.Cleanup) to close
// the store and drop its data. Subtests run one after the other, so a store
// backed by one shared emulator needs no isolation beyond being emptied.
//
// Times in the suite are whole seconds in UTC, so a backend that stores
// microseconds (Firestore) compares equal.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// Options sizes the concurrency tests. Zero fields take the defaults, which
// are what the issue asks of the local store; a store on a network emulator
// may lower them to keep the suite fast.
type Options struct {
	RSVPers       int           // members who RSVP at once to one event (default 200)
	Capacity      int           // that event's capacity (default 50)
	Voters        int           // members who each vote twice at once in one poll (default 100)
	LedgerRepeats int           // times one ledger entry is applied at once (default 10)
	Cancellers    int           // seat holders of a full event who cancel at once (default 20); 10 more wait
	Posters       int           // posts added at once to one thread (default 50)
	MixedOps      int           // random ledger operations of the invariant test (default 200)
	WatchTimeout  time.Duration // how long a change may take to reach Watch (default 5 s)
	// Timeout bounds each subtest's context (default 2 min), so that a store
	// stuck in retries fails the subtest with deadline errors instead of
	// hanging until go test's own timeout.
	Timeout time.Duration
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.RSVPers, 200)
	def(&o.Capacity, 50)
	def(&o.Voters, 100)
	def(&o.LedgerRepeats, 10)
	def(&o.Cancellers, 20)
	def(&o.Posters, 50)
	def(&o.MixedOps, 200)
	if o.WatchTimeout <= 0 {
		o.WatchTimeout = 5 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Capacity > o.RSVPers {
		o.Capacity = o.RSVPers
	}
	return o
}

// NewStore makes an empty store for one subtest.
type NewStore func(t *testing.T) community.Store

// Run runs the contract suite with the default Options.
func Run(t *testing.T, newStore func(t *testing.T) community.Store) {
	RunWith(t, newStore, Options{})
}

// RunWith runs the contract suite with opts.
func RunWith(t *testing.T, newStore func(t *testing.T) community.Store, opts Options) {
	opts = opts.withDefaults()
	areas := []struct {
		name string
		fn   func(*testing.T, NewStore, Options)
	}{
		{"Community", testCommunity},
		{"Members", testMembers},
		{"Ledger", testLedger},
		{"DeleteMember", testDeleteMember},
		{"Events", testEvents},
		{"RSVP", testRSVP},
		{"NextRSVP", testNextRSVP},
		{"CheckIn", testCheckIn},
		{"Threads", testThreads},
		{"Posts", testPosts},
		{"Moderation", testModeration},
		{"Stories", testStories},
		{"Polls", testPolls},
		{"Announcements", testAnnouncements},
		{"Feedback", testFeedback},
		{"Notifications", testNotifications},
		{"MemberRecords", testMemberRecords},
		{"Watch", testWatch},
		{"Concurrency", testConcurrency},
		{"Invariants", testInvariants},
		{"Counter", testCounter},
		{"CounterRace", raceCounter},
		{"Expiry", testExpiry},
		{"Search", testSearch},
		{"Heard", testHeard},
		{"Reads", testReads},
	}
	for _, a := range areas {
		t.Run(a.name, func(t *testing.T) { a.fn(t, newStore, opts) })
	}
}

// t0 is the suite's "now": a whole second, in UTC.
var t0 = time.Date(2030, time.March, 14, 9, 0, 0, 0, time.UTC)

// at returns t0 plus n hours.
func at(hours int) time.Time { return t0.Add(time.Duration(hours) * time.Hour) }

// fx is one subtest's fresh store.
type fx struct {
	t   *testing.T
	ctx context.Context
	s   community.Store
}

func setup(t *testing.T, newStore NewStore, opts Options) *fx {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), opts.Timeout)
	t.Cleanup(cancel)
	return &fx{t: t, ctx: ctx, s: newStore(t)}
}

// ok fails the test now when err is not nil.
func (f *fx) ok(err error, what string, args ...any) {
	f.t.Helper()
	if err != nil {
		f.t.Fatalf("%s: %v", fmt.Sprintf(what, args...), err)
	}
}

// is fails the test when err does not wrap target.
func (f *fx) is(err, target error, what string) {
	f.t.Helper()
	if !errors.Is(err, target) {
		f.t.Errorf("%s: got error %v, want %v", what, err, target)
	}
}

// reason fails the test when err is not a validation error with the reason.
func (f *fx) reason(err error, reason, what string) {
	f.t.Helper()
	if !community.IsReason(err, reason) {
		f.t.Errorf("%s: got error %v, want reason %q", what, err, reason)
	}
}

// member creates a member with ID id, name and card code "RG-"+id.
func (f *fx) member(id, name string) community.Member {
	f.t.Helper()
	m := community.Member{ID: id, Code: "RG-" + id, Name: name, Email: id + "@example.com", Lang: "en",
		Role: community.RoleMember, Since: t0, LastActive: t0}
	f.ok(f.s.CreateMember(f.ctx, m), "create member %s", id)
	return m
}

// members creates n members m000, m001... at once and returns their IDs.
func (f *fx) members(n int) []string {
	f.t.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("m%03d", i)
	}
	f.ok(parallel(n, func(i int) error {
		return f.s.CreateMember(f.ctx, community.Member{ID: ids[i], Code: "RG-" + ids[i], Name: "Member " + ids[i],
			Role: community.RoleMember, Since: t0, LastActive: t0})
	}), "create %d members", n)
	return ids
}

// event creates an event starting in `hours` hours with the capacity.
func (f *fx) event(id string, hours, capacity int) community.Event {
	f.t.Helper()
	e := community.Event{ID: id, Title: "Event " + id, Place: "Café", StartsAt: at(hours), EndsAt: at(hours + 2),
		TimeZone: "Europe/Madrid", Capacity: capacity, CreatedBy: "owner", UpdatedAt: t0}
	f.ok(f.s.CreateEvent(f.ctx, e), "create event %s", id)
	return e
}

// rsvp answers going for member at `sec` seconds after t0.
func (f *fx) rsvp(eventID, member string, sec int) community.RSVP {
	f.t.Helper()
	r, err := f.s.RSVP(f.ctx, eventID, community.RSVP{EventID: eventID, MemberID: member, Name: "Name " + member,
		At: t0.Add(time.Duration(sec) * time.Second)})
	f.ok(err, "rsvp %s to %s", member, eventID)
	return r
}

// getEvent reads an event.
func (f *fx) getEvent(id string) community.Event {
	f.t.Helper()
	e, err := f.s.Event(f.ctx, id)
	f.ok(err, "event %s", id)
	return e
}

// counters checks an event's counters against want and against its RSVPs.
func (f *fx) counters(eventID string, going, waiting, checkedIn int) {
	f.t.Helper()
	e := f.getEvent(eventID)
	if e.Going != going || e.Waiting != waiting || e.CheckedIn != checkedIn {
		f.t.Errorf("event %s: going/waiting/checked in = %d/%d/%d, want %d/%d/%d",
			eventID, e.Going, e.Waiting, e.CheckedIn, going, waiting, checkedIn)
	}
	rs, err := f.s.RSVPs(f.ctx, eventID)
	f.ok(err, "rsvps of %s", eventID)
	var g, w, c int
	for _, r := range rs {
		switch r.Status {
		case community.StatusGoing:
			g++
		case community.StatusCheckedIn:
			g++
			c++
		case community.StatusWaiting:
			w++
		default:
			f.t.Errorf("RSVPs lists %s with status %q", r.MemberID, r.Status)
		}
	}
	if g != e.Going || w != e.Waiting || c != e.CheckedIn {
		f.t.Errorf("event %s: counters %d/%d/%d but RSVPs hold %d/%d/%d", eventID, e.Going, e.Waiting, e.CheckedIn, g, w, c)
	}
}

// parallel runs fn(0..n-1) at once and returns the first error.
func parallel(n int, fn func(i int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = fn(i)
		}()
	}
	close(start)
	wg.Wait()
	return errors.Join(errs...)
}

// sorted returns a sorted copy.
func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// equal reports whether two string slices hold the same items in order.
func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// errBoom is what update functions return to abort.
var errBoom = errors.New("boom: update aborted by the test")
