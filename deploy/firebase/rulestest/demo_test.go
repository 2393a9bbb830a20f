package rulestest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

// TestRules_DemoCommunity walks the screens' use cases over the whole demo café
// (seeded as admin, as `regulars admin seed-demo` does), as its owner and as a
// regular with years of history, under the rules: what the app reads and
// writes day to day must pass them, including a member erasing a long history.
func TestRules_DemoCommunity(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fs := emulators.FirestoreFor(t)
	cid := fmt.Sprintf("demo-%d", time.Now().UnixNano())
	admin, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: cid, Endpoint: fs.Host, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := demo.Seed(ctx, admin, time.Now()); err != nil {
		t.Fatal(err)
	}
	as := func(id string) (*community.Service, community.Actor) {
		tok := emulators.UnsignedIDToken(fs.ProjectID, id, map[string]any{"email_verified": true})
		s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: cid, Endpoint: fs.Host, MemberID: id,
			IDToken: func(context.Context) (string, error) { return tok, nil }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		m, err := s.Member(ctx, id)
		if err != nil {
			t.Fatalf("%s reads their own member document: %v", id, err)
		}
		return community.NewService(s), m.Actor()
	}
	owner, o := as(demo.OwnerID)
	amira, a := as(demo.MemberID)

	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	_, err = amira.Home(ctx, a)
	step("member's home", err)
	_, err = owner.Home(ctx, o)
	step("owner's home", err)
	_, err = owner.Insights(ctx, o)
	step("owner's insights", err)
	_, err = amira.ExportMyData(ctx, a, nil)
	step("member exports their data", err)

	evs, err := amira.UpcomingEvents(ctx, 10)
	step("upcoming events", err)
	did := map[string]bool{}
	for _, ev := range evs {
		if ev.Cancelled {
			continue
		}
		if _, err := amira.RSVP(ctx, a, ev.ID); err != nil {
			t.Fatalf("member RSVPs to %q: %v", ev.Title, err)
		}
		res, err := owner.CheckIn(ctx, o, ev.ID, demo.MemberID)
		step("owner checks the member in", err)
		if !res.Applied {
			t.Errorf("check-in at %q applied nothing", ev.Title)
		}
		did["check-in"] = true
		break
	}
	polls, err := amira.Polls(ctx, community.PollOpen, 5)
	step("open polls", err)
	for _, p := range polls {
		for _, opt := range p.Options {
			if opt.Votable() {
				step("member votes", amira.Vote(ctx, a, p.ID, opt.ID))
				did["vote"] = true
				break
			}
		}
	}
	threads, _, err := amira.Threads(ctx, "", "")
	step("forum", err)
	if len(threads) > 0 && !threads[0].Locked {
		_, err = amira.Reply(ctx, a, threads[0].ID, "See you on Saturday!")
		step("member replies", err)
		did["reply"] = true
	}
	_, err = amira.SubmitStory(ctx, a, "Ten years of flat whites", "And counting.", true)
	step("member submits a story", err)
	pending, err := owner.PendingStories(ctx, o, 10)
	step("owner lists pending stories", err)
	for _, st := range pending {
		_, err = owner.ReviewStory(ctx, o, st.ID, true)
		step("owner publishes a story", err)
		did["publish"] = true
	}
	for _, k := range []string{"check-in", "vote", "reply", "publish"} {
		if !did[k] {
			t.Errorf("the demo gave nothing to %s", k)
		}
	}
	_, _, err = amira.RedeemReward(ctx, a, "cookie", community.NewID())
	step("member redeems a cookie", err)

	// Erasure of a member with years of ledger, posts, stories and RSVPs.
	step("member deletes their account", amira.DeleteAccount(ctx, a))
	if _, err := admin.Member(ctx, demo.MemberID); err == nil {
		t.Error("member document still there after DeleteAccount")
	}
}
