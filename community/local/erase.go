package local

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// DeleteMember erases a member in one transaction: the profile, its index
// entries, the ledger and the notifications go; the threads, posts and
// stories they wrote and their RSVPs stay with the author's name cleared and
// the (opaque, random) member ID kept, as store.go documents. Votes, likes,
// reactions and reports are keyed by that ID alone and stay, so every counter
// still equals its records.
func (s *Store) DeleteMember(ctx context.Context, id string) error {
	return s.update(ctx, "delete member "+id, func(tx *bolt.Tx, ch *changes) error {
		m, err := loadMember(tx, id)
		if err != nil {
			return err
		}
		if m.Code != "" {
			if err := tx.Bucket(bMemberCodes).Delete([]byte(m.Code)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bMemberNames).Delete(k(fold(m.Name), id)); err != nil {
			return err
		}
		if err := tx.Bucket(bMemberPoints).Delete(cat(be64(uint64(m.LifetimePoints)), []byte(id))); err != nil {
			return err
		}
		if err := tx.Bucket(bMembers).Delete([]byte(id)); err != nil {
			return err
		}
		if err := deleteCard(tx, id); err != nil {
			return err
		}
		if err := tx.Bucket(bReads).Delete([]byte(id)); err != nil {
			return err
		}
		for _, b := range [][]byte{bLedger, bLedgerIDs, bNotes, bNotesAt, bNotesUnread} {
			if err := deletePrefix(tx.Bucket(b), prefix(id)); err != nil {
				return err
			}
		}
		if err := anonymiseAuthored(tx, id, ch); err != nil {
			return err
		}
		if err := anonymiseRSVPs(tx, id, ch); err != nil {
			return err
		}
		ch.add(community.KindMember, id, "", id)
		return nil
	})
}

// anonymiseAuthored clears the author's name on what they wrote, found
// through the authored index rather than by scanning every post.
func anonymiseAuthored(tx *bolt.Tx, id string, ch *changes) error {
	authored := tx.Bucket(bAuthored)
	var keys [][]byte
	err := each(authored, prefix(id), func(key, _ []byte) (bool, error) {
		keys = append(keys, bytes.Clone(key))
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, key := range keys {
		parts := bytes.Split(key[len(prefix(id)):], []byte{0})
		switch {
		case string(parts[0]) == "t" && len(parts) == 2:
			t, err := loadThread(tx, string(parts[1]))
			if err != nil {
				return err
			}
			old := t
			t.AuthorName = ""
			if err := saveThread(tx, &old, t); err != nil {
				return err
			}
			ch.add(community.KindThread, t.ID, "", id)
		case string(parts[0]) == "p" && len(parts) == 3:
			p, err := loadPost(tx, string(parts[1]), string(parts[2]))
			if err != nil {
				return err
			}
			p.AuthorName = ""
			if err := savePost(tx, p); err != nil {
				return err
			}
			ch.add(community.KindPost, p.ID, p.ThreadID, id)
		case string(parts[0]) == "s" && len(parts) == 2:
			st, err := loadStory(tx, string(parts[1]))
			if err != nil {
				return err
			}
			old := st
			st.AuthorName, st.AuthorSince = "", time.Time{}
			if err := saveStory(tx, &old, st); err != nil {
				return err
			}
			ch.add(community.KindStory, st.ID, "", id)
		}
		if err := authored.Delete(key); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseRSVPs clears the member's name on their RSVPs; seats and places on
// waitlists stay as they were.
func anonymiseRSVPs(tx *bolt.Tx, id string, ch *changes) error {
	return each(tx.Bucket(bMemberRSVPs), prefix(id), func(key, _ []byte) (bool, error) {
		r, found, err := loadRSVP(tx, lastPart(key), id)
		if err != nil || !found {
			return err == nil, err
		}
		r.Name = ""
		ch.add(community.KindRSVP, id, r.EventID, id)
		return true, putJSON(tx.Bucket(bRSVPs), k(r.EventID, id), r)
	})
}
