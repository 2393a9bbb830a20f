package firestore

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

var (
	warm    sync.Once
	warmErr error
)

// WarmUp makes the run's first request, which the emulator answers only
// after 5 to 20 s of starting up, with a generous deadline of its own, so
// that no test's operation timeout pays for it.
func WarmUp(t testing.TB, s *Store) {
	t.Helper()
	warm.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		start := time.Now()
		if _, warmErr = s.Community(ctx); errors.Is(warmErr, community.ErrNotFound) {
			warmErr = nil
		}
		t.Logf("emulator's first request answered in %s", time.Since(start).Round(time.Millisecond))
	})
	if warmErr != nil {
		t.Fatalf("the emulator does not answer: %v", warmErr)
	}
}

// Retryable exposes retryable to the tests.
var Retryable = retryable
