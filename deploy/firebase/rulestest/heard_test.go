package rulestest

import (
	"context"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// Issue 14 ("being heard"): the permission rows it adds and the attacks on
// its fields and collections. Allowed writes go through the use cases (the
// app's own writes are the controls); refused ones are hand-written.

func (e *env) path(p string) string { return "communities/" + e.cid + "/" + p }

func heardCases() []rulesCase {
	var cs []rulesCase
	add := func(c ...rulesCase) { cs = append(cs, c...) }
	add(staffOnly(community.ActAnswerMembers, "reply privately to a member's feedback",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			o := e.actors[other]
			f, err := o.svc.GiveFeedback(ctx, o.who, 4, "Too loud on Saturdays")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.svc.ReplyToFeedback(ctx, a.who, f.ID, "Sorry! A quiet corner is coming."); err != nil {
				return err
			}
			ns, err := e.admin.Notifications(ctx, o.id, 10)
			if err != nil || len(ns) == 0 || ns[0].Kind != community.NoticeFeedbackReply {
				t.Errorf("the member was not told: %+v %v", ns, err)
			}
			return nil
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			o := e.actors[other]
			f, err := o.svc.GiveFeedback(ctx, o.who, 4, "Too loud")
			if err != nil {
				t.Fatal(err)
			}
			_, err = a.store.ReplyFeedback(ctx, f.ID, "lol", a.id, time.Now())
			return err
		})...)
	return cs
}

// expectDenied fails unless err is the rules' PermissionDenied.
func expectDenied(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: allowed, want PermissionDenied", what)
	} else if !denied(err) {
		t.Errorf("%s: %v, want PermissionDenied", what, err)
	}
}

func expectOK(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
	}
}

// TestHeard_PostEdits: an author edits and deletes their own post with its
// revision; nobody else, never without the revision or with another text in
// it; staff read revisions, members do not.
func TestHeard_PostEdits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	m := e.actors[member]
	th, p := e.thread(t, member)
	postPath := e.path("threads/" + th.ID + "/posts/" + p.ID)

	// Attacks first, while the post has no edits.
	for _, who := range []string{other, staff, owner, stranger} {
		_, err := e.actors[who].store.EditPost(ctx, th.ID, p.ID, "hijacked", false, time.Now())
		expectDenied(t, who+" edits another's post", err)
	}
	c := m.store.Client()
	expectDenied(t, "edit without a revision", func() error {
		_, err := c.Doc(postPath).Update(ctx, []firestore.Update{{Path: "body", Value: "x"}, {Path: "edits", Value: 1},
			{Path: "editedAt", Value: firestore.ServerTimestamp}})
		return err
	}())
	expectDenied(t, "a revision with another text", c.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(c.Doc(postPath+"/revisions/1"), map[string]any{"n": 1, "body": "something else", "at": firestore.ServerTimestamp}); err != nil {
			return err
		}
		return tx.Update(c.Doc(postPath), []firestore.Update{{Path: "body", Value: "new"}, {Path: "edits", Value: 1},
			{Path: "editedAt", Value: firestore.ServerTimestamp}})
	}))
	expectDenied(t, "an edit that also resets reports", c.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(c.Doc(postPath+"/revisions/1"), map[string]any{"n": 1, "body": p.Body, "at": firestore.ServerTimestamp}); err != nil {
			return err
		}
		return tx.Update(c.Doc(postPath), []firestore.Update{{Path: "body", Value: "new"}, {Path: "edits", Value: 1},
			{Path: "editedAt", Value: firestore.ServerTimestamp}, {Path: "reports", Value: 0}, {Path: "author", Value: e.id(other)}})
	}))
	expectDenied(t, "an edit dated in the past", c.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(c.Doc(postPath+"/revisions/1"), map[string]any{"n": 1, "body": p.Body, "at": firestore.ServerTimestamp}); err != nil {
			return err
		}
		return tx.Update(c.Doc(postPath), []firestore.Update{{Path: "body", Value: "new"}, {Path: "edits", Value: 1},
			{Path: "editedAt", Value: time.Now().Add(-time.Hour)}})
	}))
	expectDenied(t, "a deleted post that keeps its text", c.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(c.Doc(postPath+"/revisions/1"), map[string]any{"n": 1, "body": p.Body, "at": firestore.ServerTimestamp}); err != nil {
			return err
		}
		return tx.Update(c.Doc(postPath), []firestore.Update{{Path: "deleted", Value: true}, {Path: "edits", Value: 1},
			{Path: "editedAt", Value: firestore.ServerTimestamp}})
	}))

	// The app's edit and delete pass; the revisions hold the old texts.
	edited, err := m.svc.EditPost(ctx, m.who, th.ID, p.ID, "The cardamom bun, warm.")
	expectOK(t, "the author edits", err)
	if edited.Edits != 1 {
		t.Errorf("edits %d", edited.Edits)
	}
	_, err = e.actors[other].store.PostRevisions(ctx, th.ID, p.ID)
	expectDenied(t, "a member reads revisions", err)
	revs, err := e.actors[staff].svc.PostRevisions(ctx, e.actors[staff].who, th.ID, p.ID)
	if err != nil || len(revs) != 1 || revs[0].Body != p.Body {
		t.Errorf("staff revisions %+v %v", revs, err)
	}
	_, err = m.svc.DeletePost(ctx, m.who, th.ID, p.ID)
	expectOK(t, "the author deletes", err)
	got, _ := e.admin.Post(ctx, th.ID, p.ID)
	if !got.Deleted || got.Body != "" || got.Edits != 2 {
		t.Errorf("deleted post read back %+v", got)
	}
	_, err = m.store.EditPost(ctx, th.ID, p.ID, "back from the dead", false, time.Now())
	expectDenied(t, "editing a deleted post", err)
}

