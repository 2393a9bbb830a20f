package firestore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/changefeed"
)

var _ community.Store = (*Store)(nil)

// DefaultShards is how many counter documents a poll's tally is spread over.
const DefaultShards = 10

// Store is the Firestore community store of one community. It is safe for
// concurrent use.
type Store struct {
	client   *firestore.Client
	cid      string
	root     *firestore.DocumentRef // communities/{cid}
	shards   int
	memberID string // whose own documents Watch follows; "" for none
	owned    bool   // Close closes the client
	hub      *changefeed.Feed
	locks    keyedLocks
	timeout  time.Duration
	// serverTimes: the store writes as a member (an ID token), so the times
	// firestore.rules requires to be the commit's (joining, posting,
	// reporting, feedback, ledger entries) are sent as server timestamps
	// instead of the caller's clock (see stamped).
	serverTimes bool
}

// WithServerTimes makes the store send server timestamps for the times
// firestore.rules requires to equal the commit's (see Store.serverTimes).
// Dial sets it for a member's ID token; admin tools keep the times they pass.
func WithServerTimes() Option { return func(s *Store) { s.serverTimes = true } }

// stamped is doc, a storage struct, as written: when the store writes as a
// member, a map of its fields with the named ones set to the commit's time
// (firestore.ServerTimestamp), which firestore.rules requires of them.
func (s *Store) stamped(doc any, fields ...string) any {
	if !s.serverTimes {
		return doc
	}
	m := fieldMap(doc)
	for _, f := range fields {
		m[f] = firestore.ServerTimestamp
	}
	return m
}

// fieldMap turns a storage struct into the map the client would store: its
// fields by their firestore tag names, omitempty honoured for empty strings.
func fieldMap(doc any) map[string]any {
	v := reflect.ValueOf(doc)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	m := map[string]any{}
	for i := 0; i < v.NumField(); i++ {
		name, opts, _ := strings.Cut(v.Type().Field(i).Tag.Get("firestore"), ",")
		f := v.Field(i)
		if name == "" || name == "-" || strings.Contains(opts, "omitempty") && f.IsZero() {
			continue
		}
		m[name] = f.Interface()
	}
	return m
}

// DefaultTimeout bounds an operation whose context has no deadline: the Go
// client retries an unreachable backend for as long as the context lets it,
// and a member's phone must hear "unavailable" rather than wait forever.
const DefaultTimeout = 30 * time.Second

// withTimeout gives ctx the store's timeout unless it has a deadline.
func (s *Store) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok || s.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, s.timeout)
}

// WithTimeout bounds each operation whose context has no deadline (default
// DefaultTimeout; 0 or less: no bound).
func WithTimeout(d time.Duration) Option { return func(s *Store) { s.timeout = d } }

// Option configures New.
type Option func(*Store)

// WithShards spreads poll tallies over n counter documents (default DefaultShards).
func WithShards(n int) Option {
	return func(s *Store) {
		if n > 0 {
			s.shards = n
		}
	}
}

// WithMember makes Watch also follow the member's own document and
// notifications (the signed-in member of the app).
func WithMember(uid string) Option { return func(s *Store) { s.memberID = uid } }

// New returns the store of community communityID over client. The caller
// keeps ownership of client: Close does not close it.
func New(_ context.Context, client *firestore.Client, communityID string, opts ...Option) *Store {
	s := &Store{client: client, cid: communityID, root: client.Collection("communities").Doc(communityID),
		shards: DefaultShards, timeout: DefaultTimeout}
	for _, o := range opts {
		o(s)
	}
	s.hub = changefeed.New(s.startListeners)
	return s
}

// Client returns the Firestore client the store uses.
func (s *Store) Client() *firestore.Client { return s.client }

// CommunityID returns the ID of the community the store keeps.
func (s *Store) CommunityID() string { return s.cid }

// Close ends every Watch and, when the store dialled its own client, closes it.
func (s *Store) Close() error {
	s.hub.Close()
	if s.owned {
		if err := s.client.Close(); err != nil {
			return fmt.Errorf("close firestore store: %w", err)
		}
	}
	return nil
}

// Watch streams the changes committed from now until ctx is done or the store
// is closed, then closes the channel: this store's own writes as soon as they
// commit, and other clients' writes to the documents the snapshot listeners
// follow (see doc.go). A slow reader gets changes coalesced by kind and ID.
func (s *Store) Watch(ctx context.Context) <-chan community.Change { return s.hub.Subscribe(ctx) }

// Collection references.
func (s *Store) col(name string) *firestore.CollectionRef { return s.root.Collection(name) }
func (s *Store) memberRef(id string) *firestore.DocumentRef {
	return s.col("members").Doc(id)
}
func (s *Store) eventRef(id string) *firestore.DocumentRef  { return s.col("events").Doc(id) }
func (s *Store) threadRef(id string) *firestore.DocumentRef { return s.col("threads").Doc(id) }
func (s *Store) postRef(threadID, postID string) *firestore.DocumentRef {
	return s.threadRef(threadID).Collection("posts").Doc(postID)
}
func (s *Store) storyRef(id string) *firestore.DocumentRef { return s.col("stories").Doc(id) }
func (s *Store) pollRef(id string) *firestore.DocumentRef  { return s.col("polls").Doc(id) }

// changes collects what a write changed, published after commit.
type changes []community.Change

func (c *changes) add(kind community.Kind, id, parent, member string) {
	*c = append(*c, community.Change{Kind: kind, ID: id, Parent: parent, MemberID: member})
}

