package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community"
)

// scheduleLead is how far ahead of the clock an announcement's publishAt
// must be for it to be scheduled (firestore.rules allows texts up to 5
// minutes early, for clocks that disagree).
const scheduleLead = time.Minute

func (s *Store) announcementRef(id string) *firestore.DocumentRef {
	return s.col("announcements").Doc(id)
}

// draftRef is announcements/{id}/draft/texts: a scheduled announcement's
// words, which only staff read, until it is published.
func (s *Store) draftRef(id string) *firestore.DocumentRef {
	return s.announcementRef(id).Collection("draft").Doc("texts")
}

type draftDoc struct {
	Texts map[string]announcementText `firestore:"texts"`
}

// SaveAnnouncement creates or replaces an announcement. A scheduled one
// (publishAt ahead) is stored without its texts, which wait in its draft
// until a staff member's store publishes it (see Announcements): members,
// who can read every announcement document, cannot read it early.
func (s *Store) SaveAnnouncement(ctx context.Context, a community.Announcement) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if a.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	d := toAnnouncementDoc(a)
	return s.run(ctx, "save announcement "+a.ID, nil, func(tx *firestore.Transaction, ch *changes) error {
		ch.add(community.KindAnnouncement, a.ID, "", "")
		doc := d
		if a.PublishAt.After(time.Now().Add(scheduleLead)) {
			if err := tx.Set(s.draftRef(a.ID), draftDoc{Texts: d.Texts}); err != nil {
				return err
			}
			doc.Texts = map[string]announcementText{}
		} else if err := tx.Delete(s.draftRef(a.ID)); err != nil {
			return err
		}
		return tx.Set(s.announcementRef(a.ID), doc)
	})
}

// DeleteAnnouncement removes an announcement (and its draft); a missing one
// is ErrNotFound.
func (s *Store) DeleteAnnouncement(ctx context.Context, id string) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	return s.run(ctx, "delete announcement "+id, nil, func(tx *firestore.Transaction, ch *changes) error {
		ch.add(community.KindAnnouncement, id, "", "")
		if err := tx.Delete(s.draftRef(id)); err != nil {
			return err
		}
		return tx.Delete(s.announcementRef(id), firestore.Exists)
	})
}

// Announcement returns an announcement; a scheduled one is ErrNotFound for
// whoever cannot read its draft (members).
func (s *Store) Announcement(ctx context.Context, id string) (community.Announcement, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d announcementDoc
	if err := must(ctx, nil, s.announcementRef(id), &d, "announcement"); err != nil {
		return community.Announcement{}, s.wrap("announcement "+id, err)
	}
	ok, err := s.withDraft(ctx, id, &d)
	if err != nil {
		return community.Announcement{}, s.wrap("announcement "+id, err)
	}
	if !ok {
		return community.Announcement{}, notFound("announcement", id)
	}
	return fromAnnouncementDoc(id, d), nil
}

// withDraft fills a scheduled announcement's texts from its draft, and
// publishes it when its time has come (best effort: the next reader tries
// again). ok is false when the caller may not read the draft (a member) or
// there is none.
func (s *Store) withDraft(ctx context.Context, id string, d *announcementDoc) (ok bool, err error) {
	if len(d.Texts) > 0 {
		return true, nil
	}
	var draft draftDoc
	found, err := get(ctx, nil, s.draftRef(id), &draft)
	if status.Code(err) == codes.PermissionDenied {
		return false, nil
	}
	if err != nil || !found {
		return false, err
	}
	d.Texts = draft.Texts
	if !d.PublishAt.After(time.Now()) {
		_ = s.run(ctx, "publish announcement "+id, nil, func(tx *firestore.Transaction, ch *changes) error {
			ch.add(community.KindAnnouncement, id, "", "")
			if err := tx.Update(s.announcementRef(id), []firestore.Update{{Path: "texts", Value: d.Texts}}); err != nil {
				return err
			}
			return tx.Delete(s.draftRef(id))
		})
	}
	return true, nil
}

// Announcements runs two queries, pinned then not pinned, each published by
// publishedBy and newest first; the second only when the first leaves room
// under limit. Scheduled announcements whose texts the caller cannot read
// are passed over (another page is read when they took room).
func (s *Store) Announcements(ctx context.Context, publishedBy time.Time, limit int) ([]community.Announcement, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out []community.Announcement
	for _, pinned := range []bool{true, false} {
		q := s.col("announcements").Where("pinned", "==", pinned)
		if !publishedBy.IsZero() {
			q = q.Where("publishAt", "<=", publishedBy)
		}
		q = q.OrderBy("publishAt", firestore.Desc)
		for limit <= 0 || len(out) < limit {
			page, want := q, limit-len(out)
			if limit > 0 {
				page = q.Limit(want)
			}
			var last *firestore.DocumentSnapshot
			n := 0
			err := docs(ctx, nil, page, func(snap *firestore.DocumentSnapshot) error {
				last, n = snap, n+1
				var d announcementDoc
				if err := snap.DataTo(&d); err != nil {
					return err
				}
				ok, err := s.withDraft(ctx, snap.Ref.ID, &d)
				if ok {
					out = append(out, fromAnnouncementDoc(snap.Ref.ID, d))
				}
				return err
			})
			if err != nil {
				return nil, s.wrap("announcements", err)
			}
			if limit <= 0 || n < want {
				break
			}
			q = q.StartAfter(last)
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
	d := s.stamped(feedbackDoc{Member: f.MemberID, Score: f.Score, Comment: f.Comment, Lang: f.Lang, At: f.At}, "at")
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
		out = append(out, fromFeedbackDoc(snap.Ref.ID, d))
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
	d := notificationDoc{Kind: n.Kind, Ref: n.Ref, Sub: n.Sub, Text: n.Text, From: n.From, Title: n.Title, Amount: n.Amount, At: n.At, Read: n.Read}
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
		out = append(out, community.Notification{ID: snap.Ref.ID, MemberID: memberID, Kind: d.Kind, Ref: d.Ref, Sub: d.Sub,
			Text: d.Text, From: d.From, Title: d.Title, Amount: d.Amount, At: d.At, Read: d.Read})
		return nil
	})
	if err != nil {
		return nil, s.wrap("notifications of "+memberID, err)
	}
	return out, nil
}

// UnreadCount is an aggregation count of the member's notifications with
// read == false, up to UnreadCap+1 of them: one read, none fetched.
func (s *Store) UnreadCount(ctx context.Context, memberID string) (int, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	n, err := count(ctx, s.memberRef(memberID).Collection("notifications").Where("read", "==", false).Limit(community.UnreadCap+1))
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
