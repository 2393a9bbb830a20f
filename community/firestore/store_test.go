package firestore_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/community/storetest"
	"github.com/regulars-app/regulars/internal/emulators"
)

// TestMain starts the official Firestore emulator for the package: a missing
// emulator fails the tests, it never skips them.
func TestMain(m *testing.M) { os.Exit(emulators.Main(m, emulators.KindFirestore)) }

var communitySeq atomic.Int64

// freshCommunity returns a community ID no other test of this run uses, so
// that tests share the emulator without emptying it.
func freshCommunity(t testing.TB) string {
	return fmt.Sprintf("c%d-%d", time.Now().UnixNano()%1e9, communitySeq.Add(1))
}

// dialAdmin opens a store of a fresh community on the emulator with admin
// access (rules do not apply), closed when the test ends.
func dialAdmin(t testing.TB, cfg firestore.Config) *firestore.Store {
	t.Helper()
	e := emulators.FirestoreFor(t)
	cfg.ProjectID, cfg.Admin = e.ProjectID, true
	if cfg.Endpoint == "" {
		cfg.Endpoint = e.Host
	}
	if cfg.CommunityID == "" {
		cfg.CommunityID = freshCommunity(t)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := firestore.Dial(ctx, cfg)
	if err != nil {
		t.Fatalf("dial the emulator: %v", err)
	}
	firestore.WarmUp(t, s)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

// TestStore_Contract runs the contract suite against the emulator, each
// subtest on a fresh community.
func TestStore_Contract(t *testing.T) {
	start := time.Now()
	storetest.RunWith(t, func(t *testing.T) community.Store {
		return dialAdmin(t, firestore.Config{})
	}, contractOptions())
	t.Logf("contract suite against the emulator: %s", time.Since(start).Round(time.Millisecond))
}

// contractOptions sizes the concurrency tests; REGULARS_FS_RSVPERS and
// friends override them for experiments.
func contractOptions() storetest.Options {
	env := func(name string, def int) int {
		if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
			return v
		}
		return def
	}
	return storetest.Options{
		RSVPers:      env("REGULARS_FS_RSVPERS", 0),
		Capacity:     env("REGULARS_FS_CAPACITY", 0),
		Voters:       env("REGULARS_FS_VOTERS", 0),
		Posters:      env("REGULARS_FS_POSTERS", 0),
		MixedOps:     env("REGULARS_FS_MIXED", 0),
		WatchTimeout: 10 * time.Second,
	}
}

// staticToken is a Config.IDToken that always returns token.
func staticToken(token string) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return token, nil }
}