// txAttempts bounds the tries of one transaction under contention (the
// client's default of 5 is too few for 200 members answering one event).
const txAttempts = 60

// retryable reports whether a transaction failed without committing in a
// way a new attempt can cure: aborted for contention, or forgotten by a
// backend that restarted under it ("Transaction is invalid or closed", seen
// when the emulator was killed mid-burst in make bench).
func retryable(err error) bool {
	switch status.Code(err) {
	case codes.Aborted:
		return true
	case codes.InvalidArgument:
		return strings.Contains(status.Convert(err).Message(), "Transaction is invalid or closed")
	}
	return false
}

// run runs fn in a read-write transaction, retrying it when the backend aborts
// it for contention, and publishes fn's changes once it has committed. fn must
// do all its reads before its writes and may run more than once. keys name
// the hot documents fn writes (see keyedLocks): this store's transactions on
// them run one at a time.
func (s *Store) run(ctx context.Context, op string, keys []string, fn func(tx *firestore.Transaction, ch *changes) error) error {
	unlock, err := s.locks.lock(ctx, keys)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	defer unlock()
	var ch changes
	pause := 5 * time.Millisecond
	for attempt := 0; attempt < txAttempts; attempt++ {
		err = s.client.RunTransaction(ctx, func(_ context.Context, tx *firestore.Transaction) error {
			ch = ch[:0]
			return fn(tx, &ch)
		}, firestore.MaxAttempts(1))
		if !retryable(err) || ctx.Err() != nil {
			break
		}
		// Jittered exponential backoff: the client's own starts at 1 s, far
		// too slow for a burst of members on one document.
		select {
		case <-time.After(pause/2 + rand.N(pause)):
		case <-ctx.Done():
		}
		pause = min(pause*2, 500*time.Millisecond)
	}
	if err != nil {
		return s.wrap(op, err)
	}
	s.hub.Online()
	s.hub.Publish(ch)
	return nil
}

// write runs one write outside a transaction and publishes ch after it.
func (s *Store) write(op string, err error, ch ...community.Change) error {
	if err != nil {
		return s.wrap(op, err)
	}
	s.hub.Online()
	s.hub.Publish(ch)
	return nil
}

// wrap adds the operation to err and maps gRPC codes to the community's
// sentinel errors. Errors that are not gRPC statuses (validation errors,
// errors of update functions, already mapped sentinels) keep their identity.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var sentinel error
	switch status.Code(err) {
	case codes.NotFound:
		sentinel = community.ErrNotFound
	case codes.AlreadyExists, codes.Aborted, codes.FailedPrecondition:
		sentinel = community.ErrConflict
	case codes.PermissionDenied, codes.Unauthenticated:
		sentinel = community.ErrForbidden
	case codes.Unavailable, codes.DeadlineExceeded:
		sentinel = community.ErrUnavailable
	}
	if errors.Is(err, context.DeadlineExceeded) && sentinel == nil {
		sentinel = community.ErrUnavailable
	}
	if status.Code(err) == codes.Unavailable {
		s.hub.Offline() // a timeout alone may be contention, not an outage
	}
	if sentinel != nil && !errors.Is(err, sentinel) {
		return fmt.Errorf("%s: %w: %w", op, sentinel, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// notFound and conflict build the sentinel errors with the record they name.
func notFound(what, id string) error { return fmt.Errorf("%s %q: %w", what, id, community.ErrNotFound) }
func conflict(what, id string) error { return fmt.Errorf("%s %q: %w", what, id, community.ErrConflict) }

// get reads ref in tx (or outside one when tx is nil) into v; found is false
// when the document does not exist.
func get(ctx context.Context, tx *firestore.Transaction, ref *firestore.DocumentRef, v any) (found bool, err error) {
	var snap *firestore.DocumentSnapshot
	if tx != nil {
		snap, err = tx.Get(ref)
	} else {
		snap, err = ref.Get(ctx)
	}
	if status.Code(err) == codes.NotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := snap.DataTo(v); err != nil {
		return true, fmt.Errorf("decode %s: %w", ref.Path, err)
	}
	return true, nil
}

// must reads ref like get and turns a missing document into ErrNotFound
// naming what.
func must(ctx context.Context, tx *firestore.Transaction, ref *firestore.DocumentRef, v any, what string) error {
	found, err := get(ctx, tx, ref, v)
	if err == nil && !found {
		return notFound(what, ref.ID)
	}
	return err
}

// docs runs q (in tx when not nil) and decodes each document with decode.
func docs(ctx context.Context, tx *firestore.Transaction, q firestore.Query, decode func(*firestore.DocumentSnapshot) error) error {
	var it *firestore.DocumentIterator
	if tx != nil {
		it = tx.Documents(q)
	} else {
		it = q.Documents(ctx)
	}
	snaps, err := it.GetAll()
	if err != nil {
		return err
	}
	for _, snap := range snaps {
		if err := decode(snap); err != nil {
			return fmt.Errorf("decode %s: %w", snap.Ref.Path, err)
		}
	}
	return nil
}

// count runs an aggregation count over q: one read per 1,000 index entries,
// never the documents.
func count(ctx context.Context, q firestore.Query) (int, error) {
	res, err := q.NewAggregationQuery().WithCount("n").Get(ctx)
	if err != nil {
		return 0, err
	}
	return aggInt(res["n"])
}

func aggInt(v any) (int, error) {
	switch n := v.(type) {
	case int64:
		return int(n), nil
	case interface{ GetIntegerValue() int64 }:
		return int(n.GetIntegerValue()), nil
	}
	return 0, fmt.Errorf("aggregation count: unexpected %T", v)
}
