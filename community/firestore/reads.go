package firestore

import (
	"context"
	"maps"
	"strings"
	"sync"

	"cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
)

// ReadCounter counts the documents Firestore returns to a client, as they are
// billed: a document of a query (RunQuery), of a batch get
// (BatchGetDocuments, transactions included) or of GetDocument is one read,
// an aggregation result is one read, a document pushed by a listener
// (Listen) is one read. Install it with Options. Tests and the benchmark
// use it to prove that screens read a bounded number of documents.
type ReadCounter struct {
	mu       sync.Mutex
	n        int
	byMethod map[string]int
}

// UnaryOption installs the counter on unary calls (GetDocument, ListDocuments).
func (c *ReadCounter) UnaryOption() option.ClientOption {
	return option.WithGRPCDialOption(grpc.WithChainUnaryInterceptor(c.unary))
}

// StreamOption installs the counter on streaming calls (queries, batch gets,
// aggregations, listeners); Options returns both.
func (c *ReadCounter) StreamOption() option.ClientOption {
	return option.WithGRPCDialOption(grpc.WithChainStreamInterceptor(c.stream))
}

// Options returns both of the counter's client options.
func (c *ReadCounter) Options() []option.ClientOption {
	return []option.ClientOption{c.UnaryOption(), c.StreamOption()}
}

// Reads returns the documents counted since the last Reset.
func (c *ReadCounter) Reads() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// ByMethod returns the reads per RPC method name (e.g. "RunQuery").
func (c *ReadCounter) ByMethod() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.byMethod)
}

// Reset sets the count to zero.
func (c *ReadCounter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n, c.byMethod = 0, nil
}

func (c *ReadCounter) add(method string, n int) {
	if n == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byMethod == nil {
		c.byMethod = map[string]int{}
	}
	c.n += n
	c.byMethod[method[strings.LastIndexByte(method, '/')+1:]] += n
}

func (c *ReadCounter) unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
	invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	err := invoker(ctx, method, req, reply, cc, opts...)
	if err == nil {
		switch r := reply.(type) {
		case *firestorepb.Document:
			c.add(method, 1)
		case *firestorepb.ListDocumentsResponse:
			c.add(method, len(r.GetDocuments()))
		}
	}
	return err
}

func (c *ReadCounter) stream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
	streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	s, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil {
		return s, err
	}
	return &countingStream{ClientStream: s, c: c, method: method}, nil
}

// countingStream counts the documents in the messages a stream receives.
type countingStream struct {
	grpc.ClientStream
	c      *ReadCounter
	method string
}

func (s *countingStream) RecvMsg(m any) error {
	err := s.ClientStream.RecvMsg(m)
	if err != nil {
		return err
	}
	switch r := m.(type) {
	case *firestorepb.RunQueryResponse:
		if r.GetDocument() != nil {
			s.c.add(s.method, 1)
		}
	case *firestorepb.BatchGetDocumentsResponse:
		if r.GetFound() != nil {
			s.c.add(s.method, 1)
		}
	case *firestorepb.RunAggregationQueryResponse:
		if r.GetResult() != nil {
			s.c.add(s.method, 1)
		}
	case *firestorepb.ListenResponse:
		if r.GetDocumentChange() != nil {
			s.c.add(s.method, 1)
		}
	}
	return nil
}
