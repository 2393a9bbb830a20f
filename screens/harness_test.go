package screens

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui/uitest"
)

// settle waits for the background work of the fixtures' Envs and runs what
// it handed to fyne.Do, until none is left (see uitest.App.Settle).
func settle() { uitest.Settle() }

// testNav records pushed views and shows the newest in the window.
type testNav struct {
	win    fyne.Window
	titles []string
	views  []fyne.CanvasObject
}

func (n *testNav) Push(title string, content fyne.CanvasObject) {
	n.titles = append(n.titles, title)
	n.views = append(n.views, content)
	n.win.SetContent(content)
}

func (n *testNav) Pop() {
	if len(n.views) > 0 {
		n.views = n.views[:len(n.views)-1]
		n.titles = n.titles[:len(n.titles)-1]
	}
	if len(n.views) > 0 {
		n.win.SetContent(n.views[len(n.views)-1])
	}
}

func (n *testNav) Show(string) {}

// fixture is a seeded demo community on an embedded store in a temp dir,
// with its clock fixed at demo.Now.
type fixture struct {
	t     testing.TB
	app   *uitest.App
	store *local.Store
	svc   *community.Service
	win   fyne.Window
	nav   *testNav
}

var phoneSize, desktopSize = fyne.NewSize(390, 844), fyne.NewSize(1280, 800)

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := newBareFixture(t)
	if err := demo.Seed(context.Background(), f.store, demo.Now); err != nil {
		t.Fatal(err)
	}
	return f
}

// newBareFixture is an empty store with the fixed clock.
func newBareFixture(t testing.TB) *fixture {
	t.Helper()
	app := uitest.NewTempApp(t)
	store, err := local.Open(filepath.Join(t.TempDir(), "regulars.db"), local.WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { settle(); _ = store.Close() })
	svc := community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	win := test.NewTempWindow(t, nil)
	win.Resize(phoneSize)
	return &fixture{t: t, app: app, store: store, svc: svc, win: win, nav: &testNav{win: win}}
}

// env returns an Env acting as member id, speaking lang.
func (f *fixture) env(id, lang string) *Env {
	f.t.Helper()
	m, err := f.store.Member(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.newEnv(m.Actor(), i18n.New(lang))
}

// newEnv returns an Env for actor speaking loc, whose background work
// settle waits for.
func (f *fixture) newEnv(actor community.Actor, loc *i18n.Localizer) *Env {
	env := NewEnv(f.svc, f.win, f.nav, actor, loc)
	f.app.Track(env)
	return env
}

// actor returns member id as an actor.
func (f *fixture) actor(id string) community.Actor {
	f.t.Helper()
	m, err := f.store.Member(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return m.Actor()
}

// show puts content in the window at size and lets it load.
func (f *fixture) show(content fyne.CanvasObject, size fyne.Size) {
	f.win.SetContent(content)
	f.win.Resize(size)
	settle()
	f.win.Content().Refresh()
	settle()
}

// capture writes the window as a PNG into the folder REGULARS_SHOTS names,
// when set: for looking at a screen, not for asserting.
func (f *fixture) capture(name string) {
	dir := os.Getenv("REGULARS_SHOTS")
	if dir == "" {
		return
	}
	settle()
	img := f.win.Canvas().Capture()
	_ = os.MkdirAll(dir, 0o755)
	out, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		f.t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		f.t.Fatal(err)
	}
}

// watch subscribes to the store's changes; the function it returns
// forwards those pending to env's subscribers, as the app shell does.
func (f *fixture) watch(env *Env) func() {
	ctx, cancel := context.WithCancel(context.Background())
	f.t.Cleanup(cancel)
	ch := f.svc.Watch(ctx)
	return func() {
		settle()
		for {
			select {
			case c, ok := <-ch:
				if !ok {
					return
				}
				env.Dispatch(c)
				settle()
			case <-time.After(50 * time.Millisecond):
				return
			}
		}
	}
}
