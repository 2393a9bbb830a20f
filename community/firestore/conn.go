package firestore

import (
	"context"
	"sync/atomic"

	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community/changefeed"
)

// connMonitor watches every RPC of a client Dial made and tells the store's
// Watch subscribers when the backend becomes unreachable and reachable again.
// The Go client retries a broken listener stream by itself, so listeners alone
// never see an outage; the monitor sees each attempt fail with Unavailable.
type connMonitor struct {
	hub atomic.Pointer[changefeed.Feed]
}

func (m *connMonitor) options() []option.ClientOption {
	return []option.ClientOption{
		option.WithGRPCDialOption(grpc.WithChainUnaryInterceptor(m.unary)),
		option.WithGRPCDialOption(grpc.WithChainStreamInterceptor(m.stream)),
	}
}

// observe reports err (nil for a success) to the hub.
func (m *connMonitor) observe(err error) {
	h := m.hub.Load()
	if h == nil {
		return
	}
	switch status.Code(err) {
	case codes.OK:
		h.Online()
	case codes.Unavailable:
		h.Offline()
	}
}

func (m *connMonitor) unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
	invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	err := invoker(ctx, method, req, reply, cc, opts...)
	m.observe(err)
	return err
}

func (m *connMonitor) stream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
	streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	s, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil {
		m.observe(err)
		return s, err
	}
	return &monitoredStream{ClientStream: s, m: m}, nil
}

// monitoredStream reports each message received, and a broken stream.
type monitoredStream struct {
	grpc.ClientStream
	m *connMonitor
}

func (s *monitoredStream) RecvMsg(msg any) error {
	err := s.ClientStream.RecvMsg(msg)
	if err == nil || status.Code(err) == codes.Unavailable {
		s.m.observe(err)
	}
	return err
}
