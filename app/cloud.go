package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/community"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/config"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/screens"
)

// Environment variables that sign in at start instead of showing the
// sign-in screen (scripts/cloud-demo.sh sets them per window).
const (
	EnvEmail    = "REGULARS_EMAIL"
	EnvPassword = "REGULARS_PASSWORD"
)

// cloud is the app in cloud mode: it signs the member in (or up, or
// restores the saved session), then shows the shell on their Firestore
// store; it signs out and deletes the sign-in account. Its fields other
// than the settings belong to the UI goroutine, except what mu guards.
type cloud struct {
	win  fyne.Window
	cfg  config.Config
	auth *auth.Client
	file sessionFile
	lang string // Options.Lang
	code string // the language shown now
	// OnLanguage is told the language the member chose.
	onLanguage func(code string)
	// toUI hands work to the UI goroutine (fyne.Do; tests queue it).
	toUI    func(func())
	pending sync.WaitGroup // background work started by the cloud

	mu       sync.Mutex
	ts       *auth.TokenSource
	store    *fsstore.Store
	verified bool
	stop     context.CancelFunc // ends the watch of the shell on show

	shell  *Shell
	reauth *widget.PopUp // "sign in again" over the shell, while on show

	envs []*screens.Env // every screens' Env built, for waitScreens
}

func newCloud(win fyne.Window, cfg config.Config, dir, lang, code string) *cloud {
	return &cloud{win: win, cfg: cfg, auth: authClient(cfg), file: newSessionFile(dir, cfg),
		lang: lang, code: code, toUI: fyne.Do}
}

// background runs work off the UI goroutine and what it returns on it.
func (c *cloud) background(work func() func()) {
	c.pending.Add(1)
	go func() {
		defer c.pending.Done()
		if apply := work(); apply != nil {
			c.toUI(apply)
		}
	}()
}

// env is an environment for the screens shown before the shell.
func (c *cloud) env() *screens.Env {
	return c.newEnv(nil, community.Actor{})
}

// newEnv builds an Env for the screens and keeps it for waitScreens.
func (c *cloud) newEnv(svc *community.Service, actor community.Actor) *screens.Env {
	env := screens.NewEnv(svc, c.win, nil, actor, i18n.New(c.code))
	c.mu.Lock()
	c.envs = append(c.envs, env)
	c.mu.Unlock()
	return env
}

// waitScreens waits until the background work of every screen this cloud
// showed has returned (see screens.Env.Wait).
func (c *cloud) waitScreens() {
	c.mu.Lock()
	envs := append([]*screens.Env(nil), c.envs...)
	c.mu.Unlock()
	for _, env := range envs {
		env.Wait()
	}
}

// start shows the first screen: the community when a saved session is still
// good, else the sign-in screen (with the reason when the session ended).
func (c *cloud) start() {
	if email, pw := os.Getenv(EnvEmail), os.Getenv(EnvPassword); email != "" && pw != "" {
		// A developer's window (scripts/cloud-demo.sh runs two side by
		// side): nothing to keep, and two windows must not share a file.
		c.file = sessionFile{}
		c.background(func() func() {
			if err := c.SignIn(email, pw); err != nil {
				return func() {
					c.showSignIn(screens.SignInOptions{Email: email, Notice: screens.ErrorText(i18n.New(c.code), err)})
				}
			}
			return nil
		})
		return
	}
	saved, ok, err := c.file.Load()
	if err != nil || !ok {
		c.showSignIn(screens.SignInOptions{})
		return
	}
	c.win.SetContent(ui.NewEmptyState(theme.AccountIcon(), i18n.New(c.code).T("AppSigningIn"), "", nil))
	c.background(func() func() {
		ts := c.auth.TokenSource(saved, auth.OnRefresh(c.keep))
		sess, err := ts.Refresh(context.Background())
		if err == nil {
			err = c.enter(ts, sess, "")
		}
		if err == nil {
			return nil
		}
		l := i18n.New(c.code)
		notice := screens.ErrorText(l, authRefusal(err))
		if errors.Is(err, auth.ErrSessionExpired) {
			_ = c.file.Remove()
			notice = l.T("AppSessionEnded")
		}
		return func() { c.showSignIn(screens.SignInOptions{Email: saved.Email, Notice: notice}) }
	})
}

// resumed runs when the app is back from the background (a phone's app
// switcher, a laptop's sleep): the ID token may have expired meanwhile, so
// a new one is fetched now rather than on the member's first request. A
// session that ended meanwhile asks the member to sign in again (idToken).
// The shell checks the member's due event reminders.
func (c *cloud) resumed() {
	if c.shell != nil {
		c.shell.EnteredForeground()
	}
	c.mu.Lock()
	ts := c.ts
	c.mu.Unlock()
	if ts == nil {
		return
	}
	c.background(func() func() {
		_, _ = c.idToken(ts)(context.Background())
		return nil
	})
}

