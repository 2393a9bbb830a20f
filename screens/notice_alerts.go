package screens

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
)

// NoticeAlerts shows new notices as system notifications while the app
// runs, keeps the unread count the shell shows as a badge, and produces the
// member's due event reminders when it starts. It lives as long as the
// shell: its scope is not one of the screens', so switching places does not
// end it; the shell hands it every store change.
type NoticeAlerts struct {
	env   *Env
	scope *Scope
	loads loader
	seen  map[string]bool
	ready bool // the notices there at the start are known (and not announced)
	// OnUnread, when set, is told the member's unread count (capped at
	// community.UnreadCap+1) whenever it may have changed. UI goroutine.
	OnUnread func(n int)
}

// NewNoticeAlerts starts watching for the signed-in member's new notices:
// those already there when it starts are not announced.
func NewNoticeAlerts(env *Env) *NoticeAlerts {
	ctx, cancel := context.WithCancel(env.ctx)
	a := &NoticeAlerts{env: env, seen: map[string]bool{},
		scope: &Scope{env: env, kind: "notice-alerts", ctx: ctx, cancel: cancel}}
	a.Restart()
	return a
}

// Restart forgets what was seen and starts again for the signed-in member
// (the profile switch changes who that is). UI goroutine.
func (a *NoticeAlerts) Restart() {
	a.seen, a.ready = map[string]bool{}, false
	svc, me := a.env.Svc, a.env.Me()
	a.loads.Load(a.scope, func(ctx context.Context) func() {
		if me.ID != "" {
			_, _ = svc.Remind(ctx, me) // best effort: due reminders come back at the next start
		}
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

// Stop ends the watch.
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
