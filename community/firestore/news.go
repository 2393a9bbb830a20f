package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community"
)

// SaveAnnouncement creates or replaces an announcement.
func (s *Store) SaveAnnouncement(ctx context.Context, a community.Announcement) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if a.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	_, err := s.col("announcements").Doc(a.ID).Set(ctx, toAnnouncementDoc(a))
	return s.write("save announcement "+a.ID, err, community.Change{Kind: community.KindAnnouncement, ID: a.ID})
}

// DeleteAnnouncement removes an announcement; a missing one is ErrNotFound.
func (s *Store) DeleteAnnouncement(ctx context.Context, id string) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	_, err := s.col("announcements").Doc(id).Delete(ctx, firestore.Exists)
	return s.write("delete announcement "+id, err, community.Change{Kind: community.KindAnnouncement, ID: id})
}

// Announcement returns an announcement.
func (s *Store) Announcement(ctx context.Context, id string) (community.Announcement, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d announcementDoc
	if err := must(ctx, nil, s.col("announcements").Doc(id), &d, "announcement"); err != nil {
		return community.Announcement{}, s.wrap("announcement "+id, err)
	}
	return fromAnnouncementDoc(id, d), nil
}

// Announcements runs two queries, pinned then not pinned, each published by
// publishedBy and newest first; the second only when the first leaves room
// under limit. At most limit documents are read.
func (s *Store) Announcements(ctx context.Context, publishedBy time.Time, limit int) ([]community.Announcement, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out []community.Announcement
	for _, pinned := range []bool{true, false} {
		if limit > 0 && len(out) >= limit {
			break
		}
		q := s.col("announcements").Where("pinned", "==", pinned)
		if !publishedBy.IsZero() {
			q = q.Where("publishAt", "<=", publishedBy)
		}
		q = q.OrderBy("publishAt", firestore.Desc)
		if limit > 0 {
			q = q.Limit(limit - len(out))
		}
		err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
			var d announcementDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			out = append(out, fromAnnouncementDoc(snap.Ref.ID, d))
			return nil
		})
		if err != nil {
			return nil, s.wrap("announcements", err)
		}
	}
	return out, nil
}

// SaveFeedback creates or replaces an answer.
func (s *Store) SaveFeedback(ctx context.Context, f community.Feedback) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if f.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	d := s.stamped(feedbackDoc{Member: f.MemberID, Score: f.Score, Comment: f.Comment, At: f.At}, "at")
	_, err := s.col("feedback").Doc(f.ID).Set(ctx, d)
	return s.write("save feedback "+f.ID, err, community.Change{Kind: community.KindFeedback, ID: f.ID, MemberID: f.MemberID})
}

// Feedback queries answers given at or after since, oldest first.
func (s *Store) Feedback(ctx context.Context, since time.Time) ([]community.Feedback, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("feedback").Where("at", ">=", since).OrderBy("at", firestore.Asc)
	var out []community.Feedback
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d feedbackDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, community.Feedback{ID: snap.Ref.ID, MemberID: d.Member, Score: d.Score, Comment: d.Comment, At: d.At})
		return nil
	})
	if err != nil {
		return nil, s.wrap("feedback", err)
	}
	return out, nil
}

func (s *Store) noteRef(memberID, id string) *firestore.DocumentRef {
	return s.memberRef(memberID).Collection("notifications").Doc(id)
}

// Notify creates the notification once: a repeat of the ID finds it there
// (AlreadyExists) and changes nothing.
func (s *Store) Notify(ctx context.Context, n community.Notification) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if n.ID == "" || n.MemberID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	d := notificationDoc{Kind: n.Kind, Ref: n.Ref, Title: n.Title, Amount: n.Amount, At: n.At, Read: n.Read}
	_, err := s.noteRef(n.MemberID, n.ID).Create(ctx, d)
	if status.Code(err) == codes.AlreadyExists {
		return nil
	}
	return s.write("notify "+n.MemberID, err, community.Change{Kind: community.KindNotification, ID: n.ID, MemberID: n.MemberID})
}

// Notifications queries a member's notifications, newest first.
func (s *Store) Notifications(ctx context.Context, memberID string, limit int) ([]community.Notification, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.memberRef(memberID).Collection("notifications").OrderBy("at", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.Notification
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d notificationDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, community.Notification{ID: snap.Ref.ID, MemberID: memberID, Kind: d.Kind, Ref: d.Ref,
			Title: d.Title, Amount: d.Amount, At: d.At, Read: d.Read})
		return nil
	})
	if err != nil {
		return nil, s.wrap("notifications of "+memberID, err)
	}
	return out, nil
}

// UnreadCount is an aggregation count of the member's notifications with
// read == false: one read per 1,000 unread, none of them fetched.
func (s *Store) UnreadCount(ctx context.Context, memberID string) (int, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	n, err := count(ctx, s.memberRef(memberID).Collection("notifications").Where("read", "==", false))
	if err != nil {
		return 0, s.wrap("unread notifications of "+memberID, err)
	}
	return n, nil
}

// MarkRead marks one notification read; a missing one is ErrNotFound.
func (s *Store) MarkRead(ctx context.Context, memberID, id string) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	_, err := s.noteRef(memberID, id).Update(ctx, []firestore.Update{{Path: "read", Value: true}})
	return s.write("mark read "+id, err, community.Change{Kind: community.KindNotification, ID: id, MemberID: memberID})
}