// paused runs when the app leaves the foreground.
func (c *cloud) paused() {
	if c.shell != nil {
		c.shell.ExitedForeground()
	}
}

// keep saves every new refresh token (TokenSource's OnRefresh).
func (c *cloud) keep(s auth.Session) {
	if err := c.file.Save(s); err != nil {
		fyne.LogError("keep the session", err) // names the file, never the token
	}
}

func (c *cloud) showSignIn(opts screens.SignInOptions) {
	// A café's own build welcomes the member to the café by its name and
	// icon (before signing in nothing of the community can be read).
	if a := fyne.CurrentApp(); a != nil {
		if m := a.Metadata(); m.Name != "" && m.Name != "Regulars" {
			opts.Cafe = m.Name
			if m.Icon != nil {
				opts.Logo = m.Icon.Content()
			}
		}
	}
	c.win.SetContent(screens.NewSignIn(c.env(), c, opts))
}

// SignIn implements screens.Accounts.
func (c *cloud) SignIn(email, password string) error {
	sess, err := c.auth.SignIn(context.Background(), strings.TrimSpace(email), password)
	if err != nil {
		return authRefusal(err)
	}
	c.keep(sess)
	return c.enter(c.auth.TokenSource(sess, auth.OnRefresh(c.keep)), sess, "")
}

// SignUp implements screens.Accounts: it creates the account, sends the
// verification email and joins the community under name, then shows
// "check your inbox".
func (c *cloud) SignUp(name, email, password string) error {
	if err := community.CheckName("name", name, community.MaxNameLen); err != nil {
		return err
	}
	ctx := context.Background()
	sess, err := c.auth.SignUp(ctx, strings.TrimSpace(email), password)
	if err != nil {
		return authRefusal(err)
	}
	c.keep(sess)
	if err := c.auth.SendEmailVerification(ctx, sess.IDToken); err != nil {
		// The account exists: the member can resend from "check your inbox".
		fyne.LogError("send the verification email", err)
	}
	return c.enter(c.auth.TokenSource(sess, auth.OnRefresh(c.keep)), sess, strings.TrimSpace(name))
}

// SendPasswordReset implements screens.Accounts. An unknown address is no
// error: strangers must not learn who has an account.
func (c *cloud) SendPasswordReset(email string) error {
	email = strings.TrimSpace(email)
	if email == "" {
		return &community.ValidationError{Field: "email", Reason: "required"}
	}
	err := c.auth.SendPasswordReset(context.Background(), email)
	if errors.Is(err, auth.ErrBadCredentials) {
		return nil
	}
	return authRefusal(err)
}

// enter dials Firestore as the member, joins the community on the first
// sign-in (under name, or the email's local part), and shows the shell, or
// "check your inbox" while the email is not verified and name is set (a
// new account). Off the UI goroutine.
func (c *cloud) enter(ts *auth.TokenSource, sess auth.Session, name string) error {
	ctx := context.Background()
	acc, err := c.auth.Lookup(ctx, sess.IDToken)
	if err != nil {
		return authRefusal(err)
	}
	if sess.Email == "" {
		sess.Email = acc.Email
	}
	store, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: c.cfg.Project, CommunityID: c.cfg.Community,
		Endpoint: c.cfg.FirestoreEndpoint, IDToken: c.idToken(ts), MemberID: sess.UID})
	if err != nil {
		return fmt.Errorf("%w: %v", community.ErrUnavailable, err)
	}
	svc := community.NewService(store)
	m, err := svc.Member(ctx, community.Actor{ID: sess.UID}, sess.UID)
	if errors.Is(err, community.ErrNotFound) {
		if name == "" {
			name = strings.SplitN(sess.Email, "@", 2)[0]
		}
		m, err = svc.Join(ctx, sess.UID, community.Profile{Name: name, Lang: c.code})
	}
	if err != nil {
		_ = store.Close()
		return err
	}
	c.mu.Lock()
	c.ts, c.store, c.verified = ts, store, acc.EmailVerified
	c.mu.Unlock()
	newAccount := name != ""
	c.toUI(func() {
		c.showShell(svc, m)
		if newAccount && !acc.EmailVerified {
			c.ConfirmEmail()
		}
	})
	return nil
}

// idToken is the store's token function: ts's, and when the session has
// ended (revoked, password changed) it asks the member to sign in again.
func (c *cloud) idToken(ts *auth.TokenSource) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		tok, err := ts.Token(ctx)
		if errors.Is(err, auth.ErrSessionExpired) {
			c.toUI(func() { c.sessionEnded(ts) })
		}
		return tok, err
	}
}

