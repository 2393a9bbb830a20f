package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// ThreadRun is how fast the 10,000-post thread screen shows.
type ThreadRun struct {
	Render    []time.Duration // constructor → first page laid out and painted
	ScrollEnd []time.Duration // ScrollToBottom → the newest post laid out and painted
	// The painting's share (Capture: the software painter draws the window).
	RenderPaint, ScrollPaint []time.Duration
}

// phone is the window size of the thread measurements (a phone in portrait).
var phone = fyne.NewSize(390, 844)

// Thread seeds an embedded store in dir with the demo café and a thread of
// posts posts, then opens it runs times with screens.NewThread in the Fyne
// test driver (software painter): each run builds the screen, waits until
// its background loads have been applied, and paints the window (Capture);
// then scrolls to the end the same way. It checks that the first and the
// last posts are on screen.
func Thread(ctx context.Context, dir string, posts, runs int) (ThreadRun, error) {
	var run ThreadRun
	store, err := local.Open(filepath.Join(dir, "thread.db"), local.WithNoSync())
	if err != nil {
		return run, err
	}
	defer store.Close()
	if err := demo.Seed(ctx, store, demo.Now); err != nil {
		return run, err
	}
	svc := community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	m, err := store.Member(ctx, demo.MemberID)
	if err != nil {
		return run, err
	}
	me := m.Actor()
	th, err := svc.StartThread(ctx, me, "general", "The long thread", "post 1")
	if err != nil {
		return run, err
	}
	for i := 2; i <= posts; i++ {
		if _, err := store.AddPost(ctx, community.Post{ID: fmt.Sprintf("p%05d", i), ThreadID: th.ID, AuthorID: me.ID,
			AuthorName: me.Name, Body: fmt.Sprintf("post %d", i), At: demo.Now}); err != nil {
			return run, err
		}
	}

	// The screens' test harness: fyne.Do runs inline in Fyne's test driver,
	// on the goroutine that calls it, so two background loads would change
	// widgets at the same time; the harness queues those functions for
	// Settle, which runs them on this goroutine, the UI goroutine.
	app := uitest.NewApp()
	defer app.Quit()
	for range runs {
		win := test.NewWindow(nil)
		win.Resize(phone)
		env := screens.NewEnv(svc, win, nopNav{}, me, i18n.New("en"))
		app.Track(env)

		t0 := time.Now()
		view := screens.NewThread(env, th.ID)
		win.SetContent(view)
		win.Resize(phone)
		app.Settle()
		win.Content().Refresh() // rows measured while loading change the layout
		app.Settle()
		laid := time.Since(t0)
		win.Canvas().Capture()
		run.Render = append(run.Render, time.Since(t0))
		run.RenderPaint = append(run.RenderPaint, time.Since(t0)-laid)
		if !shows(view, "post 1") {
			return run, fmt.Errorf("the thread's first post is not on screen after opening")
		}

		list := findList(view)
		if list == nil {
			return run, fmt.Errorf("no widget.List in the thread screen")
		}
		t0 = time.Now()
		list.ScrollToBottom()
		app.Settle()
		list.ScrollToBottom() // rows measured on the way may have moved the end
		app.Settle()
		laid = time.Since(t0)
		win.Canvas().Capture()
		run.ScrollEnd = append(run.ScrollEnd, time.Since(t0))
		run.ScrollPaint = append(run.ScrollPaint, time.Since(t0)-laid)
		if want := fmt.Sprintf("post %d", posts); !shows(view, want) {
			return run, fmt.Errorf("%q is not on screen after scrolling to the end", want)
		}
		env.CloseAll()
		win.Close()
	}
	return run, nil
}

func findList(o fyne.CanvasObject) *widget.List {
	switch v := o.(type) {
	case *widget.List:
		return v
	case *fyne.Container:
		for _, c := range v.Objects {
			if l := findList(c); l != nil {
				return l
			}
		}
	}
	return nil
}

// shows reports whether text is on screen under o: the visible canvas texts
// of the tree (rendered children included), in order, read it as a run of
// whole words.
func shows(o fyne.CanvasObject, text string) bool {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if t, ok := c.(*canvas.Text); ok {
			b.WriteString(" " + t.Text)
		}
	})
	return strings.Contains(b.String()+" ", " "+text+" ")
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, fn)
		}
	}
}

type nopNav struct{}

func (nopNav) Push(string, fyne.CanvasObject) {}
func (nopNav) Pop()                           {}
func (nopNav) Show(string)                    {}
