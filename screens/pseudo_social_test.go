package screens

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/regulars-app/regulars/i18n"
)

// TestScreens_SocialScreensArePseudoLocalized shows the forum, stories,
// polls and announcements in the pseudo-locale: every visible word must
// come from the catalog or be user content.
func TestScreens_SocialScreensArePseudoLocalized(t *testing.T) {
	screens := map[string]func(*Env) fyne.CanvasObject{
		"forum":         NewForum,
		"thread":        func(env *Env) fyne.CanvasObject { return NewThread(env, "th-welcome") },
		"thread-new":    func(env *Env) fyne.CanvasObject { return NewThreadComposer(env, "") },
		"stories":       NewStories,
		"story":         func(env *Env) fyne.CanvasObject { return NewStoryDetail(env, "st-first-date") },
		"story-new":     NewStoryComposer,
		"polls":         NewPolls,
		"ideas":         NewIdeasBoard,
		"announcements": NewAnnouncements,
		"announcement":  func(env *Env) fyne.CanvasObject { return NewAnnouncementDetail(env, "an-winter-hours") },
	}
	for name, build := range screens {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			env := f.env("mem-tom", i18n.PseudoCode) // Tom voted: the polls show results
			f.show(build(env), desktopSize)
			if bad := unlocalized(f.win); len(bad) > 0 {
				t.Errorf("%s shows text that bypassed the catalog: %q", name, bad)
			}
		})
	}
}

// TestScreens_OwnerScreensArePseudoLocalized does the same for the staff's
// screens.
func TestScreens_OwnerScreensArePseudoLocalized(t *testing.T) {
	screens := map[string]func(*Env) fyne.CanvasObject{
		"announce":          NewAnnounce,
		"events-manager":    NewEventsManager,
		"event-admin":       func(env *Env) fyne.CanvasObject { return NewEventAdmin(env, "ev-latte") },
		"event-editor":      func(env *Env) fyne.CanvasObject { return NewEventEditor(env, "ev-latte") },
		"members":           NewMembers,
		"member":            func(env *Env) fyne.CanvasObject { return NewMemberProfile(env, "mem-tom") },
		"moderation":        NewModeration,
		"polls-manager":     NewPollsManager,
		"poll-admin":        func(env *Env) fyne.CanvasObject { return NewPollAdmin(env, "poll-winter") },
		"insights":          NewInsights,
		"insights-feedback": NewInsightsFeedback,
	}
	for name, build := range screens {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			env := f.env("own-lucia", i18n.PseudoCode)
			f.show(build(env), desktopSize)
			if bad := unlocalized(f.win); len(bad) > 0 {
				t.Errorf("%s shows text that bypassed the catalog: %q", name, bad)
			}
		})
	}
}
