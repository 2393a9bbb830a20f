package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// The owner makes a member staff from their profile, and takes it back;
// staff see no such button.
func TestMemberProfile_OwnerGrantsAndRevokesStaff(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	role := func() community.Role {
		m, _ := f.store.Member(ctx, demo.MemberID)
		return m.Role
	}
	staffView := newMemberProfile(f.env(demo.StaffID, "en"), demo.MemberID)
	f.show(staffView.root, desktopSize)
	if shows(f.win, "Make staff") {
		t.Error("staff are offered to make a member staff")
	}

	p := newMemberProfile(f.env(demo.OwnerID, "en"), demo.MemberID)
	f.show(p.root, desktopSize)
	for _, step := range []struct {
		tap  string
		want community.Role
	}{{"Make staff", community.RoleStaff}, {"Remove from staff", community.RoleMember}} {
		test.Tap(button(t, f.win, step.tap))
		settle()
		test.Tap(button(t, f.win, step.tap)) // the confirmation's
		settle()
		if got := role(); got != step.want {
			t.Fatalf("after %q the member is %s, want %s", step.tap, got, step.want)
		}
	}
}
