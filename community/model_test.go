package community_test

import (
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

var tiers = []community.Tier{{ID: "bean", Threshold: 0}, {ID: "regular", Threshold: 200}, {ID: "local", Threshold: 1000}}

func TestStatus(t *testing.T) {
	c := community.Community{Tiers: tiers}
	tests := []struct {
		name         string
		points, life int64
		tier, next   string
		toNext       int64
		progress     float64
	}{
		{"new", 0, 0, "bean", "regular", 200, 0},
		{"halfway", 100, 100, "bean", "regular", 100, 0.5},
		{"exactly regular", 200, 200, "regular", "local", 800, 0},
		{"spent but still regular", 0, 600, "regular", "local", 400, 0.5},
		{"top", 50, 5000, "local", "", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := community.Status(c, community.Member{Points: tt.points, LifetimePoints: tt.life})
			next := ""
			if st.Next != nil {
				next = st.Next.ID
			}
			if st.Tier.ID != tt.tier || next != tt.next || st.ToNext != tt.toNext || st.Progress != tt.progress {
				t.Fatalf("got %s→%s to %d (%.2f), want %s→%s to %d (%.2f)", st.Tier.ID, next, st.ToNext, st.Progress, tt.tier, tt.next, tt.toNext, tt.progress)
			}
		})
	}
}

func TestRewardsFor(t *testing.T) {
	c := community.Community{Rewards: []community.Reward{{ID: "cake", Cost: 300}, {ID: "coffee", Cost: 100}, {ID: "bag", Cost: 900}, {ID: "cookie", Cost: 50}}}
	got := community.RewardsFor(c, community.Member{Points: 120})
	want := []string{"cookie", "coffee", "cake", "bag"}
	for i, w := range want {
		if got[i].ID != w {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	if !got[1].Affordable || got[2].Affordable || got[2].Missing != 180 {
		t.Fatalf("affordability wrong: %+v", got)
	}
}

func TestNPS(t *testing.T) {
	mk := func(scores ...int) []community.Feedback {
		var out []community.Feedback
		for _, s := range scores {
			out = append(out, community.Feedback{Score: s})
		}
		return out
	}
	tests := []struct {
		name  string
		in    []community.Feedback
		score int
		ok    bool
	}{
		{"none", nil, 0, false},
		{"all promoters", mk(9, 10), 100, true},
		{"all detractors", mk(0, 6), -100, true},
		{"passives", mk(7, 8), 0, true},
		{"mixed", mk(10, 9, 8, 3), 25, true},
		{"rounding", mk(10, 7, 7), 33, true},
		{"negative rounding", mk(1, 7, 7), -33, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := community.NPS(tt.in)
			if s != tt.score || ok != tt.ok {
				t.Fatalf("NPS = %d,%v want %d,%v", s, ok, tt.score, tt.ok)
			}
		})
	}
}

func TestBestLanguage(t *testing.T) {
	avail := []string{"en", "es", "ar", "pt-BR", "zh-Hans"}
	tests := []struct{ want, got string }{
		{"es-MX", "es"}, {"ar-EG", "ar"}, {"pt", "pt-BR"}, {"zh-CN", "zh-Hans"}, {"ja", "en"}, {"", "en"}, {"en-GB", "en"},
	}
	for _, tt := range tests {
		if g := community.BestLanguage(avail, tt.want, "en"); g != tt.got {
			t.Errorf("BestLanguage(%q) = %q, want %q", tt.want, g, tt.got)
		}
	}
	if g := community.BestLanguage([]string{"fr"}, "ja", "en"); g != "fr" {
		t.Errorf("last resort = %q", g)
	}
}

func TestBirthday_On(t *testing.T) {
	leap := community.Birthday{Month: time.February, Day: 29}
	tests := []struct {
		b    community.Birthday
		day  time.Time
		want bool
	}{
		{community.Birthday{Month: time.March, Day: 5}, time.Date(2026, 3, 5, 23, 0, 0, 0, time.UTC), true},
		{community.Birthday{Month: time.March, Day: 5}, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC), false},
		{leap, time.Date(2026, 2, 28, 9, 0, 0, 0, time.UTC), true},
		{leap, time.Date(2028, 2, 28, 9, 0, 0, 0, time.UTC), false},
		{leap, time.Date(2028, 2, 29, 9, 0, 0, 0, time.UTC), true},
		{community.Birthday{}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := tt.b.On(tt.day); got != tt.want {
			t.Errorf("%v.On(%v) = %v", tt.b, tt.day, got)
		}
	}
}

func TestCan(t *testing.T) {
	staffOnly := []community.Action{community.ActAnnounce, community.ActManageEvents, community.ActCheckIn, community.ActAwardPoints,
		community.ActApproveStories, community.ActModerate, community.ActManagePolls, community.ActSetIdeaStatus}
	for _, a := range staffOnly {
		if !community.Can(community.RoleOwner, a) || !community.Can(community.RoleStaff, a) || community.Can(community.RoleMember, a) {
			t.Errorf("%s should be owner and staff only", a)
		}
	}
	everyone := []community.Action{community.ActRSVP, community.ActPost, community.ActReact, community.ActReport,
		community.ActSubmitStory, community.ActVote, community.ActProposeIdea}
	for _, a := range everyone {
		for _, r := range []community.Role{community.RoleOwner, community.RoleStaff, community.RoleMember} {
			if !community.Can(r, a) {
				t.Errorf("%s may not %s", r, a)
			}
		}
	}
	if community.Can("stranger", community.ActRSVP) || community.Can(community.RoleStaff, community.ActManageRoles) {
		t.Error("stranger or staff got too much")
	}
	if (community.Actor{Role: community.RoleOwner}).Can(community.ActAnnounce) {
		t.Error("an actor without ID is nobody")
	}
}

func TestChange_About(t *testing.T) {
	for _, tc := range []struct {
		c    community.Change
		want bool
	}{
		{community.Change{Kind: community.KindThread, ID: "th-1"}, true},
		{community.Change{Kind: community.KindThread}, true}, // a resync of every thread
		{community.Change{Kind: community.KindThread, ID: "th-2"}, false},
		{community.Change{Kind: community.KindPost, ID: "th-1"}, false},
		{community.Change{Kind: community.KindPost, Parent: "th-1"}, false},
	} {
		if got := tc.c.About(community.KindThread, "th-1"); got != tc.want {
			t.Errorf("%+v.About(thread, th-1) = %v, want %v", tc.c, got, tc.want)
		}
	}
}
