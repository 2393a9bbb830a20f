package changefeed_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/changefeed"
)

func next(t *testing.T, ch <-chan community.Change) community.Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		return c
	case <-time.After(2 * time.Second):
		t.Fatal("no change delivered")
	}
	return community.Change{}
}

func TestFeed_DeliversAndCoalesces(t *testing.T) {
	f := changefeed.New(nil)
	defer f.Close()
	ch := f.Subscribe(context.Background())
	// Three changes to one poll and one to an event in one commit: the poll's
	// are coalesced into the latest, in first-seen order.
	f.Publish([]community.Change{
		{Kind: community.KindPoll, ID: "p", MemberID: "a"},
		{Kind: community.KindEvent, ID: "e"},
		{Kind: community.KindPoll, ID: "p", MemberID: "c"},
	})
	if c := next(t, ch); c.Kind != community.KindPoll || c.MemberID != "c" {
		t.Fatalf("first delivered %+v, want the latest poll change", c)
	}
	if c := next(t, ch); c.Kind != community.KindEvent {
		t.Fatalf("second delivered %+v, want the event", c)
	}
	select {
	case c := <-ch:
		t.Fatalf("extra change %+v", c)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestFeed_PublishNeverBlocks(t *testing.T) {
	f := changefeed.New(nil)
	defer f.Close()
	_ = f.Subscribe(context.Background()) // never read
	done := make(chan struct{})
	go func() {
		for i := 0; i < 10_000; i++ {
			f.Publish([]community.Change{{Kind: community.KindPost, ID: "x"}})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a reader that never reads blocked the publisher")
	}
}

func TestFeed_ActivityFollowsSubscribers(t *testing.T) {
	var started, stopped atomic.Int32
	f := changefeed.New(func() func() {
		started.Add(1)
		return func() { stopped.Add(1) }
	})
	ctx1, cancel1 := context.WithCancel(context.Background())
	ctx2, cancel2 := context.WithCancel(context.Background())
	ch1, ch2 := f.Subscribe(ctx1), f.Subscribe(ctx2)
	if started.Load() != 1 {
		t.Fatalf("started %d times for two subscribers", started.Load())
	}
	cancel1()
	for range ch1 {
	}
	if stopped.Load() != 0 {
		t.Fatal("stopped while a subscriber remains")
	}
	cancel2()
	for range ch2 {
	}
	deadline := time.Now().Add(2 * time.Second)
	for stopped.Load() != 1 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if stopped.Load() != 1 {
		t.Fatalf("stopped %d times after the last subscriber left", stopped.Load())
	}
}

func TestFeed_ConnectionOncePerOutage(t *testing.T) {
	f := changefeed.New(nil)
	ch := f.Subscribe(context.Background())
	f.Online() // not down: nothing to say
	f.Offline()
	f.Offline()
	if c := next(t, ch); c.Kind != community.KindConnection || c.ID != "offline" {
		t.Fatalf("got %+v", c)
	}
	f.Online()
	if c := next(t, ch); c.ID != "online" {
		t.Fatalf("got %+v", c)
	}
	f.Close()
	for range ch {
		t.Fatal("change after close")
	}
	if _, ok := <-f.Subscribe(context.Background()); ok {
		t.Fatal("subscribing to a closed feed gave an open channel")
	}
}
