package screens

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
)

// A Scope is the life of one screen on show: the context its background
// work runs with, and its subscription to store changes. The shell ends it
// when the screen goes away (Env.Close, Env.CloseAll): the context is
// cancelled, results not yet applied are dropped and the subscription stops.
type Scope struct {
	env      *Env
	kind     string
	ctx      context.Context
	cancel   context.CancelFunc
	onChange func(community.Change)
}

// Open starts the scope of a screen of the given kind ("forum", "thread"),
// ending the scope of the screen of that kind shown before: there is one
// screen of a kind at a time (a detail pane replaced by the next, a view
// pushed again), and detail views are dropped without being told. onChange,
// when not nil, is called on the UI goroutine with every store change while
// the scope lasts. Call it on the UI goroutine, from the screen's
// constructor.
func (e *Env) Open(kind string, onChange func(community.Change)) *Scope {
	ctx, cancel := context.WithCancel(e.ctx)
	s := &Scope{env: e, kind: kind, ctx: ctx, cancel: cancel, onChange: onChange}
	e.mu.Lock()
	old := e.scopes[kind]
	e.scopes[kind] = s
	e.mu.Unlock()
	if old != nil {
		old.cancel()
	}
	return s
}

// Close ends the scope of the screen of the given kind, if one is open.
func (e *Env) Close(kind string) {
	e.mu.Lock()
	s := e.scopes[kind]
	delete(e.scopes, kind)
	e.mu.Unlock()
	if s != nil {
		s.cancel()
	}
}

// CloseAll ends every screen's scope (the shell calls it before it shows
// another place or rebuilds every screen).
func (e *Env) CloseAll() {
	e.mu.Lock()
	old := e.scopes
	e.scopes = map[string]*Scope{}
	e.mu.Unlock()
	for _, s := range old {
		s.cancel()
	}
}

// Scopes returns the kinds of the screens whose scopes are open. The shell
// notes them when it shows a view and, when the user goes back, closes those
// of the views that were closed.
func (e *Env) Scopes() []string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]string, 0, len(e.scopes))
	for k := range e.scopes {
		out = append(out, k)
	}
	return out
}

// Dispatch delivers a store change to every open screen that listens. Call
// it on the UI goroutine (the shell calls it inside fyne.Do).
func (e *Env) Dispatch(c community.Change) {
	e.mu.RLock()
	fns := make([]func(community.Change), 0, len(e.scopes))
	for _, s := range e.scopes {
		if s.onChange != nil {
			fns = append(fns, s.onChange)
		}
	}
	e.mu.RUnlock()
	for _, fn := range fns {
		fn(c)
	}
}

// Wait blocks until the background work of every scope has returned (what
// it hands to the UI goroutine may still be waiting there). The test
// harness, the screenshots and the benchmarks wait with it.
func (e *Env) Wait() { e.work.Wait() }

// Context is cancelled when the screen goes away.
func (s *Scope) Context() context.Context { return s.ctx }

// open reports whether the screen is still on show.
func (s *Scope) open() bool { return s.ctx.Err() == nil }

// Go runs work off the UI goroutine (a store call may be a network round
// trip) with a context cancelled when the screen goes away, then the
// function work returns, if any, on the UI goroutine (fyne.Do), unless the
// screen went away meanwhile. work must not touch widgets; the returned
// function may.
func (s *Scope) Go(work func(ctx context.Context) func()) {
	s.run(s.ctx, work, s.open)
}

// Save is Go for a write the member asked for (a post, a vote, an RSVP): it
// is not cancelled when they leave the screen, since leaving must not undo
// what they did; only its result is dropped then.
func (s *Scope) Save(work func(ctx context.Context) func()) {
	s.run(context.WithoutCancel(s.ctx), work, s.open)
}

func (s *Scope) run(ctx context.Context, work func(ctx context.Context) func(), still func() bool) {
	s.env.work.Add(1)
	go func() {
		defer s.env.work.Done()
		if apply := work(ctx); apply != nil {
			fyne.Do(func() {
				if still() {
					apply()
				}
			})
		}
	}()
}
