// Package local is the embedded community store: one bbolt file on the
// device, pure Go, crash-safe and transactional.
//
// Every write runs in one bbolt Update transaction, so it is atomic and
// durable (fsync on commit) or not there at all after a crash; bbolt runs one
// writer at a time, so the update functions of community.Store run exactly
// once here. Every read runs in a View transaction and sees a consistent
// snapshot.
//
// Records are JSON values of storage-only structs (records.go) in flat
// buckets keyed by composite keys: a parent ID, a 0x00 separator and then the
// child's ID or a big-endian sequence or time, so that bbolt's sorted keys
// give the orders the screens need (waitlist and post order, threads by last
// post, ledger newest first) with a cursor seek instead of a scan. Counters
// (seats, waitlist, posts, likes, reports, tallies) are stored next to the
// records they count and changed in the same transaction. See keys.go.
package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/changefeed"
)

var _ community.Store = (*Store)(nil)

// Store is the embedded community store. It is safe for concurrent use.
type Store struct {
	db   *bolt.DB
	path string
	hub  *changefeed.Feed
}

type options struct {
	timeout time.Duration
	noSync  bool
}

// Option configures Open.
type Option func(*options)

// WithTimeout sets how long Open waits for the file lock held by another
// process before it gives up (default 1 s).
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithNoSync skips fsync on commit: faster, but a power cut may lose the last
// writes or corrupt the file. Only for throwaway data (benchmarks, demos).
func WithNoSync() Option { return func(o *options) { o.noSync = true } }

// ErrLocked means another process has the database open.
var ErrLocked = errors.New("database is in use by another process")

// Open opens (creating it and its folders if needed) the store at path.
// When another process holds the file, Open fails after the timeout with an
// error wrapping ErrLocked instead of waiting forever.
func Open(path string, opts ...Option) (*Store, error) {
	o := options{timeout: time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.timeout, NoSync: o.noSync})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: %w (waited %s)", path, ErrLocked, o.timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(createBuckets)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db, path: path, hub: changefeed.New(nil)}, nil
}

// Path returns the file the store keeps its data in.
func (s *Store) Path() string { return s.path }

// Sync flushes the file to disk: after writes made under WithNoSync.
func (s *Store) Sync() error {
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("sync store: %w", err)
	}
	return nil
}

// Close ends every Watch and closes the file.
func (s *Store) Close() error {
	s.hub.Close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Watch streams the changes committed from now until ctx is done or the store
// is closed, then closes the channel. Writers never wait for a reader: a slow
// reader gets changes coalesced by kind and ID.
func (s *Store) Watch(ctx context.Context) <-chan community.Change {
	return s.hub.Subscribe(ctx)
}

// changes collects what a write transaction changed, published after commit.
type changes []community.Change

func (c *changes) add(kind community.Kind, id, parent, member string) {
	*c = append(*c, community.Change{Kind: kind, ID: id, Parent: parent, MemberID: member})
}

// update runs fn in a write transaction and, once it has committed, tells the
// watchers what changed. op names the operation in errors.
func (s *Store) update(ctx context.Context, op string, fn func(tx *bolt.Tx, ch *changes) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	var ch changes
	err := s.db.Update(func(tx *bolt.Tx) error {
		ch = ch[:0]
		return fn(tx, &ch)
	})
	if err != nil {
		return wrap(op, err)
	}
	s.hub.Publish(ch)
	return nil
}

// view runs fn in a read transaction.
func (s *Store) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.db.View(fn); err != nil {
		return wrap(op, err)
	}
	return nil
}

// wrap adds the operation to err; a closed database reads as unavailable.
func wrap(op string, err error) error {
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return fmt.Errorf("%s: %w: %w", op, community.ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// notFound and conflict build the sentinel errors with the record they name.
func notFound(what, id string) error { return fmt.Errorf("%s %q: %w", what, id, community.ErrNotFound) }
func conflict(what, id string) error { return fmt.Errorf("%s %q: %w", what, id, community.ErrConflict) }
