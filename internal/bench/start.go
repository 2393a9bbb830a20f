package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Display is a virtual X display the start measurements run on, its
// framebuffer kept in a file (Xvfb -fbdir) that the measurements read.
type Display struct {
	Name  string // ":97"
	fbdir string
	cmd   *exec.Cmd
}

// StartDisplay starts Xvfb on the first free display from :97 on, with its
// framebuffer in a temporary folder. Stop ends it.
func StartDisplay(ctx context.Context) (*Display, error) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		return nil, errors.New("no Xvfb on the PATH: run `make deps` (xvfb)")
	}
	dir, err := os.MkdirTemp("", "regulars-bench-fb-")
	if err != nil {
		return nil, err
	}
	for n := 97; n < 120; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue // in use
		}
		d := &Display{Name: fmt.Sprintf(":%d", n), fbdir: dir}
		d.cmd = exec.Command("Xvfb", d.Name, "-screen", "0", "1280x1024x24", "-fbdir", dir, "-nolisten", "tcp")
		d.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
		if err := d.cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb: %w", err)
		}
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if _, err := readFrame(screenFile(dir)); err == nil {
				return d, nil
			}
		}
		d.Stop()
	}
	os.RemoveAll(dir)
	return nil, fmt.Errorf("no free display for Xvfb from :97 to :119")
}

// Stop ends the Xvfb StartDisplay started.
func (d *Display) Stop() {
	if d != nil && d.cmd != nil && d.cmd.Process != nil {
		_ = d.cmd.Process.Kill()
		_ = d.cmd.Wait()
		_ = os.RemoveAll(d.fbdir)
	}
}

// StartRun is one start of a GUI program.
type StartRun struct {
	Content time.Duration // exec → the first frame showing what it settled on
	RSSMB   float64       // VmRSS once settled
	Frames  int           // distinct frames seen
}

// ColdStart runs bin with args on the display with a fresh HOME and config
// folder (no preferences, no data: the app seeds its demo community, as on a
// first launch). See StartIn.
func ColdStart(ctx context.Context, d *Display, bin string, args []string) (StartRun, error) {
	home, err := os.MkdirTemp("", "regulars-bench-home-")
	if err != nil {
		return StartRun{}, err
	}
	defer os.RemoveAll(home)
	return StartIn(ctx, d, home, bin, args)
}

// StartIn runs bin with args on the display with HOME at home (kept
// afterwards: a second start there finds the first one's data and
// preferences) and reads the display's framebuffer from exec on, as fast as
// it can, until the picture has not changed for 2 s. The start is the time
// of the first frame from which on the screen shows what it settled on (a
// window with its content, painted): for Regulars the member's home with
// her name and points, for fyne_demo its welcome page. RSS is read then, and
// the program killed.
func StartIn(ctx context.Context, d *Display, home, bin string, args []string) (StartRun, error) {
	var run StartRun
	args = append([]string(nil), args...)
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "$HOME", home)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.Name, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local/share"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	path := screenFile(d.fbdir)
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return run, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
		}
	}()
	var frames []frame
	lastChange := time.Now()
	badReads := 0
	for {
		select {
		case err := <-exited:
			return run, fmt.Errorf("%s exited before it settled: %v", bin, err)
		case <-ctx.Done():
			return run, ctx.Err()
		default:
		}
		f, err := readFrame(path)
		if err != nil {
			// A read can catch the header while Xvfb rewrites it: seen
			// once in ten starts, bits per pixel read as 0x20000000 (32
			// in the other byte order). Only a header that stays bad is
			// an error.
			if badReads++; badReads > 50 {
				return run, err
			}
			time.Sleep(2 * time.Millisecond)
			continue
		}
		badReads = 0
		f.at = time.Since(t0)
		if len(frames) == 0 || !equalCells(frames[len(frames)-1], f) {
			if len(frames) == 0 || !same(frames[len(frames)-1], f) {
				lastChange = time.Now()
			}
			frames = append(frames, f)
		}
		if time.Since(lastChange) > 2*time.Second && !blank(frames[len(frames)-1]) {
			break
		}
		if time.Since(t0) > 60*time.Second {
			return run, fmt.Errorf("%s: the screen had not settled after 60 s", bin)
		}
		time.Sleep(2 * time.Millisecond)
	}
	at, ok := firstFinal(frames)
	if !ok {
		return run, fmt.Errorf("%s: nothing painted", bin)
	}
	// BENCH_SHOTS keeps the settled screen of every start (an XWD image:
	// `convert xwd:file.xwd file.png`), to look at what was timed.
	if dir := os.Getenv("BENCH_SHOTS"); dir != "" {
		if data, err := os.ReadFile(path); err == nil {
			name := fmt.Sprintf("%s-%d.xwd", filepath.Base(bin), time.Now().UnixNano())
			_ = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
	}
	run.Content, run.Frames = at, len(frames)
	rss, err := vmRSS(cmd.Process.Pid)
	if err != nil {
		return run, err
	}
	run.RSSMB = float64(rss) / 1024
	return run, nil
}

func equalCells(a, b frame) bool { return string(a.cells) == string(b.cells) }

// vmRSS reads the resident set size of pid in kB.
func vmRSS(pid int) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}
