package local

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/regulars-app/regulars/community"
)

// annKey orders announcements: pinned first, then newest publication first.
func annKey(r announcementRec) []byte {
	pin := byte(1)
	if r.Pinned {
		pin = 0
	}
	return cat([]byte{pin}, invTimeKey(r.PublishAt), []byte(r.ID))
}

// SaveAnnouncement creates or replaces an announcement.
func (s *Store) SaveAnnouncement(ctx context.Context, a community.Announcement) error {
	return s.update(ctx, "save announcement "+a.ID, func(tx *bolt.Tx, ch *changes) error {
		if a.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		b, order := tx.Bucket(bAnnouncements), tx.Bucket(bAnnOrder)
		var old announcementRec
		found, err := getJSON(b, []byte(a.ID), &old)
		if err != nil {
			return err
		}
		if found {
			if err := order.Delete(annKey(old)); err != nil {
				return err
			}
		}
		r := toAnnouncementRec(a)
		if err := order.Put(annKey(r), nil); err != nil {
			return err
		}
		ch.add(community.KindAnnouncement, a.ID, "", "")
		return putJSON(b, []byte(a.ID), r)
	})
}

// DeleteAnnouncement removes an announcement.
func (s *Store) DeleteAnnouncement(ctx context.Context, id string) error {
	return s.update(ctx, "delete announcement "+id, func(tx *bolt.Tx, ch *changes) error {
		b := tx.Bucket(bAnnouncements)
		var r announcementRec
		found, err := getJSON(b, []byte(id), &r)
		if err != nil {
			return err
		}
		if !found {
			return notFound("announcement", id)
		}
		if err := tx.Bucket(bAnnOrder).Delete(annKey(r)); err != nil {
			return err
		}
		ch.add(community.KindAnnouncement, id, "", "")
		return b.Delete([]byte(id))
	})
}

// Announcement returns an announcement.
func (s *Store) Announcement(ctx context.Context, id string) (community.Announcement, error) {
	var r announcementRec
	err := s.view(ctx, "announcement "+id, func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bAnnouncements), []byte(id), &r)
		if err == nil && !found {
			err = notFound("announcement", id)
		}
		return err
	})
	return fromAnnouncementRec(r), err
}

// Announcements walks the order index, skipping those scheduled after
// publishedBy by their key alone.
func (s *Store) Announcements(ctx context.Context, publishedBy time.Time, limit int) ([]community.Announcement, error) {
	var out []community.Announcement
	by := invTimeKey(publishedBy)
	err := s.view(ctx, "announcements", func(tx *bolt.Tx) error {
		b := tx.Bucket(bAnnouncements)
		return each(tx.Bucket(bAnnOrder), nil, func(key, _ []byte) (bool, error) {
			if !publishedBy.IsZero() && bytes.Compare(key[1:13], by) < 0 {
				return true, nil // published after publishedBy
			}
			var r announcementRec
			if _, err := getJSON(b, key[13:], &r); err != nil {
				return false, err
			}
			out = append(out, fromAnnouncementRec(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// SaveFeedback creates or replaces an answer.
func (s *Store) SaveFeedback(ctx context.Context, f community.Feedback) error {
	return s.update(ctx, "save feedback "+f.ID, func(tx *bolt.Tx, ch *changes) error {
		if f.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		b, at := tx.Bucket(bFeedback), tx.Bucket(bFeedbackAt)
		var old feedbackRec
		found, err := getJSON(b, []byte(f.ID), &old)
		if err != nil {
			return err
		}
		if found {
			if err := at.Delete(cat(timeKey(old.At), []byte(old.ID))); err != nil {
				return err
			}
		}
		if err := at.Put(cat(timeKey(f.At), []byte(f.ID)), nil); err != nil {
			return err
		}
		ch.add(community.KindFeedback, f.ID, "", f.MemberID)
		return putJSON(b, []byte(f.ID), feedbackRec(f))
	})
}

// Feedback returns answers given at or after since, oldest first.
func (s *Store) Feedback(ctx context.Context, since time.Time) ([]community.Feedback, error) {
	var out []community.Feedback
	err := s.view(ctx, "feedback", func(tx *bolt.Tx) error {
		b, c := tx.Bucket(bFeedback), tx.Bucket(bFeedbackAt).Cursor()
		for key, _ := c.Seek(timeKey(since)); key != nil; key, _ = c.Next() {
			var r feedbackRec
			if _, err := getJSON(b, key[12:], &r); err != nil {
				return err
			}
			out = append(out, community.Feedback(r))
		}
		return nil
	})
	return out, err
}

// Notify stores n once per member and ID; a repeat changes nothing.
func (s *Store) Notify(ctx context.Context, n community.Notification) error {
	return s.update(ctx, "notify "+n.MemberID, func(tx *bolt.Tx, ch *changes) error {
		if n.ID == "" || n.MemberID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		b := tx.Bucket(bNotes)
		if b.Get(k(n.MemberID, n.ID)) != nil {
			return nil
		}
		if err := tx.Bucket(bNotesAt).Put(cat(prefix(n.MemberID), timeKey(n.At), []byte(n.ID)), nil); err != nil {
			return err
		}
		if !n.Read {
			if err := tx.Bucket(bNotesUnread).Put(k(n.MemberID, n.ID), nil); err != nil {
				return err
			}
		}
		ch.add(community.KindNotification, n.ID, "", n.MemberID)
		return putJSON(b, k(n.MemberID, n.ID), notificationRec(n))
	})
}

// Notifications returns a member's notifications, newest first.
func (s *Store) Notifications(ctx context.Context, memberID string, limit int) ([]community.Notification, error) {
	var out []community.Notification
	err := s.view(ctx, "notifications of "+memberID, func(tx *bolt.Tx) error {
		b, pfx := tx.Bucket(bNotes), prefix(memberID)
		return eachReverse(tx.Bucket(bNotesAt), pfx, func(key, _ []byte) (bool, error) {
			var r notificationRec
			if _, err := getJSON(b, k(memberID, string(key[len(pfx)+12:])), &r); err != nil {
				return false, err
			}
			out = append(out, community.Notification(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// MarkRead marks one notification read.
func (s *Store) MarkRead(ctx context.Context, memberID, id string) error {
	return s.update(ctx, "mark read "+id, func(tx *bolt.Tx, ch *changes) error {
		b := tx.Bucket(bNotes)
		var r notificationRec
		found, err := getJSON(b, k(memberID, id), &r)
		if err != nil {
			return err
		}
		if !found {
			return notFound("notification", id)
		}
		if r.Read {
			return nil
		}
		r.Read = true
		if err := tx.Bucket(bNotesUnread).Delete(k(memberID, id)); err != nil {
			return err
		}
		ch.add(community.KindNotification, id, "", memberID)
		return putJSON(b, k(memberID, id), r)
	})
}

// UnreadCount counts the member's keys in notif_unread, which holds only the
// notifications not read, up to UnreadCap+1.
func (s *Store) UnreadCount(ctx context.Context, memberID string) (int, error) {
	var n int
	err := s.view(ctx, "unread notifications of "+memberID, func(tx *bolt.Tx) error {
		return each(tx.Bucket(bNotesUnread), prefix(memberID), func(_, _ []byte) (bool, error) {
			n++
			return n <= community.UnreadCap, nil
		})
	})
	return n, err
}
