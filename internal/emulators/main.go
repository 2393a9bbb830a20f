package emulators

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// Kind names an emulator that Main can start.
type Kind int

const (
	// KindFirestore is the Cloud Firestore emulator.
	KindFirestore Kind = iota + 1
	// KindAuth is the Firebase Auth emulator.
	KindAuth
)

func (k Kind) String() string {
	switch k {
	case KindFirestore:
		return "firestore"
	case KindAuth:
		return "auth"
	default:
		return fmt.Sprintf("Kind(%d)", int(k))
	}
}

// The emulators Main started for this test binary.
var (
	sharedFirestore *FirestoreEmulator
	sharedAuth      *AuthEmulator
)

// startTimeout bounds Main's whole start, both emulators included.
const startTimeout = 3 * time.Minute

// Main is the body of a TestMain: it starts the emulators named by need (in
// parallel), runs the tests, stops the emulators and returns the exit code:
//
//	func TestMain(m *testing.M) { os.Exit(emulators.Main(m, emulators.KindFirestore)) }
//
// If an emulator cannot start, Main stops the others, prints why on stderr and
// exits the process with status 1 without running any test: a missing emulator
// is a failure, never a skip. Listing tests (-list) and fuzz workers start no
// emulator; a fuzz target must not need one.
func Main(m *testing.M, need ...Kind) int {
	flag.Parse() // for testing.Verbose and the flags below; m.Run parses again harmlessly
	if testFlag("test.list") != "" || testFlag("test.fuzzworker") == "true" {
		// Listing tests (make fuzz) runs none, and a fuzz worker runs only the
		// fuzz target, which should be a pure function: a JVM and a Node process
		// per worker would only slow fuzzing down.
		return m.Run()
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	verbose := testing.Verbose() || os.Getenv("REGULARS_EMULATOR_LOGS") == "1"
	err := startShared(ctx, need, verbose)
	cancel()
	if err != nil {
		stopShared()
		fmt.Fprintf(os.Stderr, "emulators: cannot run these tests: %v\n", err)
		os.Exit(1)
	}
	defer stopShared()
	return m.Run()
}

func testFlag(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

func startShared(ctx context.Context, need []Kind, verbose bool) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		errs  []error
		fail  = func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }
		start = map[Kind]bool{}
		began = time.Now()
		ready = func(k Kind, host string) {
			if verbose {
				fmt.Fprintf(os.Stderr, "emulators: %s ready at %s in %s\n", k, host, time.Since(began).Round(time.Millisecond))
			}
		}
	)
	for _, k := range need {
		start[k] = true
	}
	if start[KindFirestore] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e, err := Firestore(ctx)
			if err != nil {
				fail(err)
				return
			}
			sharedFirestore = e
			ready(KindFirestore, e.Host)
		}()
	}
	if start[KindAuth] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e, err := Auth(ctx)
			if err != nil {
				fail(err)
				return
			}
			sharedAuth = e
			ready(KindAuth, e.Host)
		}()
	}
	for k := range start {
		if k != KindFirestore && k != KindAuth {
			fail(fmt.Errorf("unknown emulator %v", k))
		}
	}
	wg.Wait()
	return errors.Join(errs...)
}

func stopShared() {
	sharedFirestore.Stop()
	sharedAuth.Stop()
}

// FirestoreFor returns the Firestore emulator Main started for this test binary.
// It fails the test if TestMain did not ask for KindFirestore.
func FirestoreFor(t testing.TB) *FirestoreEmulator {
	t.Helper()
	if sharedFirestore == nil {
		t.Fatal("emulators: no Firestore emulator: call emulators.Main(m, emulators.KindFirestore) from TestMain")
	}
	return sharedFirestore
}

// AuthFor returns the Auth emulator Main started for this test binary. It fails
// the test if TestMain did not ask for KindAuth.
func AuthFor(t testing.TB) *AuthEmulator {
	t.Helper()
	if sharedAuth == nil {
		t.Fatal("emulators: no Auth emulator: call emulators.Main(m, emulators.KindAuth) from TestMain")
	}
	return sharedAuth
}
