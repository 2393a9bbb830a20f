package bench

import (
	"context"
	"errors"
	"io"
	"maps"
	"strings"
	"sync"

	"cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
)

// Meter counts what Firestore bills a client for, from the client's side of
// its gRPC calls (the emulator keeps no bill), by the rules of
// cloud.google.com/firestore/pricing:
//
//   - a document returned by a query, a batch get, a get or a list is one read;
//     a query or a listener's first snapshot that returns nothing is one read
//     (the minimum charge); a get of a missing document is one read;
//   - a count aggregation is one read per 1,000 index entries counted (the
//     count returned), at least one;
//   - a listener is billed one read for every document added to or changed in
//     its results after its first snapshot, and for a document that left the
//     results because it changed (DocumentRemove), not for a deleted one;
//   - every set, update or create in a commit (a transaction's or a batch's)
//     is one write, every delete one delete.
//
// Not seen from the client, so not counted: the documents that security
// rules read with get() and exists() (billed as reads on the real service),
// index entries read by queries with several range filters, storage and
// network. firestore.ReadCounter counts the same documents for the store's
// tests, without the minimum charge, writes or the listener split.
type Meter struct {
	mu sync.Mutex
	b  Bill
}

// Bill is what a Meter counted.
type Bill struct {
	Reads         int            // every billed read, listener reads included
	ListenInitial int            // of which listeners' first snapshots
	ListenUpdates int            // of which listeners' later changes
	Writes        int            // sets, updates and creates
	Deletes       int            // deletes
	ReadsByMethod map[string]int // by RPC ("RunQuery", "Listen", ...)
	// UpdatesBy splits ListenUpdates by what changed: "announcements",
	// "events", "threads", "polls", "stories", "community", "member" (the
	// member's own document), "notifications".
	UpdatesBy      map[string]int
	WritesByMethod map[string]int
}

// Options installs the meter on a client (firestore.Config.ClientOptions).
func (m *Meter) Options() []option.ClientOption {
	return []option.ClientOption{
		option.WithGRPCDialOption(grpc.WithChainUnaryInterceptor(m.unary)),
		option.WithGRPCDialOption(grpc.WithChainStreamInterceptor(m.stream)),
	}
}

// Bill returns what was counted since the last Reset.
func (m *Meter) Bill() Bill {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := m.b
	b.ReadsByMethod, b.WritesByMethod = maps.Clone(m.b.ReadsByMethod), maps.Clone(m.b.WritesByMethod)
	b.UpdatesBy = maps.Clone(m.b.UpdatesBy)
	return b
}

// Reset sets every count to zero.
func (m *Meter) Reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.b = Bill{}
}

func short(method string) string { return method[strings.LastIndexByte(method, '/')+1:] }

func (m *Meter) read(method string, n int, listen int) {
	if n == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.b.Reads += n
	switch listen {
	case listenFirst:
		m.b.ListenInitial += n
	case listenLater:
		m.b.ListenUpdates += n
	}
	if m.b.ReadsByMethod == nil {
		m.b.ReadsByMethod = map[string]int{}
	}
	m.b.ReadsByMethod[short(method)] += n
}

const (
	notListen = iota
	listenFirst
	listenLater
)

func (m *Meter) unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
	invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	err := invoker(ctx, method, req, reply, cc, opts...)
	if err != nil {
		if short(method) == "GetDocument" && strings.Contains(err.Error(), "NotFound") {
			m.read(method, 1, notListen)
		}
		return err
	}
	switch r := reply.(type) {
	case *firestorepb.Document:
		m.read(method, 1, notListen)
	case *firestorepb.ListDocumentsResponse:
		m.read(method, max(len(r.GetDocuments()), 1), notListen)
	case *firestorepb.CommitResponse:
		m.commit(method, req.(*firestorepb.CommitRequest).GetWrites())
	case *firestorepb.BatchWriteResponse:
		m.commit(method, req.(*firestorepb.BatchWriteRequest).GetWrites())
	}
	return nil
}

