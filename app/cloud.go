package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/community"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/config"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/screens"
)

// Environment variables that sign in at start instead of showing the
// sign-in screen (scripts/cloud-demo.sh sets them per window).
const (
	EnvEmail    = "REGULARS_EMAIL"
	EnvPassword = "REGULARS_PASSWORD"
)

// cloud is the session of cloud mode: the Auth client, and once signed in
// the member's Firestore store.
type cloud struct {
	cfg   config.Config
	auth  *auth.Client
	code  string // language of a new member's profile
	store *fsstore.Store
}

// connect signs in (or up, when name is not empty), dials Firestore as the
// member and returns the service and the member, joining the community on
// first sign-in.
func (c *cloud) connect(ctx context.Context, email, password, name string) (*community.Service, community.Member, error) {
	var sess auth.Session
	var err error
	if name != "" {
		if err := community.CheckName("name", name, community.MaxNameLen); err != nil {
			return nil, community.Member{}, err
		}
		sess, err = c.auth.SignUp(ctx, strings.TrimSpace(email), password)
	} else {
		sess, err = c.auth.SignIn(ctx, strings.TrimSpace(email), password)
	}
	if err != nil {
		return nil, community.Member{}, authRefusal(err)
	}
	ts := c.auth.TokenSource(sess)
	store, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: c.cfg.Project, CommunityID: c.cfg.Community,
		Endpoint: c.cfg.FirestoreEndpoint, IDToken: ts.Token, MemberID: sess.UID})
	if err != nil {
		return nil, community.Member{}, fmt.Errorf("%w: %v", community.ErrUnavailable, err)
	}
	svc := community.NewService(store)
	me := community.Actor{ID: sess.UID}
	m, err := svc.Member(ctx, me, sess.UID)
	if errors.Is(err, community.ErrNotFound) {
		if name == "" {
			name = strings.SplitN(sess.Email, "@", 2)[0]
		}
		m, err = svc.Join(ctx, sess.UID, community.Profile{Name: name, Lang: c.code})
	}
	if err != nil {
		_ = store.Close()
		return nil, community.Member{}, err
	}
	c.store = store
	return svc, m, nil
}

// authRefusal turns a failed sign-in into a validation error naming the
// field it concerns, so the form shows it there in the member's language
// (messages "Reason" + the auth package's reason code).
func authRefusal(err error) error {
	switch reason := auth.Reason(err); reason {
	case "email_taken", "invalid_email", "user_disabled":
		return &community.ValidationError{Field: "email", Reason: reason}
	case "bad_credentials", "weak_password":
		return &community.ValidationError{Field: "password", Reason: reason}
	case "rate_limited":
		return &community.ValidationError{Field: "sign_in", Reason: reason}
	case "unavailable":
		return community.ErrUnavailable
	}
	return err
}

// runCloud shows the app on Firestore: it signs in from the environment
// when REGULARS_EMAIL and REGULARS_PASSWORD are set, else with the sign-in
// screen, then builds the shell.
func runCloud(a fyne.App, opts Options, code string) error {
	cfg, err := config.Load(opts.ConfigPath)
	if err != nil {
		return err
	}
	if cfg.Local() {
		return errors.New("-cloud: no cloud configured (see -config and the REGULARS_* environment variables)")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	c := &cloud{cfg: cfg, auth: cfg.AuthClient(), code: code}
	defer func() {
		if c.store != nil {
			_ = c.store.Close()
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	title := "Regulars"
	if opts.Profile != "" {
		title += " (" + opts.Profile + ")"
	}
	win := a.NewWindow(title)
	win.Resize(fyne.NewSize(1100, 760))
	start := func(svc *community.Service, m community.Member) {
		code := memberLanguage(opts.Lang, m.Lang, code)
		a.Settings().SetTheme(NewTheme(code))
		env := screens.NewEnv(svc, win, nil, m.Actor(), i18n.New(code))
		shell := NewShell(win, env, LayoutAuto, nil)
		shell.OnLanguage = func(code string) { a.Preferences().SetString(prefLanguage, code) }
		go func() {
			for ch := range svc.Watch(ctx) {
				fyne.Do(func() { shell.Dispatch(ch) })
			}
		}()
	}

	if email, pw := os.Getenv(EnvEmail), os.Getenv(EnvPassword); email != "" && pw != "" {
		svc, m, err := c.connect(ctx, email, pw, "")
		if err != nil {
			return fmt.Errorf("sign in as %s: %w", email, err)
		}
		// Once the app runs: the screens hand their loads to fyne.Do.
		a.Lifecycle().SetOnStarted(func() { start(svc, m) })
	} else {
		env := screens.NewEnv(nil, win, nil, community.Actor{}, i18n.New(code))
		win.SetContent(screens.NewSignIn(env, func(email, password, name string) error {
			svc, m, err := c.connect(ctx, email, password, name)
			if err != nil {
				return err
			}
			fyne.Do(func() { start(svc, m) })
			return nil
		}))
	}
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
