// Package screens holds one file per screen of Regulars. A constructor takes
// the *Env and returns a fyne.CanvasObject; screens call the use cases of
// community.Service and never a store, and every visible word goes through
// the i18n.Localizer. The widgets and layouts they compose are the toolkit's
// (internal/ui).
//
// A screen opens a Scope (Env.Open) when it is built: its background work
// (Scope.Go, Scope.Save, a loader) runs with the scope's context and hands
// its results to the UI goroutine with fyne.Do; the shell closes the scope
// when the screen goes away, which cancels the work and drops its results,
// and ends the screen's subscription to store changes. Tests, the screenshot
// gallery and the benchmarks drive screens through one harness,
// internal/ui/uitest.
package screens

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
)

// Navigator moves between places and detail views. The app shell implements
// it: on a phone, Push stacks a view with a back button; on a desktop it
// replaces the content area and keeps the side navigation.
type Navigator interface {
	// Push shows a detail view over the current place.
	Push(title string, content fyne.CanvasObject)
	// Pop returns to the previous view.
	Pop()
	// Show switches to a top-level place by its ID ("home", "events", ...).
	Show(place string)
}

// Env is what every screen needs. It is built by the app shell; tests build
// one with NewEnv over a seeded store and a test window.
type Env struct {
	Svc *community.Service
	Win fyne.Window
	Nav Navigator
	// Account is the signed-in member's Firebase account in cloud mode; nil
	// in local mode (and in tests), where there is nothing to sign out of.
	Account Account

	// ctx is the root of every screen's scope (see Open).
	ctx context.Context
	// work counts the background work under way (see Scope.Go, Wait).
	work sync.WaitGroup

	mu     sync.RWMutex
	actor  community.Actor
	loc    *i18n.Localizer
	scopes map[string]*Scope // the open screens' scopes, by kind
	phone  bool
	// create is what Ctrl+N starts on the current screen (see OfferNew).
	create func()
	// language switches the app's language (see RequestLanguage).
	language func(code string)
}

// Account is the signed-in member's sign-in account (cloud mode).
type Account interface {
	// EmailVerified reports whether the member's email is verified: the
	// security rules need it to post, start threads, vote and propose ideas.
	EmailVerified() bool
	// ConfirmEmail shows the "check your inbox" screen. UI goroutine.
	ConfirmEmail()
	// SignOut forgets the session and shows the sign-in screen. UI goroutine.
	SignOut()
	// Delete deletes the sign-in account, after the member's data was
	// erased, and forgets the session. Off the UI goroutine.
	Delete() error
	// Deleted shows the sign-in screen after Delete. UI goroutine.
	Deleted()
}

// NewEnv returns an Env for actor, speaking loc.
func NewEnv(svc *community.Service, win fyne.Window, nav Navigator, actor community.Actor, loc *i18n.Localizer) *Env {
	// An Env lives as long as the app: its screens' scopes derive from a
	// context that is never cancelled, and each is cancelled on its own
	// when its screen goes away.
	ctx := context.Background()
	return &Env{Svc: svc, Win: win, Nav: nav, ctx: ctx, actor: actor, loc: loc, scopes: map[string]*Scope{}}
}

// Me is the signed-in member (it changes with the profile switch).
func (e *Env) Me() community.Actor {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.actor
}

// SetMe changes the signed-in member.
func (e *Env) SetMe(a community.Actor) {
	e.mu.Lock()
	e.actor = a
	e.mu.Unlock()
}

// L is the current localizer (it changes when the member switches language).
func (e *Env) L() *i18n.Localizer {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.loc
}

// SetL changes the language; the shell then rebuilds every screen.
func (e *Env) SetL(l *i18n.Localizer) {
	e.mu.Lock()
	e.loc = l
	e.mu.Unlock()
}

// Phone reports whether the phone layout is in use (narrow window or mobile build).
func (e *Env) Phone() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.phone
}

// SetPhone records which layout the shell chose.
func (e *Env) SetPhone(p bool) {
	e.mu.Lock()
	e.phone = p
	e.mu.Unlock()
}

// OfferNew lets the screen on show offer what Ctrl+N starts there (a new
// thread, a new announcement); nil withdraws the offer. The shell clears the
// offer whenever it switches places, before it builds the next screen.
func (e *Env) OfferNew(fn func()) {
	e.mu.Lock()
	e.create = fn
	e.mu.Unlock()
}

// NewAction returns what Ctrl+N starts on the current screen, or nil.
func (e *Env) NewAction() func() {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.create
}

// OnLanguageRequest sets what RequestLanguage does; the shell sets it to
// switch the localizer and rebuild every screen.
func (e *Env) OnLanguageRequest(fn func(code string)) {
	e.mu.Lock()
	e.language = fn
	e.mu.Unlock()
}

// RequestLanguage asks the shell to show the app in the language with the
// given code. Without a shell (a screen shown on its own) it only changes L.
// Call it on the UI goroutine; the screen that calls it is rebuilt.
func (e *Env) RequestLanguage(code string) {
	e.mu.RLock()
	fn := e.language
	e.mu.RUnlock()
	if fn != nil {
		fn(code)
		return
	}
	e.SetL(i18n.New(code))
}

// RTL reports whether the language shown is written right to left. With it
// an Env is a bidi.Dir, which the toolkit's helpers take.
func (e *Env) RTL() bool { return e.L().RTL() }

// Explain says what went wrong with err in the language shown (see
// ErrorText). With RTL it makes an Env the ui.Explainer a FieldError needs.
func (e *Env) Explain(err error) string { return ErrorText(e.L(), err) }

// Push shows a detail view through the navigator, or in the window when
// there is none (a screen shown on its own).
func (e *Env) Push(title string, content fyne.CanvasObject) {
	if e.Nav != nil {
		e.Nav.Push(title, content)
		return
	}
	if e.Win != nil {
		e.Win.SetContent(content)
	}
}
