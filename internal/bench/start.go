package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Display is a virtual X display the start measurements run on.
type Display struct {
	Name string // ":99"
	cmd  *exec.Cmd
}

// StartDisplay starts Xvfb on name, or reuses an X server already answering
// there. Stop ends only a server it started.
func StartDisplay(ctx context.Context, name string) (*Display, error) {
	for _, tool := range []string{"Xvfb", "xwininfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s not found: run `make deps` (xvfb) and install x11-utils (xwininfo)", tool)
		}
	}
	d := &Display{Name: name}
	if d.answers() {
		return d, nil
	}
	d.cmd = exec.Command("Xvfb", name, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := d.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start Xvfb: %w", err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if d.answers() {
			return d, nil
		}
	}
	d.Stop()
	return nil, fmt.Errorf("display %s (Xvfb) did not answer in 10 s", name)
}

func (d *Display) answers() bool {
	cmd := exec.Command("xwininfo", "-root")
	cmd.Env = append(os.Environ(), "DISPLAY="+d.Name)
	return cmd.Run() == nil
}

// Stop ends the Xvfb StartDisplay started.
func (d *Display) Stop() {
	if d != nil && d.cmd != nil && d.cmd.Process != nil {
		_ = d.cmd.Process.Kill()
		_ = d.cmd.Wait()
	}
}

// StartRun is one cold start of a GUI program.
type StartRun struct {
	FirstFrame time.Duration // exec → its window is mapped and viewable
	RSSMB      float64       // VmRSS 2 s after the window showed
}

var windowLine = regexp.MustCompile(`^\s*(0x[0-9a-f]+) "([^"]*)"`)

// ColdStart runs bin with args on the display with a fresh HOME and config
// folder (no preferences, no data: the app seeds its demo community, as on
// a first launch), waits for a top-level window titled title to be mapped
// and viewable (polling `xwininfo -root -tree`, then `xwininfo -id`), reads
// VmRSS after 2 s of idling, and kills it.
func ColdStart(ctx context.Context, d *Display, bin string, args []string, title string) (StartRun, error) {
	home, err := os.MkdirTemp("", "regulars-bench-home-")
	if err != nil {
		return StartRun{}, err
	}
	defer os.RemoveAll(home)
	return StartIn(ctx, d, home, bin, args, title)
}

// StartIn is ColdStart with HOME at home, kept afterwards: a second start
// there finds the first one's data and preferences.
func StartIn(ctx context.Context, d *Display, home, bin string, args []string, title string) (StartRun, error) {
	var run StartRun
	args = append([]string(nil), args...)
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "$HOME", home)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.Name, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local/share"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
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
	for {
		select {
		case err := <-exited:
			return run, fmt.Errorf("%s exited before its window showed: %v", bin, err)
		case <-ctx.Done():
			return run, ctx.Err()
		default:
		}
		if time.Since(t0) > 60*time.Second {
			return run, fmt.Errorf("%s: no window %q after 60 s", bin, title)
		}
		if viewable(d, title) {
			run.FirstFrame = time.Since(t0)
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(2 * time.Second)
	rss, err := vmRSS(cmd.Process.Pid)
	if err != nil {
		return run, err
	}
	run.RSSMB = float64(rss) / 1024
	return run, nil
}

// viewable reports whether a window titled title is mapped and viewable.
func viewable(d *Display, title string) bool {
	cmd := exec.Command("xwininfo", "-root", "-tree")
	cmd.Env = append(os.Environ(), "DISPLAY="+d.Name)
	out, err := cmd.Output()
	if err != nil {
		return false
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		m := windowLine.FindStringSubmatch(sc.Text())
		if m == nil || m[2] != title {
			continue
		}
		info := exec.Command("xwininfo", "-id", m[1])
		info.Env = cmd.Env
		if o, err := info.Output(); err == nil && strings.Contains(string(o), "Map State: IsViewable") {
			return true
		}
	}
	return false
}

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
