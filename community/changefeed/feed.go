// Package changefeed fans a store's committed changes out to its Watch
// subscribers. Both stores use it: a publisher only appends to each
// subscriber's pending list under a short lock and pokes it, and a goroutine
// per subscriber delivers, so a slow reader never blocks a writer; a reader
// that falls behind sees changes coalesced to the latest of a kind and ID.
package changefeed

import (
	"context"
	"sync"

	"github.com/regulars-app/regulars/community"
)

// Feed is one store's change feed. The zero value is not usable; call New.
type Feed struct {
	// OnActive, when set, is called when the first subscriber arrives and
	// returns the function that ends that activity when the last one leaves
	// or the feed closes (the Firestore store starts its snapshot listeners).
	onActive func() (stop func())

	mu     sync.Mutex
	subs   map[*sub]struct{}
	closed bool
	stop   func() // ends the activity OnActive started; nil when none runs
	down   bool   // "offline" was published and "online" not yet
}

// sub is one Watch call.
type sub struct {
	mu      sync.Mutex
	pending []community.Change
	index   map[key]int   // position in pending of the change of a kind and ID
	wake    chan struct{} // capacity 1: "pending is not empty"
	cancel  context.CancelFunc
}

type key struct {
	kind       community.Kind
	id, parent string
}

// New returns a feed. onActive may be nil.
func New(onActive func() (stop func())) *Feed {
	return &Feed{onActive: onActive, subs: map[*sub]struct{}{}}
}

// Subscribe starts a subscriber; its channel closes when ctx is done or the
// feed closes.
func (f *Feed) Subscribe(ctx context.Context) <-chan community.Change {
	out := make(chan community.Change)
	ctx, cancel := context.WithCancel(ctx)
	s := &sub{index: map[key]int{}, wake: make(chan struct{}, 1), cancel: cancel}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		cancel()
		close(out)
		return out
	}
	f.subs[s] = struct{}{}
	if f.stop == nil && f.onActive != nil {
		f.stop = f.onActive()
	}
	f.mu.Unlock()
	go func() {
		defer close(out)
		defer f.unsubscribe(s)
		for {
			select {
			case <-ctx.Done():
				return
			case <-s.wake:
			}
			for _, c := range s.take() {
				select {
				case out <- c:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// unsubscribe removes s; the last one out ends the activity.
func (f *Feed) unsubscribe(s *sub) {
	s.cancel()
	f.mu.Lock()
	delete(f.subs, s)
	var stop func()
	if len(f.subs) == 0 {
		stop, f.stop = f.stop, nil
	}
	f.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// take empties the pending list.
func (s *sub) take() []community.Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := s.pending
	s.pending = nil
	clear(s.index)
	return batch
}

// Publish queues changes for every subscriber. It never blocks on a reader.
func (f *Feed) Publish(changes []community.Change) {
	if len(changes) == 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs {
		s.mu.Lock()
		for _, c := range changes {
			k := key{c.Kind, c.ID, c.Parent}
			if i, ok := s.index[k]; ok {
				s.pending[i] = c // the latest of a kind and ID
				continue
			}
			s.index[k] = len(s.pending)
			s.pending = append(s.pending, c)
		}
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

// Offline tells the subscribers the backend cannot be reached, once per outage.
func (f *Feed) Offline() { f.connection(true) }

// Online tells the subscribers the backend answers again, after an outage.
func (f *Feed) Online() { f.connection(false) }

func (f *Feed) connection(down bool) {
	f.mu.Lock()
	changed := f.down != down
	f.down = down
	f.mu.Unlock()
	if !changed {
		return
	}
	id := "online"
	if down {
		id = "offline"
	}
	f.Publish([]community.Change{{Kind: community.KindConnection, ID: id}})
}

// Close ends every subscription and the activity OnActive started.
func (f *Feed) Close() {
	f.mu.Lock()
	f.closed = true
	for s := range f.subs {
		s.cancel()
	}
	stop := f.stop
	f.stop = nil
	f.mu.Unlock()
	if stop != nil {
		stop()
	}
}
