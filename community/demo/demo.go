// Package demo seeds the demo community: Café Lumen, a neighbourhood café
// with regulars of many languages and cultures. The seed is deterministic for
// a given "now", so tests and screenshots can rely on it.
package demo

import (
	"context"
	_ "embed"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/community"
)

// IDs of the people the app shows in local mode.
const (
	MemberID = "mem-amira" // the demo member: Amira, a regular close to the next tier
	OwnerID  = "own-lucia" // the owner: Lucía
	StaffID  = "stf-kenji" // a barista: Kenji
)

// Now is the reference time of tests and screenshots: a Tuesday morning.
var Now = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// logoSVG is Café Lumen's logo: a cup on a terracotta badge.
//
//go:embed logo.svg
var logoSVG []byte

// Community is the demo café's settings.
func Community() community.Community {
	return community.Community{
		ID:   "cafe-lumen",
		Name: "Café Lumen",
		About: community.Localized{
			"en": "Your neighbourhood café: coffee, cake and good company.",
			"es": "Tu café de barrio: café, tarta y buena compañía.",
			"ar": "مقهى الحي: قهوة وكعك وصحبة طيبة.",
		},
		Locales:  []string{"en", "es", "ar", "hi", "ja", "fr", "de", "tr", "vi", "ko", "zh-Hans", "it", "pt-BR"},
		Currency: "EUR",
		Brand:    community.Brand{Accent: "#9c4a22", Logo: logoSVG},
		TimeZone: "Europe/Madrid",
		Tiers: []community.Tier{
			{ID: "newcomer", Threshold: 0, Names: community.Localized{"en": "Newcomer", "es": "Recién llegado", "ar": "وافد جديد", "hi": "नवागंतुक", "ja": "ニューカマー"}},
			{ID: "regular", Threshold: 300, Names: community.Localized{"en": "Regular", "es": "Habitual", "ar": "زبون دائم", "hi": "नियमित", "ja": "常連"}},
			{ID: "local", Threshold: 1000, Names: community.Localized{"en": "Local Legend", "es": "Leyenda del barrio", "ar": "أسطورة الحي", "hi": "मोहल्ले की शान", "ja": "街の顔"}},
		},
		Rewards: []community.Reward{
			{ID: "cookie", Cost: 80, ValueMinor: 180, Names: community.Localized{"en": "Oat cookie", "es": "Galleta de avena", "ar": "بسكويت الشوفان", "hi": "ओट कुकी", "ja": "オーツクッキー"}},
			{ID: "coffee", Cost: 150, ValueMinor: 320, Names: community.Localized{"en": "Any coffee", "es": "Un café a elegir", "ar": "أي قهوة تختارها", "hi": "कोई भी कॉफ़ी", "ja": "お好きなコーヒー"}},
			{ID: "cake", Cost: 250, ValueMinor: 450, Names: community.Localized{"en": "Slice of cake", "es": "Porción de tarta", "ar": "قطعة كعك", "hi": "केक का टुकड़ा", "ja": "ケーキひと切れ"}},
			{ID: "beans", Cost: 600, ValueMinor: 1400, Names: community.Localized{"en": "Bag of house beans", "es": "Bolsa de café de la casa", "ar": "كيس بن المقهى", "hi": "घर की कॉफ़ी बीन्स", "ja": "自家焙煎豆ひと袋"}},
			{ID: "class", Cost: 1200, ValueMinor: 3500, Names: community.Localized{"en": "Latte art class", "es": "Clase de latte art", "ar": "درس فن اللاتيه", "hi": "लाते आर्ट क्लास", "ja": "ラテアート教室"}},
		},
		Categories: []community.Category{
			{ID: "general", Names: community.Localized{"en": "Neighbourhood", "es": "Barrio", "ar": "الحي", "hi": "मोहल्ला", "ja": "ご近所"}},
			{ID: "coffee", Names: community.Localized{"en": "Coffee talk", "es": "Hablemos de café", "ar": "حديث القهوة", "hi": "कॉफ़ी की बातें", "ja": "コーヒー談義"}},
			{ID: "menu", Names: community.Localized{"en": "Menu ideas", "es": "Ideas para la carta", "ar": "أفكار للقائمة", "hi": "मेन्यू के सुझाव", "ja": "メニューのアイデア"}},
		},
		Earn: community.EarnRules{CheckIn: 50, StoryPublished: 100, IdeaShipped: 200, IdeaVoter: 20, Birthday: 150,
			Visit: 10, PurchasePoints: 1, PurchaseUnit: 100, StampsEvery: 9},
	}
}

// person is one demo member.
type person struct {
	id, name, lang string
	role           community.Role
	monthsAgo      int
	birthday       community.Birthday
	usual          string
}

