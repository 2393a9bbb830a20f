package rulestest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// rulesCase is one attempt by one actor. Allowed attempts go through the use
// case (community.Service) when it lets the actor in, so the rules see the
// documents the app writes; refused ones call the store (or the raw client)
// directly, skipping the use case's own check, so that only the rules stand
// in the way.
type rulesCase struct {
	row     string // a community.Action, or "read" / "abuse"
	actor   string
	what    string
	allowed bool
	do      func(t *testing.T, ctx context.Context, e *env, a *actor) error
}

// staffOnly expands an action every staff role may do and members may not.
func staffOnly(act community.Action, what string, allowedDo, refusedDo func(t *testing.T, ctx context.Context, e *env, a *actor) error) []rulesCase {
	return []rulesCase{
		{string(act), owner, what, true, allowedDo},
		{string(act), staff, what, true, allowedDo},
		{string(act), member, what, false, refusedDo},
		{string(act), stranger, what, false, refusedDo},
	}
}

// everyMember expands an action every member may do and strangers may not.
func everyMember(act community.Action, what string, allowedDo, refusedDo func(t *testing.T, ctx context.Context, e *env, a *actor) error) []rulesCase {
	return []rulesCase{
		{string(act), owner, what, true, allowedDo},
		{string(act), staff, what, true, allowedDo},
		{string(act), member, what, true, allowedDo},
		{string(act), stranger, what, false, refusedDo},
	}
}

