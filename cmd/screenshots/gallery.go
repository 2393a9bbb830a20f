package main

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/app"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// shot is one screen to capture: a place, or a detail view pushed over one.
type shot struct {
	name   string
	member string // who looks at it
	place  string
	detail func(*screens.Env) (title string, content fyne.CanvasObject)
	alone  func(*screens.Env) fyne.CanvasObject // a screen shown without the shell
}

func shots() []shot {
	out := []shot{}
	for _, p := range app.Places() {
		who := demo.MemberID
		if p.StaffOnly {
			who = demo.OwnerID
		}
		out = append(out, shot{name: p.ID, member: who, place: p.ID})
	}
	detail := func(name, place string, f func(*screens.Env) (string, fyne.CanvasObject)) shot {
		return shot{name: name, member: demo.MemberID, place: place, detail: f}
	}
	ownerDetail := func(name, place string, f func(*screens.Env) (string, fyne.CanvasObject)) shot {
		return shot{name: name, member: demo.OwnerID, place: place, detail: f}
	}
	return append(out,
		shot{name: "signin", member: demo.MemberID, alone: func(env *screens.Env) fyne.CanvasObject {
			return screens.NewSignIn(env, shotAccounts{}, screens.SignInOptions{Cafe: demo.Community().Name, Logo: demo.Community().Brand.Logo})
		}},
		shot{name: "signup", member: demo.MemberID, alone: func(env *screens.Env) fyne.CanvasObject {
			return screens.NewSignIn(env, shotAccounts{}, screens.SignInOptions{SignUp: true, Cafe: demo.Community().Name, Logo: demo.Community().Brand.Logo})
		}},
		shot{name: "reset", member: demo.MemberID, alone: func(env *screens.Env) fyne.CanvasObject {
			return screens.NewSignIn(env, shotAccounts{}, screens.SignInOptions{Reset: true, Email: "sam@example.com"})
		}},
		shot{name: "check-inbox", member: demo.MemberID, alone: func(env *screens.Env) fyne.CanvasObject {
			return screens.NewCheckInbox(env, shotInbox{})
		}},
		detail("loyalty", "home", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("LoyaltyTitle"), screens.NewLoyalty(env)
		}),
		detail("event-detail", "events", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("EventTitle"), screens.NewEventDetail(env, "ev-latte")
		}),
		detail("stories", "home", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("HomeNewestStory"), screens.NewStories(env)
		}),
		detail("announcements", "home", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("HomeNews"), screens.NewAnnouncements(env)
		}),
		detail("announcement", "home", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("HomeNews"), screens.NewAnnouncementDetail(env, "an-winter-hours")
		}),
		detail("story", "home", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("HomeNewestStory"), screens.NewStoryDetail(env, "st-welcome")
		}),
		detail("thread", "forum", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("TabForum"), screens.NewThread(env, "th-welcome")
		}),
		// Being heard (issue 14): Amira's notices and their settings, the
		// forum search (an accent-free query finds "café"), the owner's view
		// of what members said.
		detail("notifications-list", "me", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("NoticesTitle"), screens.NewNotices(env)
		}),
		detail("notifications-feedback", "me", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("MyFeedbackTitle"), screens.NewMyFeedback(env)
		}),
		detail("search-empty", "forum", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("SearchTitle"), screens.NewSearch(env)
		}),
		detail("search-results", "forum", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("SearchTitle"), screens.NewSearchFor(env, "cafe")
		}),
		// The open poll as Priya sees it, who has voted: the results as
		// bars with their counts and shares, her vote marked (issue 15).
		shot{name: "polls-voted", member: "mem-priya", place: "polls"},
		ownerDetail("insights-feedback", "insights", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("InsightsFeedbackTitle"), screens.NewInsightsFeedback(env)
		}),
		ownerDetail("member-profile", "members", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("NavMembers"), screens.NewMemberProfile(env, demo.MemberID)
		}),
		ownerDetail("event-admin", "events-manager", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("NavEventsManager"), screens.NewEventAdmin(env, "ev-latte")
		}),
		// The counter with Amira's card scanned (her birthday, her usual),
		// and with a reward code her phone shows.
		ownerDetail("counter-card", "counter", func(env *screens.Env) (string, fyne.CanvasObject) {
			return env.L().T("NavCounter"), screens.NewCounterFor(env, community.MemberCode(demo.MemberID))
		}),
		ownerDetail("counter-code", "counter", func(env *screens.Env) (string, fyne.CanvasObject) {
			amira := community.Actor{ID: demo.MemberID, Role: community.RoleMember}
			code, err := env.Svc.RewardCode(context.Background(), amira, "cookie")
			if err != nil {
				code = err.Error()
			}
			return env.L().T("NavCounter"), screens.NewCounterFor(env, code)
		}),
	)
}

