package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/regulars-app/regulars/community/local/crashtest"
)

// CrashChildArg is the argument that makes the bench binary a crash child:
// `bench crash-child PATH SEED` writes to the store at PATH until it is killed.
const CrashChildArg = "crash-child"

// CrashRun is the outcome of the crash section.
type CrashRun = crashtest.Run

// Crash seeds an embedded store in dir, then kills a writing child process
// (this binary, started with CrashChildArg) with SIGKILL kills times at
// random moments, checking the store after each kill: community/local's
// crash test, run from a separate binary.
func Crash(ctx context.Context, dir string, kills int) (CrashRun, error) {
	path := filepath.Join(dir, "crash.db")
	if err := crashtest.Seed(ctx, path); err != nil {
		return CrashRun{}, err
	}
	self, err := os.Executable()
	if err != nil {
		return CrashRun{}, err
	}
	return crashtest.Kill(ctx, path, kills, func(kill int) *exec.Cmd {
		return exec.Command(self, CrashChildArg, path, strconv.Itoa(kill))
	})
}

// CrashChild writes to the store at path until it is killed; args[0] is a seed.
func CrashChild(path string, args ...string) error {
	var seed string
	if len(args) > 0 {
		seed = args[0]
	}
	return crashtest.Child(path, crashtest.ParseSeed(seed))
}
