package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/community"
)

// NoticePrefix starts the IDs of the demo's own notices (tests that count
// notices leave them out).
const NoticePrefix = "demo:"

// amiraReply is the owner's answer to Amira's "best flat white in town".
const amiraReply = "Thank you, Amira! Your flat white will be waiting on Saturday."

// seedHeard gives the demo what being heard looks like (issue 14): Amira's
// notices (a reply, a mention, an idea planned, a reminder, the owner's
// reply, a "how was it?"), the owner's reply to one comment, and the
// ratings of past events.
func seedHeard(ctx context.Context, s community.Store, now time.Time) error {
	notes := []community.Notification{
		{Kind: community.NoticeMention, Ref: "th-pastry", Sub: "th-pastry-2", Title: "Could we have a savoury breakfast option?",
			Text: "@Amira Haddad you asked for this last week!", From: "Tom Becker", At: now.Add(-20 * time.Minute)},
		{Kind: community.NoticeReply, Ref: "th-grinder", Sub: "th-grinder-3", Title: "Which grinder for pour-over at home?",
			Text: "A hand grinder with steel burrs is plenty for one cup.", From: "Claire Dubois", At: now.Add(-2 * time.Hour)},
		{Kind: community.NoticeIdeaPlanned, Ref: "poll-winter", Sub: "simit", Title: "Simit with cheese for breakfast", At: now.Add(-5 * time.Hour)},
		{Kind: community.NoticeReminderDay, Ref: "ev-latte", Title: "Latte art night", At: now.Add(-26 * time.Hour), Read: true},
		{Kind: community.NoticeFeedbackReply, Ref: MemberID + ":" + now.Format("2006-01"), Title: "",
			Text: amiraReply, From: "Lucía Fernández",
			At: now.AddDate(0, 0, -2), Read: true},
		{Kind: community.NoticeRate, Ref: "ev-espresso", Title: "Espresso basics with Kenji", At: now.AddDate(0, 0, -3), Read: true},
	}
	for _, n := range notes {
		n.MemberID = MemberID
		n.ID = NoticePrefix + n.Kind + ":" + n.Ref + ":" + n.Sub
		if err := s.Notify(ctx, n); err != nil {
			return fmt.Errorf("seed notice %s: %w", n.ID, err)
		}
	}
	if _, err := s.ReplyFeedback(ctx, MemberID+":"+now.Format("2006-01"), amiraReply, OwnerID, now.AddDate(0, 0, -2)); err != nil {
		return fmt.Errorf("seed reply to %s: %w", MemberID, err)
	}
	// The owner answered the comment about seats (seedFeedback's sixth answer).
	fs, err := s.Feedback(ctx, now.AddDate(0, 0, -community.NPSDays))
	if err != nil {
		return fmt.Errorf("seed replies: %w", err)
	}
	for _, f := range fs {
		if f.Score == 6 && f.Comment != "" {
			if _, err := s.ReplyFeedback(ctx, f.ID, "Thank you! Saturday mornings now have two more tables by the window.", OwnerID, now.AddDate(0, 0, -2)); err != nil {
				return fmt.Errorf("seed reply %s: %w", f.ID, err)
			}
			break
		}
	}
	ms := Members(now)
	for i, e := range []string{"ev-espresso", "ev-diwali", "ev-brunch"} {
		for j, score := range [][]int{{5, 4, 5, 5}, {4, 5, 3, 4, 5}, {5, 5, 4}}[i] {
			m := ms[2+(i*5+j)%(len(ms)-2)]
			r := community.Rating{EventID: e, MemberID: m.ID, Score: score, At: now.AddDate(0, 0, -i-1)}
			if err := s.RateEvent(ctx, r); err != nil {
				return fmt.Errorf("seed rating %s: %w", e, err)
			}
		}
	}
	return nil
}
