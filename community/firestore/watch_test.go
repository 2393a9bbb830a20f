package firestore_test

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// waitFor reads ch until a change matches want or the timeout passes.
func waitFor(t *testing.T, ch <-chan community.Change, timeout time.Duration, what string, want func(community.Change) bool) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case c, ok := <-ch:
			if !ok {
				t.Fatalf("watch closed before %s", what)
			}
			if want(c) {
				return
			}
		case <-deadline:
			t.Fatalf("no change for %s within %s", what, timeout)
		}
	}
}

// TestStore_WatchOtherClients: a store watching sees, through its snapshot
// listeners, what another client (another device) writes.
func TestStore_WatchOtherClients(t *testing.T) {
	ctx := t.Context()
	cid := "watch-" + time.Now().Format("150405.000000000")
	watcher := dialAdmin(t, firestore.Config{CommunityID: cid, MemberID: "ana"})
	other := dialAdmin(t, firestore.Config{CommunityID: cid})
	if err := other.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana", Role: community.RoleMember}); err != nil {
		t.Fatal(err)
	}
	ch := watcher.Watch(ctx)
	for _, c := range []struct {
		what  string
		write func(i int) error
		want  community.Change
	}{
		{"an announcement", func(i int) error {
			return other.SaveAnnouncement(ctx, community.Announcement{ID: "a1", PublishAt: time.Now(),
				Texts: map[string]community.AnnouncementText{"en": {Title: "Hello", Body: time.Now().String()}}})
		}, community.Change{Kind: community.KindAnnouncement, ID: "a1"}},
		{"a notification of the member", func(i int) error {
			return other.Notify(ctx, community.Notification{ID: "n" + time.Now().Format("150405.000000000"),
				MemberID: "ana", Kind: "points", At: time.Now()})
		}, community.Change{Kind: community.KindNotification, MemberID: "ana"}},
		{"the member's own document", func(i int) error {
			_, err := other.UpdateMember(ctx, "ana", func(m *community.Member) error { m.Usual = time.Now().String(); return nil })
			return err
		}, community.Change{Kind: community.KindMember, ID: "ana", MemberID: "ana"}},
	} {
		// The listeners may not have their first snapshot yet (it yields no
		// changes), so write again until the change comes through.
		got := make(chan struct{})
		go func() {
			for i := 0; ; i++ {
				if err := c.write(i); err != nil {
					if ctx.Err() == nil {
						t.Errorf("%s: %v", c.what, err)
					}
					return
				}
				select {
				case <-got:
					return
				case <-ctx.Done():
					return
				case <-time.After(500 * time.Millisecond):
				}
			}
		}()
		waitFor(t, ch, 15*time.Second, c.what, func(ch community.Change) bool {
			return ch.Kind == c.want.Kind && (c.want.ID == "" || ch.ID == c.want.ID) && ch.MemberID == c.want.MemberID
		})
		close(got)
	}
}

// TestStore_WatchReconnects cuts the connection to the emulator under a
// watching store and restores it: Watch says "offline", then "online".
func TestStore_WatchReconnects(t *testing.T) {
	e := emulators.FirestoreFor(t)
	p := startProxy(t, e.Host)
	s := dialAdmin(t, firestore.Config{Endpoint: p.addr, Timeout: 3 * time.Second})
	ctx := t.Context()
	// A context with a deadline of its own: the emulator's first request of
	// the run can take 10 s or more.
	warm, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := s.SaveCommunity(warm, community.Community{ID: s.CommunityID(), Name: "Proxied"}); err != nil {
		t.Fatal(err)
	}
	ch := s.Watch(ctx)
	time.Sleep(time.Second) // let the listeners connect
	p.cut()
	waitFor(t, ch, 20*time.Second, `"offline"`, func(c community.Change) bool {
		return c.Kind == community.KindConnection && c.ID == "offline"
	})
	if _, err := s.Community(ctx); !errors.Is(err, community.ErrUnavailable) {
		t.Errorf("read while offline: %v, want ErrUnavailable", err)
	}
	p.restore(t)
	waitFor(t, ch, 40*time.Second, `"online"`, func(c community.Change) bool {
		return c.Kind == community.KindConnection && c.ID == "online"
	})
	if _, err := s.Community(ctx); err != nil {
		t.Errorf("read once back online: %v", err)
	}
}

// proxy forwards TCP connections to the emulator until cut.
type proxy struct {
	addr, target string
	mu           sync.Mutex
	ln           net.Listener
	conns        []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{addr: ln.Addr().String(), target: target}
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				_ = c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(up, c); _ = up.Close() }()
			go func() { _, _ = io.Copy(c, up); _ = c.Close() }()
		}
	}()
}

// cut closes the listener and every connection: the backend is gone.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		_ = p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// restore listens again on the same address.
func (p *proxy) restore(t *testing.T) {
	t.Helper()
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			p.serve(ln)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("listen again on %s: %v", p.addr, err)
}

// TestStore_WatchResyncsAfterReconnect: what another client writes while a
// watching store is cut off reaches it once the listeners reconnect, as a
// change of the kind (the first snapshot of a connection is a resync, not
// dropped), after "online".
func TestStore_WatchResyncsAfterReconnect(t *testing.T) {
	e := emulators.FirestoreFor(t)
	p := startProxy(t, e.Host)
	cid := "resync-" + time.Now().Format("150405.000000000")
	watcher := dialAdmin(t, firestore.Config{CommunityID: cid, MemberID: "ana", Endpoint: p.addr, Timeout: 3 * time.Second})
	other := dialAdmin(t, firestore.Config{CommunityID: cid})
	ctx := t.Context()
	if err := other.CreateMember(ctx, community.Member{ID: "ana", Name: "Ana", Role: community.RoleMember}); err != nil {
		t.Fatal(err)
	}
	ch := watcher.Watch(ctx)
	// The first connection resyncs too: a screen that read before the
	// listener started misses nothing written in between.
	waitFor(t, ch, 20*time.Second, "the first connection's resync", func(c community.Change) bool {
		return c.Kind == community.KindAnnouncement && c.ID == ""
	})
	p.cut()
	waitFor(t, ch, 20*time.Second, `"offline"`, func(c community.Change) bool {
		return c.Kind == community.KindConnection && c.ID == "offline"
	})
	// Written while the watcher cannot hear: only a resync can tell it.
	if err := other.SaveAnnouncement(ctx, community.Announcement{ID: "during", PublishAt: time.Now(),
		Texts: map[string]community.AnnouncementText{"en": {Title: "While you were away", Body: "b"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.UpdateMember(ctx, "ana", func(m *community.Member) error { m.Usual = "flat white"; return nil }); err != nil {
		t.Fatal(err)
	}
	p.restore(t)
	online, announcement, member := false, false, false
	waitFor(t, ch, 40*time.Second, "online, then the announcement and member written during the outage", func(c community.Change) bool {
		switch {
		case c.Kind == community.KindConnection && c.ID == "online":
			online = true
		case online && c.Kind == community.KindAnnouncement && (c.ID == "" || c.ID == "during"):
			announcement = true
		case online && c.Kind == community.KindMember && c.ID == "ana":
			member = true
		}
		return announcement && member
	})
}
