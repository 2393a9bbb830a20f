package community

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Bounds of the program's settings. Rewards and categories are bounded by
// what firestore.rules can check without loops (it reads the first 16
// rewards and 12 categories one by one).
const (
	MaxTiers      = 10
	MaxRewards    = 16
	MaxCategories = 12
	MaxLocales    = 40
	MaxSlugLen    = 40
)

// ValidateCommunity checks the program's settings, naming the field (and,
// in a list, the 1-based position of the item) of the first problem:
// a name; an ISO 4217 currency; a known time zone; at least one language,
// each a BCP 47 tag once; tiers ascending from zero; rewards, tiers and
// categories with unique IDs and a name in at least one language; rewards
// that cost points; earn rules within bounds, purchase points with the
// amount they are earned per, a stamp card of at most MaxStampsEvery.
func ValidateCommunity(c Community) error {
	if err := CheckName("name", c.Name, MaxTitleLen); err != nil {
		return err
	}
	for _, lang := range sortedLocalized(c.About) {
		if err := first(CheckID("lang", lang), CheckOptionalBody("about", c.About[lang], MaxCommentLen)); err != nil {
			return err
		}
	}
	if strings.TrimSpace(c.Currency) == "" {
		return Invalid("currency", ReasonRequired)
	}
	if u, err := currency.ParseISO(c.Currency); err != nil || u.String() != c.Currency {
		return Invalid("currency", ReasonInvalid)
	}
	if c.TimeZone != "" {
		if _, err := time.LoadLocation(c.TimeZone); err != nil || strings.EqualFold(c.TimeZone, "local") {
			return Invalid("time_zone", ReasonInvalid)
		}
	}
	if err := validateLocales(c.Locales); err != nil {
		return err
	}
	if err := validateTiers(c.Tiers); err != nil {
		return err
	}
	if err := validateRewards(c.Rewards); err != nil {
		return err
	}
	if err := validateCategories(c.Categories); err != nil {
		return err
	}
	if err := c.Brand.Validate(); err != nil {
		return err
	}
	return c.Earn.Validate()
}

func validateLocales(locales []string) error {
	if len(locales) == 0 {
		return Invalid("locales", ReasonRequired)
	}
	if len(locales) > MaxLocales {
		return &ValidationError{Field: "locales", Reason: ReasonOutOfRange, Limit: MaxLocales}
	}
	seen := map[string]bool{}
	for i, l := range locales {
		if _, err := language.Parse(l); err != nil || CheckID("locales", l) != nil {
			return &ValidationError{Field: "locales", Reason: ReasonInvalid, Index: i + 1}
		}
		if seen[l] {
			return &ValidationError{Field: "locales", Reason: ReasonDuplicate, Index: i + 1}
		}
		seen[l] = true
	}
	return nil
}

func validateTiers(tiers []Tier) error {
	if len(tiers) == 0 {
		return Invalid("tiers", ReasonRequired)
	}
	if len(tiers) > MaxTiers {
		return &ValidationError{Field: "tiers", Reason: ReasonOutOfRange, Limit: MaxTiers}
	}
	ids := map[string]bool{}
	for i, t := range tiers {
		if err := first(checkItemID("tier_id", t.ID, i, ids), checkNames("tier_name", t.Names, i)); err != nil {
			return err
		}
		switch {
		case i == 0 && t.Threshold != 0:
			return &ValidationError{Field: "tier_threshold", Reason: ReasonInvalid, Index: 1}
		case i > 0 && t.Threshold <= tiers[i-1].Threshold:
			return &ValidationError{Field: "tier_threshold", Reason: ReasonOutOfRange, Index: i + 1, Limit: int(tiers[i-1].Threshold)}
		case t.Threshold > MaxPointsDelta*100:
			return &ValidationError{Field: "tier_threshold", Reason: ReasonOutOfRange, Index: i + 1, Limit: MaxPointsDelta * 100}
		}
	}
	return nil
}

func validateRewards(rewards []Reward) error {
	if len(rewards) > MaxRewards {
		return &ValidationError{Field: "rewards", Reason: ReasonOutOfRange, Limit: MaxRewards}
	}
	ids := map[string]bool{}
	for i, r := range rewards {
		if err := first(checkItemID("reward_id", r.ID, i, ids), checkNames("reward_name", r.Names, i)); err != nil {
			return err
		}
		if r.Cost < 1 || r.Cost > MaxPointsDelta {
			return &ValidationError{Field: "reward_cost", Reason: ReasonOutOfRange, Index: i + 1, Limit: MaxPointsDelta}
		}
		if r.ValueMinor < 0 || r.ValueMinor > MaxPurchaseMinor {
			return &ValidationError{Field: "reward_value", Reason: ReasonOutOfRange, Index: i + 1, Limit: MaxPurchaseMinor}
		}
	}
	return nil
}