func cases() []rulesCase {
	var cs []rulesCase
	add := func(c ...rulesCase) { cs = append(cs, c...) }

	// ---- staff rows ----
	add(staffOnly(community.ActAnnounce, "post an announcement",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.svc.Announce(ctx, a.who, community.AnnouncementInput{Texts: map[string]community.AnnouncementText{
				"en": {Title: "New beans", Body: "From Huila, Colombia."}, "es": {Title: "Café nuevo", Body: "De Huila."}}, Pinned: true})
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			return a.store.SaveAnnouncement(ctx, community.Announcement{ID: community.NewID(), CreatedBy: a.id, CreatedAt: time.Now(),
				PublishAt: time.Now(), Texts: map[string]community.AnnouncementText{"en": {Title: "Free coffee!", Body: "Not really."}}})
		})...)
	add(staffOnly(community.ActManageEvents, "create, edit and cancel an event",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			in := community.EventInput{Title: "Cupping", Place: "Back room", StartsAt: time.Now().Add(24 * time.Hour),
				EndsAt: time.Now().Add(26 * time.Hour), Capacity: 8}
			ev, err := a.svc.CreateEvent(ctx, a.who, in)
			if err != nil {
				return err
			}
			e.rsvp(t, ev.ID, other)
			// Moving the event rewrites the RSVPs' copies of its times.
			in.Capacity, in.StartsAt, in.EndsAt = 10, in.StartsAt.Add(time.Hour), in.EndsAt.Add(time.Hour)
			if _, err := a.svc.EditEvent(ctx, a.who, ev.ID, in); err != nil {
				return err
			}
			if r, err := e.admin.NextRSVP(ctx, e.id(other), time.Now()); err != nil || r.EventID != ev.ID ||
				!r.EventStartsAt.Equal(in.StartsAt.Truncate(time.Microsecond)) {
				return fmt.Errorf("next RSVP after the move = %+v, %v; want %s starting %s", r, err, ev.ID, in.StartsAt)
			}
			_, err = a.svc.CancelEvent(ctx, a.who, ev.ID)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			ev := e.event(t, 10)
			_, _, err := a.store.UpdateEvent(ctx, ev.ID, func(ev *community.Event) error { ev.Title = "Free party"; return nil })
			return err
		})...)
	add(staffOnly(community.ActCheckIn, "check a member in (points once)",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			ev := e.event(t, 5)
			e.rsvp(t, ev.ID, other)
			before := e.member(t, other).Points
			res, err := a.svc.CheckIn(ctx, a.who, ev.ID, e.id(other))
			if err != nil {
				return err
			}
			if !res.Applied || e.member(t, other).Points != before+50 {
				return fmt.Errorf("check-in applied %v, points %d → %d, want +50", res.Applied, before, e.member(t, other).Points)
			}
			return hasNotification(ctx, e.actors[other], "points")
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			ev := e.event(t, 5)
			_, _, err := a.store.CheckIn(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: a.id, At: time.Now()},
				community.LedgerEntry{ID: "checkin:" + ev.ID + ":" + a.id, MemberID: a.id, Delta: 50, Reason: community.ReasonCheckIn,
					Ref: ev.ID, At: time.Now(), By: a.id})
			return err
		})...)
	add(staffOnly(community.ActAwardPoints, "award and redeem points for a member",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			if _, _, err := a.svc.AwardPoints(ctx, a.who, e.id(other), 120, "thanks for the help", community.NewID()); err != nil {
				return err
			}
			_, _, err := a.svc.RedeemPoints(ctx, a.who, e.id(other), 20, "", community.NewID())
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, _, err := a.store.ApplyLedger(ctx, community.LedgerEntry{ID: "award:" + community.NewID(), MemberID: e.id(other),
				Delta: 120, Reason: community.ReasonAward, At: time.Now(), By: a.id})
			return err
		})...)
	add(staffOnly(community.ActApproveStories, "publish a pending story (author gets points)",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			st := e.story(t, other, community.StoryPending)
			if _, err := a.svc.ReviewStory(ctx, a.who, st.ID, true); err != nil {
				return err
			}
			return hasNotification(ctx, e.actors[other], "story_published")
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			st := e.story(t, member, community.StoryPending)
			_, err := a.store.UpdateStory(ctx, st.ID, func(s *community.Story) error {
				s.Status, s.PublishedAt = community.StoryPublished, time.Now()
				return nil
			})
			return err
		})...)
	add(staffOnly(community.ActModerate, "pin and lock a thread, remove a post",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			if _, err := a.svc.PinThread(ctx, a.who, th.ID, true); err != nil {
				return err
			}
			if _, err := a.svc.LockThread(ctx, a.who, th.ID, true); err != nil {
				return err
			}
			_, err := a.svc.ModeratePost(ctx, a.who, th.ID, p.ID, false)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, _ := e.thread(t, other)
			_, err := a.store.UpdateThread(ctx, th.ID, func(th *community.Thread) error { th.Pinned = true; return nil })
			return err
		})...)
	add(rulesCase{string(community.ActModerate), member, "hide another member's post", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			_, err := a.store.UpdatePost(ctx, th.ID, p.ID, func(p *community.Post) error { p.Removed = true; return nil })
			return err
		}})
	add(staffOnly(community.ActManagePolls, "create and close a poll",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p, err := a.svc.CreatePoll(ctx, a.who, community.PollInput{Question: "Oat or almond?", Options: []string{"Oat", "Almond"},
				ClosesAt: time.Now().Add(72 * time.Hour)})
			if err != nil {
				return err
			}
			_, err = a.svc.ClosePoll(ctx, a.who, p.ID)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			_, err := a.store.UpdatePoll(ctx, p.ID, func(p *community.Poll) error { p.Status = community.PollClosed; return nil })
			return err
		})...)
	add(rulesCase{string(community.ActManagePolls), member, "create a poll", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			return a.store.CreatePoll(ctx, community.Poll{ID: community.NewID(), Question: "Free cake?", Status: community.PollOpen,
				CreatedBy: a.id, CreatedAt: time.Now(), Options: []community.Option{{ID: "y", Text: "Yes", Status: community.IdeaOpen}}})
		}})
	add(staffOnly(community.ActSetIdeaStatus, "approve a proposal, plan and ship an idea (voters thanked)",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			if err := e.asvc.Vote(ctx, e.actors[member].who, p.ID, "cheese"); err != nil {
				return err
			}
			if _, err := a.svc.SetIdeaStatus(ctx, a.who, p.ID, "idea-x", community.IdeaOpen); err != nil {
				return err
			}
			if _, err := a.svc.SetIdeaStatus(ctx, a.who, p.ID, "carrot", community.IdeaPlanned); err != nil {
				return err
			}
			_, err := a.svc.SetIdeaStatus(ctx, a.who, p.ID, "cheese", community.IdeaShipped)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			_, err := a.store.UpdatePoll(ctx, p.ID, func(p *community.Poll) error {
				p.Options[2].Status = community.IdeaShipped
				return nil
			})
			return err
		})...)
	add(staffOnly(community.ActViewMembers, "read another member's profile and search members",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			if _, err := a.svc.Member(ctx, a.who, e.id(other)); err != nil {
				return err
			}
			if _, err := a.svc.Ledger(ctx, a.who, e.id(other), 10); err != nil {
				return err
			}
			_, err := a.svc.SearchMembers(ctx, a.who, "pri", 10)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.store.Member(ctx, e.id(other))
			return err
		})...)
	add(rulesCase{string(community.ActViewMembers), member, "search members", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.store.SearchMembers(ctx, "", 10)
			return err
		}})
	add(staffOnly(community.ActEditUsual, "keep a member's usual",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.svc.SetUsual(ctx, a.who, e.id(other), "Cortado, extra shot")
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			target := a.id // a member noting their own usual
			if a.name == stranger {
				target = e.id(other)
			}
			_, err := a.store.UpdateMember(ctx, target, func(m *community.Member) error { m.Usual = "free cake"; return nil })
			return err
		})...)
	add(staffOnly(community.ActViewInsights, "count members and read feedback",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			if _, err := a.store.CountMembers(ctx, community.MemberFilter{MinLifetime: 1}); err != nil {
				return err
			}
			_, err := a.store.Feedback(ctx, time.Now().AddDate(0, -3, 0))
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.store.Feedback(ctx, time.Now().AddDate(0, -3, 0))
			return err
		})...)
	add(rulesCase{string(community.ActViewInsights), member, "count members", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.store.CountMembers(ctx, community.MemberFilter{})
			return err
		}})

	add(counterCases()...) // counter_test.go

	// ---- owner rows ----
	grant := func(t *testing.T, ctx context.Context, e *env, a *actor) error {
		_, err := a.svc.SetRole(ctx, a.who, e.id(other), community.RoleStaff)
		if err == nil {
			_, err = a.svc.SetRole(ctx, a.who, e.id(other), community.RoleMember)
		}
		return err
	}
	grantRaw := func(t *testing.T, ctx context.Context, e *env, a *actor) error {
		_, err := a.store.UpdateMember(ctx, e.id(other), func(m *community.Member) error { m.Role = community.RoleStaff; return nil })
		return err
	}
	add(rulesCase{string(community.ActManageRoles), owner, "grant and revoke staff", true, grant},
		rulesCase{string(community.ActManageRoles), staff, "grant staff", false, grantRaw},
		rulesCase{string(community.ActManageRoles), member, "grant staff", false, grantRaw})
	saveCommunity := func(t *testing.T, ctx context.Context, e *env, a *actor) error {
		c, err := a.store.Community(ctx)
		if err != nil {
			return err
		}
		c.Rewards = append(c.Rewards, community.Reward{ID: "tote", Cost: 900, Names: community.Localized{"en": "Tote bag"}})
		if a.name == owner {
			return a.svc.SaveCommunity(ctx, a.who, c)
		}
		return a.store.SaveCommunity(ctx, c)
	}
	add(rulesCase{string(community.ActManageRewards), owner, "edit the rewards catalog", true, saveCommunity},
		rulesCase{string(community.ActManageRewards), staff, "edit the rewards catalog", false, saveCommunity},
		rulesCase{string(community.ActManageRewards), member, "edit the rewards catalog", false, saveCommunity})

	// ---- member rows ----
	add(everyMember(community.ActRSVP, "RSVP, join the waitlist, cancel (promoting the first waiter)",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			ev := e.event(t, 1)
			e.rsvp(t, ev.ID, other) // takes the only seat
			r, err := a.svc.RSVP(ctx, a.who, ev.ID)
			if err != nil {
				return err
			}
			if r.Status != community.StatusWaiting {
				return fmt.Errorf("RSVP to a full event: %s, want waiting", r.Status)
			}
			if err := a.svc.CancelRSVP(ctx, a.who, ev.ID); err != nil {
				return err
			}
			if _, err := a.svc.RSVP(ctx, a.who, ev.ID); err != nil {
				return err
			}
			// Now the other member gives the seat up, as themselves: a waiter is promoted.
			o := e.actors[other]
			if err := o.svc.CancelRSVP(ctx, o.who, ev.ID); err != nil {
				return fmt.Errorf("other member cancels: %w", err)
			}
			mine, err := a.svc.MyRSVP(ctx, a.who, ev.ID)
			if err != nil {
				return err
			}
			if mine.Status != community.StatusGoing {
				return fmt.Errorf("after the seat was freed: %s, want going", mine.Status)
			}
			// The use case ignores a failed Notify: check the canceller could tell them.
			if err := hasNotification(ctx, a, "promoted"); err != nil {
				return err
			}
			_, err = a.svc.MyRSVPs(ctx, a.who, 10)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			ev := e.event(t, 10)
			_, err := a.store.RSVP(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: a.id, At: time.Now()})
			return err
		})...)
	add(everyMember(community.ActPost, "start a thread and reply",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, err := a.svc.StartThread(ctx, a.who, "coffee", "Light or dark roast?", "I say light.")
			if err != nil {
				return err
			}
			if _, err = a.svc.Reply(ctx, a.who, th.ID, "Dark, always."); err != nil {
				return err
			}
			// touch() ignores its own failure: check the member's activity was kept.
			if m := e.member(t, a.name); time.Since(m.LastActive) > time.Hour {
				return fmt.Errorf("lastActive %s not updated by posting", m.LastActive)
			}
			return nil
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, _ := e.thread(t, other)
			_, err := a.store.AddPost(ctx, community.Post{ThreadID: th.ID, AuthorID: a.id, Body: "hello", At: time.Now()})
			return err
		})...)
	add(rulesCase{string(community.ActPost), unverified, "reply without a verified email", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, _ := e.thread(t, other)
			_, err := a.svc.Reply(ctx, a.who, th.ID, "First!")
			return err
		}})
	add(everyMember(community.ActReact, "react and un-react to a post",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			if _, err := a.svc.React(ctx, a.who, th.ID, p.ID, "☕"); err != nil {
				return err
			}
			if _, err := a.svc.React(ctx, a.who, th.ID, p.ID, "🎉"); err != nil {
				return err
			}
			got, err := a.svc.React(ctx, a.who, th.ID, p.ID, "☕")
			if err == nil && (got.Reactions["☕"] != 0 || got.Reactions["🎉"] != 1) {
				err = fmt.Errorf("reactions %v, want only 🎉 once", got.Reactions)
			}
			if err == nil {
				_, err = a.svc.MyReactions(ctx, a.who, th.ID)
			}
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			_, err := a.store.React(ctx, th.ID, p.ID, a.id, "☕")
			return err
		})...)
	add(everyMember(community.ActReport, "report a post",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			_, err := a.svc.Report(ctx, a.who, th.ID, p.ID)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			th, p := e.thread(t, other)
			_, err := a.store.ReportPost(ctx, th.ID, p.ID, a.id, time.Now())
			return err
		})...)
	add(everyMember(community.ActSubmitStory, "submit a story (pending, with consent)",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.svc.SubmitStory(ctx, a.who, "My first latte art", "A wobbly heart, but a heart.", true)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			return a.store.CreateStory(ctx, community.Story{ID: community.NewID(), AuthorID: a.id, Title: "Hi", Body: "Hello",
				Consent: true, Status: community.StoryPending, SubmittedAt: time.Now()})
		})...)
	add(everyMember(community.ActLikeStory, "like and unlike a published story",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			st := e.story(t, other, community.StoryPublished)
			if _, _, err := a.svc.LikeStory(ctx, a.who, st.ID); err != nil {
				return err
			}
			if _, err := a.svc.Liked(ctx, a.who, st.ID); err != nil {
				return err
			}
			_, _, err := a.svc.LikeStory(ctx, a.who, st.ID)
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			st := e.story(t, other, community.StoryPublished)
			_, _, err := a.store.LikeStory(ctx, st.ID, a.id)
			return err
		})...)
	add(everyMember(community.ActVote, "vote, change the vote, read the tally",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			if err := a.svc.Vote(ctx, a.who, p.ID, "carrot"); err != nil {
				return err
			}
			if err := a.svc.Vote(ctx, a.who, p.ID, "cheese"); err != nil {
				return err
			}
			res, err := a.svc.Results(ctx, p.ID)
			if err == nil && (res.Total != 1 || res.Tally["cheese"] != 1) {
				err = fmt.Errorf("tally %v, want one vote for cheese", res.Tally)
			}
			if err == nil {
				_, err = a.svc.MyVote(ctx, a.who, p.ID)
			}
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			return a.store.CastVote(ctx, community.Vote{PollID: p.ID, MemberID: a.id, OptionID: "carrot", At: time.Now()})
		})...)
	add(rulesCase{string(community.ActVote), unverified, "vote without a verified email", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			return a.svc.Vote(ctx, a.who, p.ID, "carrot")
		}})
	add(everyMember(community.ActProposeIdea, "propose an idea to an open poll",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			_, err := a.svc.ProposeIdea(ctx, a.who, p.ID, "Pistachio croissant")
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			_, err := a.store.UpdatePoll(ctx, p.ID, func(p *community.Poll) error {
				p.Options = append(p.Options, community.Option{ID: "px", Text: "Pistachio", By: a.id, Status: community.IdeaPending})
				return nil
			})
			return err
		})...)
	add(rulesCase{string(community.ActProposeIdea), unverified, "propose without a verified email", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			_, err := a.svc.ProposeIdea(ctx, a.who, p.ID, "Pistachio croissant")
			return err
		}})
	add(everyMember(community.ActRedeemReward, "redeem a reward from one's own points",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			e.award(t, a.name, 100)
			m, applied, err := a.svc.RedeemReward(ctx, a.who, "cookie", community.NewID())
			if err == nil && (!applied || m.Points != e.member(t, a.name).Points) {
				err = fmt.Errorf("redeem applied %v, points %d", applied, m.Points)
			}
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			// A stranger has no member document for the store to read: write the entry by hand.
			_, err := a.store.Client().Doc("communities/"+e.cid+"/members/"+a.id+"/ledger/reward:x").Set(ctx, map[string]any{
				"delta": -80, "reason": "reward", "ref": "cookie", "note": "", "at": time.Now(), "by": a.id})
			return err
		})...)
	add(everyMember(community.ActFeedback, "answer the NPS question",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.svc.GiveFeedback(ctx, a.who, 9, "Lovely people.")
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			return a.store.SaveFeedback(ctx, community.Feedback{ID: a.id + ":" + time.Now().Format("2006-01"), MemberID: a.id,
				Score: 10, At: time.Now()})
		})...)
	add(everyMember(community.ActEditProfile, "edit one's profile, read one's ledger and notifications",
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			if _, err := a.svc.UpdateProfile(ctx, a.who, community.Profile{Name: a.who.Name + " ✓", Lang: "fr",
				Birthday: community.Birthday{Month: time.March, Day: 3}}); err != nil {
				return err
			}
			if _, err := a.svc.Ledger(ctx, a.who, a.id, 10); err != nil {
				return err
			}
			ns, err := a.svc.Notifications(ctx, a.who, 10)
			if err == nil && len(ns) > 0 {
				err = a.svc.MarkRead(ctx, a.who, ns[0].ID)
			}
			return err
		},
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.store.UpdateMember(ctx, e.id(member), func(m *community.Member) error { m.Name = "Mallory"; return nil })
			return err
		})...)
	add(rulesCase{string(community.ActEditProfile), other, "delete one's account (posts stay, anonymised)", true,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			o := e.actors[other]
			th, err := o.svc.StartThread(ctx, o.who, "general", "Leaving town", "Thanks for everything.")
			if err != nil {
				return err
			}
			if _, err := o.svc.SubmitStory(ctx, o.who, "Goodbye", "It was lovely.", true); err != nil {
				return err
			}
			ev := e.event(t, 3)
			if _, err := o.svc.RSVP(ctx, o.who, ev.ID); err != nil {
				return err
			}
			if err := o.svc.DeleteAccount(ctx, o.who); err != nil {
				return err
			}
			got, err := e.admin.Thread(ctx, th.ID)
			if err == nil && got.AuthorName != "" {
				err = fmt.Errorf("thread author name %q after erasure, want empty", got.AuthorName)
			}
			return err
		}})

	// ---- joining and reading ----
	add(rulesCase{"join", stranger, "join as a member", true,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			_, err := a.svc.Join(ctx, a.id, community.Profile{Name: "Visitor", Lang: "en"})
			return err
		}},
		rulesCase{"join", stranger, "join as owner", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.CreateMember(ctx, community.Member{ID: a.id, Code: "RG-STRANGER", Name: "Visitor", Role: community.RoleOwner,
					Since: time.Now(), LastActive: time.Now()})
			}},
		rulesCase{"join", member, "create a member document for someone else", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.CreateMember(ctx, community.Member{ID: "u-sock-puppet", Name: "Puppet", Role: community.RoleMember,
					Since: time.Now(), LastActive: time.Now()})
			}},
		rulesCase{"read", stranger, "read the community's settings", true,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Community(ctx)
				return err
			}},
		rulesCase{"read", stranger, "read a member's profile", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Member(ctx, e.id(member))
				return err
			}},
		rulesCase{"read", stranger, "read the forum", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, _, err := a.store.Threads(ctx, community.ThreadQuery{Limit: 10})
				return err
			}},
		rulesCase{"read", stranger, "read a thread's posts", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				th, _ := e.thread(t, other)
				_, err := a.store.Posts(ctx, th.ID, 1, 10)
				return err
			}},
		rulesCase{"read", member, "read the forum, events, announcements, stories and polls", true,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				th, _ := e.thread(t, other)
				if _, _, err := a.svc.Threads(ctx, "", ""); err != nil {
					return err
				}
				if _, err := a.svc.Posts(ctx, th.ID, 1, 10); err != nil {
					return err
				}
				if _, err := a.svc.UpcomingEvents(ctx, 10); err != nil {
					return err
				}
				if _, err := a.svc.Announcements(ctx, a.who, false, 10); err != nil {
					return err
				}
				if _, err := a.svc.Stories(ctx, 10); err != nil {
					return err
				}
				_, err := a.svc.IdeasBoard(ctx, 10)
				return err
			}},
		rulesCase{"read", member, "read another member's ledger", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Ledger(ctx, e.id(other), 10)
				return err
			}},
		rulesCase{"read", member, "read another member's pending story", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				st := e.story(t, other, community.StoryPending)
				_, err := a.store.Story(ctx, st.ID)
				return err
			}},
		rulesCase{"read", member, "list pending stories", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Stories(ctx, community.StoryPending, 10)
				return err
			}},
		rulesCase{"read", staff, "list pending stories and the moderation queue", true,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				if _, err := a.svc.PendingStories(ctx, a.who, 10); err != nil {
					return err
				}
				_, err := a.svc.ReportedPosts(ctx, a.who, 10)
				return err
			}},
	)

	// ---- abuse ----
	add(rulesCase{"abuse", member, "vote as another member", false,
		func(t *testing.T, ctx context.Context, e *env, a *actor) error {
			p := e.poll(t)
			return a.store.CastVote(ctx, community.Vote{PollID: p.ID, MemberID: e.id(other), OptionID: "carrot", At: time.Now()})
		}},
		rulesCase{"abuse", member, "award themselves points", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, _, err := a.store.ApplyLedger(ctx, community.LedgerEntry{ID: "award:" + community.NewID(), MemberID: a.id,
					Delta: 500, Reason: community.ReasonAward, At: time.Now(), By: a.id})
				return err
			}},
		rulesCase{"abuse", member, "redeem a reward below its price", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				e.award(t, a.name, 100)
				_, _, err := a.store.ApplyLedger(ctx, community.LedgerEntry{ID: "reward:" + community.NewID(), MemberID: a.id,
					Delta: -1, Reason: community.ReasonReward, Ref: "class", At: time.Now(), By: a.id})
				return err
			}},
		rulesCase{"abuse", member, "redeem from another member's points", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				e.award(t, other, 100)
				_, _, err := a.store.ApplyLedger(ctx, community.LedgerEntry{ID: "reward:" + community.NewID(), MemberID: e.id(other),
					Delta: -80, Reason: community.ReasonReward, Ref: "cookie", At: time.Now(), By: a.id})
				return err
			}},
		rulesCase{"abuse", stranger, "read a member's ledger", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Ledger(ctx, e.id(member), 10)
				return err
			}},
		rulesCase{"abuse", member, "write an announcement", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.SaveAnnouncement(ctx, community.Announcement{ID: community.NewID(), PublishAt: time.Now(), CreatedBy: a.id,
					CreatedAt: time.Now(), Texts: map[string]community.AnnouncementText{"en": {Title: "Closed forever", Body: "Bye"}}})
			}},
		rulesCase{"abuse", member, "edit their own points", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Client().Doc("communities/"+e.cid+"/members/"+a.id).Update(ctx,
					[]firestore.Update{{Path: "points", Value: 1000000}, {Path: "lifetimePoints", Value: 1000000}})
				return err
			}},
		rulesCase{"abuse", member, "raise their own balance", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Client().Doc("communities/"+e.cid+"/members/"+a.id).Update(ctx,
					[]firestore.Update{{Path: "points", Value: firestore.Increment(50)}})
				return err
			}},
		rulesCase{"abuse", member, "edit their own lifetime points (tier)", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Client().Doc("communities/"+e.cid+"/members/"+a.id).Update(ctx,
					[]firestore.Update{{Path: "lifetimePoints", Value: 5000}})
				return err
			}},
		rulesCase{"abuse", member, "make themselves owner", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.UpdateMember(ctx, a.id, func(m *community.Member) error { m.Role = community.RoleOwner; return nil })
				return err
			}},
		rulesCase{"abuse", staff, "make themselves owner", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.UpdateMember(ctx, a.id, func(m *community.Member) error { m.Role = community.RoleOwner; return nil })
				return err
			}},
		rulesCase{"abuse", unverified, "post without a verified email", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.svc.StartThread(ctx, a.who, "general", "Hello", "Spam spam spam")
				return err
			}},
		rulesCase{"abuse", member, "RSVP for another member", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				ev := e.event(t, 10)
				_, err := a.store.RSVP(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: e.id(other), At: time.Now()})
				return err
			}},
		rulesCase{"abuse", member, "take a seat of a full event without queueing", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				ev := e.event(t, 1)
				e.rsvp(t, ev.ID, other)
				ref := a.store.Client().Doc(fmt.Sprintf("communities/%s/events/%s/rsvps/%s", e.cid, ev.ID, a.id))
				_, err := ref.Set(ctx, map[string]any{"community": e.cid, "event": ev.ID, "member": a.id, "name": "",
					"status": "going", "at": time.Now(), "seq": 2})
				return err
			}},
		rulesCase{"abuse", member, "RSVP to an event that has ended", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				ev := e.event(t, 10)
				end := time.Now().Add(-time.Hour)
				if _, _, err := e.admin.UpdateEvent(ctx, ev.ID, func(ev *community.Event) error {
					ev.StartsAt, ev.EndsAt = end.Add(-2*time.Hour), end
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				_, err := a.store.RSVP(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: a.id, At: time.Now()})
				return err
			}},
		rulesCase{"abuse", member, "RSVP with the event moved on their home screen", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return handRSVP(t, ctx, e, a, 24*time.Hour)
			}},
		rulesCase{string(community.ActRSVP), member, "RSVP by hand, as the store writes it (control of the moved event)", true,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error { return handRSVP(t, ctx, e, a, 0) }},
		rulesCase{"abuse", member, "check themselves in", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				ev := e.event(t, 5)
				_, _, err := a.store.CheckIn(ctx, ev.ID, community.RSVP{EventID: ev.ID, MemberID: a.id, At: time.Now()}, community.LedgerEntry{})
				return err
			}},
		rulesCase{"abuse", member, "post as another member", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				th, _ := e.thread(t, other)
				_, err := a.store.AddPost(ctx, community.Post{ThreadID: th.ID, AuthorID: e.id(other), Body: "I quit", At: time.Now()})
				return err
			}},
		rulesCase{"abuse", member, "reply to a locked thread", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error { return handReply(t, ctx, e, a, true) }},
		rulesCase{string(community.ActPost), member, "reply by hand, as the store writes it (control of the locked case)", true,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error { return handReply(t, ctx, e, a, false) }},
		rulesCase{"abuse", member, "start a thread in a category the business does not have", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				now := time.Now()
				_, _, err := a.store.CreateThread(ctx, community.Thread{ID: community.NewID(), Category: "casino", Title: "Win big",
					AuthorID: a.id, CreatedAt: now, LastPostAt: now},
					community.Post{ID: community.NewID(), AuthorID: a.id, Body: "Click here", At: now})
				return err
			}},
		rulesCase{"abuse", staff, "create an event in the owner's name", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				now := time.Now()
				return a.store.CreateEvent(ctx, community.Event{ID: community.NewID(), Title: "Owner's party", Place: "Here",
					StartsAt: now.Add(time.Hour), EndsAt: now.Add(2 * time.Hour), CreatedBy: e.id(owner), UpdatedAt: now})
			}},
		rulesCase{"abuse", member, "submit a story already published", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.CreateStory(ctx, community.Story{ID: community.NewID(), AuthorID: a.id, Title: "Me", Body: "Great",
					Consent: true, Status: community.StoryPublished, SubmittedAt: time.Now(), PublishedAt: time.Now()})
			}},
		rulesCase{"abuse", member, "submit a story without consent", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.CreateStory(ctx, community.Story{ID: community.NewID(), AuthorID: a.id, Title: "Me", Body: "Great",
					Status: community.StoryPending, SubmittedAt: time.Now()})
			}},
		rulesCase{"abuse", member, "like a story twice by hand", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				st := e.story(t, other, community.StoryPublished)
				_, err := a.store.Client().Doc("communities/"+e.cid+"/stories/"+st.ID).Update(ctx,
					[]firestore.Update{{Path: "likes", Value: firestore.Increment(2)}})
				return err
			}},
		rulesCase{"abuse", member, "inflate a tally without voting", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				p := e.poll(t)
				_, err := a.store.Client().Doc("communities/"+e.cid+"/polls/"+p.ID+"/shards/0").Set(ctx,
					map[string]any{"counts": map[string]any{"carrot": firestore.Increment(100)}}, firestore.MergeAll)
				return err
			}},
		rulesCase{"abuse", member, "vote for a pending proposal", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				p := e.poll(t)
				ref := a.store.Client().Doc("communities/" + e.cid + "/polls/" + p.ID + "/votes/" + a.id)
				_, err := ref.Set(ctx, map[string]any{"option": "idea-x", "member": a.id, "at": time.Now()})
				return err
			}},
		rulesCase{"abuse", member, "approve their own proposal", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				p := e.poll(t)
				_, err := a.store.UpdatePoll(ctx, p.ID, func(p *community.Poll) error {
					p.Options = append(p.Options, community.Option{ID: "mine", Text: "Mine", By: a.id, Status: community.IdeaOpen})
					return nil
				})
				return err
			}},
		rulesCase{"abuse", member, "report the same post twice", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				th, p := e.thread(t, other)
				if _, err := a.svc.Report(ctx, a.who, th.ID, p.ID); err != nil {
					t.Fatalf("first report: %v", err)
				}
				_, err := a.store.Client().Doc(fmt.Sprintf("communities/%s/threads/%s/posts/%s", e.cid, th.ID, p.ID)).Update(ctx,
					[]firestore.Update{{Path: "reports", Value: firestore.Increment(1)}})
				return err
			}},
		rulesCase{"abuse", member, "read another member's notifications", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				_, err := a.store.Notifications(ctx, e.id(other), 10)
				return err
			}},
		rulesCase{"abuse", member, "give feedback as another member", false,
			func(t *testing.T, ctx context.Context, e *env, a *actor) error {
				return a.store.SaveFeedback(ctx, community.Feedback{ID: e.id(other) + ":" + time.Now().Format("2006-01"),
					MemberID: e.id(other), Score: 0, At: time.Now()})
			}},
	)
	return cs
}

