package local

import (
	"context"
	"sync"

	"regulars/community"
)

// hub fans committed changes out to the Watch subscribers. A writer only
// appends to each subscriber's pending list under a short lock and pokes it;
// a goroutine per subscriber delivers, so a slow reader never blocks a writer.
type hub struct {
	mu     sync.Mutex
	subs   map[*sub]struct{}
	closed bool
}

// sub is one Watch call.
type sub struct {
	mu      sync.Mutex
	pending []community.Change
	index   map[coalesceKey]int // position in pending of the change of a kind and ID
	wake    chan struct{}       // capacity 1: "pending is not empty"
	cancel  context.CancelFunc
}

type coalesceKey struct {
	kind       community.Kind
	id, parent string
}

func newHub() *hub { return &hub{subs: map[*sub]struct{}{}} }

// subscribe starts a subscriber; its channel closes when ctx is done or the
// hub closes.
func (h *hub) subscribe(ctx context.Context) <-chan community.Change {
	out := make(chan community.Change)
	ctx, cancel := context.WithCancel(ctx)
	s := &sub{index: map[coalesceKey]int{}, wake: make(chan struct{}, 1), cancel: cancel}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		cancel()
		close(out)
		return out
	}
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	go func() {
		defer close(out)
		defer func() {
			h.mu.Lock()
			delete(h.subs, s)
			h.mu.Unlock()
			cancel()
		}()
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

// take empties the pending list.
func (s *sub) take() []community.Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := s.pending
	s.pending = nil
	clear(s.index)
	return batch
}

// publish queues the changes of one committed transaction for every
// subscriber. It never blocks on a reader.
func (h *hub) publish(changes []community.Change) {
	if len(changes) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		s.mu.Lock()
		for _, c := range changes {
			key := coalesceKey{c.Kind, c.ID, c.Parent}
			if i, ok := s.index[key]; ok {
				s.pending[i] = c // the latest of a kind and ID
				continue
			}
			s.index[key] = len(s.pending)
			s.pending = append(s.pending, c)
		}
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

// close ends every subscription.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		s.cancel()
	}
}
