package bench

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/emulators"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// DayPlan is a café's scripted day: who opens the app when, what they look
// at and what they write, and what the owner does behind the counter.
type DayPlan struct {
	Members    int     // daily active members (each opens the app at least once)
	TwiceShare float64 // share of them who open it a second time
	// Member writes over the day, and the owner's.
	RSVPs, Votes, Replies, Threads int
	Announcements, Awards          int
	// SlotReal is how long one 10-minute slot of the day lasts here: the
	// day (07:00-21:00, 84 slots) runs compressed, every session, write and
	// listener in real time on the emulator, 10 min : SlotReal.
	SlotReal time.Duration
	// Dwell is how long a session keeps each screen open.
	Dwell time.Duration
	Seed  uint64
}

// DayFor is the plan of a day with members daily active members: member
// writes in proportion (per 1,000: 60 RSVPs, 150 votes, 40 replies, 5 new
// threads, 400 visits whose points the owner awards at the counter), and the
// owner's three announcements. A slot lasts 5 s here: the day takes seven
// minutes, about three sessions starting a second.
func DayFor(members int) DayPlan {
	k := float64(members) / 1000
	n := func(per1000 float64) int { return max(int(per1000*k+0.5), 1) }
	return DayPlan{Members: members, TwiceShare: 0.4, RSVPs: n(60), Votes: n(150), Replies: n(40), Threads: n(5),
		Announcements: 3, Awards: n(400), SlotReal: 5 * time.Second, Dwell: 500 * time.Millisecond, Seed: 11}
}

const daySlots = 84 // 07:00-21:00 in 10-minute slots

// hourWeight is how a café's app opens spread over its hours (07:00 first):
// the morning coffee, lunch, after work.
var hourWeight = [14]float64{6, 10, 9, 6, 5, 8, 8, 5, 4, 4, 5, 6, 5, 3}

// screen is one screen a session shows, in order.
type screen int

const (
	scrHome screen = iota
	scrEvents
	scrEvent
	scrForum
	scrThread
	scrPolls
	scrLoyalty
	scrStories
	scrAnnouncements
)

// browsing is how often a session also opens each screen (home is always
// first): what a member looks at when they have no particular errand.
var browsing = []struct {
	s screen
	p float64
}{{scrLoyalty, 0.3}, {scrEvents, 0.25}, {scrForum, 0.25}, {scrPolls, 0.15}, {scrAnnouncements, 0.15}, {scrStories, 0.1}}

type action int

const (
	actNone action = iota
	actRSVP
	actVote
	actReply
	actThread
)

type session struct {
	uid     string
	at      time.Duration // from the start of the day, real time
	screens []screen
	act     action
	pick    int // which event, thread or option the errand is about
}

// DayRun is what a day cost.
type DayRun struct {
	Members, Owner Bill
	Sessions       int
	Done           map[string]int // writes that succeeded, by kind
	Failed         int
	Elapsed        time.Duration
	Late           time.Duration // the latest a session started after its time (the emulator keeping up)
}

