package local

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/storetest"
)

// newStore opens a store on a fresh file, closed when the test ends.
func newStore(t *testing.T) community.Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "community.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestStore_Contract(t *testing.T) {
	storetest.Run(t, newStore)
}

func TestOpen_SecondOpenFailsClearly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "community.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = Open(path, WithTimeout(100*time.Millisecond))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("second open took %s", time.Since(start))
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestStore_ClosedIsUnavailable(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "community.db"))
	if err != nil {
		t.Fatal(err)
	}
	ch := s.Watch(t.Context())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Member(t.Context(), "x"); !errors.Is(err, community.ErrUnavailable) {
		t.Errorf("read after close: %v, want ErrUnavailable", err)
	}
	select {
	case _, ok := <-ch:
		if ok {
			t.Error("watch delivered after close")
		}
	case <-time.After(5 * time.Second):
		t.Error("watch channel still open after Close")
	}
}

// TestStore_WatchCoalesces writes while a watcher reads nothing: the writes
// do not wait for it, and it then gets the member's change once or twice, not
// once per write.
func TestStore_WatchCoalesces(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "community.db"), WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ch := s.Watch(ctx)
	if err := s.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for i := range 500 {
			_, err := s.UpdateMember(ctx, "ana", func(m *community.Member) error { m.Usual = fmt.Sprint(i); return nil })
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("writers waited for a watcher that reads nothing")
	}
	got := 0
	for quiet := false; !quiet; {
		select {
		case c := <-ch:
			if c.Kind != community.KindMember || c.ID != "ana" {
				t.Errorf("unexpected change %+v", c)
			}
			got++
		case <-time.After(200 * time.Millisecond):
			quiet = true
		}
	}
	if got == 0 || got > 3 {
		t.Errorf("501 writes to one member gave %d changes, want 1 to 3 (coalesced)", got)
	}
}