// sessionEnded asks the member to sign in again over what is on show, so
// that nothing typed is lost; the same member's new session then carries on
// in ts. Another account signing in starts afresh.
func (c *cloud) sessionEnded(ts *auth.TokenSource) {
	if c.reauth != nil || c.shell == nil {
		return
	}
	l := i18n.New(c.code)
	form := screens.NewSignIn(c.env(), reauth{c: c, ts: ts}, screens.SignInOptions{Email: ts.Session().Email, Notice: l.T("AppSessionEnded")})
	c.reauth = widget.NewModalPopUp(container.NewPadded(form), c.win.Canvas())
	c.reauth.Resize(fyne.NewSize(min(c.win.Canvas().Size().Width-32, 440), min(c.win.Canvas().Size().Height-32, 560)))
	c.reauth.Show()
}

// reauth signs the member in again after their session ended.
type reauth struct {
	c  *cloud
	ts *auth.TokenSource
}

func (r reauth) SignIn(email, password string) error {
	sess, err := r.c.auth.SignIn(context.Background(), strings.TrimSpace(email), password)
	if err != nil {
		return authRefusal(err)
	}
	if sess.UID == r.ts.Session().UID {
		r.ts.Replace(sess) // saves it through OnRefresh
		r.c.toUI(r.c.dismissReauth)
		return nil
	}
	r.afresh(func() error {
		r.c.keep(sess)
		return r.c.enter(r.c.auth.TokenSource(sess, auth.OnRefresh(r.c.keep)), sess, "")
	})
	return nil
}

func (r reauth) SignUp(name, email, password string) error {
	if err := community.CheckName("name", name, community.MaxNameLen); err != nil {
		return err
	}
	r.afresh(func() error { return r.c.SignUp(name, email, password) })
	return nil
}

// afresh closes what the old session showed, then runs start (which shows
// the new member's shell), or the sign-in screen when it fails.
func (r reauth) afresh(start func() error) {
	c := r.c
	c.toUI(func() {
		c.dismissReauth()
		c.close()
		c.background(func() func() {
			if err := start(); err != nil {
				return func() { c.showSignIn(screens.SignInOptions{Notice: screens.ErrorText(i18n.New(c.code), err)}) }
			}
			return nil
		})
	})
}

func (r reauth) SendPasswordReset(email string) error { return r.c.SendPasswordReset(email) }

func (c *cloud) dismissReauth() {
	if c.reauth != nil {
		c.reauth.Hide()
		c.reauth = nil
	}
}

// showShell builds the shell on svc for m and follows the store's changes.
func (c *cloud) showShell(svc *community.Service, m community.Member) {
	c.code = memberLanguage(c.lang, m.Lang, c.code)
	if a := fyne.CurrentApp(); a != nil {
		a.Settings().SetTheme(NewTheme(c.code))
	}
	env := c.newEnv(svc, m.Actor())
	env.Account = c
	c.shell = NewShell(c.win, env, LayoutAuto, nil)
	c.shell.OnLanguage = func(code string) {
		c.code = code
		if c.onLanguage != nil {
			c.onLanguage(code)
		}
	}
	c.shell.SetVerified(c.EmailVerified())
	ctx, stop := context.WithCancel(context.Background())
	c.mu.Lock()
	c.stop = stop
	c.mu.Unlock()
	shell := c.shell
	go func() {
		for ch := range svc.Watch(ctx) {
			c.toUI(func() { shell.Dispatch(ch) })
		}
	}()
}

// EmailVerified implements screens.Account.
func (c *cloud) EmailVerified() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.verified
}

// ConfirmEmail implements screens.Account: "check your inbox" over the
// shell, which stays as it was behind it.
func (c *cloud) ConfirmEmail() {
	if c.shell == nil {
		return
	}
	c.shell.Push(i18n.New(c.code).T("AppInboxTitle"), screens.NewCheckInbox(c.shell.Env(), inbox{c}))
}

// inbox is the cloud as the "check your inbox" screen sees it.
type inbox struct{ c *cloud }

func (i inbox) Email() string {
	i.c.mu.Lock()
	defer i.c.mu.Unlock()
	if i.c.ts == nil {
		return ""
	}
	return i.c.ts.Session().Email
}

func (i inbox) Resend() error {
	i.c.mu.Lock()
	ts := i.c.ts
	i.c.mu.Unlock()
	if ts == nil {
		return auth.ErrSessionExpired
	}
	tok, err := ts.Token(context.Background())
	if err == nil {
		err = i.c.auth.SendEmailVerification(context.Background(), tok)
	}
	return authRefusal(err)
}

