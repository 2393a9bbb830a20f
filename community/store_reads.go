package community

import "context"

// ReadStore keeps what each member has read of the forum (reads.go): one
// record per member, read by the forum list in one go.
type ReadStore interface {
	// ReadState returns a member's read state: a zero state (MemberID set,
	// no threads, zero floor) when they never marked a thread read.
	ReadState(ctx context.Context, memberID string) (ReadState, error)
	// UpdateReadState changes a member's read state with fn atomically and
	// returns it; when fn returns false nothing is written. fn may run more
	// than once (see the Store guarantees). The store keeps MemberID; a
	// state with more than ReadKeep threads is refused (ReasonTooLong).
	// Watchers receive a KindReadState change with the member's ID.
	UpdateReadState(ctx context.Context, memberID string, fn func(*ReadState) bool) (ReadState, error)
}