// Day runs plan on community cid (the demo café with plan.Members members
// b0000000.. seeded, SeedCommunity): every session is a member's app on its
// own client and ID token (rules apply) with the real screens in the Fyne
// test driver: the store's Watch held for the whole session (all its
// listeners, as the app holds them), home built, then the screens of the
// session one after the other, each left open for a while (reloading on the
// changes it subscribes to, as in the app), the session's write done from the
// screen it belongs to. The owner's desktop is open all day on its own
// client, with its home and listeners, posting the announcements and
// awarding points at the counter (the member looked up by card code). Two
// Meters count what members' and the owner's clients are billed.
func Day(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, plan DayPlan) (DayRun, error) {
	run := DayRun{Done: map[string]int{}}
	rng := rand.New(rand.NewPCG(plan.Seed, 7))
	var memberMeter, ownerMeter Meter
	ownerStore, err := MemberStore(ctx, emu.Host, cid, demo.OwnerID, ownerMeter.Options()...)
	if err != nil {
		return run, err
	}
	defer ownerStore.Close()
	owner, err := ownerStore.Member(ctx, demo.OwnerID)
	if err != nil {
		return run, err
	}
	osvc := community.NewService(ownerStore)
	oa := owner.Actor()
	// The day's errands need an event to answer, a poll to vote on and
	// threads to reply to: the owner sets them up before opening.
	tomorrow := time.Now().Add(24 * time.Hour).Truncate(time.Hour)
	var events []string
	for i := range 2 {
		e, err := osvc.CreateEvent(ctx, oa, community.EventInput{Title: fmt.Sprintf("Cupping night %d", i+1), Place: "Counter",
			StartsAt: tomorrow.Add(time.Duration(i*24) * time.Hour), EndsAt: tomorrow.Add(time.Duration(i*24+2) * time.Hour),
			TimeZone: "Europe/Madrid", Capacity: 40})
		if err != nil {
			return run, fmt.Errorf("day: create event: %w", err)
		}
		events = append(events, e.ID)
	}
	poll, err := osvc.CreatePoll(ctx, oa, community.PollInput{Question: "Next single origin?", Options: []string{"Ethiopia", "Colombia", "Kenya"},
		ClosesAt: time.Now().AddDate(0, 0, 7)})
	if err != nil {
		return run, fmt.Errorf("day: create poll: %w", err)
	}
	threads, _, err := osvc.Threads(ctx, "", "")
	if err != nil || len(threads) == 0 {
		return run, fmt.Errorf("day: the demo café's threads: %v (%d)", err, len(threads))
	}
	ownerMeter.Reset()

	// The script.
	slotOf := func() int {
		var sum float64
		for _, w := range hourWeight {
			sum += w
		}
		x := rng.Float64() * sum
		for h, w := range hourWeight {
			if x < w {
				return h*6 + rng.IntN(6)
			}
			x -= w
		}
		return daySlots - 1
	}
	at := func() time.Duration {
		return time.Duration((float64(slotOf()) + rng.Float64()) * float64(plan.SlotReal))
	}
	var sessions []*session
	for i := range plan.Members {
		n := 1
		if rng.Float64() < plan.TwiceShare {
			n = 2
		}
		for range n {
			s := &session{uid: VoterID(i), at: at(), screens: []screen{scrHome}, pick: rng.IntN(1 << 20)}
			for _, b := range browsing {
				if rng.Float64() < b.p {
					s.screens = append(s.screens, b.s)
				}
			}
			sessions = append(sessions, s)
		}
	}
	// Errands go to sessions of distinct members, picked at random.
	perm := rng.Perm(len(sessions))
	next := 0
	seen := map[string]bool{}
	assign := func(n int, a action, path ...screen) {
		for ; n > 0 && next < len(perm); next++ {
			s := sessions[perm[next]]
			if seen[s.uid] {
				continue
			}
			seen[s.uid] = true
			s.act, s.screens = a, append([]screen{scrHome}, path...)
			n--
		}
	}
	assign(plan.RSVPs, actRSVP, scrEvents, scrEvent)
	assign(plan.Votes, actVote, scrPolls)
	assign(plan.Replies, actReply, scrForum, scrThread)
	assign(plan.Threads, actThread, scrForum)
	run.Sessions = len(sessions)
	type ownerJob struct {
		at  time.Duration
		ann int
		uid string // award points to
	}
	var jobs []ownerJob
	for i := range plan.Announcements {
		h := []int{1, 5, 10, 3, 8}[i%5] // 08:00, 12:00, 17:00, ...
		jobs = append(jobs, ownerJob{at: time.Duration(h*6) * plan.SlotReal, ann: i + 1})
	}
	for range plan.Awards {
		jobs = append(jobs, ownerJob{at: at(), uid: VoterID(rng.IntN(plan.Members))})
	}

	// The UI goroutine (this one) runs what every window hands it.
	app := uitest.NewApp()
	defer app.Quit()
	onUI := func(fn func()) {
		done := make(chan struct{})
		fyne.Do(func() { fn(); close(done) })
		<-done
	}
	var failed atomic.Int64
	var mu sync.Mutex
	var late time.Duration
	done := func(kind string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed.Add(1)
			if failed.Load() <= 3 {
				fmt.Printf("day: %s: %v\n", kind, err)
			}
			return
		}
		run.Done[kind]++
	}
	dwell := plan.Dwell
	start := time.Now()
	var wg sync.WaitGroup
	sleepUntil := func(d time.Duration) {
		if w := time.Until(start.Add(d)); w > 0 {
			time.Sleep(w)
		}
	}
	// The owner's desktop, open all day.
	wg.Add(1)
	go func() {
		defer wg.Done()
		wctx, cancel := context.WithCancel(ctx)
		defer cancel()
		var win fyne.Window
		var env *screens.Env
		onUI(func() {
			win = test.NewWindow(nil)
			env = screens.NewEnv(osvc, win, nopNav{}, oa, i18n.New("en"))
			win.SetContent(screens.NewHome(env))
		})
		go func() {
			for c := range osvc.Watch(wctx) {
				fyne.Do(func() { env.Dispatch(c) })
			}
		}()
		defer onUI(func() { env.CloseAll(); win.Close() })
		slices.SortStableFunc(jobs, func(a, b ownerJob) int { return cmp.Compare(a.at, b.at) })
		for _, j := range jobs {
			sleepUntil(j.at)
			if ctx.Err() != nil {
				return
			}
			if j.ann > 0 {
				_, err := osvc.Announce(ctx, oa, community.AnnouncementInput{Pinned: j.ann == 1, Texts: map[string]community.AnnouncementText{
					"en": {Title: fmt.Sprintf("Today's special %d", j.ann), Body: "Cardamom buns from the oven at 10."}}})
				done("announcement", err)
				continue
			}
			m, err := osvc.FindByCode(ctx, oa, community.MemberCode(j.uid))
			if err == nil {
				_, _, err = osvc.AwardPoints(ctx, oa, m.ID, 10, "visit", community.NewID())
			}
			done("award", err)
		}
		sleepUntil(time.Duration(daySlots) * plan.SlotReal)
	}()
	for _, s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sleepUntil(s.at)
			mu.Lock()
			late = max(late, time.Since(start)-s.at)
			mu.Unlock()
			if ctx.Err() != nil {
				return
			}
			if err := daySession(ctx, emu, cid, s, &memberMeter, onUI, dwell, events, poll, threads, done); err != nil {
				done("session", err)
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	for waiting := true; waiting; {
		select {
		case <-finished:
			waiting = false
		default:
			if app.Drain() == 0 {
				time.Sleep(time.Millisecond)
			}
		}
	}
	// Loads still in flight when their windows closed land here.
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		if app.Drain() == 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	run.Elapsed, run.Late, run.Failed = time.Since(start), late, int(failed.Load())
	run.Members, run.Owner = memberMeter.Bill(), ownerMeter.Bill()
	return run, nil
}