func validateCategories(cats []Category) error {
	if len(cats) > MaxCategories {
		return &ValidationError{Field: "categories", Reason: ReasonOutOfRange, Limit: MaxCategories}
	}
	ids := map[string]bool{}
	for i, g := range cats {
		if err := first(checkItemID("category_id", g.ID, i, ids), checkNames("category_name", g.Names, i)); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the earn rules: each between 0 (off) and MaxPointsDelta;
// purchase points need the amount they are earned per; the stamp card holds
// at most MaxStampsEvery stamps.
func (r EarnRules) Validate() error {
	for _, f := range []struct {
		field string
		v     int64
	}{
		{"earn_visit", r.Visit}, {"earn_purchase", r.PurchasePoints}, {"earn_checkin", r.CheckIn},
		{"earn_story", r.StoryPublished}, {"earn_idea_shipped", r.IdeaShipped}, {"earn_idea_voter", r.IdeaVoter},
		{"earn_birthday", r.Birthday},
	} {
		if err := CheckRange(f.field, f.v, 0, MaxPointsDelta); err != nil {
			return err
		}
	}
	if r.PurchasePoints > 0 || r.PurchaseUnit != 0 {
		if err := CheckRange("earn_purchase_unit", r.PurchaseUnit, 1, MaxPurchaseMinor); err != nil {
			return err
		}
	}
	return first(CheckRange("earn_stamps", r.StampsEvery, 0, MaxStampsEvery),
		CheckRange("earn_expiry", r.ExpiryMonths, 0, MaxExpiryMonths))
}

// CheckSlug validates an ID the owner names in the settings (a tier, a
// reward, a category): 1 to MaxSlugLen lower-case letters, digits, '-' and
// '_', so that it is safe in a reward code and a Firestore field.
func CheckSlug(field, id string) error {
	if id == "" {
		return Invalid(field, ReasonRequired)
	}
	if len(id) > MaxSlugLen {
		return &ValidationError{Field: field, Reason: ReasonTooLong, Limit: MaxSlugLen}
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return Invalid(field, ReasonInvalid)
		}
	}
	return nil
}

func checkItemID(field, id string, i int, seen map[string]bool) error {
	if err := CheckSlug(field, id); err != nil {
		v, _ := AsValidation(err)
		v.Index = i + 1
		return v
	}
	if seen[id] {
		return &ValidationError{Field: field, Reason: ReasonDuplicate, Index: i + 1}
	}
	seen[id] = true
	return nil
}

// checkNames wants a name in at least one language, each valid.
func checkNames(field string, names Localized, i int) error {
	written := 0
	for _, lang := range sortedLocalized(names) {
		if strings.TrimSpace(names[lang]) == "" {
			continue
		}
		written++
		if err := first(CheckID(field, lang), CheckName(field, names[lang], MaxNameLen)); err != nil {
			v, _ := AsValidation(err)
			v.Index = i + 1
			return v
		}
	}
	if written == 0 {
		return &ValidationError{Field: field, Reason: ReasonRequired, Index: i + 1}
	}
	return nil
}

func sortedLocalized(l Localized) []string {
	out := make([]string, 0, len(l))
	for k := range l {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// Validate checks the accent is "#rrggbb" (or empty) and the logo is small
// enough to travel with the settings.
func (b Brand) Validate() error {
	if b.Accent != "" {
		if _, ok := ParseAccent(b.Accent); !ok {
			return Invalid("accent", ReasonInvalid)
		}
	}
	if len(b.Logo) > MaxLogoBytes {
		return &ValidationError{Field: "logo", Reason: ReasonOutOfRange, Limit: MaxLogoBytes}
	}
	return nil
}

// ParseAccent reads "#rrggbb" as its three bytes.
func ParseAccent(s string) (rgb [3]uint8, ok bool) {
	if len(s) != 7 || s[0] != '#' {
		return rgb, false
	}
	for i := 0; i < 3; i++ {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return rgb, false
		}
		rgb[i] = uint8(v)
	}
	return rgb, true
}