// TestHeard_Notices: replies and mentions through the poster's client; the
// forged ones, muted kinds, reminders for oneself only.
func TestHeard_Notices(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	m, o := e.actors[member], e.actors[other]
	th, _ := e.thread(t, other)
	p, err := m.svc.Reply(ctx, m.who, th.ID, "Agreed, @other!")
	expectOK(t, "reply", err)
	ns, err := e.admin.Notifications(ctx, o.id, 10)
	if err != nil || len(ns) != 1 || ns[0].Kind != community.NoticeMention || ns[0].Sub != p.ID {
		t.Errorf("the author was not told once by a mention: %+v %v", ns, err)
	}

	note := func(kind, sub, from, title string) community.Notification {
		return community.Notification{ID: kind + ":" + sub + ":" + o.id, MemberID: o.id, Kind: kind, Ref: th.ID, Sub: sub,
			Title: title, From: from, At: time.Now()}
	}
	theirs, theirPost := e.thread(t, owner) // a post the member did not write
	expectDenied(t, "a reply notice for a post of someone else", m.store.Notify(ctx, community.Notification{ID: "reply:" + theirPost.ID + ":" + o.id,
		MemberID: o.id, Kind: community.NoticeReply, Ref: theirs.ID, Sub: theirPost.ID, Title: theirs.Title, From: theirPost.AuthorName, At: time.Now()}))
	expectDenied(t, "a reply notice signed with another name", m.store.Notify(ctx, note(community.NoticeReply, p.ID, "Lucía (owner)", th.Title)))
	expectDenied(t, "a reply notice with another title", m.store.Notify(ctx, note(community.NoticeReply, p.ID, m.who.Name, "You won a prize")))
	expectDenied(t, "a points notice from a member", m.store.Notify(ctx, community.Notification{ID: "points:x", MemberID: o.id,
		Kind: community.NoticePoints, Amount: 1000, At: time.Now()}))
	expectDenied(t, "a staff note from a member", m.store.Notify(ctx, community.Notification{ID: "note:x", MemberID: o.id,
		Kind: community.NoticeNote, Text: "Free coffee at the counter", At: time.Now()}))

	// Muted: the reply notice is refused by the rules (the app's own write).
	_, err = o.svc.SetMuted(ctx, o.who, []string{community.NoticeReply})
	expectOK(t, "mute replies", err)
	p2, err := m.svc.Reply(ctx, m.who, th.ID, "One more thing.")
	expectOK(t, "reply to a member who muted replies", err)
	expectDenied(t, "a notice of a muted kind", m.store.Notify(ctx, note(community.NoticeReply, p2.ID, m.who.Name, th.Title)))
	_, err = m.store.UpdateMember(ctx, o.id, func(x *community.Member) error { x.Muted = ""; return nil })
	expectDenied(t, "unmuting someone else", err)
	_, err = m.svc.SetPush(ctx, m.who, true, "fcm-device-token")
	expectOK(t, "push opt-in", err)
	_, err = m.store.UpdateMember(ctx, o.id, func(x *community.Member) error { x.PushToken = "attacker-device"; return nil })
	expectDenied(t, "stealing someone's pushes", err)

	// Reminders: one's own, for an event one is going to.
	ev := e.event(t, 0)
	e.rsvp(t, ev.ID, member)
	rem := func(who string) community.Notification {
		return community.Notification{ID: community.NoticeReminderDay + ":" + ev.ID + ":" + e.id(who), MemberID: e.id(who),
			Kind: community.NoticeReminderDay, Ref: ev.ID, Title: ev.Title, At: time.Now()}
	}
	expectOK(t, "one's own reminder", m.store.Notify(ctx, rem(member)))
	expectDenied(t, "a reminder for someone else", m.store.Notify(ctx, rem(other)))
	expectDenied(t, "a reminder for an event one is not going to", o.store.Notify(ctx, rem(other)))
}