// daySession is one member's app, opened, browsed and closed.
func daySession(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, s *session, meter *Meter,
	onUI func(func()), dwell time.Duration, events []string, poll community.Poll, threads []community.Thread,
	done func(string, error)) error {
	st, err := MemberStore(ctx, emu.Host, cid, s.uid, meter.Options()...)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := community.NewService(st)
	// The app reads the signed-in member once to know their role and name.
	m, err := st.Member(ctx, s.uid)
	if err != nil {
		return fmt.Errorf("member %s: %w", s.uid, err)
	}
	me := m.Actor()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var win fyne.Window
	var env *screens.Env
	onUI(func() {
		win = test.NewWindow(nil)
		win.Resize(phone)
		env = screens.NewEnv(svc, win, nopNav{}, me, i18n.New("en"))
	})
	go func() {
		for c := range svc.Watch(wctx) {
			fyne.Do(func() { env.Dispatch(c) })
		}
	}()
	pick := func(n int) int { return s.pick % n }
	ev, th := events[pick(len(events))], threads[pick(len(threads))]
	for i, scr := range s.screens {
		onUI(func() {
			env.CloseAll()
			win.SetContent(screenFor(env, scr, ev, th.ID))
		})
		time.Sleep(dwell)
		if i < len(s.screens)-1 {
			continue
		}
		switch s.act {
		case actRSVP:
			_, err := svc.RSVP(ctx, me, ev)
			done("rsvp", err)
		case actVote:
			done("vote", svc.Vote(ctx, me, poll.ID, poll.Options[pick(len(poll.Options))].ID))
		case actReply:
			_, err := svc.Reply(ctx, me, th.ID, "Same here, the **Ethiopian** was lovely this morning.")
			done("reply", err)
		case actThread:
			_, err := svc.StartThread(ctx, me, threads[0].Category, "Oat milk on Sundays?", "Does anyone know if the oat milk is back?")
			done("thread", err)
		}
		if s.act != actNone {
			time.Sleep(dwell)
		}
	}
	onUI(func() {
		env.CloseAll()
		win.Close()
	})
	return nil
}

func screenFor(env *screens.Env, s screen, eventID, threadID string) fyne.CanvasObject {
	switch s {
	case scrEvents:
		return screens.NewEvents(env)
	case scrEvent:
		return screens.NewEventDetail(env, eventID)
	case scrForum:
		return screens.NewForum(env)
	case scrThread:
		return screens.NewThread(env, threadID)
	case scrPolls:
		return screens.NewPolls(env)
	case scrLoyalty:
		return screens.NewLoyalty(env)
	case scrStories:
		return screens.NewStories(env)
	case scrAnnouncements:
		return screens.NewAnnouncements(env)
	}
	return screens.NewHome(env)
}
