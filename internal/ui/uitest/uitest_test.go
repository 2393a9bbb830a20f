package uitest

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
)

// work is background work that hands a result to fyne.Do, as a screen does.
type work struct{ sync.WaitGroup }

func (w *work) start(fn func()) {
	w.Add(1)
	go func() {
		defer w.Done()
		fyne.Do(fn)
	}()
}

func TestApp_SettleRunsQueuedWorkOnTheCallingGoroutine(t *testing.T) {
	a := NewTempApp(t)
	if fyne.CurrentApp() != a {
		t.Fatal("the harness is not the current app")
	}
	var w work
	a.Track(&w)
	got := []int{}
	w.start(func() {
		got = append(got, 1)
		// What a result starts is settled too.
		w.start(func() { got = append(got, 2) })
	})
	w.Wait()
	if len(got) != 0 {
		t.Fatalf("fyne.Do ran before Settle: %v", got)
	}
	Settle()
	if len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("after Settle: %v, want [1 2]", got)
	}
}

func TestApp_DrainRunsWhatIsQueuedWithoutWaiting(t *testing.T) {
	a := NewTempApp(t)
	var w work
	a.Track(&w)
	block := make(chan struct{})
	w.Add(1) // tracked work still under way: Settle would wait for it
	go func() {
		defer w.Done()
		<-block
	}()
	ran := 0
	queued := make(chan struct{})
	go func() { fyne.Do(func() { ran++ }); close(queued) }()
	<-queued
	if n := a.Drain(); n != 1 || ran != 1 {
		t.Errorf("Drain ran %d (counted %d), want 1", ran, n)
	}
	if n := a.Drain(); n != 0 {
		t.Errorf("second Drain ran %d, want 0", n)
	}
	close(block)
}
