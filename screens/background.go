package screens

import (
	"sync"

	"fyne.io/fyne/v2"
)

// toUI hands a function to the UI goroutine. Tests swap it for a queue they
// drain on their own goroutine, because the test driver runs fyne.Do inline
// on the calling goroutine, which would race with the test.
var toUI = fyne.Do

// inflight counts background loads, so tests can wait for them to finish.
var inflight sync.WaitGroup

// subKey is what a screen subscribes to store changes under: one key per
// kind of screen, so a new thread view replaces the subscription of the
// thread view shown before it instead of adding one more for every view
// ever opened (detail views are dropped without being told).
type subKey string

// background runs work off the UI goroutine (a store call may be a network
// round trip) and then the function it returns, if any, on the UI goroutine.
// work must not touch widgets; the returned function may.
func background(work func() func()) {
	inflight.Add(1)
	go func() {
		defer inflight.Done()
		if apply := work(); apply != nil {
			toUI(apply)
		}
	}()
}

// deferredUI holds UI updates of background loads while QueueUI is in effect.
var deferredUI struct {
	sync.Mutex
	fns []func()
}

// QueueUI makes background loads hand their UI updates to Settle instead of
// fyne.Do. The screenshots command calls it: Fyne's test driver runs fyne.Do
// inline on the worker goroutine, which would race with the goroutine that
// drives and captures the window.
func QueueUI() {
	toUI = func(f func()) {
		deferredUI.Lock()
		deferredUI.fns = append(deferredUI.fns, f)
		deferredUI.Unlock()
	}
}

// Settle waits for the background loads of the screens and runs their UI
// updates on the calling goroutine until none is left (see QueueUI).
func Settle() {
	for {
		inflight.Wait()
		deferredUI.Lock()
		fns := deferredUI.fns
		deferredUI.fns = nil
		deferredUI.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}
