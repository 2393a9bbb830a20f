package community_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

func TestValidateCommunity(t *testing.T) {
	en := func(s string) community.Localized { return community.Localized{"en": s} }
	tests := []struct {
		name   string
		edit   func(c *community.Community)
		field  string
		reason string
		index  int
	}{
		{"the demo café", func(*community.Community) {}, "", "", 0},
		{"no name", func(c *community.Community) { c.Name = " " }, "name", community.ReasonRequired, 0},
		{"no currency", func(c *community.Community) { c.Currency = "" }, "currency", community.ReasonRequired, 0},
		{"not a currency", func(c *community.Community) { c.Currency = "EURO" }, "currency", community.ReasonInvalid, 0},
		{"lower-case currency", func(c *community.Community) { c.Currency = "eur" }, "currency", community.ReasonInvalid, 0},
		{"yen", func(c *community.Community) { c.Currency = "JPY" }, "", "", 0},
		{"no brand", func(c *community.Community) { c.Brand = community.Brand{} }, "", "", 0},
		{"an accent without #", func(c *community.Community) { c.Brand.Accent = "9c4a22" }, "accent", community.ReasonInvalid, 0},
		{"an accent not in hex", func(c *community.Community) { c.Brand.Accent = "#9c4a2g" }, "accent", community.ReasonInvalid, 0},
		{"a logo too big", func(c *community.Community) { c.Brand.Logo = make([]byte, community.MaxLogoBytes+1) }, "logo", community.ReasonOutOfRange, 0},
		{"unknown zone", func(c *community.Community) { c.TimeZone = "Europe/Atlantis" }, "time_zone", community.ReasonInvalid, 0},
		{"the machine's zone", func(c *community.Community) { c.TimeZone = "Local" }, "time_zone", community.ReasonInvalid, 0},
		{"no languages", func(c *community.Community) { c.Locales = nil }, "locales", community.ReasonRequired, 0},
		{"a language twice", func(c *community.Community) { c.Locales = []string{"en", "ar", "en"} }, "locales", community.ReasonDuplicate, 3},
		{"not a language", func(c *community.Community) { c.Locales = []string{"en", "not a tag"} }, "locales", community.ReasonInvalid, 2},
		{"no tiers", func(c *community.Community) { c.Tiers = nil }, "tiers", community.ReasonRequired, 0},
		{"first tier above zero", func(c *community.Community) { c.Tiers[0].Threshold = 10 }, "tier_threshold", community.ReasonInvalid, 1},
		{"tiers out of order", func(c *community.Community) { c.Tiers[2].Threshold = 300 }, "tier_threshold", community.ReasonOutOfRange, 3},
		{"a tier without a name", func(c *community.Community) { c.Tiers[1].Names = community.Localized{"en": " "} }, "tier_name", community.ReasonRequired, 2},
		{"two tiers, one id", func(c *community.Community) { c.Tiers[2].ID = c.Tiers[0].ID }, "tier_id", community.ReasonDuplicate, 3},
		{"a reward that costs nothing", func(c *community.Community) { c.Rewards[1].Cost = 0 }, "reward_cost", community.ReasonOutOfRange, 2},
		{"a reward without a name", func(c *community.Community) { c.Rewards[0].Names = nil }, "reward_name", community.ReasonRequired, 1},
		{"a reward name too long", func(c *community.Community) { c.Rewards[3].Names = en(strings.Repeat("x", 61)) }, "reward_name", community.ReasonTooLong, 4},
		{"a reward with control characters", func(c *community.Community) { c.Rewards[0].Names = en("Free\u202ecake") }, "reward_name", community.ReasonControlChars, 1},
		{"a reward id with a colon", func(c *community.Community) { c.Rewards[0].ID = "a:b" }, "reward_id", community.ReasonInvalid, 1},
		{"an inactive reward stays valid", func(c *community.Community) { c.Rewards[0].Inactive = true }, "", "", 0},
		{"17 rewards", func(c *community.Community) {
			for len(c.Rewards) <= community.MaxRewards {
				c.Rewards = append(c.Rewards, community.Reward{ID: community.NewID(), Names: en("x"), Cost: 1})
			}
		}, "rewards", community.ReasonOutOfRange, 0},
		{"a category without a name", func(c *community.Community) { c.Categories[2].Names = community.Localized{} }, "category_name", community.ReasonRequired, 3},
		{"negative visit points", func(c *community.Community) { c.Earn.Visit = -1 }, "earn_visit", community.ReasonOutOfRange, 0},
		{"purchase points without the amount", func(c *community.Community) { c.Earn.PurchaseUnit = 0 }, "earn_purchase_unit", community.ReasonOutOfRange, 0},
		{"purchases off", func(c *community.Community) { c.Earn.PurchasePoints, c.Earn.PurchaseUnit = 0, 0 }, "", "", 0},
		{"a stamp card of 51", func(c *community.Community) { c.Earn.StampsEvery = 51 }, "earn_stamps", community.ReasonOutOfRange, 0},
		{"no stamp card", func(c *community.Community) { c.Earn.StampsEvery = 0 }, "", "", 0},
		{"a million birthday points", func(c *community.Community) { c.Earn.Birthday = community.MaxPointsDelta + 1 }, "earn_birthday", community.ReasonOutOfRange, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := demo.Community()
			tt.edit(&c)
			err := community.ValidateCommunity(c)
			checkReason(t, err, tt.field, tt.reason)
			if v, ok := community.AsValidation(err); ok && v.Index != tt.index {
				t.Errorf("index %d, want %d", v.Index, tt.index)
			}
		})
	}
}

