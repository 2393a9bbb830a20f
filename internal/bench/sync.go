package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/emulators"
)

// SyncRun is how long an announcement takes to reach a member.
type SyncRun struct {
	Listener []time.Duration // write start → the member's Watch names it
	Poll1s   []time.Duration // write start → the first 1 Hz poll that returns it
	Write    []time.Duration // write start → the owner's write acknowledged
}

// Sync has the owner post samples announcements, one after the other, from
// one client while the member's app, another client, watches (snapshot
// listeners through store.Watch) and, in parallel, polls the latest
// announcements once a second, as an app without listeners would. Both run
// under their own ID tokens, so rules apply. Community cid must hold the
// demo owner and member (SeedVoters).
func Sync(ctx context.Context, emu *emulators.FirestoreEmulator, cid string, samples int, gap time.Duration) (SyncRun, error) {
	var run SyncRun
	owner, err := MemberStore(ctx, emu.Host, cid, demo.OwnerID)
	if err != nil {
		return run, err
	}
	defer owner.Close()
	member, err := MemberStore(ctx, emu.Host, cid, demo.MemberID)
	if err != nil {
		return run, err
	}
	defer member.Close()
	poller, err := MemberStore(ctx, emu.Host, cid, demo.MemberID)
	if err != nil {
		return run, err
	}
	defer poller.Close()

	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := member.Watch(wctx)
	// Let the listeners start and deliver their first snapshots.
	settle := time.After(2 * time.Second)
	for waiting := true; waiting; {
		select {
		case <-changes:
		case <-settle:
			waiting = false
		}
	}

	var mu sync.Mutex
	started := map[string]time.Time{}
	seen := map[string]time.Duration{}
	pollDone := make(chan struct{})
	go func() {
		defer close(pollDone)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-wctx.Done():
				return
			case <-tick.C:
			}
			anns, err := poller.Announcements(wctx, time.Now().Add(time.Minute), 30)
			at := time.Now()
			if err != nil {
				continue
			}
			mu.Lock()
			for _, a := range anns {
				if t0, ok := started[a.ID]; ok {
					if _, done := seen[a.ID]; !done {
						seen[a.ID] = at.Sub(t0)
					}
				}
			}
			mu.Unlock()
		}
	}()

	for i := range samples {
		id := fmt.Sprintf("sync-%04d", i)
		now := time.Now()
		a := community.Announcement{ID: id, Texts: map[string]community.AnnouncementText{"en": {Title: "Fresh beans " + id, Body: "Today only."}},
			PublishAt: now, CreatedBy: demo.OwnerID, CreatedAt: now}
		mu.Lock()
		started[id] = now
		mu.Unlock()
		t0 := time.Now()
		if err := owner.SaveAnnouncement(ctx, a); err != nil {
			return run, fmt.Errorf("announcement %d: %w", i, err)
		}
		run.Write = append(run.Write, time.Since(t0))
		timeout := time.After(30 * time.Second)
	wait:
		for {
			select {
			case c, ok := <-changes:
				if !ok {
					return run, fmt.Errorf("watch ended at sample %d", i)
				}
				if c.Kind == community.KindAnnouncement && c.ID == id {
					run.Listener = append(run.Listener, time.Since(t0))
					break wait
				}
			case <-timeout:
				return run, fmt.Errorf("announcement %s did not reach the member's listener in 30 s", id)
			}
		}
		time.Sleep(gap)
	}
	// The poller needs up to a second, plus its query, to see the last ones.
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		n := len(seen)
		mu.Unlock()
		if n == samples {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	<-pollDone
	for _, d := range seen {
		run.Poll1s = append(run.Poll1s, d)
	}
	if len(run.Poll1s) < samples {
		return run, fmt.Errorf("the 1 s poller saw %d of %d announcements", len(run.Poll1s), samples)
	}
	return run, nil
}