// handReply writes a reply as AddPost would (the thread naming its new last
// post, times the commit's), by hand (the store itself
// refuses a locked thread before the rules could).
func handReply(t *testing.T, ctx context.Context, e *env, a *actor, locked bool) error {
	th, _ := e.thread(t, other)
	if locked {
		if _, err := e.admin.UpdateThread(ctx, th.ID, func(th *community.Thread) error { th.Locked = true; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	c := a.store.Client()
	tref := c.Doc("communities/" + e.cid + "/threads/" + th.ID)
	b := c.Batch()
	b.Create(tref.Collection("posts").Doc("late"), map[string]any{"community": e.cid, "thread": th.ID, "seq": 2,
		"author": a.id, "authorName": "", "lang": "en", "body": "Still here", "at": firestore.ServerTimestamp, "reports": 0,
		"hidden": false, "removed": false, "reviewed": false, "reactions": nil, "queued": false, "reportedAt": time.Time{}})
	b.Update(tref, []firestore.Update{{Path: "seq", Value: 2}, {Path: "posts", Value: 2}, {Path: "lastPostAt", Value: firestore.ServerTimestamp},
		{Path: "lastPost", Value: "late"}})
	_, err := b.Commit(ctx)
	return err
}

// hasNotification checks that a (as themselves) has a notification of kind:
// the use cases ignore a failed Notify, so the rules must be seen to allow it.
func hasNotification(ctx context.Context, a *actor, kind string) error {
	ns, err := a.svc.Notifications(ctx, a.who, 20)
	if err != nil {
		return err
	}
	for _, n := range ns {
		if n.Kind == kind {
			return nil
		}
	}
	return fmt.Errorf("%s has no %q notification (%d others)", a.name, kind, len(ns))
}

// handRSVP takes a free seat as RSVP would, by hand, with the RSVP's copy of
// the event's start moved by shift.
func handRSVP(t *testing.T, ctx context.Context, e *env, a *actor, shift time.Duration) error {
	ev := e.event(t, 10)
	stored, err := e.admin.Event(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := a.store.Client()
	eref := c.Doc("communities/" + e.cid + "/events/" + ev.ID)
	b := c.Batch()
	b.Set(eref.Collection("rsvps").Doc(a.id), map[string]any{"community": e.cid, "event": ev.ID, "member": a.id,
		"name": a.who.Name, "status": "going", "at": time.Now(), "seq": 1,
		"eventStartsAt": stored.StartsAt.Add(shift), "eventEndsAt": stored.EndsAt, "eventCancelled": false})
	b.Update(eref, []firestore.Update{{Path: "going", Value: 1}, {Path: "seq", Value: 1}, {Path: "by", Value: a.id}})
	_, err = b.Commit(ctx)
	return err
}
