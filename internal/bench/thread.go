package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// ThreadRun is how fast the 10,000-post thread screen shows, each figure
// from a process of its own (ThreadChild).
type ThreadRun struct {
	ColdOpen  []time.Duration // NewThread → the first page laid out and painted, the first open in the process
	ScrollEnd []time.Duration // ScrollToBottom → the newest post laid out and painted
	WarmOpen  []time.Duration // the same thread opened again in the same process
	LongPost  []time.Duration // one 10,000-character post laid out and painted at a phone's width
	// The process's CPU time during ColdOpen, ScrollEnd and LongPost.
	ColdOpenCPU, ScrollEndCPU, LongPostCPU []time.Duration
	Chars                                  int // characters in the thread's posts
}

// ThreadChildArg makes the bench binary a thread child (ThreadChild).
const ThreadChildArg = "thread-child"

// phone is the window size of the thread measurements (a phone in portrait).
var phone = fyne.NewSize(390, 844)

// SeedThread writes the demo café into a new embedded store in dir and a
// thread of posts posts with bodies as members write them (PostBody: 20 to
// 3,000 characters, Markdown, a tenth in Arabic, a tenth in Japanese), the
// newest one LongPost(10,000). It returns the store's path, the thread and
// the characters written.
func SeedThread(ctx context.Context, dir string, posts int) (path, threadID string, chars int, err error) {
	path = filepath.Join(dir, "thread.db")
	store, err := local.Open(path, local.WithNoSync())
	if err != nil {
		return "", "", 0, err
	}
	defer store.Close()
	if err := demo.Seed(ctx, store, demo.Now); err != nil {
		return "", "", 0, err
	}
	svc := community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	m, err := store.Member(ctx, demo.MemberID)
	if err != nil {
		return "", "", 0, err
	}
	me := m.Actor()
	rng := rand.New(rand.NewPCG(10, 10_000))
	first := PostBody(rng, PostLength(rng))
	th, err := svc.StartThread(ctx, me, "general", "The long thread", first)
	if err != nil {
		return "", "", 0, err
	}
	chars = len([]rune(first))
	for i := 2; i <= posts; i++ {
		body := PostBody(rng, PostLength(rng))
		if i == posts {
			body = LongPost(10_000)
		}
		chars += len([]rune(body))
		if _, err := store.AddPost(ctx, community.Post{ID: fmt.Sprintf("p%05d", i), ThreadID: th.ID, AuthorID: me.ID,
			AuthorName: me.Name, Body: body, At: demo.Now}); err != nil {
			return "", "", 0, err
		}
	}
	return path, th.ID, chars, nil
}

// Thread seeds the thread (SeedThread) and runs the bench binary self as a
// thread child runs times, each child a fresh process.
func Thread(ctx context.Context, dir, self string, posts, runs int) (ThreadRun, error) {
	var run ThreadRun
	path, id, chars, err := SeedThread(ctx, dir, posts)
	if err != nil {
		return run, err
	}
	run.Chars = chars
	for i := range runs {
		cmd := exec.CommandContext(ctx, self, ThreadChildArg, path, id)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return run, fmt.Errorf("thread child %d: %w", i, err)
		}
		var c threadChildResult
		if err := json.Unmarshal(out, &c); err != nil {
			return run, fmt.Errorf("thread child %d: %w (%q)", i, err, out)
		}
		run.ColdOpen = append(run.ColdOpen, c.ColdOpen)
		run.ScrollEnd = append(run.ScrollEnd, c.ScrollEnd)
		run.WarmOpen = append(run.WarmOpen, c.WarmOpen)
		run.LongPost = append(run.LongPost, c.LongPost)
		run.ColdOpenCPU = append(run.ColdOpenCPU, c.ColdOpenCPU)
		run.ScrollEndCPU = append(run.ScrollEndCPU, c.ScrollEndCPU)
		run.LongPostCPU = append(run.LongPostCPU, c.LongPostCPU)
	}
	return run, nil
}

type threadChildResult struct {
	ColdOpen, ScrollEnd, WarmOpen, LongPost time.Duration
	// The CPU time the process spent on each (user and system, all
	// threads): on a shared machine, less of it is other programs' doing.
	ColdOpenCPU, ScrollEndCPU, LongPostCPU time.Duration
}

// cpuTime is the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ThreadChild is one fresh process: it opens the embedded store at path (as
// the app does, fsync on), paints the member's home as the app does at
// start, then opens thread id with screens.NewThread in the Fyne test driver
// (software painter, phone size): the clock runs from the constructor until
// its loads were applied and the window painted (Capture). Then it scrolls
// to the end the same way, opens the thread once more, and lays out and
// paints LongPost(10,000) alone. It prints the times as JSON on stdout.
func ThreadChild(path, id string) error {
	ctx := context.Background()
	store, err := local.Open(path)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	m, err := store.Member(ctx, demo.MemberID)
	if err != nil {
		return err
	}
	me := m.Actor()
	app := uitest.NewApp()
	defer app.Quit()
	var res threadChildResult

	win := test.NewWindow(nil)
	win.Resize(phone)
	env := screens.NewEnv(svc, win, nopNav{}, me, i18n.New("en"))
	app.Track(env)
	win.SetContent(screens.NewHome(env))
	app.Settle()
	win.Canvas().Capture()
	env.CloseAll()

	open := func() (fyne.CanvasObject, time.Duration, error) {
		t0 := time.Now()
		view := screens.NewThread(env, id)
		win.SetContent(view)
		app.Settle()
		win.Content().Refresh() // rows measured while loading change the layout
		app.Settle()
		win.Canvas().Capture()
		d := time.Since(t0)
		if !screenHas(view, "The long thread") {
			return nil, d, fmt.Errorf("the thread's title is not on screen after opening")
		}
		return view, d, nil
	}
	c0 := cpuTime()
	view, d, err := open()
	if err != nil {
		return err
	}
	res.ColdOpen, res.ColdOpenCPU = d, cpuTime()-c0
	list := findList(view)
	if list == nil {
		return fmt.Errorf("no widget.List in the thread screen")
	}
	t0, c0 := time.Now(), cpuTime()
	list.ScrollToBottom()
	app.Settle()
	list.ScrollToBottom() // rows measured on the way may have moved the end
	app.Settle()
	win.Canvas().Capture()
	res.ScrollEnd, res.ScrollEndCPU = time.Since(t0), cpuTime()-c0
	if last := []rune(LongPost(10_000)); !screenHas(view, string(last[len(last)-12:])) {
		return fmt.Errorf("the newest post's end is not on screen after scrolling to the end")
	}
	env.CloseAll()
	if _, res.WarmOpen, err = open(); err != nil {
		return err
	}
	env.CloseAll()

	text := LongPost(10_000)
	t0, c0 = time.Now(), cpuTime()
	post := ui.NewMarkdown(text)
	win.SetContent(container.NewVScroll(post))
	win.Canvas().Capture()
	res.LongPost, res.LongPostCPU = time.Since(t0), cpuTime()-c0
	if h := post.MinSize().Height; h < 5*phone.Height {
		return fmt.Errorf("the long post is %.0f high: not laid out at the phone's width", h)
	}
	win.Close()
	return json.NewEncoder(os.Stdout).Encode(res)
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
