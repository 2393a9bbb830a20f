// Package app is the composition root of Regulars: it chooses the backend,
// seeds the demo community in local mode, negotiates the language, applies
// the theme and builds the navigation shell around the screens.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/assets"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/screens"
)

// ID is the application ID of FyneApp.toml, for a binary that has no
// metadata of its build (see newFyneApp); a café's build has its own.
const ID = "app.regulars.community"

// prefLanguage is the preference that keeps the language the member chose.
const prefLanguage = "language"

// Options are what main passes from its flags.
type Options struct {
	Profile    string // local mode: "member" or "owner", who to start as; cloud mode: a name for the window
	Lang       string // a language code that overrides the saved choice
	DataPath   string // the local store's file; "" for the app's storage
	Cloud      bool   // insist on Firestore: fail when no cloud is configured
	Local      bool   // the local demo even when the build or the environment configures a cloud
	ConfigPath string // the cloud configuration file; "" for config's default
}

// Run negotiates the language and shows the app until its window closes:
// on Firestore when the build's settings, a -config file or the
// environment configure a cloud (see Settings; signing in first, see
// runCloud), else on the local store, seeding the demo community on first
// run.
func Run(opts Options) error {
	a := newFyneApp()
	if icon := a.Metadata().Icon; icon != nil {
		a.SetIcon(icon) // the café's icon, baked in by fyne package
	} else {
		a.SetIcon(assets.Icon)
	}
	code := Language(opts.Lang, a.Preferences().String(prefLanguage))
	a.Settings().SetTheme(NewTheme(code))
	// The shell's first text measurement loads the fonts and, on a first
	// start, indexes the system's fonts (for the scripts the theme's font
	// lacks): begun now, that runs beside the store's opening and the
	// window's creation instead of after them.
	go func() { _ = fyne.MeasureText(ID, theme.TextSize(), fyne.TextStyle{}) }()
	cfg, err := Settings(a.Metadata(), opts)
	if err != nil {
		return err
	}
	if !cfg.Local() {
		return runCloud(a, cfg, opts, code)
	}
	path := opts.DataPath
	if path == "" {
		dir, err := storageDir(a)
		if err != nil {
			return err
		}
		path = filepath.Join(dir, storeFile)
		if from, err := moveLegacy(path, legacyStorePaths(a.UniqueID())); err != nil {
			return err
		} else if from != "" {
			fyne.LogError("moved the local store from "+from+" to the app's storage", nil)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The store opens (on a first start: the demo community is seeded)
	// while the driver creates the window; the shell waits for it.
	opening := make(chan localSession, 1)
	go func() { opening <- openSession(ctx, path, opts.Profile) }()

	win := a.NewWindow("Regulars")
	win.Resize(fyne.NewSize(1100, 760))
	var sess localSession
	received := false
	// The shell is built once the app runs: its screens load in the
	// background and hand their results to fyne.Do, which needs the
	// driver's event loop.
	a.Lifecycle().SetOnStarted(func() {
		sess, received = <-opening, true
		if sess.err != nil {
			a.Quit()
			return
		}
		svc := sess.svc
		go expireDaily(ctx, svc)
		env := screens.NewEnv(svc, win, nil, sess.me, i18n.New(code))
		shell := NewShell(win, env, LayoutAuto, LocalProfiles())
		shell.OnLanguage = func(code string) { a.Preferences().SetString(prefLanguage, code) }
		a.Lifecycle().SetOnEnteredForeground(shell.EnteredForeground)
		a.Lifecycle().SetOnExitedForeground(shell.ExitedForeground)
		go func() {
			for c := range svc.Watch(ctx) {
				fyne.Do(func() { shell.Dispatch(c) })
			}
		}()
	})
	win.ShowAndRun()
	cancel()
	if !received { // the window closed before the app started
		sess = <-opening
	}
	if sess.store != nil {
		sess.store.Close()
	}
	return sess.err
}

// localSession is the local store opened for the app, and who it starts as.
type localSession struct {
	store *local.Store
	svc   *community.Service
	me    community.Actor
	err   error
}

// openSession opens (and on a first start seeds) the local store at path
// and finds the member that profile starts as.
func openSession(ctx context.Context, path, profile string) localSession {
	store, err := openLocal(ctx, path, time.Now())
	if err != nil {
		return localSession{err: err}
	}
	svc := community.NewService(store)
	memberID := demo.MemberID
	if profile == "owner" {
		memberID = demo.OwnerID
	}
	m, err := svc.Member(ctx, community.Actor{ID: memberID}, memberID)
	if err != nil {
		return localSession{store: store, err: fmt.Errorf("sign in as %s: %w", memberID, err)}
	}
	return localSession{store: store, svc: svc, me: m.Actor()}
}

// expireDaily runs the community's points expiry (a notice a week before,
// then the lapse) now and every day until ctx ends: in local mode the app
// is the only process that could. On Firestore the admin subcommand
// expire-points does it, since it reads every member.
func expireDaily(ctx context.Context, svc *community.Service) {
	owner := community.Actor{ID: demo.OwnerID, Role: community.RoleOwner}
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		if _, err := svc.ExpirePoints(ctx, owner); err != nil && ctx.Err() == nil {
			fyne.LogError("points expiry", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// LocalProfiles are the people local mode lets one person act as.
func LocalProfiles() []Profile {
	return []Profile{{Title: "AppProfileMember", MemberID: demo.MemberID}, {Title: "AppProfileOwner", MemberID: demo.OwnerID}}
}

// Language picks the language to show: the flag, else the saved choice,
// else the best match for the system's languages (the POSIX environment,
// then Fyne's system locale), else English.
func Language(flag, saved string) string {
	if l, ok := i18n.Lookup(flag); ok {
		return l.Code
	}
	prefs := i18n.SystemLanguages()
	if sys := string(lang.SystemLocale()); sys != "" {
		prefs = append(prefs, sys)
	}
	return i18n.Negotiate(saved, prefs).Code
}

// openLocal opens the embedded store at path, seeding the demo community on
// the first run. The demo is written to a file beside it without a disk sync
// per record (they made up most of a first start), synced once, and renamed
// into place: a crash while seeding leaves no half-seeded community behind.
func openLocal(ctx context.Context, path string, now time.Time) (*local.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := seedFile(ctx, path, now); err != nil {
			return nil, fmt.Errorf("seed the demo community: %w", err)
		}
	}
	store, err := local.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open the local store: %w", err)
	}
	if !demo.Seeded(ctx, store) { // a file from before the demo, or emptied
		if err := demo.Seed(ctx, store, now); err != nil {
			store.Close()
			return nil, fmt.Errorf("seed the demo community: %w", err)
		}
	}
	return store, nil
}

func seedFile(ctx context.Context, path string, now time.Time) error {
	tmp := path + ".seeding"
	_ = os.Remove(tmp) // left by a crash during an earlier first start
	s, err := local.Open(tmp, local.WithNoSync())
	if err != nil {
		return err
	}
	err = demo.Seed(ctx, s, now)
	if err == nil {
		err = s.Sync()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
