package firestore

import (
	"context"
	"sync"

	"regulars/community"
)

// hub fans changes out to the Watch subscribers: the store's own writes after
// they commit, the snapshot listeners' changes and connection changes. A
// publisher only appends to each subscriber's pending list under a short lock
// and pokes it; a goroutine per subscriber delivers, so a slow reader never
// blocks a writer. The listeners run while at least one subscriber does.
type hub struct {
	store *Store

	mu      sync.Mutex
	subs    map[*sub]struct{}
	closed  bool
	stop    context.CancelFunc // stops the listeners; nil when none run
	stopped chan struct{}      // closed when the listeners have returned
	isDown  bool               // "offline" was sent and "online" not yet
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

func newHub(s *Store) *hub { return &hub{store: s, subs: map[*sub]struct{}{}} }

// subscribe starts a subscriber; its channel closes when ctx is done or the
// hub closes. The first subscriber starts the snapshot listeners.
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
	if h.stop == nil {
		lctx, stop := context.WithCancel(context.Background())
		h.stop, h.stopped = stop, make(chan struct{})
		go h.store.listen(lctx, h.stopped)
	}
	h.mu.Unlock()
	go func() {
		defer close(out)
		defer h.unsubscribe(s)
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

// unsubscribe removes s; the last one out stops the listeners.
func (h *hub) unsubscribe(s *sub) {
	s.cancel()
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, s)
	if len(h.subs) == 0 && h.stop != nil {
		h.stop()
		h.stop = nil
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

// publish queues changes for every subscriber. It never blocks on a reader.
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

// offline tells the subscribers the backend cannot be reached, once per outage.
func (h *hub) offline() { h.connection(true) }

// online tells the subscribers the backend answers again, after an outage.
func (h *hub) online() { h.connection(false) }

func (h *hub) connection(down bool) {
	h.mu.Lock()
	changed := h.isDown != down
	h.isDown = down
	h.mu.Unlock()
	if !changed {
		return
	}
	id := "online"
	if down {
		id = "offline"
	}
	h.publish([]community.Change{{Kind: community.KindConnection, ID: id}})
}

// close ends every subscription and waits for the listeners to stop.
func (h *hub) close() {
	h.mu.Lock()
	h.closed = true
	for s := range h.subs {
		s.cancel()
	}
	stop, stopped := h.stop, h.stopped
	h.stop = nil
	h.mu.Unlock()
	if stop != nil {
		stop()
		<-stopped
	}
}
