package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// fakeAccounts records what the sign-in screen asks and refuses with err.
type fakeAccounts struct {
	calls [][]string
	err   error
}

func (f *fakeAccounts) SignIn(email, password string) error {
	f.calls = append(f.calls, []string{"in", email, password})
	return f.err
}

func (f *fakeAccounts) SignUp(name, email, password string) error {
	f.calls = append(f.calls, []string{"up", name, email, password})
	return f.err
}

func (f *fakeAccounts) SendPasswordReset(email string) error {
	f.calls = append(f.calls, []string{"reset", email})
	return f.err
}

func (f *fakeAccounts) last() []string {
	if len(f.calls) == 0 {
		return nil
	}
	return f.calls[len(f.calls)-1]
}

// A refused sign-in says why next to the field and keeps what was typed;
// sign-up passes the name; "Forgot password?" sends a link and says so.
func TestSignIn_RefusalShowsAtTheField(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	acc := &fakeAccounts{err: &community.ValidationError{Field: "password", Reason: "bad_credentials"}}
	f.show(NewSignIn(env, acc, SignInOptions{Email: "amira@example.com"}), phoneSize)
	typeInto(t, f, 1, "nope") // email, password: the name is hidden
	test.Tap(button(t, f.win, "Sign in"))
	settle()
	if got := acc.last(); len(got) != 3 || got[1] != "amira@example.com" || got[2] != "nope" {
		t.Errorf("submitted %q", got)
	}
	if !shows(f.win, "Password: Wrong email or password.") {
		t.Errorf("refusal not shown at the password: %q", shownTexts(f.win))
	}
	acc.err = &community.ValidationError{Field: "email", Reason: "email_taken"}
	test.Tap(button(t, f.win, "New here? Create an account"))
	typeInto(t, f, 0, "Amira")
	test.Tap(button(t, f.win, "Create my account"))
	settle()
	if got := acc.last(); len(got) != 4 || got[1] != "Amira" || got[2] != "amira@example.com" {
		t.Errorf("sign-up did not pass the name and email: %q", got)
	}
	if !shows(f.win, "Email: There's already an account") {
		t.Errorf("existing email not shown at the email: %q", shownTexts(f.win))
	}
	acc.err = nil
	test.Tap(button(t, f.win, "I already have an account"))
	test.Tap(button(t, f.win, "Forgot password?"))
	test.Tap(button(t, f.win, "Send me a link"))
	settle()
	if got := acc.last(); len(got) != 2 || got[0] != "reset" || got[1] != "amira@example.com" {
		t.Errorf("reset asked %q", got)
	}
	if !shows(f.win, "If there's an account") {
		t.Errorf("no word that the link is on its way: %q", shownTexts(f.win))
	}
}

// typeInto types text into the i-th visible entry of the window.
func typeInto(t *testing.T, f *fixture, i int, text string) {
	t.Helper()
	var found []*widget.Entry
	visit(f.win.Content(), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			found = append(found, e)
		}
		return o.Visible()
	})
	if i >= len(found) {
		t.Fatalf("no visible entry %d (%d shown)", i, len(found))
	}
	test.Type(found[i], text)
}

// fakeAccount is a cloud account whose email is not verified yet.
type fakeAccount struct{ verified, confirmAsked bool }

func (a *fakeAccount) EmailVerified() bool { return a.verified }
func (a *fakeAccount) ConfirmEmail()       { a.confirmAsked = true }
func (a *fakeAccount) SignOut()            {}
func (a *fakeAccount) Delete() error       { return nil }
func (a *fakeAccount) Deleted()            {}

// Until the email is verified, voting says why instead of failing, and
// offers to confirm; Me offers to confirm and to sign out.
func TestPolls_UnverifiedSaysWhyBeforeVoting(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	acc := &fakeAccount{}
	env.Account = acc
	f.show(NewPolls(env), desktopSize)
	settle()
	vote := button(t, f.win, "Vote")
	if !vote.Disabled() {
		t.Error("Vote is enabled before the email is verified")
	}
	if !shows(f.win, "Confirm your email to post and vote.") {
		t.Errorf("no word why: %q", shownTexts(f.win))
	}
	test.Tap(button(t, f.win, "Confirm email"))
	if !acc.confirmAsked {
		t.Error("Confirm email did not open check-your-inbox")
	}
	f.show(NewMe(env), desktopSize)
	settle()
	button(t, f.win, "Sign out")

	acc.verified = true
	f.show(NewPolls(env), desktopSize)
	settle()
	if button(t, f.win, "Vote").Disabled() {
		t.Error("Vote stays disabled once verified")
	}
}
