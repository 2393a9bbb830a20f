package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community/demo"
)

// The owner edits an announcement, then deletes it; the member's list of
// announcements, open on their phone, follows both without being reopened.
func TestAnnounce_EditAndDeleteFollowLive(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	orig, err := f.store.Announcement(ctx, "an-winter-hours")
	if err != nil {
		t.Fatal(err)
	}
	old := orig.Texts["en"].Title
	member := f.env(demo.MemberID, "en")
	member.SetPhone(true)
	deliver := f.watch(member)
	f.show(NewAnnouncements(member), phoneSize)
	if !shows(f.win, old) {
		t.Fatalf("the member's list does not show %q: %q", old, shownTexts(f.win))
	}

	s := newAnnounce(f.env(demo.OwnerID, "en"))
	settle()
	idx := -1
	for i, a := range s.posted {
		if a.ID == "an-winter-hours" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("the composer does not list the winter hours")
	}
	s.onEdit(idx)
	s.titles["en"].SetText("Open from 8 on weekdays this December")
	test.Tap(s.publish)
	settle()
	deliver()
	if !shows(f.win, "Open from 8 on weekdays this December") || shows(f.win, old) {
		t.Errorf("the member's list after the edit: %q", shownTexts(f.win))
	}

	s.onDelete()
	settle()
	test.Tap(button(t, f.win, "Delete"))
	settle()
	if _, err := f.store.Announcement(ctx, "an-winter-hours"); err == nil {
		t.Fatal("the announcement is still stored after the delete")
	}
	deliver()
	if shows(f.win, "Open from 8 on weekdays") {
		t.Errorf("the member's list still shows the deleted announcement: %q", shownTexts(f.win))
	}
}
