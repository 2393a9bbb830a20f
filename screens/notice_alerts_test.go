package screens

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// clock is a service clock the test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// remindStore counts reminder checks (Service.Remind reads the member's
// next RSVP first, once a check), and holds each until gate lets it go
// when gate is not nil.
type remindStore struct {
	community.Store
	scans atomic.Int32
	gate  chan struct{}
}

func (s *remindStore) NextRSVP(ctx context.Context, memberID string, now time.Time) (community.RSVP, error) {
	s.scans.Add(1)
	if s.gate != nil {
		select {
		case <-s.gate:
		case <-ctx.Done():
			return community.RSVP{}, ctx.Err()
		}
	}
	return s.Store.NextRSVP(ctx, memberID, now)
}

// alertsFixture is the demo member's NoticeAlerts over a service whose
// clock the test moves, with the system notifications recorded and the
// store's changes handed to the alerts as the shell does (deliver).
type alertsFixture struct {
	*fixture
	clock   *clock
	store   *remindStore
	sent    *notifyApp
	alerts  *NoticeAlerts
	changes <-chan community.Change
}

func newAlertsFixture(t *testing.T) *alertsFixture {
	f := &alertsFixture{fixture: newFixture(t), clock: &clock{now: demo.Now}}
	f.store = &remindStore{Store: f.fixture.store}
	f.svc = community.NewService(f.store, community.WithClock(f.clock.Now))
	f.sent = &notifyApp{App: f.app}
	fyne.SetCurrentApp(f.sent)
	t.Cleanup(func() { fyne.SetCurrentApp(f.app) }) // before the fixture's own clean-up
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	f.changes = f.svc.Watch(ctx)
	return f
}

// start builds the alerts for the demo member, as the shell does.
func (f *alertsFixture) start(t *testing.T) {
	f.alerts = NewNoticeAlerts(f.env(demo.MemberID, "en"))
	t.Cleanup(f.alerts.Stop)
	f.deliver()
}

// deliver settles, then hands the store's pending changes to the alerts.
func (f *alertsFixture) deliver() {
	f.app.Settle()
	for {
		select {
		case c := <-f.changes:
			f.alerts.Change(c)
			f.app.Settle()
		case <-time.After(50 * time.Millisecond):
			return
		}
	}
}

