package firestore

import (
	"fmt"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// BulkDoc returns where a record lives and its stored form, in the store's
// layout (doc.go), for writing many records at once with batched writes as an
// admin: the benchmark's large communities and seeding. The records are
// written as they are, counters included (an event's going, a member's
// points): the caller keeps them consistent. It knows ledger entries, events,
// RSVPs (with their copy of the event's times), announcements and polls.
func (s *Store) BulkDoc(record any) (*firestore.DocumentRef, any, error) {
	switch r := record.(type) {
	case community.LedgerEntry:
		return s.memberRef(r.MemberID).Collection("ledger").Doc(r.ID), toLedgerDoc(r), nil
	case community.Event:
		d := toEventDoc(r)
		d.settle()
		return s.eventRef(r.ID), d, nil
	case community.RSVP:
		d := rsvpDoc{Community: s.cid, Event: r.EventID, Member: r.MemberID, Name: r.Name, Status: string(r.Status),
			At: r.At, Seq: r.Seq, EventStartsAt: r.EventStartsAt, EventEndsAt: r.EventEndsAt}
		return s.rsvpRef(r.EventID, r.MemberID), d, nil
	case community.Announcement:
		return s.announcementRef(r.ID), toAnnouncementDoc(r), nil
	case community.Poll:
		return s.pollRef(r.ID), toPollDoc(r), nil
	}
	return nil, nil, fmt.Errorf("bulk doc: no layout for %T", record)
}
