package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community/demo"
)

// TestSettings_MembersScreensFollowLive: the owner renames a reward, lowers
// its cost and turns on points expiry in the settings; the member's card,
// open on their phone, shows the new name and cost without being reopened.
func TestSettings_MembersScreensFollowLive(t *testing.T) {
	f := newFixture(t)
	member := f.env(demo.MemberID, "en")
	member.SetPhone(true)
	deliver := f.watch(member)
	f.show(NewLoyalty(member), phoneSize)
	if !shows(f.win, "Oat cookie") {
		t.Fatalf("the member's card does not list the cookie: %q", shownTexts(f.win))
	}

	s := newSettings(f.env(demo.OwnerID, "en"))
	settle()
	var cookie *settingsRow
	for _, r := range s.rewards {
		if r.id == "cookie" {
			cookie = r
		}
	}
	if cookie == nil {
		t.Fatal("no cookie row in the settings")
	}
	cookie.name.SetText("Oat & honey biscuit")
	cookie.number.SetText("70")
	s.earn["earn_expiry"].SetText("6")
	test.Tap(s.save)
	settle()
	c, _ := f.store.Community(context.Background())
	if c.Earn.ExpiryMonths != 6 {
		t.Errorf("expiry saved as %d months, want 6", c.Earn.ExpiryMonths)
	}

	deliver()
	if !shows(f.win, "Oat & honey biscuit") || shows(f.win, "Oat cookie") {
		t.Errorf("the member's open card did not follow the rename: %q", shownTexts(f.win))
	}
	if !shows(f.win, "70 points") {
		t.Errorf("the member's open card does not show the new cost: %q", shownTexts(f.win))
	}
}

// Points expiry beyond five years is refused at its field, in the member's
// language, and the typed value stays.
func TestSettings_ExpiryRefusedAtTheField(t *testing.T) {
	for _, lang := range []string{"en", "ar", "ja"} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t)
			s := newSettings(f.env(demo.OwnerID, lang))
			f.show(s.root, phoneSize)
			s.earn["earn_expiry"].SetText("61")
			test.Tap(s.save)
			settle()
			fe := s.errs.Field("earn_expiry")
			if !fe.Visible() || fe.Text == "" || s.earn["earn_expiry"].Text != "61" {
				t.Fatalf("expiry 61: at the field %v %q, typed %q", fe.Visible(), fe.Text, s.earn["earn_expiry"].Text)
			}
			if c, _ := f.store.Community(context.Background()); c.Earn.ExpiryMonths != 0 {
				t.Errorf("a refused save set expiry to %d", c.Earn.ExpiryMonths)
			}
			if sc, ok := s.root.(*container.Scroll); ok {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.earn["earn_expiry"])
				top := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.form)
				sc.ScrollToOffset(fyne.NewPos(0, pos.Y-top.Y-200))
			}
			f.capture("settings-expiry-refused-" + lang)
		})
	}
}
