package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/emulators"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// SyncScreenRun is how long an owner's announcement takes to reach a
// member's home screen.
type SyncScreenRun struct {
	Screen []time.Duration // the owner's Announce called → the member's home shows its title
	Write  []time.Duration // the owner's Announce called → it returned (information)
	Late   int             // samples not on the screen 30 s after the call (counted as 30 s)
}

// SyncScreen has the owner publish samples pinned announcements through
// community.Service.Announce on one client, while the member's home screen
// (screens.NewHome in the Fyne test driver, on another client, rules
// applying to both) follows the store's Watch as the app does (app.go: every
// change dispatched to the screens with fyne.Do). The UI goroutine (this one)
// runs what fyne.Do hands it the whole time, while the write is in flight, and
// stops the clock when the home's widget tree holds the announcement's title.
// Community cid must hold the demo owner and member (SeedVoters).
func SyncScreen(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, samples int, gap time.Duration) (SyncScreenRun, error) {
	var run SyncScreenRun
	ownerStore, err := MemberStore(ctx, emu.Host, cid, demo.OwnerID)
	if err != nil {
		return run, err
	}
	defer ownerStore.Close()
	memberStore, err := MemberStore(ctx, emu.Host, cid, demo.MemberID)
	if err != nil {
		return run, err
	}
	defer memberStore.Close()
	owner, err := ownerStore.Member(ctx, demo.OwnerID)
	if err != nil {
		return run, err
	}
	member, err := memberStore.Member(ctx, demo.MemberID)
	if err != nil {
		return run, err
	}
	ownerSvc, svc := community.NewService(ownerStore), community.NewService(memberStore)

	app := uitest.NewApp()
	defer app.Quit()
	win := test.NewWindow(nil)
	defer win.Close()
	win.Resize(phone)
	env := screens.NewEnv(svc, win, nopNav{}, member.Actor(), i18n.New("en"))
	view := screens.NewHome(env)
	win.SetContent(view)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		for c := range svc.Watch(wctx) {
			fyne.Do(func() { env.Dispatch(c) })
		}
	}()
	// uiUntil runs the UI goroutine's work until cond holds or d passes.
	uiUntil := func(d time.Duration, cond func() bool) bool {
		for deadline := time.Now().Add(d); time.Now().Before(deadline); {
			if app.Drain() == 0 {
				if cond() {
					return true
				}
				time.Sleep(200 * time.Microsecond)
			}
		}
		return cond()
	}
	if !uiUntil(30*time.Second, func() bool { return screenHas(view, member.Name) }) {
		return run, fmt.Errorf("the member's home never showed her name")
	}
	uiUntil(2*time.Second, func() bool { return false }) // let the listeners' first snapshots land
	for i := range samples {
		title := fmt.Sprintf("Fresh beans %04d", i)
		in := community.AnnouncementInput{Pinned: true, Texts: map[string]community.AnnouncementText{"en": {Title: title, Body: "Today only."}}}
		wrote := make(chan error, 1)
		var written time.Duration
		t0 := time.Now()
		go func() {
			_, err := ownerSvc.Announce(ctx, owner.Actor(), in)
			written = time.Since(t0)
			wrote <- err
		}()
		// A sample that has not arrived after 30 s counts as 30 s (the
		// percentiles stay honest) and as late.
		if !uiUntil(30*time.Second, func() bool { return screenHas(view, title) }) {
			run.Late++
		}
		run.Screen = append(run.Screen, time.Since(t0))
		if err := <-wrote; err != nil {
			return run, fmt.Errorf("announcement %d: %w", i, err)
		}
		run.Write = append(run.Write, written)
		uiUntil(gap, func() bool { return false })
	}
	return run, nil
}

// screenHas reports whether the visible texts under o contain s.
func screenHas(o fyne.CanvasObject, s string) bool {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if t, ok := c.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte(' ')
		}
	})
	return strings.Contains(b.String(), s)
}
