package screens

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// screenCase builds one screen for an env.
type screenCase struct {
	name  string
	who   string
	build func(*Env) fyne.CanvasObject
}

var screenCases = []screenCase{
	{"forum", demo.MemberID, NewForum},
	{"thread", demo.MemberID, func(e *Env) fyne.CanvasObject { return NewThread(e, "th-welcome") }},
	{"thread_new", demo.MemberID, func(e *Env) fyne.CanvasObject { return NewThreadComposer(e, "coffee") }},
	{"stories", demo.MemberID, NewStories},
	{"story", demo.MemberID, func(e *Env) fyne.CanvasObject { return NewStoryDetail(e, "st-welcome") }},
	{"story_new", demo.MemberID, NewStoryComposer},
	{"polls", "mem-tom", NewPolls},
	{"ideas", demo.MemberID, NewIdeasBoard},
	{"announcements", demo.MemberID, NewAnnouncements},
	{"announcement", demo.MemberID, func(e *Env) fyne.CanvasObject { return NewAnnouncementDetail(e, "an-winter-hours") }},
	{"announce", demo.OwnerID, NewAnnounce},
	{"events_manager", demo.OwnerID, NewEventsManager},
	{"event_admin", demo.OwnerID, func(e *Env) fyne.CanvasObject { return NewEventAdmin(e, "ev-latte") }},
	{"event_editor", demo.OwnerID, func(e *Env) fyne.CanvasObject { return NewEventEditor(e, "ev-latte") }},
	{"members", demo.OwnerID, NewMembers},
	{"member", demo.OwnerID, func(e *Env) fyne.CanvasObject { return NewMemberProfile(e, demo.MemberID) }},
	{"moderation", demo.OwnerID, NewModeration},
	{"polls_manager", demo.OwnerID, NewPollsManager},
	{"poll_admin", demo.OwnerID, func(e *Env) fyne.CanvasObject { return NewPollAdmin(e, "poll-winter") }},
	{"insights", demo.OwnerID, NewInsights},
}

// TestScreens_FitEverywhere builds every screen at phone and desktop size
// in English and Arabic and checks it fits the window's width: nothing may
// need a wider window than a phone's. With REGULARS_SHOTS set to a folder it
// also writes each as a PNG, to look at.
func TestScreens_FitEverywhere(t *testing.T) {
	for _, sc := range screenCases {
		for _, lang := range []string{"en", "ar"} {
			for _, size := range []struct {
				name string
				size fyne.Size
			}{{"phone", phoneSize}, {"desktop", desktopSize}} {
				t.Run(fmt.Sprintf("%s_%s_%s", sc.name, size.name, lang), func(t *testing.T) {
					f := newFixture(t)
					env := f.env(sc.who, lang)
					env.SetPhone(size.name == "phone")
					content := sc.build(env)
					f.show(content, size.size)
					if w := content.MinSize().Width; w > size.size.Width {
						t.Errorf("needs %.0f px, window is %.0f", w, size.size.Width)
					}
					f.capture(t.Name()[len("TestScreens_FitEverywhere/"):])
				})
			}
		}
	}
}

// TestScreens_LongNamesAndEmpty shows the member screens with a very long
// name and title, and the lists of a community with nothing in them.
func TestScreens_LongNamesAndEmpty(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	long := "Maximiliana Alexandrina Josefina de los Ángeles Fernández-Castellanos"
	if _, err := f.store.UpdateMember(ctx, "mem-priya", func(m *community.Member) error { m.Name = long[:60]; return nil }); err != nil {
		t.Fatal(err)
	}
	priya := f.actor("mem-priya")
	th, err := f.svc.StartThread(ctx, priya, "general",
		"An extraordinarily long thread title that goes on and on about the perfect flat white and where to find it",
		"Averyveryverylongwordwithoutanyspacesatallthatmightbreakthelayoutofthepostrowonaphone and then **bold** text.")
	if err != nil {
		t.Fatal(err)
	}
	longIdea := "A seasonal menu written together with the regulars: every month one of us picks a drink, a cake and a song for the"
	if _, err := f.svc.ProposeIdea(ctx, priya, "poll-winter", longIdea); err != nil {
		t.Fatal(err)
	}
	pending, _ := f.svc.PendingIdeas(ctx, f.actor(demo.OwnerID), 10)
	for _, idea := range pending {
		if _, err := f.svc.SetIdeaStatus(ctx, f.actor(demo.OwnerID), idea.PollID, idea.ID, community.IdeaOpen); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"en", "ar"} {
		env := f.env("mem-sam", lang) // Sam has not voted: the options show
		env.SetPhone(true)
		for name, c := range map[string]fyne.CanvasObject{"forum": NewForum(env), "thread": NewThread(env, th.ID),
			"polls": NewPolls(env), "ideas": NewIdeasBoard(env), "moderation": NewModeration(f.env(demo.OwnerID, lang))} {
			f.show(c, phoneSize)
			if w := c.MinSize().Width; w > phoneSize.Width {
				t.Errorf("%s %s with long names needs %.0f px", name, lang, w)
			}
			f.capture("long_" + name + "_" + lang)
		}
	}

	// An empty category and a community with no polls or stories.
	env := f.env(demo.MemberID, "en")
	fs := newForum(env)
	f.show(fs.root, phoneSize)
	fs.onCategory("Menu ideas")
	settle()
	if len(fs.threads) != 1 {
		t.Fatalf("menu threads = %d", len(fs.threads))
	}
	empty := newFixtureEmpty(t)
	eenv := empty.env("solo", "en")
	eenv.SetPhone(true)
	for name, c := range map[string]fyne.CanvasObject{"forum": NewForum(eenv), "stories": NewStories(eenv), "polls": NewPolls(eenv),
		"announcements": NewAnnouncements(eenv), "ideas": NewIdeasBoard(eenv)} {
		empty.show(c, phoneSize)
		empty.capture("empty_" + name)
	}
	owner := empty.env("owner", "en")
	for name, build := range map[string]func(*Env) fyne.CanvasObject{"moderation": NewModeration, "events_manager": NewEventsManager,
		"polls_manager": NewPollsManager, "insights": NewInsights, "members": NewMembers} {
		c := build(owner)
		empty.show(c, desktopSize)
		empty.capture("empty_" + name)
	}
}

// newFixtureEmpty is a community with its settings, an owner and one member,
// and nothing else.
func newFixtureEmpty(t *testing.T) *fixture {
	f := newBareFixture(t)
	ctx := context.Background()
	if err := f.store.SaveCommunity(ctx, demo.Community()); err != nil {
		t.Fatal(err)
	}
	for _, m := range []community.Member{
		{ID: "owner", Code: community.MemberCode("owner"), Name: "Olga", Lang: "en", Role: community.RoleOwner, Since: demo.Now},
		{ID: "solo", Code: community.MemberCode("solo"), Name: "Sol", Lang: "en", Role: community.RoleMember, Since: demo.Now},
	} {
		if err := f.store.CreateMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	return f
}