// people are the demo community: two who run it and 30 regulars.
var people = []person{
	{OwnerID, "Lucía Fernández", "es", community.RoleOwner, 40, community.Birthday{Month: time.May, Day: 12}, ""},
	{StaffID, "Kenji Watanabe", "ja", community.RoleStaff, 30, community.Birthday{Month: time.August, Day: 3}, ""},
	{MemberID, "Amira Haddad", "ar", community.RoleMember, 26, community.Birthday{Month: time.November, Day: 24}, "Flat white, oat milk, extra hot"},
	{"mem-priya", "Priya Sharma", "hi", community.RoleMember, 22, community.Birthday{Month: time.March, Day: 9}, "Masala chai, no sugar"},
	{"mem-tom", "Tom Becker", "de", community.RoleMember, 36, community.Birthday{}, "Double espresso"},
	{"mem-sofia", "Sofía Morales", "es", community.RoleMember, 18, community.Birthday{Month: time.July, Day: 21}, "Cortado"},
	{"mem-yuki", "Yuki Tanaka", "ja", community.RoleMember, 14, community.Birthday{}, "Matcha latte"},
	{"mem-omar", "Omar Benali", "ar", community.RoleMember, 33, community.Birthday{Month: time.January, Day: 30}, "Turkish coffee"},
	{"mem-claire", "Claire Dubois", "fr", community.RoleMember, 12, community.Birthday{}, "Café crème"},
	{"mem-minh", "Nguyễn Văn Minh", "vi", community.RoleMember, 9, community.Birthday{}, "Iced coffee with condensed milk"},
	{"mem-jiwoo", "Kim Ji-woo", "ko", community.RoleMember, 7, community.Birthday{}, "Vanilla latte"},
	{"mem-wei", "Chen Wei", "zh-Hans", community.RoleMember, 16, community.Birthday{}, "Americano"},
	{"mem-ayse", "Ayşe Yılmaz", "tr", community.RoleMember, 20, community.Birthday{Month: time.October, Day: 2}, "Çay, two sugars"},
	{"mem-marco", "Marco Rossi", "it", community.RoleMember, 28, community.Birthday{}, "Macchiato"},
	{"mem-joao", "João Silva", "pt-BR", community.RoleMember, 11, community.Birthday{}, "Pingado"},
	{"mem-fatima", "Fatima Zahra El Idrissi", "ar", community.RoleMember, 5, community.Birthday{}, ""},
	{"mem-arjun", "Arjun Mehta", "hi", community.RoleMember, 3, community.Birthday{}, ""},
	{"mem-hana", "Hana Suzuki", "ja", community.RoleMember, 24, community.Birthday{}, "Hojicha"},
	{"mem-lena", "Lena Schmidt", "de", community.RoleMember, 8, community.Birthday{}, ""},
	{"mem-diego", "Diego Ramírez", "es", community.RoleMember, 15, community.Birthday{}, "Café con leche"},
	{"mem-noah", "Noah Williams", "en", community.RoleMember, 2, community.Birthday{}, ""},
	{"mem-grace", "Grace O'Connor", "en", community.RoleMember, 19, community.Birthday{}, "Earl Grey"},
	{"mem-kwame", "Kwame Mensah", "en", community.RoleMember, 13, community.Birthday{}, "Filter coffee"},
	{"mem-ingrid", "Ingrid Johansson", "en", community.RoleMember, 6, community.Birthday{}, ""},
	{"mem-elif", "Elif Demir", "tr", community.RoleMember, 10, community.Birthday{}, ""},
	{"mem-lucas", "Lucas Martin", "fr", community.RoleMember, 4, community.Birthday{}, ""},
	{"mem-mei", "Lin Mei", "zh-Hans", community.RoleMember, 17, community.Birthday{}, "Oolong"},
	{"mem-seo", "Park Seo-yeon", "ko", community.RoleMember, 1, community.Birthday{}, ""},
	{"mem-giulia", "Giulia Bianchi", "it", community.RoleMember, 21, community.Birthday{}, ""},
	{"mem-rafael", "Rafael Costa", "pt-BR", community.RoleMember, 9, community.Birthday{}, ""},
	{"mem-thu", "Trần Thị Thu", "vi", community.RoleMember, 12, community.Birthday{}, ""},
	{"mem-sam", "Sam Taylor", "en", community.RoleMember, 0, community.Birthday{}, ""},
}

// Members returns the demo people as members, joined relative to now.
func Members(now time.Time) []community.Member {
	out := make([]community.Member, 0, len(people))
	for i, p := range people {
		since := now.AddDate(0, -p.monthsAgo, -i)
		out = append(out, community.Member{ID: p.id, Code: community.MemberCode(p.id), Name: p.name, Lang: p.lang, Role: p.role,
			Birthday: p.birthday, Usual: p.usual, Since: since, LastActive: now.AddDate(0, 0, -(i*3)%45),
			Email: fmt.Sprintf("%s@example.com", p.id)})
	}
	return out
}

// Seed writes the demo community into an empty store.
func Seed(ctx context.Context, s community.Store, now time.Time) error {
	now = now.Truncate(time.Minute)
	if err := s.SaveCommunity(ctx, Community()); err != nil {
		return fmt.Errorf("seed community: %w", err)
	}
	for _, m := range Members(now) {
		if err := s.CreateMember(ctx, m); err != nil {
			return fmt.Errorf("seed member %s: %w", m.ID, err)
		}
	}
	steps := []func(context.Context, community.Store, time.Time) error{seedLedger, seedEvents, seedForum, seedStories, seedPolls, seedAnnouncements, seedFeedback, seedHeard}
	for _, step := range steps {
		if err := step(ctx, s, now); err != nil {
			return err
		}
	}
	return nil
}

// Seeded reports whether the store already holds a community.
func Seeded(ctx context.Context, s community.Store) bool {
	_, err := s.Community(ctx)
	return err == nil
}
