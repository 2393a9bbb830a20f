package local

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// backfills build the indexes added after stores were first written: a file
// written by an older version has no bucket for them, and Open fills each
// from the records in the transaction that creates its bucket, so an index is
// either complete or absent.
var backfills = []struct {
	bucket []byte
	fill   func(tx *bolt.Tx) error
}{
	{bMemberNext, backfillNext},
	{bNotesUnread, backfillUnread},
}

// createBuckets creates the missing buckets and fills the new indexes.
func createBuckets(tx *bolt.Tx) error {
	var fills []func(tx *bolt.Tx) error
	for _, b := range backfills {
		if tx.Bucket(b.bucket) == nil {
			fills = append(fills, b.fill)
		}
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	for _, fill := range fills {
		if err := fill(tx); err != nil {
			return err
		}
	}
	return nil
}

// backfillNext copies each event's times onto its RSVPs and lists them in
// member_next.
func backfillNext(tx *bolt.Tx) error {
	var rs []rsvpRec
	err := each(tx.Bucket(bRSVPs), nil, func(_, v []byte) (bool, error) {
		var r rsvpRec
		if err := decode(v, &r); err != nil {
			return false, err
		}
		rs = append(rs, r)
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("backfill member_next: %w", err)
	}
	events := map[string]eventRec{}
	for _, r := range rs {
		e, ok := events[r.EventID]
		if !ok {
			e, err = loadEvent(tx, r.EventID)
			if errors.Is(err, community.ErrNotFound) {
				continue // an RSVP to no event is no one's next event
			} else if err != nil {
				return fmt.Errorf("backfill member_next: %w", err)
			}
			events[r.EventID] = e
		}
		stampRSVP(&r, e)
		if err := putRSVP(tx, r); err != nil {
			return fmt.Errorf("backfill member_next: %w", err)
		}
	}
	return nil
}

// backfillUnread lists the notifications not read (notifications and
// notif_unread share their keys).
func backfillUnread(tx *bolt.Tx) error {
	var keys [][]byte
	err := each(tx.Bucket(bNotes), nil, func(key, v []byte) (bool, error) {
		var n notificationRec
		if err := decode(v, &n); err != nil {
			return false, err
		}
		if !n.Read {
			keys = append(keys, bytes.Clone(key))
		}
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("backfill notif_unread: %w", err)
	}
	unread := tx.Bucket(bNotesUnread)
	for _, key := range keys {
		if err := unread.Put(key, nil); err != nil {
			return fmt.Errorf("backfill notif_unread: %w", err)
		}
	}
	return nil
}
