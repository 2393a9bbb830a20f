package firestore

import (
	"context"
	"slices"
	"sync"
)

// keyedLocks queue this process's transactions on the same hot document.
//
// Firestore locks the documents a read-write transaction reads; two
// transactions that read and then write the same document (200 members
// answering one event from one desktop, a member double-tapping "vote")
// wait on each other until the backend aborts all but one, which costs
// seconds per round on the emulator and retries on the real service. The
// transactions of one Store on one document therefore run one after the
// other here; transactions from other processes still race, and Firestore's
// transactions keep them correct. Keys are document paths relative to the
// community ("events/ev1").
type keyedLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

type keyLock struct {
	ch   chan struct{} // capacity 1: holding the lock is having sent into it
	refs int           // holders and waiters
}

// lock takes the locks of keys, in sorted order so that two callers never
// wait on each other in a cycle, and returns the function that releases them.
// It gives up when ctx is done.
func (l *keyedLocks) lock(ctx context.Context, keys []string) (func(), error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	var held []string
	unlock := func() {
		for _, k := range held {
			l.release(k)
		}
	}
	for _, k := range keys {
		kl := l.acquireRef(k)
		select {
		case kl.ch <- struct{}{}:
			held = append(held, k)
		case <-ctx.Done():
			l.dropRef(k)
			unlock()
			return nil, ctx.Err()
		}
	}
	return unlock, nil
}

func (l *keyedLocks) acquireRef(k string) *keyLock {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = map[string]*keyLock{}
	}
	kl := l.m[k]
	if kl == nil {
		kl = &keyLock{ch: make(chan struct{}, 1)}
		l.m[k] = kl
	}
	kl.refs++
	return kl
}

// release unlocks k and forgets it when nobody else holds or waits for it.
func (l *keyedLocks) release(k string) {
	l.mu.Lock()
	kl := l.m[k]
	l.mu.Unlock()
	<-kl.ch
	l.dropRef(k)
}

func (l *keyedLocks) dropRef(k string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if kl := l.m[k]; kl != nil {
		if kl.refs--; kl.refs == 0 {
			delete(l.m, k)
		}
	}
}
