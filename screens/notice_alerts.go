package screens

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
)

// NoticeAlerts shows new notices as system notifications while the app
// runs, keeps the unread count the shell shows as a badge, and produces the
// member's due event reminders: when it starts, every RemindEvery while the
// app runs, and when the app comes back to the foreground. It lives as long
// as the shell: its scope is not one of the screens', so switching places
// does not end it; the shell hands it every store change, and the
// reminders it makes come back as such changes (a new notice, announced).
type NoticeAlerts struct {
	env   *Env
	scope *Scope
	loads loader
	seen  map[string]bool
	ready bool // the notices there at the start are known (and not announced)
	// OnUnread, when set, is told the member's unread count (capped at
	// community.UnreadCap+1) whenever it may have changed. UI goroutine.
	OnUnread func(n int)

	// checking is set while a reminder check runs: a tick that comes
	// meanwhile (a slow network) starts no second one. It is cleared off
	// the UI goroutine, when the check returns, so that a result dropped
	// (the scope ended) cannot leave it set.
	checking atomic.Bool
	// lastCheck is when the latest check started, by the service's clock.
	lastCheck time.Time
	// hidden: a phone put the app in the background (see ExitedForeground).
	hidden bool
	// mobile: the device is a phone, where leaving the foreground hides the
	// app; on a desktop it only means that the window lost the focus.
	mobile bool
}

// RemindEvery is how often the app looks for due event reminders while it
// runs. The "starts in two hours" notice is meant to leave time to get
// there: a quarter of an hour late at worst still leaves an hour and three
// quarters, and the "tomorrow" one does not mind. Checking more often would
// cost reads on Firestore for nothing a member notices. One tick reads what
// Service.Remind reads: on most ticks the member's next RSVP, one document
// (96 a day while the app stays open); while an event they are going to is
// within a day, also their latest community.ReminderScan RSVPs, that event
// and the member, 33 documents (community/firestore
// TestStore_RemindReadsBounded measures both).
const RemindEvery = 15 * time.Minute

// RemindResumeGap is how long after a check coming back to the foreground
// checks again: a desktop "enters the foreground" whenever its window gets
// the focus, and flicking between windows must not read the store each time.
const RemindResumeGap = time.Minute

// NewNoticeAlerts starts watching for the signed-in member's new notices:
// those already there when it starts are not announced (the reminders due
// then included, they join the list and the badge), and starts the
// periodic reminder check, which ends with Stop.
func NewNoticeAlerts(env *Env) *NoticeAlerts {
	ctx, cancel := context.WithCancel(env.ctx)
	a := &NoticeAlerts{env: env, seen: map[string]bool{}, mobile: fyne.CurrentDevice().IsMobile(),
		scope: &Scope{env: env, kind: "notice-alerts", ctx: ctx, cancel: cancel}}
	a.Restart()
	go a.tick(ctx, RemindEvery)
	return a
}

// tick calls Remind on the UI goroutine every d until ctx ends. It is not
// background work Env.Wait waits for: it never returns by itself.
func (a *NoticeAlerts) tick(ctx context.Context, d time.Duration) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fyne.Do(a.Remind)
		}
	}
}

// Restart forgets what was seen and starts again for the signed-in member
// (the profile switch changes who that is): it makes their due reminders,
// then notes the notices there. UI goroutine.
func (a *NoticeAlerts) Restart() {
	a.seen, a.ready = map[string]bool{}, false
	if !a.check(a.known) {
		a.known() // no check now (nobody signed in, hidden, or one for the member before under way): the next tick reminds
	}
}

// Remind makes the signed-in member's due event reminders now; they reach
// the list, the badge and the system notifications as any new notice
// (through Change). It does nothing when nobody is signed in, while a phone
// keeps the app in the background, or while a check is under way. The
// ticker calls it every RemindEvery. UI goroutine.
func (a *NoticeAlerts) Remind() { a.check(nil) }

// EnteredForeground checks for due reminders when the app comes back from
// the background (a phone's app switcher, a desktop window getting the
// focus), unless one was made less than RemindResumeGap ago. The shell
// calls it from Fyne's lifecycle. UI goroutine.
func (a *NoticeAlerts) EnteredForeground() {
	a.hidden = false
	if a.lastCheck.IsZero() || a.env.Svc.Now().Sub(a.lastCheck) >= RemindResumeGap {
		a.Remind()
	}
}

// ExitedForeground stops the periodic checks while a phone keeps the app in
// the background: nobody sees the list then, and a phone that lets the app
// run on should not spend reads on it; EnteredForeground checks at once on
// return. A desktop window that loses the focus is still open, often
// beside other work, which is when a system notification is worth most: the
// checks go on. UI goroutine.
func (a *NoticeAlerts) ExitedForeground() { a.hidden = a.mobile }

// check runs Service.Remind for the signed-in member in the background,
// then runs then on the UI goroutine (when not nil), and reports whether it
// started: not when nobody is signed in, the app is hidden, the alerts
// were stopped or a check is under way.
func (a *NoticeAlerts) check(then func()) bool {
	me := a.env.Me()
	if me.ID == "" || a.hidden || !a.scope.open() || !a.checking.CompareAndSwap(false, true) {
		return false
	}
	svc := a.env.Svc
	a.lastCheck = svc.Now()
	a.scope.Go(func(ctx context.Context) func() {
		defer a.checking.Store(false)
		_, _ = svc.Remind(ctx, me) // best effort: what failed is due again at the next check
		return then
	})
	return true
}

// known reads the newest notices, which are not announced, and the unread
// count. UI goroutine.
func (a *NoticeAlerts) known() {
	svc, me := a.env.Svc, a.env.Me()
	a.loads.Load(a.scope, func(ctx context.Context) func() {
		notes, err := svc.Notifications(ctx, me, NoticeAlertScan)
		unread, uerr := svc.UnreadCount(ctx, me)
		return func() {
			if err == nil {
				for _, n := range notes {
					a.seen[n.ID] = true
				}
				a.ready = true
			}
			if uerr == nil && a.OnUnread != nil {
				a.OnUnread(unread)
			}
		}
	})
}

// Stop ends the watch and the periodic reminder checks.
func (a *NoticeAlerts) Stop() { a.scope.cancel() }

// NoticeAlertScan is how many of the newest notices a change reads to find
// the new ones.
const NoticeAlertScan = 10

// Change looks at a store change (call it on the UI goroutine).
func (a *NoticeAlerts) Change(c community.Change) {
	me := a.env.Me()
	if c.Kind != community.KindNotification || c.MemberID != me.ID {
		return
	}
	svc := a.env.Svc
	a.loads.Load(a.scope, func(ctx context.Context) func() {
		notes, err := svc.Notifications(ctx, me, NoticeAlertScan)
		unread, uerr := svc.UnreadCount(ctx, me)
		return func() {
			if uerr == nil && a.OnUnread != nil {
				a.OnUnread(unread)
			}
			if err != nil {
				return
			}
			for _, n := range notes {
				if a.seen[n.ID] {
					continue
				}
				a.seen[n.ID] = true
				if a.ready && !n.Read {
					a.send(n)
				}
			}
			a.ready = true
		}
	})
}

// send shows n as a system notification (desktop and phone alike).
func (a *NoticeAlerts) send(n community.Notification) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	l := a.env.L()
	app.SendNotification(fyne.NewNotification(l.T("NoticesAlertTitle"), NoticeText(l, n)))
}
