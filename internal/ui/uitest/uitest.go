// Package uitest is the one test harness of the Regulars screens, shared by
// the screen tests, the screenshot gallery and the benchmarks.
//
// Screens load in the background and hand their results to the UI goroutine
// with fyne.Do. Fyne's test driver runs what fyne.Do is given at once, on
// the goroutine that calls it: two loads would then change widgets at the
// same time as the test reads them. The App here queues those functions
// instead, and Settle runs them on the calling goroutine (the test's, which
// plays the UI goroutine) once the background work it tracks is done. The
// screens themselves call plain fyne.Do and know nothing of this.
package uitest

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Waiter is background work Settle waits for: a screens.Env (Env.Wait).
type Waiter interface {
	Wait()
}

// App is Fyne's test app, made the current app, whose fyne.Do calls wait in
// a queue until Settle runs them.
type App struct {
	fyne.App
	drv *driver

	mu      sync.Mutex
	waiters []Waiter
}

// NewApp returns a test app and makes it the current app (as test.NewApp).
func NewApp() *App {
	a := &App{App: test.NewApp()}
	a.drv = &driver{Driver: a.App.Driver()}
	fyne.SetCurrentApp(a)
	return a
}

// NewTempApp is NewApp for one test: the app is replaced when it ends (as
// test.NewTempApp).
func NewTempApp(t testing.TB) *App {
	a := NewApp()
	t.Cleanup(func() { test.NewApp() })
	return a
}

// Driver is the test driver, with fyne.Do queued.
func (a *App) Driver() fyne.Driver { return a.drv }

// Track makes Settle wait for w's background work too.
func (a *App) Track(w Waiter) {
	a.mu.Lock()
	a.waiters = append(a.waiters, w)
	a.mu.Unlock()
}

// Settle waits for the tracked background work and runs what it handed to
// fyne.Do, on the calling goroutine, until nothing is left: what it runs may
// start more work.
func (a *App) Settle() {
	for {
		a.mu.Lock()
		ws := append([]Waiter(nil), a.waiters...)
		a.mu.Unlock()
		for _, w := range ws {
			w.Wait()
		}
		fns := a.drv.take()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// Drain runs what is queued for the UI goroutine now, on the calling
// goroutine, without waiting for the tracked background work, and returns
// how many functions it ran. A benchmark that plays the UI goroutine while
// network calls are in flight (a listener's update racing a write) polls
// with it; Settle would wait for the calls to end.
func (a *App) Drain() int {
	fns := a.drv.take()
	for _, f := range fns {
		f()
	}
	return len(fns)
}

// Settle runs App.Settle on the current app, when it is an App.
func Settle() {
	if a, ok := fyne.CurrentApp().(*App); ok {
		a.Settle()
	}
}

// driver is Fyne's test driver with a queue for fyne.Do.
type driver struct {
	fyne.Driver

	mu    sync.Mutex
	queue []func()
}

// DoFromGoroutine queues fn for Settle. fyne.DoAndWait (wait) runs fn at
// once, as the test driver does: its caller could not go on until Settle
// ran it, and only Fyne's own fallbacks use it.
func (d *driver) DoFromGoroutine(fn func(), wait bool) {
	if wait {
		d.Driver.DoFromGoroutine(fn, true)
		return
	}
	d.mu.Lock()
	d.queue = append(d.queue, fn)
	d.mu.Unlock()
}

func (d *driver) take() []func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	fns := d.queue
	d.queue = nil
	return fns
}