// Verified gets a new ID token, whose email_verified claim the rules read,
// and asks Firebase whether the email is verified.
func (i inbox) Verified() (bool, error) {
	c := i.c
	c.mu.Lock()
	ts := c.ts
	c.mu.Unlock()
	if ts == nil {
		return false, authRefusal(auth.ErrSessionExpired)
	}
	ctx := context.Background()
	sess, err := ts.Refresh(ctx)
	if err != nil {
		return false, authRefusal(err)
	}
	acc, err := c.auth.Lookup(ctx, sess.IDToken)
	if err != nil {
		return false, authRefusal(err)
	}
	if !acc.EmailVerified {
		return false, nil
	}
	c.mu.Lock()
	c.verified = true
	c.mu.Unlock()
	c.toUI(func() {
		if c.shell != nil {
			c.shell.SetVerified(true)
			c.shell.Show("home")
		}
	})
	return true, nil
}

func (i inbox) LookAround() {
	if i.c.shell != nil {
		i.c.shell.Pop()
	}
}

func (i inbox) SignOut() { i.c.SignOut() }

// SignOut implements screens.Account: it stops the sync, forgets the
// session and shows the sign-in screen.
func (c *cloud) SignOut() {
	email := ""
	c.mu.Lock()
	if c.ts != nil {
		email = c.ts.Session().Email
	}
	c.mu.Unlock()
	c.close()
	if err := c.file.Remove(); err != nil {
		fyne.LogError("sign out", err)
	}
	c.showSignIn(screens.SignInOptions{Email: email})
}

// close ends the watch and the store of the member signed in.
func (c *cloud) close() {
	c.mu.Lock()
	stop, store := c.stop, c.store
	c.stop, c.store, c.ts, c.verified = nil, nil, nil, false
	c.mu.Unlock()
	if c.shell != nil {
		c.shell.Close() // its reminder checks would read a closed store
	}
	c.shell = nil
	c.dismissReauth()
	if stop != nil {
		stop()
	}
	if store != nil {
		_ = store.Close()
	}
}

// Delete implements screens.Account: it deletes the sign-in account (the
// member's data is already erased) and forgets the session.
func (c *cloud) Delete() error {
	c.mu.Lock()
	ts := c.ts
	c.mu.Unlock()
	if ts == nil {
		return authRefusal(auth.ErrSessionExpired)
	}
	ctx := context.Background()
	tok, err := ts.Token(ctx)
	if err == nil {
		err = c.auth.DeleteAccount(ctx, tok)
	}
	if err != nil {
		return authRefusal(err)
	}
	return c.file.Remove()
}

// Deleted implements screens.Account.
func (c *cloud) Deleted() {
	c.close()
	c.showSignIn(screens.SignInOptions{Notice: i18n.New(c.code).T("MeDeleted")})
}

// authRefusal turns an Auth failure into a validation error naming the
// field it concerns, so the form shows it there in the member's language
// (messages "Reason" + the auth package's reason code), or into the
// domain's ErrUnavailable.
func authRefusal(err error) error {
	switch reason := auth.Reason(err); reason {
	case "":
		return nil
	case "email_taken", "invalid_email", "user_disabled":
		return &community.ValidationError{Field: "email", Reason: reason}
	case "bad_credentials", "weak_password":
		return &community.ValidationError{Field: "password", Reason: reason}
	case "rate_limited", "session_expired":
		return &community.ValidationError{Field: "sign_in", Reason: reason}
	case "unavailable":
		return fmt.Errorf("%w: %v", community.ErrUnavailable, err)
	}
	return err
}

// runCloud shows the app on Firestore as cfg says.
func runCloud(a fyne.App, cfg config.Config, opts Options, code string) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	dir, err := storageDir(a)
	if err != nil {
		return err
	}
	title := a.Metadata().Name
	if title == "" {
		title = "Regulars"
	}
	if opts.Profile != "" && opts.Profile != "member" {
		title += " (" + opts.Profile + ")"
	}
	win := a.NewWindow(title)
	win.Resize(fyne.NewSize(1100, 760))
	c := newCloud(win, cfg, dir, opts.Lang, code)
	c.onLanguage = func(code string) { a.Preferences().SetString(prefLanguage, code) }
	defer c.close()
	a.Lifecycle().SetOnStarted(c.start)
	a.Lifecycle().SetOnEnteredForeground(c.resumed)
	a.Lifecycle().SetOnExitedForeground(c.paused)
	win.ShowAndRun()
	return nil
}

// memberLanguage is the language to show once a member has signed in: the
// -lang flag when given, else the language saved in the member's profile
// (chosen on another device, or by the member when they joined), else the
// one the sign-in screen was shown in.
func memberLanguage(flag, saved, current string) string {
	if l, ok := i18n.Lookup(flag); ok {
		return l.Code
	}
	if l, ok := i18n.Lookup(saved); ok {
		return l.Code
	}
	return current
}