func FuzzValidateCommunity(f *testing.F) {
	f.Add("Café Lumen", "EUR", "Europe/Madrid", "en", "cookie", int64(80), int64(9))
	f.Add("", "eur", "Mars/Base", "xx-!!", "a:b", int64(0), int64(-1))
	f.Fuzz(func(t *testing.T, name, cur, zone, locale, reward string, cost, stamps int64) {
		c := demo.Community()
		c.Name, c.Currency, c.TimeZone, c.Locales = name, cur, zone, []string{locale}
		c.Rewards[0].ID, c.Rewards[0].Cost, c.Earn.StampsEvery = reward, cost, stamps
		err := community.ValidateCommunity(c)
		if err != nil {
			if _, ok := community.AsValidation(err); !ok {
				t.Fatalf("not a validation error: %v", err)
			}
			return
		}
		if cost < 1 || stamps < 0 || stamps > community.MaxStampsEvery || community.CheckSlug("id", reward) != nil {
			t.Fatalf("accepted cost %d, stamps %d, reward id %q", cost, stamps, reward)
		}
	})
}

// TestService_SaveCommunity_MembersFollowLive: the owner's change reaches a
// watcher (every member's open screen) and the member's next read.
func TestService_SaveCommunity_MembersFollowLive(t *testing.T) {
	svc, _ := newService(t)
	// The time limit starts after the seeding, which takes seconds under -race
	// on a busy machine: it bounds the wait for the change, not the set-up.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // generous for a loaded CI machine under -race
	defer cancel()
	changes := svc.Watch(ctx)
	c, err := svc.Community(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Tiers[1].Names = community.Localized{"en": "Neighbour"}
	c.Earn.Visit = 25
	if err := svc.SaveCommunity(ctx, staff, c); !errors.Is(err, community.ErrForbidden) {
		t.Fatalf("staff saving the settings: %v", err)
	}
	bad := c
	bad.Currency = "€"
	if err := svc.SaveCommunity(ctx, owner, bad); !community.IsReason(err, community.ReasonInvalid) {
		t.Fatalf("an invalid save: %v", err)
	}
	if err := svc.SaveCommunity(ctx, owner, c); err != nil {
		t.Fatal(err)
	}
	for ch := range changes {
		if ch.Kind == community.KindCommunity {
			break
		}
	}
	if ctx.Err() != nil {
		t.Fatal("no community change reached the watcher")
	}
	h, err := svc.Home(ctx, member)
	if err != nil {
		t.Fatal(err)
	}
	if h.Status.Tier.Names.In("en") != "Neighbour" || h.Community.Earn.Visit != 25 {
		t.Errorf("the member's home after the save: tier %q, visit points %d", h.Status.Tier.Names.In("en"), h.Community.Earn.Visit)
	}
}