func (m *Meter) commit(method string, ws []*firestorepb.Write) {
	if len(ws) == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.b.WritesByMethod == nil {
		m.b.WritesByMethod = map[string]int{}
	}
	for _, w := range ws {
		if w.GetDelete() != "" {
			m.b.Deletes++
		} else {
			m.b.Writes++
		}
	}
	m.b.WritesByMethod[short(method)] += len(ws)
}

func (m *Meter) stream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
	streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	s, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil {
		return s, err
	}
	return &meteredStream{ClientStream: s, m: m, method: method}, nil
}

// meteredStream bills the messages one stream receives.
type meteredStream struct {
	grpc.ClientStream
	m      *Meter
	method string
	docs   int  // documents so far (queries; a listener's first snapshot)
	ended  bool // the minimum charge was settled
	// Listen: current is set once the first snapshot is complete (the target
	// is CURRENT with a read time: a NO_CHANGE carrying read_time).
	current bool
	pending bool // CURRENT seen, waiting for the snapshot's read time
}

func (s *meteredStream) RecvMsg(msg any) error {
	err := s.ClientStream.RecvMsg(msg)
	if err != nil {
		// A query stream that ends having returned no document costs one read.
		if errors.Is(err, io.EOF) && !s.ended && s.docs == 0 {
			switch short(s.method) {
			case "RunQuery":
				s.m.read(s.method, 1, notListen)
			}
		}
		s.ended = true
		return err
	}
	switch r := msg.(type) {
	case *firestorepb.RunQueryResponse:
		if r.GetDocument() != nil {
			s.docs++
			s.m.read(s.method, 1, notListen)
		}
	case *firestorepb.BatchGetDocumentsResponse:
		if r.GetFound() != nil || r.GetMissing() != "" {
			s.docs++
			s.m.read(s.method, 1, notListen)
		}
	case *firestorepb.RunAggregationQueryResponse:
		if res := r.GetResult(); res != nil {
			n := 0
			for _, v := range res.GetAggregateFields() {
				n = max(n, int(v.GetIntegerValue()))
			}
			s.docs++
			s.m.read(s.method, max(1, (n+999)/1000), notListen)
		}
	case *firestorepb.ListenResponse:
		s.listen(r)
	}
	return nil
}

func (s *meteredStream) listen(r *firestorepb.ListenResponse) {
	phase := listenLater
	if !s.current {
		phase = listenFirst
	}
	switch {
	case r.GetDocumentChange() != nil, r.GetDocumentRemove() != nil:
		s.docs++
		s.m.read(s.method, 1, phase)
		if phase == listenLater {
			name := r.GetDocumentChange().GetDocument().GetName()
			if name == "" {
				name = r.GetDocumentRemove().GetDocument()
			}
			s.m.update(collectionOf(name))
		}
	case r.GetTargetChange() != nil:
		tc := r.GetTargetChange()
		if tc.GetTargetChangeType() == firestorepb.TargetChange_CURRENT {
			s.pending = true
		}
		// The snapshot is complete when a change with a read time follows
		// CURRENT (or carries it): an empty first snapshot is one read.
		if s.pending && !s.current && tc.GetReadTime() != nil && len(tc.GetTargetIds()) == 0 {
			s.current = true
			if s.docs == 0 {
				s.m.read(s.method, 1, listenFirst)
			}
		}
	}
}

func (m *Meter) update(what string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.b.UpdatesBy == nil {
		m.b.UpdatesBy = map[string]int{}
	}
	m.b.UpdatesBy[what]++
}

// collectionOf names what a document of a community is, from its full name
// (projects/p/databases/d/documents/communities/{cid}/...).
func collectionOf(name string) string {
	_, rest, ok := strings.Cut(name, "/documents/communities/")
	if !ok {
		return "other"
	}
	parts := strings.Split(rest, "/")
	switch {
	case len(parts) == 1:
		return "community"
	case len(parts) >= 4 && parts[1] == "members":
		return parts[3]
	case parts[1] == "members":
		return "member"
	}
	return parts[1]
}
