package screens

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community/demo"
)

// fakeInbox is a new member's unverified account.
type fakeInbox struct {
	mu       sync.Mutex
	sent     int
	verified bool
}

func (f *fakeInbox) Email() string { return "sam@example.com" }
func (f *fakeInbox) Resend() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent++
	return nil
}
func (f *fakeInbox) Verified() (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.verified, nil
}
func (f *fakeInbox) LookAround() {}
func (f *fakeInbox) SignOut()    {}

// "Send the email again" waits out its cool-down, counting down, and starts
// it again after each send; "I've verified" says when the link was not
// opened yet.
func TestCheckInbox_ResendCoolsDownAndVerifiedSaysNotYet(t *testing.T) {
	f := newFixture(t)
	inbox := &fakeInbox{}
	s := newCheckInbox(f.env(demo.MemberID, "en"), inbox)
	f.show(s.root, phoneSize)
	if !s.resend.Disabled() || !shows(f.win, "You can send it again in") {
		t.Fatalf("just sent: resend disabled=%v; %q", s.resend.Disabled(), shownTexts(f.win))
	}
	s.waitFor = time.Now() // the minute is up
	s.tick()
	if s.resend.Disabled() || s.wait.Visible() {
		t.Fatalf("after the cool-down: resend disabled=%v, countdown shown=%v", s.resend.Disabled(), s.wait.Visible())
	}
	test.Tap(s.resend)
	settle()
	if inbox.sent != 1 || !s.resend.Disabled() || !s.wait.Visible() {
		t.Errorf("after resending: sent %d, disabled=%v, countdown=%v", inbox.sent, s.resend.Disabled(), s.wait.Visible())
	}
	test.Tap(s.resend) // disabled: nothing goes out
	settle()
	if inbox.sent != 1 {
		t.Errorf("sent %d times during the cool-down", inbox.sent)
	}
	test.Tap(s.done)
	settle()
	if !shows(f.win, "We don't see the confirmation yet") {
		t.Errorf("not verified yet, no word of it: %q", shownTexts(f.win))
	}
}
