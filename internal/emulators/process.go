// Package emulators starts the official Firebase emulators on loopback for tests:
// the Cloud Firestore emulator (a Java program from the Debian package
// google-cloud-cli-firestore-emulator) and the Firebase Auth emulator (from the
// repository's pinned firebase-tools, installed by `npm ci`).
//
// A test binary starts them once, from TestMain, through Main:
//
//	func TestMain(m *testing.M) { os.Exit(emulators.Main(m, emulators.KindFirestore, emulators.KindAuth)) }
//
// and its tests reach them with FirestoreFor(t) and AuthFor(t). A missing tool is an
// error that says how to install it, never a skip: CI must run these tests.
//
// Environment:
//
//	REGULARS_FIRESTORE_EMULATOR      host:port of a running Firestore emulator to reuse
//	REGULARS_FIRESTORE_EMULATOR_JAR  path of cloud-firestore-emulator.jar
//	REGULARS_AUTH_EMULATOR           host:port of a running Auth emulator to reuse
//	REGULARS_FIREBASE_CLI            path of the firebase CLI (default node_modules/.bin/firebase)
//	REGULARS_EMULATOR_LOGS=1         copy the emulators' output to stderr
//	JAVA_HOME                        the java to run (default: java on PATH)
//
// The package imports no Fyne and is meant for tests and developer tools only.
package emulators

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ProjectID is the Firebase project the emulators serve. The "demo-" prefix tells
// firebase-tools that no real project exists, so it never asks for credentials.
const ProjectID = "demo-regulars"

// process is one emulator child process in its own process group.
type process struct {
	name string
	cmd  *exec.Cmd
	logs *tailBuffer
	done chan struct{} // closed when the process has exited
	err  error         // exit status, valid once done is closed
	dir  string        // temporary directory removed on stop ("" for none)

	stopOnce sync.Once
}

// startProcess starts cmd in a new process group. The child gets SIGKILL if the
// test binary dies without calling stop (a panic, a -timeout), so no emulator
// outlives its tests.
func startProcess(name string, cmd *exec.Cmd, dir string) (*process, error) {
	p := &process{name: name, cmd: cmd, logs: newTailBuffer(32 << 10), done: make(chan struct{}), dir: dir}
	var out io.Writer = p.logs
	if os.Getenv("REGULARS_EMULATOR_LOGS") == "1" {
		out = io.MultiWriter(p.logs, prefixWriter{prefix: name + ": ", w: os.Stderr})
	}
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}

	// Pdeathsig fires when the thread that forked the child exits, not the
	// process, so fork from a locked thread that lives exactly as long as the
	// child: this goroutine never unlocks it.
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	return p, nil
}

// exited reports whether the process has already ended.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop ends the whole process group: SIGTERM first so the emulator can clean up,
// SIGKILL if it is still there after a grace period.
func (p *process) stop() {
	p.stopOnce.Do(func() {
		pgid := p.cmd.Process.Pid
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-pgid, syscall.SIGKILL)
			<-p.done
		}
		// Children the emulator left behind in its group.
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		if p.dir != "" {
			_ = os.RemoveAll(p.dir)
		}
	})
}

// waitReady polls probe until it succeeds, the process exits, or timeout passes.
// On failure the error carries the end of the emulator's output.
func (p *process) waitReady(ctx context.Context, timeout time.Duration, probe func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		last = probe(pctx)
		pcancel()
		if last == nil {
			return nil
		}
		select {
		case <-p.done:
			return fmt.Errorf("%s exited before it was ready (%v); its output:\n%s", p.name, p.err, p.logs.String())
		case <-ctx.Done():
			return fmt.Errorf("%s not ready after %s (last probe: %v); its output:\n%s", p.name, timeout, last, p.logs.String())
		case <-tick.C:
		}
	}
}

// freePort asks the kernel for a free loopback port. Another process may take it
// before the emulator binds it; callers retry when the emulator exits early.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// RepoRoot returns the root of the regulars module: the nearest directory, from
// the working directory up, whose go.mod declares module regulars.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find repo root: %w", err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && modulePath(data) == "github.com/regulars-app/regulars" {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find repo root: no go.mod declaring module regulars above the working directory")
		}
		dir = parent
	}
}

func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// httpDo sends one request to an emulator and fails on a non-2xx answer.
func httpDo(ctx context.Context, method, url, contentType string, body []byte, header map[string]string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return data, fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, strings.TrimSpace(string(data)))
	}
	return data, nil
}

// tailBuffer keeps the last max bytes written to it: enough of an emulator's
// output to explain a failed start, without growing for the whole test run.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func newTailBuffer(max int) *tailBuffer { return &tailBuffer{max: max} }

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.max; over > 0 {
		b.buf = append(b.buf[:0], b.buf[over:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// prefixWriter prefixes every write with the emulator's name when logs are
// copied to stderr, so interleaved output stays readable.
type prefixWriter struct {
	prefix string
	w      io.Writer
}

func (w prefixWriter) Write(p []byte) (int, error) {
	lines := strings.SplitAfter(string(p), "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(w.prefix + l)
		}
	}
	if _, err := io.WriteString(w.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
