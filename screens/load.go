package screens

// The load / empty / problem pattern of a screen that lists something: the
// newest load wins (loader), a failed load says why next to the list and
// keeps what was shown (loadFailed), and the empty state shows while the
// list has nothing (showEmpty).

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui"
)

// A loader runs the loads of what a screen lists (a page of threads, the
// polls, a search): each load cancels the one before it, and only the
// newest applies its result, so a slow, stale answer never overwrites a
// newer one. The zero value is ready; call its methods on the UI goroutine.
type loader struct {
	gen    uint64
	cancel context.CancelFunc
}

// Load runs work within scope as Scope.Go does, cancelling the load before
// it and dropping that one's result.
func (l *loader) Load(scope *Scope, work func(ctx context.Context) func()) {
	l.Stop()
	ctx, cancel := context.WithCancel(scope.ctx)
	l.cancel = cancel
	gen := l.gen
	scope.run(ctx, work, func() bool { return gen == l.gen && scope.open() })
}

// Stop cancels the load under way, if any, and drops its result.
func (l *loader) Stop() {
	l.gen++
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
}

// loadFailed shows how a load ended in problem: why it failed, in the
// member's words, or nothing when it did not. It reports whether it failed;
// the caller then keeps what it showed.
func loadFailed(env *Env, problem *widget.Label, err error) bool {
	if err != nil {
		ui.ShowRefusal(problem, ErrorText(env.L(), err))
		return true
	}
	ui.ShowRefusal(problem, "")
	return false
}

// showEmpty shows empty, a list's empty state, while the list holds n = 0
// items, and hides it otherwise.
func showEmpty(empty fyne.CanvasObject, n int) {
	if n == 0 {
		empty.Show()
	} else {
		empty.Hide()
	}
}