// event creates an event starting in `in` (by the test's clock) that the
// demo member is going to.
func (f *alertsFixture) event(t *testing.T, in time.Duration) community.Event {
	t.Helper()
	ctx := context.Background()
	at := f.clock.Now().Add(in)
	e, err := f.svc.CreateEvent(ctx, f.actor(demo.OwnerID), community.EventInput{Title: "Cupping at the roastery", Place: "Roastery",
		StartsAt: at, EndsAt: at.Add(time.Hour), TimeZone: "Europe/Madrid"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RSVP(ctx, f.actor(demo.MemberID), e.ID); err != nil {
		t.Fatal(err)
	}
	return e
}

// reminders returns the demo member's reminders of kind about e.
func (f *alertsFixture) reminders(t *testing.T, e community.Event, kind string) []community.Notification {
	t.Helper()
	notes, err := f.fixture.store.Notifications(context.Background(), demo.MemberID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []community.Notification
	for _, n := range notes {
		if n.Ref == e.ID && n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

// announced counts the system notifications that said text.
func (f *alertsFixture) announced(text string) int {
	n := 0
	for _, s := range f.sent.sent {
		if s.Content == text {
			n++
		}
	}
	return n
}

// TestNoticeAlerts_TickRemindsOnceWhenAnEventComesWithinTwoHours: an event
// three hours off gets its "tomorrow" reminder when the app starts, quietly;
// once it is within two hours the next tick makes one "starting soon"
// notice, announced once, and the ticks after make nothing more.
func TestNoticeAlerts_TickRemindsOnceWhenAnEventComesWithinTwoHours(t *testing.T) {
	f := newAlertsFixture(t)
	e := f.event(t, 3*time.Hour)
	f.start(t)
	if n := len(f.reminders(t, e, community.NoticeReminderDay)); n != 1 {
		t.Fatalf("%d day reminders at the start, want 1", n)
	}
	if len(f.sent.sent) != 0 {
		t.Fatalf("the start announced %v", f.sent.sent)
	}
	soon := "Starting soon: Cupping at the roastery"

	f.clock.Add(59 * time.Minute) // two hours and a minute left: not yet
	f.alerts.Remind()
	f.deliver()
	if n := len(f.reminders(t, e, community.NoticeReminderSoon)); n != 0 {
		t.Fatalf("%d soon reminders with more than two hours left", n)
	}

	f.clock.Add(2 * time.Minute) // an hour and 59 minutes left
	f.alerts.Remind()
	f.deliver()
	if n := len(f.reminders(t, e, community.NoticeReminderSoon)); n != 1 {
		t.Fatalf("%d soon reminders after the tick, want 1", n)
	}
	if n := f.announced(soon); n != 1 || len(f.sent.sent) != 1 {
		t.Fatalf("announced %q %d times (all: %d), want once", soon, n, len(f.sent.sent))
	}

	for i := 0; i < 4; i++ {
		f.clock.Add(RemindEvery)
		f.alerts.Remind()
		f.deliver()
	}
	if n := len(f.reminders(t, e, community.NoticeReminderSoon)); n != 1 {
		t.Errorf("%d soon reminders after four more ticks, want 1", n)
	}
	if n := len(f.reminders(t, e, community.NoticeReminderDay)); n != 1 {
		t.Errorf("%d day reminders after four more ticks, want 1", n)
	}
	if len(f.sent.sent) != 1 {
		t.Errorf("%d system notifications after four more ticks, want 1", len(f.sent.sent))
	}
	if got := f.store.scans.Load(); got != 7 {
		t.Errorf("%d checks for 1 start and 6 ticks, want 7", got)
	}
}

// TestNoticeAlerts_ForegroundChecks: coming back to the foreground makes
// the reminders that fell due meanwhile; a phone makes none while the app
// is in the background, a desktop window without the focus goes on.
func TestNoticeAlerts_ForegroundChecks(t *testing.T) {
	for _, mobile := range []bool{true, false} {
		name := map[bool]string{true: "phone", false: "desktop"}[mobile]
		t.Run(name, func(t *testing.T) {
			f := newAlertsFixture(t)
			e := f.event(t, 30*time.Hour)
			f.start(t)
			f.alerts.mobile = mobile
			if n := len(f.reminders(t, e, community.NoticeReminderDay)); n != 0 {
				t.Fatalf("%d day reminders 30 hours before", n)
			}
			f.alerts.ExitedForeground()
			f.clock.Add(7 * time.Hour) // 23 hours left
			f.alerts.Remind()          // a tick while in the background
			f.deliver()
			want := map[bool]int{true: 0, false: 1}[mobile]
			if n := len(f.reminders(t, e, community.NoticeReminderDay)); n != want {
				t.Fatalf("%d day reminders after a tick in the background, want %d", n, want)
			}
			scans := f.store.scans.Load()
			f.clock.Add(RemindResumeGap)
			f.alerts.EnteredForeground()
			f.deliver()
			if got := f.store.scans.Load(); got != scans+1 {
				t.Errorf("returning to the foreground ran %d checks, want 1", got-scans)
			}
			if n := len(f.reminders(t, e, community.NoticeReminderDay)); n != 1 {
				t.Fatalf("%d day reminders after returning to the foreground, want 1", n)
			}
			if n := f.announced("Tomorrow: Cupping at the roastery"); n != 1 {
				t.Errorf("the day reminder was announced %d times, want once", n)
			}
			// Focus flicking back soon after reads nothing.
			f.alerts.ExitedForeground()
			f.alerts.EnteredForeground()
			f.deliver()
			if got := f.store.scans.Load(); got != scans+1 {
				t.Errorf("a second return within %v ran %d more checks, want none", RemindResumeGap, got-scans-1)
			}
		})
	}
}

// TestNoticeAlerts_ChecksDoNotOverlap: a tick while a check is still under
// way (a slow network) starts no second one, and the next tick after it
// ends does.
func TestNoticeAlerts_ChecksDoNotOverlap(t *testing.T) {
	f := newAlertsFixture(t)
	f.start(t)
	f.store.gate = make(chan struct{})
	scans := f.store.scans.Load()
	f.alerts.Remind()
	f.alerts.Remind()
	f.alerts.Remind()
	close(f.store.gate)
	f.deliver()
	if got := f.store.scans.Load() - scans; got != 1 {
		t.Errorf("three ticks during one check ran %d checks, want 1", got)
	}
	f.alerts.Remind()
	f.deliver()
	if got := f.store.scans.Load() - scans; got != 2 {
		t.Errorf("a tick after the check ended: %d checks in all, want 2", got)
	}
}

// TestNoticeAlerts_StopEndsTheChecks: no check runs after Stop (the shell
// closed: signed out), nor for nobody signed in.
func TestNoticeAlerts_StopEndsTheChecks(t *testing.T) {
	f := newAlertsFixture(t)
	f.start(t)
	scans := f.store.scans.Load()
	f.alerts.Stop()
	f.alerts.Remind()
	f.deliver()
	if got := f.store.scans.Load() - scans; got != 0 {
		t.Errorf("%d checks after Stop", got)
	}

	nobody := NewNoticeAlerts(f.newEnv(community.Actor{}, f.env(demo.MemberID, "en").L()))
	t.Cleanup(nobody.Stop)
	nobody.Remind()
	f.deliver()
	if got := f.store.scans.Load() - scans; got != 0 {
		t.Errorf("%d checks with nobody signed in", got)
	}
}
