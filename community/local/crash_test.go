package local_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regulars-app/regulars/community/local/crashtest"
)

// crashEnv, when set to a store path, makes the test binary a crash child:
// it writes to the store in a loop until it is killed.
const crashEnv = "REGULARS_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		if err := crashtest.Child(path, crashtest.ParseSeed(os.Getenv(crashEnv+"_SEED"))); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestStore_SurvivesKill kills a writing process with SIGKILL 20 times at
// random moments and checks, after each kill, that the file opens and every
// invariant holds (package crashtest, which cmd/bench's crash section runs too).
func TestStore_SurvivesKill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crash", "community.db")
	if err := crashtest.Seed(t.Context(), path); err != nil {
		t.Fatal(err)
	}
	run, err := crashtest.Kill(t.Context(), path, 20, func(kill int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("%s_SEED=%d", crashEnv, kill))
		return cmd
	})
	if err != nil {
		t.Fatal(err)
	}
	if run.Corrupt > 0 {
		t.Errorf("%d of %d kills left a broken store:\n%s", run.Corrupt, run.Runs, strings.Join(run.Problems, "\n"))
	}
	t.Logf("%d records after %d kills", run.Records, run.Runs)
	if run.Records < 50 {
		t.Errorf("only %d records: the children hardly wrote before being killed", run.Records)
	}
}
