package community_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
)

var (
	member = community.Actor{ID: demo.MemberID, Role: community.RoleMember, Name: "Amira Haddad", Lang: "ar"}
	owner  = community.Actor{ID: demo.OwnerID, Role: community.RoleOwner, Name: "Lucía Fernández", Lang: "es"}
	staff  = community.Actor{ID: demo.StaffID, Role: community.RoleStaff, Name: "Kenji Watanabe", Lang: "ja"}
	other  = community.Actor{ID: "mem-priya", Role: community.RoleMember, Name: "Priya Sharma", Lang: "hi"}
)

func newService(t *testing.T) (*community.Service, community.Store) {
	t.Helper()
	s, err := local.Open(filepath.Join(t.TempDir(), "t.db"), local.WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Seed(context.Background(), s, demo.Now); err != nil {
		t.Fatal(err)
	}
	return community.NewService(s, community.WithClock(func() time.Time { return demo.Now })), s
}

// TestService_MembersAreRefusedStaffActions runs every staff-only use case as
// a member and checks it is refused with ErrForbidden and changes nothing.
func TestService_MembersAreRefusedStaffActions(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	future := demo.Now.Add(48 * time.Hour)
	calls := map[string]func(a community.Actor) error{
		"announce": func(a community.Actor) error {
			_, err := svc.Announce(ctx, a, community.AnnouncementInput{Texts: map[string]community.AnnouncementText{"en": {Title: "Hi", Body: "x"}}})
			return err
		},
		"create event": func(a community.Actor) error {
			_, err := svc.CreateEvent(ctx, a, community.EventInput{Title: "x", Place: "y", StartsAt: future, EndsAt: future.Add(time.Hour)})
			return err
		},
		"check in": func(a community.Actor) error { _, err := svc.CheckIn(ctx, a, "ev-cupping", a.ID); return err },
		"award":    func(a community.Actor) error { _, _, err := svc.AwardPoints(ctx, a, a.ID, 1000, "", "op1"); return err },
		"redeem other": func(a community.Actor) error {
			_, _, err := svc.RedeemPoints(ctx, a, "mem-tom", 10, "", "op2")
			return err
		},
		"approve": func(a community.Actor) error { _, err := svc.ReviewStory(ctx, a, "st-dog", true); return err },
		"moderate": func(a community.Actor) error {
			_, err := svc.ModeratePost(ctx, a, "th-quiet", "th-quiet-2", false)
			return err
		},
		"pin": func(a community.Actor) error { _, err := svc.PinThread(ctx, a, "th-grinder", true); return err },
		"create poll": func(a community.Actor) error {
			_, err := svc.CreatePoll(ctx, a, community.PollInput{Question: "Q", Options: []string{"a", "b"}})
			return err
		},
		"close poll": func(a community.Actor) error { _, err := svc.ClosePoll(ctx, a, "poll-winter"); return err },
		"idea status": func(a community.Actor) error {
			_, err := svc.SetIdeaStatus(ctx, a, "poll-winter", "chai", community.IdeaOpen)
			return err
		},
		"set role": func(a community.Actor) error { _, err := svc.SetRole(ctx, a, a.ID, community.RoleOwner); return err },
		"insights": func(a community.Actor) error { _, err := svc.Insights(ctx, a); return err },
		"usual":    func(a community.Actor) error { _, err := svc.SetUsual(ctx, a, a.ID, "free cake forever"); return err },
		"ledger of other": func(a community.Actor) error {
			_, err := svc.Ledger(ctx, a, "mem-tom", 10)
			return err
		},
	}
	before, _ := s.Member(ctx, member.ID)
	for name, call := range calls {
		if err := call(member); !errors.Is(err, community.ErrForbidden) {
			t.Errorf("%s as member: got %v, want ErrForbidden", name, err)
		}
	}
	after, _ := s.Member(ctx, member.ID)
	if before != after {
		t.Errorf("refused calls changed the member:\n%+v\n%+v", before, after)
	}
	if p, _ := s.Poll(ctx, "poll-winter"); p.Status != community.PollOpen {
		t.Error("refused close changed the poll")
	}
	// Staff may do all of them but role management.
	if err := calls["check in"](staff); err != nil {
		t.Errorf("staff check-in: %v", err)
	}
	if err := calls["set role"](staff); !errors.Is(err, community.ErrForbidden) {
		t.Errorf("staff set role: %v", err)
	}
}

func TestService_CheckInTwiceAwardsOnce(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	before, _ := s.Member(ctx, member.ID)
	r1, err := svc.CheckIn(ctx, staff, "ev-cupping", member.ID)
	if err != nil || !r1.Applied {
		t.Fatalf("first check-in: %+v %v", r1, err)
	}
	r2, err := svc.CheckIn(ctx, staff, "ev-cupping", member.ID)
	if err != nil || r2.Applied {
		t.Fatalf("second check-in: %+v %v", r2, err)
	}
	after, _ := s.Member(ctx, member.ID)
	if after.Points != before.Points+50 {
		t.Fatalf("points %d -> %d, want +50 once", before.Points, after.Points)
	}
	code, err := svc.FindByCode(ctx, staff, strings.ToLower(after.Code))
	if err != nil || code.ID != member.ID {
		t.Fatalf("find by code: %v %v", code.ID, err)
	}
}

func TestService_CancelPromotesAndTells(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	latte, _ := s.RSVPs(ctx, "ev-latte")
	var firstGoing, firstWaiting string
	for _, r := range latte {
		if r.Status == community.StatusGoing && firstGoing == "" {
			firstGoing = r.MemberID
		}
		if r.Status == community.StatusWaiting && r.Position == 1 {
			firstWaiting = r.MemberID
		}
	}
	goer := community.Actor{ID: firstGoing, Role: community.RoleMember}
	if err := svc.CancelRSVP(ctx, goer, "ev-latte"); err != nil {
		t.Fatal(err)
	}
	r, err := s.RSVPOf(ctx, "ev-latte", firstWaiting)
	if err != nil || r.Status != community.StatusGoing {
		t.Fatalf("first waiter %s: %+v %v", firstWaiting, r, err)
	}
	notes, _ := s.Notifications(ctx, firstWaiting, 5)
	if len(notes) == 0 || notes[0].Kind != "promoted" || notes[0].Ref != "ev-latte" {
		t.Fatalf("first waiter not told: %+v", notes)
	}
	// The member now RSVPs to the full event: waitlist, at the end.
	mine, err := svc.RSVP(ctx, member, "ev-latte")
	if err != nil || mine.Status != community.StatusWaiting || mine.Position != 3 {
		t.Fatalf("rsvp to full event: %+v %v", mine, err)
	}
}

func TestService_ShippingAnIdeaThanksOnce(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	voters, _ := s.Voters(ctx, "poll-winter", "cardamom")
	if len(voters) == 0 {
		t.Fatal("no voters in the demo")
	}
	before, _ := s.Member(ctx, voters[0])
	for i := 0; i < 2; i++ {
		if _, err := svc.SetIdeaStatus(ctx, owner, "poll-winter", "cardamom", community.IdeaShipped); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := s.Member(ctx, voters[0])
	if after.Points != before.Points+20 {
		t.Fatalf("voter points %d -> %d, want +20 once", before.Points, after.Points)
	}
}

func TestService_RefusedWritesKeepData(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	before, _ := s.Member(ctx, member.ID)
	_, _, err := svc.RedeemReward(ctx, member, "class", "op-x") // costs 1200, she has less
	if !community.IsReason(err, community.ReasonInsufficient) {
		t.Fatalf("redeem beyond balance: %v", err)
	}
	if _, err := svc.UpdateProfile(ctx, member, community.Profile{Name: "evil\u202eman"}); !community.IsReason(err, community.ReasonControlChars) {
		t.Fatalf("rtl override in name: %v", err)
	}
	if _, err := svc.Reply(ctx, member, "th-welcome", strings.Repeat("a", 100_000)); !community.IsReason(err, community.ReasonTooLong) {
		t.Fatalf("100 KB post: %v", err)
	}
	if _, err := svc.SubmitStory(ctx, member, "Title", "Body", false); !community.IsReason(err, community.ReasonConsent) {
		t.Fatalf("story without consent: %v", err)
	}
	after, _ := s.Member(ctx, member.ID)
	if before != after {
		t.Fatalf("refused writes changed the member")
	}
	th, _ := s.Thread(ctx, "th-welcome")
	posts, _ := s.Posts(ctx, "th-welcome", 1, 100)
	if th.Posts != len(posts) {
		t.Fatalf("thread count %d, posts %d", th.Posts, len(posts))
	}
	// 1,000 reports from one member count once.
	for i := 0; i < 1000; i++ {
		if _, err := svc.Report(ctx, other, "th-grinder", "th-grinder-2"); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := s.Post(ctx, "th-grinder", "th-grinder-2")
	if p.Reports != 1 || p.Hidden {
		t.Fatalf("1000 reports from one member: %+v", p)
	}
}

func TestService_VoteChangeAndClose(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	r0, _ := svc.Results(ctx, "poll-winter")
	if err := svc.Vote(ctx, member, "poll-winter", "yuzu"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Vote(ctx, member, "poll-winter", "hot-choc"); err != nil {
		t.Fatal(err)
	}
	r1, _ := svc.Results(ctx, "poll-winter")
	if r1.Total != r0.Total+1 || r1.Tally["hot-choc"] != r0.Tally["hot-choc"]+1 || r1.Tally["yuzu"] != r0.Tally["yuzu"] {
		t.Fatalf("tally %v -> %v", r0.Tally, r1.Tally)
	}
	if err := svc.Vote(ctx, member, "poll-winter", "chai"); !community.IsReason(err, community.ReasonInvalid) {
		t.Fatalf("vote for pending proposal: %v", err)
	}
	if _, err := svc.ClosePoll(ctx, owner, "poll-winter"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Vote(ctx, member, "poll-winter", "yuzu"); !community.IsReason(err, community.ReasonClosed) {
		t.Fatalf("vote after close: %v", err)
	}
}

func TestService_AnnouncementsInBestLanguage(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	list, err := svc.Announcements(ctx, member, false, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || !list[0].Pinned {
		t.Fatalf("published announcements: %d, first pinned %v", len(list), len(list) > 0 && list[0].Pinned)
	}
	text, lang := list[0].In("ar-EG")
	if lang != "ar" || text.Title != "مواعيد الشتاء" {
		t.Fatalf("best match for ar-EG: %s %q", lang, text.Title)
	}
	all, _ := svc.Announcements(ctx, owner, true, 10)
	if len(all) != 4 {
		t.Fatalf("owner sees scheduled too: %d", len(all))
	}
}