// TestHeard_Feedback, ratings, stories, comments, search and drifting.
func TestHeard_Rest(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	m, o, st := e.actors[member], e.actors[other], e.actors[staff]

	// Feedback replies: staff, as themselves, now; never the score.
	f, err := o.svc.GiveFeedback(ctx, o.who, 3, "Cold coffee")
	expectOK(t, "feedback", err)
	fb := st.store.Client().Doc(e.path("feedback/" + f.ID))
	_, err = fb.Update(ctx, []firestore.Update{{Path: "reply", Value: "x"}, {Path: "repliedBy", Value: e.id(owner)},
		{Path: "repliedAt", Value: firestore.ServerTimestamp}})
	expectDenied(t, "a reply signed by the owner", err)
	_, err = fb.Update(ctx, []firestore.Update{{Path: "reply", Value: "x"}, {Path: "repliedBy", Value: st.id},
		{Path: "repliedAt", Value: firestore.ServerTimestamp}, {Path: "score", Value: 10}})
	expectDenied(t, "a reply that raises the score", err)
	_, err = m.store.Feedback(ctx, time.Time{})
	expectDenied(t, "a member lists feedback", err)
	comments, err := st.svc.FeedbackComments(ctx, st.who, true)
	if err != nil || len(comments) != 1 || comments[0].Lang != "hi" {
		t.Errorf("staff read detractors' comments: %+v %v", comments, err)
	}

	// Ratings: checked in only, 1-5, one's own.
	ev := e.event(t, 0)
	expectDenied(t, "rating without a check-in", m.store.RateEvent(ctx, community.Rating{EventID: ev.ID, MemberID: m.id, Score: 5, At: time.Now()}))
	_, err = st.svc.CheckIn(ctx, st.who, ev.ID, m.id)
	expectOK(t, "check in", err)
	expectOK(t, "rating after the check-in", m.svc.RateEvent(ctx, m.who, ev.ID, 4))
	expectDenied(t, "a 9 out of 5", m.store.RateEvent(ctx, community.Rating{EventID: ev.ID, MemberID: m.id, Score: 9, At: time.Now()}))
	expectDenied(t, "rating for someone else", o.store.RateEvent(ctx, community.Rating{EventID: ev.ID, MemberID: m.id, Score: 1, At: time.Now()}))
	if sum, err := st.store.EventRating(ctx, ev.ID); err != nil || sum.Count != 1 || sum.Average != 4 {
		t.Errorf("staff summary %+v %v", sum, err)
	}
	_, err = m.store.EventRating(ctx, ev.ID)
	expectDenied(t, "a member reads everyone's ratings", err)

	// Stories: the author withdraws; nobody else; a withdrawal cannot publish.
	s := e.story(t, member, community.StoryPublished)
	_, err = o.svc.WithdrawStory(ctx, o.who, s.ID)
	if err == nil {
		t.Error("another member withdrew the story")
	}
	_, err = o.store.UpdateStory(ctx, s.ID, func(x *community.Story) error { x.Consent, x.Status = false, community.StoryWithdrawn; return nil })
	expectDenied(t, "withdrawing someone else's story", err)
	_, err = m.store.UpdateStory(ctx, s.ID, func(x *community.Story) error { x.Consent = false; x.Title = "Changed"; return nil })
	expectDenied(t, "a withdrawal that rewrites the title", err)
	w, err := m.svc.WithdrawStory(ctx, m.who, s.ID)
	if err != nil || w.Status != community.StoryWithdrawn {
		t.Errorf("the author withdraws: %+v %v", w, err)
	}
	_, err = o.store.Story(ctx, s.ID)
	expectDenied(t, "reading a withdrawn story", err)

	// Comments on ideas: an idea of the poll, by oneself, verified.
	poll := e.poll(t)
	_, err = m.svc.CommentIdea(ctx, m.who, poll.ID, "carrot", "Yes, with walnuts")
	expectOK(t, "comment", err)
	expectDenied(t, "a comment on no idea", m.store.AddIdeaComment(ctx, community.IdeaComment{ID: community.NewID(), PollID: poll.ID,
		OptionID: "bogus", AuthorID: m.id, Body: "x", At: time.Now()}))
	expectDenied(t, "a comment signed by another", m.store.AddIdeaComment(ctx, community.IdeaComment{ID: community.NewID(), PollID: poll.ID,
		OptionID: "carrot", AuthorID: o.id, Body: "x", At: time.Now()}))
	expectDenied(t, "an unverified member's comment", e.actors[unverified].store.AddIdeaComment(ctx, community.IdeaComment{ID: community.NewID(),
		PollID: poll.ID, OptionID: "carrot", AuthorID: e.id(unverified), Body: "x", At: time.Now()}))

	// Search: members query their community's posts; strangers do not.
	th, _ := e.thread(t, other)
	_, err = m.svc.Reply(ctx, m.who, th.ID, "القَهْوَة هنا رائعة")
	expectOK(t, "reply", err)
	res, err := m.svc.Search(ctx, m.who, "قهوة")
	if err != nil || len(res.Posts) != 1 {
		t.Errorf("a member searches: %+v %v", res, err)
	}
	_, err = e.actors[stranger].store.SearchPosts(ctx, "قهوة", 10)
	expectDenied(t, "a stranger searches", err)
	_, err = e.actors[outsider].store.SearchPosts(ctx, "قهوة", 10)
	expectDenied(t, "staff of another community search", err)

	// Drifting regulars: staff list members; members do not.
	if _, err := st.svc.DriftingRegulars(ctx, st.who, 10); err != nil {
		t.Errorf("staff list drifting regulars: %v", err)
	}
	_, err = m.store.DriftingMembers(ctx, time.Now(), 0, 10)
	expectDenied(t, "a member lists members", err)
}
