package firestore

import (
	"context"
	"sync"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community"
)

// Listener limits: each listener reads at most this many documents when it
// (re)connects, whatever the size of the community.
const (
	listenAnnouncements = 20
	listenEvents        = 20
	listenPolls         = 10
	listenThreads       = 20
	listenStories       = 10
	listenNotifications = 20
)

// Reconnection backoff of a failed listener.
var (
	listenRetryMin = 250 * time.Millisecond
	listenRetryMax = 30 * time.Second
)

// listener is one narrow snapshot query and how its documents become changes.
type listener struct {
	name   string
	query  firestore.Query        // used when doc is nil
	doc    *firestore.DocumentRef // a single document
	change func(*firestore.DocumentRef) community.Change
	// resync is told when a query listener (re)connects (see followOnce):
	// its kind with no ID, "any of them may have changed".
	resync community.Change
}

// resyncChange is what l tells when it (re)connects: the document's own
// change for a single-document listener, else l.resync.
func (l listener) resyncChange() community.Change {
	if l.doc != nil {
		return l.change(l.doc)
	}
	return l.resync
}

// listeners are the narrow queries Watch follows for other clients' writes:
// what the open screens show, never a whole large collection (see doc.go).
func (s *Store) listeners() []listener {
	simple := func(kind community.Kind) func(*firestore.DocumentRef) community.Change {
		return func(ref *firestore.DocumentRef) community.Change { return community.Change{Kind: kind, ID: ref.ID} }
	}
	all := func(kind community.Kind) community.Change { return community.Change{Kind: kind} }
	ls := []listener{
		{name: "community", doc: s.root, change: func(*firestore.DocumentRef) community.Change {
			return community.Change{Kind: community.KindCommunity, ID: s.cid}
		}},
		{name: "announcements", query: s.col("announcements").OrderBy("publishAt", firestore.Desc).Limit(listenAnnouncements),
			change: simple(community.KindAnnouncement), resync: all(community.KindAnnouncement)},
		{name: "events", query: s.col("events").Where("startsAt", ">=", time.Now().AddDate(0, 0, -1)).
			OrderBy("startsAt", firestore.Asc).Limit(listenEvents), change: simple(community.KindEvent), resync: all(community.KindEvent)},
		{name: "polls", query: s.col("polls").OrderBy("createdAt", firestore.Desc).Limit(listenPolls),
			change: simple(community.KindPoll), resync: all(community.KindPoll)},
		{name: "threads", query: s.col("threads").OrderBy("lastPostAt", firestore.Desc).Limit(listenThreads),
			change: simple(community.KindThread), resync: all(community.KindThread)},
		{name: "stories", query: s.col("stories").Where("status", "==", string(community.StoryPublished)).
			OrderBy("sortAt", firestore.Desc).Limit(listenStories), change: simple(community.KindStory), resync: all(community.KindStory)},
	}
	if uid := s.memberID; uid != "" {
		ls = append(ls,
			listener{name: "member", doc: s.memberRef(uid), change: func(*firestore.DocumentRef) community.Change {
				return community.Change{Kind: community.KindMember, ID: uid, MemberID: uid}
			}},
			listener{name: "notifications", query: s.memberRef(uid).Collection("notifications").
				OrderBy("at", firestore.Desc).Limit(listenNotifications),
				change: func(ref *firestore.DocumentRef) community.Change {
					return community.Change{Kind: community.KindNotification, ID: ref.ID, MemberID: uid}
				},
				resync: community.Change{Kind: community.KindNotification, MemberID: uid}})
	}
	return ls
}

// startListeners runs the snapshot listeners while the change feed has
// subscribers; the returned function stops them and waits until they have.
func (s *Store) startListeners() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go s.listen(ctx, stopped)
	return func() {
		cancel()
		<-stopped
	}
}

// listen runs every listener until ctx is done, then closes stopped.
func (s *Store) listen(ctx context.Context, stopped chan struct{}) {
	defer close(stopped)
	var wg sync.WaitGroup
	for _, l := range s.listeners() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.follow(ctx, l)
		}()
	}
	wg.Wait()
}

// follow runs one listener, reconnecting with exponential backoff when it
// fails. A failure is told to subscribers as Change{KindConnection,
// "offline"}, the first snapshot after it as "online".
//
// The first snapshot of every connection (the first one too) is told as a
// resync (see followOnce): what was written while the listener was not
// listening — between a screen's read and the listener's start, or during an
// outage — reaches the open screen that way, and nothing is lost.
func (s *Store) follow(ctx context.Context, l listener) {
	pause := listenRetryMin
	for ctx.Err() == nil {
		err := s.followOnce(ctx, l, func() { pause = listenRetryMin })
		if ctx.Err() != nil {
			return
		}
		if transient(err) {
			s.hub.Offline()
		} else if err != nil {
			pause = listenRetryMax // refused (rules, a missing index): do not hammer
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(pause*2, listenRetryMax)
	}
}

// followOnce runs l until its stream fails or ctx is done.
//
// Its first snapshot only lists what exists now, not what changed; a
// listener cannot know what its subscribers missed before it, so the first
// snapshot yields l.resync: one change for the whole kind (ID "") from a
// query — a screen that lists the kind reloads once, not once per document
// — and the document's own change from a single-document listener.
func (s *Store) followOnce(ctx context.Context, l listener, connected func()) error {
	first := true
	emit := func(refs []*firestore.DocumentRef) {
		if first {
			first = false
			connected()
			s.hub.Online()
			s.hub.Publish([]community.Change{l.resyncChange()})
			return
		}
		ch := make([]community.Change, 0, len(refs))
		for _, ref := range refs {
			ch = append(ch, l.change(ref))
		}
		s.hub.Publish(ch)
	}
	if l.doc != nil {
		it := l.doc.Snapshots(ctx)
		defer it.Stop()
		for {
			snap, err := it.Next()
			if err != nil {
				return err
			}
			emit([]*firestore.DocumentRef{snap.Ref})
		}
	}
	it := l.query.Snapshots(ctx)
	defer it.Stop()
	for {
		snap, err := it.Next()
		if err != nil {
			return err
		}
		refs := make([]*firestore.DocumentRef, 0, len(snap.Changes))
		for _, c := range snap.Changes {
			refs = append(refs, c.Doc.Ref)
		}
		emit(refs)
	}
}

// transient reports whether err means the backend could not be reached (as
// opposed to a refusal).
func transient(err error) bool {
	switch status.Code(err) {
	case codes.OK:
		return false
	case codes.PermissionDenied, codes.Unauthenticated, codes.InvalidArgument, codes.FailedPrecondition, codes.NotFound:
		return false
	}
	return true
}