// screenshots renders every screen (member and owner where it applies) at
// phone and desktop size in each language, with Fyne's test driver, on the
// demo community with demo.Now as the clock. It writes
// <screen>-<phone|desktop>-<lang>.png into dir and returns the files
// written. only, when not empty, limits the screens by name.
func screenshots(dir string, langs, themes, only []string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	svc, closeStore, err := seeded()
	if err != nil {
		return nil, err
	}
	defer closeStore()
	brand := demo.Community().Brand

	// The harness queues what the screens hand to fyne.Do until Settle
	// runs it here: Fyne's test driver would run it at once on the worker
	// goroutine, racing with the goroutine that drives and captures the
	// window.
	a := uitest.NewApp()
	defer a.Quit()

	var files []string
	var errs []error
	for _, code := range langs {
		if _, ok := i18n.Lookup(code); !ok {
			errs = append(errs, fmt.Errorf("unknown language %q", code))
			continue
		}
		for _, variant := range themes {
			v, suffix := theme.VariantLight, ""
			switch variant {
			case "light":
			case "dark":
				v, suffix = theme.VariantDark, "-dark"
			default:
				errs = append(errs, fmt.Errorf("unknown theme %q", variant))
				continue
			}
			a.Settings().SetTheme(app.NewTheme(code).WithVariant(v).WithBrand(brand))
			a.Settle() // the test driver hands the theme's listeners to fyne.Do
			for _, sh := range shots() {
				if len(only) > 0 && !slices.Contains(only, sh.name) {
					continue
				}
				for _, form := range []struct {
					name   string
					layout app.Layout
					size   fyne.Size
				}{{"phone", app.LayoutPhone, app.PhoneSize}, {"desktop", app.LayoutDesktop, app.DesktopSize}} {
					file := filepath.Join(dir, fmt.Sprintf("%s-%s-%s%s.png", sh.name, form.name, code, suffix))
					if err := capture(a, svc, sh, code, form.layout, form.size, file); err != nil {
						errs = append(errs, fmt.Errorf("%s: %w", file, err))
						continue
					}
					files = append(files, file)
				}
			}
		}
	}
	return files, errors.Join(errs...)
}

func capture(a *uitest.App, svc *community.Service, sh shot, code string, layout app.Layout, size fyne.Size, file string) error {
	win, done, err := render(a, svc, sh, code, layout, size)
	if err != nil {
		return err
	}
	defer done()
	img := win.Canvas().Capture()
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// render shows one shot in a test window at size, settled; done closes it.
func render(a *uitest.App, svc *community.Service, sh shot, code string, layout app.Layout, size fyne.Size) (win fyne.Window, done func(), err error) {
	m, err := svc.Member(context.Background(), community.Actor{ID: sh.member}, sh.member)
	if err != nil {
		return nil, nil, err
	}
	win = test.NewWindow(nil)
	win.Resize(size)
	env := screens.NewEnv(svc, win, nil, m.Actor(), i18n.New(code))
	a.Track(env)
	if sh.alone != nil {
		env.SetPhone(layout == app.LayoutPhone)
		app.SetTouch(layout == app.LayoutPhone)
		a.Settle()
		win.SetContent(sh.alone(env))
	} else {
		shell := app.NewShell(win, env, layout, app.LocalProfiles())
		shell.Show(sh.place)
		a.Settle()
		if sh.detail != nil {
			shell.Push(sh.detail(env))
		}
	}
	a.Settle()
	win.Resize(size)
	win.Content().Refresh()
	a.Settle()
	return win, func() { env.CloseAll(); win.Close() }, nil
}

// seeded opens a demo community in a temporary store, with demo.Now as the
// service's clock.
func seeded() (*community.Service, func(), error) {
	tmp, err := os.MkdirTemp("", "regulars-shots")
	if err != nil {
		return nil, nil, err
	}
	store, err := local.Open(filepath.Join(tmp, "demo.db"), local.WithNoSync())
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, err
	}
	done := func() { store.Close(); os.RemoveAll(tmp) }
	if err := demo.Seed(context.Background(), store, demo.Now); err != nil {
		done()
		return nil, nil, err
	}
	return community.NewService(store, community.WithClock(func() time.Time { return demo.Now })), done, nil
}

// shotAccounts and shotInbox stand in for Firebase Auth on the sign-in
// screens' pictures.
type shotAccounts struct{}

func (shotAccounts) SignIn(string, string) error         { return nil }
func (shotAccounts) SignUp(string, string, string) error { return nil }
func (shotAccounts) SendPasswordReset(string) error      { return nil }

type shotInbox struct{}

func (shotInbox) Email() string           { return "sam@example.com" }
func (shotInbox) Resend() error           { return nil }
func (shotInbox) Verified() (bool, error) { return false, nil }
func (shotInbox) LookAround()             {}
func (shotInbox) SignOut()                {}
