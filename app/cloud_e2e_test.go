package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/config"
	"github.com/regulars-app/regulars/internal/emulators"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

// uiQueue is what the cloud's background work hands to the UI goroutine in
// these tests: the test goroutine runs it in settle.
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *uiQueue) add(f func()) { q.mu.Lock(); q.fns = append(q.fns, f); q.mu.Unlock() }

// settle waits for the cloud's and the screens' background work and runs
// their UI updates (the screens' through the uitest harness) until
// none is left.
func (q *uiQueue) settle(c *cloud) {
	for range 200 {
		c.pending.Wait()
		c.waitScreens()
		uitest.Settle()
		q.mu.Lock()
		fns := q.fns
		q.fns = nil
		q.mu.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// cafe is one app instance of the end-to-end test on the emulators.
type cafe struct {
	t   *testing.T
	c   *cloud
	win fyne.Window
	q   *uiQueue
}

func startCafe(t *testing.T, cfg config.Config, dir string) *cafe {
	t.Helper()
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(420, 820))
	q := &uiQueue{}
	c := newCloud(win, cfg, dir, "en", "en")
	c.toUI = q.add
	t.Cleanup(c.close)
	c.start()
	q.settle(c)
	return &cafe{t: t, c: c, win: win, q: q}
}

func (a *cafe) settle() { a.q.settle(a.c) }

// nextSecond waits for the next whole second. An ID token carries its
// issue and expiry times in whole seconds: two tokens issued to one member
// in the same second are identical, so a test that tells a new token from
// the last one by its text waits first.
func nextSecond() {
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 20*time.Millisecond)))
}

// waitFor settles until the window shows text (the sync may bring it).
func (a *cafe) waitFor(text string) {
	a.t.Helper()
	for range 100 {
		a.settle()
		if strings.Contains(texts(a.win), text) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.t.Fatalf("the window never showed %q; it shows %q", text, texts(a.win))
}

// root is what the member sees on top: a pop-up, else the window.
func (a *cafe) root() fyne.CanvasObject {
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return a.win.Content()
}

func (a *cafe) tap(label string) {
	a.t.Helper()
	b := findButton(a.root(), label)
	if b == nil {
		a.t.Fatalf("no button %q in %q", label, texts(a.win))
	}
	test.Tap(b)
	a.settle()
}

// choose taps the first option row of the polls screen (a vote is an
// option picked, then Vote).
func (a *cafe) choose() {
	a.t.Helper()
	var row *ui.ChoiceRow
	walkVisible(a.root(), func(o fyne.CanvasObject) {
		if r, ok := o.(*ui.ChoiceRow); ok && row == nil {
			row = r
		}
	})
	if row == nil {
		a.t.Fatalf("no option to pick in %q", texts(a.win))
	}
	test.Tap(row)
	a.settle()
}

// entry is what typeAt types into: widget.Entry and the screens' own
// entries that embed it.
type entry interface {
	fyne.Focusable
	SetText(string)
	SetPlaceHolder(string)
}

// typeAt types into the i-th visible entry.
func (a *cafe) typeAt(i int, text string) {
	a.t.Helper()
	var found []entry
	walkVisible(a.root(), func(o fyne.CanvasObject) {
		if e, ok := o.(entry); ok {
			found = append(found, e)
		}
	})
	if i >= len(found) {
		a.t.Fatalf("no entry %d (%d shown)", i, len(found))
	}
	found[i].SetText("")
	test.Type(found[i], text)
}

func walkVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkVisible(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkVisible(c, fn)
		}
	}
}

func findButton(root fyne.CanvasObject, label string) *widget.Button {
	var found *widget.Button
	walkVisible(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil && !b.Disabled() {
			found = b
		}
	})
	return found
}

// oobCode returns the newest out-of-band code of a kind the Auth emulator
// "sent" to email (VERIFY_EMAIL, PASSWORD_RESET).
func oobCode(t *testing.T, ae *emulators.AuthEmulator, email, kind string) string {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://%s/emulator/v1/projects/%s/oobCodes", ae.Host, ae.ProjectID))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		OOBCodes []struct{ Email, RequestType, OOBCode string } `json:"oobCodes"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	code := ""
	for _, c := range out.OOBCodes {
		if strings.EqualFold(c.Email, email) && c.RequestType == kind {
			code = c.OOBCode
		}
	}
	return code
}

// TestCloud_EndToEnd is a new member's life on both emulators, driven
// through the screens: sign up, "check your inbox", verify, vote and post,
// a new app instance on the same storage lands home signed in with the vote
// shown, sign out; the Auth refusals at their fields; a password reset; a
// forced token refresh mid-session.
func TestCloud_EndToEnd(t *testing.T) {
	fe, ae := emulators.FirestoreFor(t), emulators.AuthFor(t)
	uitest.NewTempApp(t)
	ctx := context.Background()
	cid := "e2e-" + time.Now().Format("150405.000000")
	admin, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fe.ProjectID, CommunityID: cid, Endpoint: fe.Host, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := demo.Seed(ctx, admin, time.Now()); err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{Project: fe.ProjectID, Community: cid, FirestoreEndpoint: fe.Host, AuthEmulatorHost: ae.Host}
	dir := t.TempDir()
	email := "sam-" + time.Now().Format("150405.000") + "@example.com"

	a := startCafe(t, cfg, dir)
	a.waitFor("Welcome")
	a.tap("New here? Create an account")
	a.typeAt(0, "Sam")
	a.typeAt(1, email)
	a.typeAt(2, "123")
	a.tap("Create my account")
	a.waitFor("Please choose a longer password")
	if !strings.Contains(texts(a.win), "Password:") {
		t.Errorf("weak password not at the password field: %q", texts(a.win))
	}
	a.typeAt(2, "correct horse")
	a.tap("Create my account")
	a.waitFor("Check your inbox")
	if a.c.EmailVerified() {
		t.Fatal("verified before the link was opened")
	}
	a.tap("I've verified")
	a.waitFor("We don't see the confirmation yet")

	code := oobCode(t, ae, email, "VERIFY_EMAIL")
	if code == "" {
		t.Fatal("no verification email went out")
	}
	if err := a.c.auth.ApplyActionCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	a.tap("I've verified")
	if !a.c.EmailVerified() {
		t.Fatalf("not verified after the link and I've verified: %q", texts(a.win))
	}

	// Vote, through the polls screen.
	a.c.shell.Show("polls")
	a.waitFor("Vote")
	a.choose()
	a.tap("Vote")
	a.waitFor("(your vote)")

	// A forced token refresh mid-session loses nothing: what the member
	// typed stays, and the post goes through with the new token.
	me := a.c.shell.Env().Me()
	threads, _, err := a.c.shell.Env().Svc.Threads(ctx, "", "")
	if err != nil || len(threads) == 0 {
		t.Fatalf("threads: %v, %v", threads, err)
	}
	a.c.shell.Push(threads[0].Title, screens.NewThread(a.c.shell.Env(), threads[0].ID))
	a.waitFor("Send")
	a.typeAt(0, "Hello from the end-to-end test")
	before := a.c.ts.Session().IDToken
	// The last token came with "I've verified" moments ago.
	nextSecond()
	if _, err := a.c.ts.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if a.c.ts.Session().IDToken == before {
		t.Error("the refresh did not change the ID token")
	}
	a.tap("Send")
	a.waitFor("Hello from the end-to-end test")
	posts, err := a.c.shell.Env().Svc.Posts(ctx, threads[0].ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if last := posts[len(posts)-1]; last.AuthorID != me.ID || last.Body != "Hello from the end-to-end test" {
		t.Errorf("the last post is %+v, want the member's", last)
	}

	// Back from the background with an ID token that expired meanwhile:
	// a new one is fetched at once, and its refresh token kept on disk.
	stale := a.c.ts.Session()
	stale.ExpiresAt = time.Now().Add(-time.Minute)
	a.c.ts.Replace(stale)
	nextSecond() // the stale token was issued by the refresh above
	a.c.resumed()
	a.settle()
	if now := a.c.ts.Session(); now.IDToken == stale.IDToken || !now.ExpiresAt.After(time.Now().Add(auth.DefaultRefreshMargin)) {
		t.Errorf("no new ID token on resume: expires %v", now.ExpiresAt)
	}
	if saved, ok, err := a.c.file.Load(); !ok || err != nil || saved.RefreshToken != a.c.ts.Session().RefreshToken {
		t.Errorf("the session file does not hold the current refresh token (ok %v, err %v)", ok, err)
	}

	// The export, under the rules as the member: what they wrote and chose.
	data, err := a.c.shell.Env().Svc.ExportMyData(ctx, me, nil)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var x community.DataExport
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Votes) != 1 || len(x.Posts) != 1 || x.Posts[0].Body != "Hello from the end-to-end test" {
		t.Errorf("export has votes %+v and posts %+v, want the vote and the post", x.Votes, x.Posts)
	}

	// A revoked session: the member signs in again over the screen on
	// show, and what they typed there stays.
	a.c.shell.Show("polls")
	a.waitFor("Propose")
	a.typeAt(0, "Cardamom bun")
	a.c.ts.Replace(auth.Session{UID: me.ID, Email: email, RefreshToken: "revoked"})
	if _, err := a.c.shell.Env().Svc.Reply(ctx, me, threads[0].ID, "refused"); err == nil {
		t.Fatal("a write with a revoked session went through")
	}
	a.waitFor("Your session has ended")
	if a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no sign-in over the screen")
	}
	a.typeAt(1, "correct horse")
	a.tap("Sign in")
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the sign-in stays over the screen: %q", texts(a.win))
	}
	var idea string
	walkVisible(a.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && idea == "" {
			idea = e.Text
		}
	})
	if idea != "Cardamom bun" {
		t.Errorf("the typed idea became %q after signing in again", idea)
	}
	if _, err := a.c.shell.Env().Svc.Reply(ctx, me, threads[0].ID, "Back again"); err != nil {
		t.Fatalf("post after signing in again: %v", err)
	}

	// A new app instance on the same storage: home, signed in, the vote there.
	a.c.close()
	b := startCafe(t, cfg, dir)
	b.waitFor("Home")
	if b.c.shell == nil || b.c.shell.Env().Me().ID != me.ID {
		t.Fatalf("the second start is not signed in as the member: %q", texts(b.win))
	}
	b.c.shell.Show("polls")
	b.waitFor("(your vote)")

	// Sign out, from Me: the sign-in screen, and no session left.
	b.c.shell.Show("me")
	b.waitFor("Sign out")
	b.tap("Sign out")
	b.waitFor("Welcome")
	if _, ok, _ := b.c.file.Load(); ok {
		t.Error("the session survived the sign-out")
	}

	// A saved session that was revoked while the app was closed: the
	// sign-in screen says so, with the member's email filled in.
	if err := b.c.file.Save(auth.Session{UID: me.ID, Email: email, RefreshToken: "revoked"}); err != nil {
		t.Fatal(err)
	}
	b.c.close()
	b = startCafe(t, cfg, dir)
	b.waitFor("Your session has ended")
	if !strings.Contains(texts(b.win), email) {
		t.Errorf("the email is not filled in: %q", texts(b.win))
	}
	if _, ok, _ := b.c.file.Load(); ok {
		t.Error("the revoked session is still saved")
	}

	// The Auth refusals, at their fields.
	b.typeAt(0, email)
	b.typeAt(1, "wrong password")
	b.tap("Sign in")
	b.waitFor("Password: Wrong email or password.")
	b.tap("New here? Create an account")
	b.typeAt(0, "Sam again")
	b.typeAt(1, email)
	b.typeAt(2, "another password")
	b.tap("Create my account")
	b.waitFor("Email: There's already an account")

	// Password reset: a code goes out.
	b.tap("I already have an account")
	b.tap("Forgot password?")
	b.tap("Send me a link")
	b.waitFor("If there's an account")
	if oobCode(t, ae, email, "PASSWORD_RESET") == "" {
		t.Error("no password reset code went out")
	}

	// Delete the account from Me: the data goes, then the sign-in account;
	// the email can no longer sign in. (The reset leaves the sign-in form.)
	b.typeAt(0, email)
	b.typeAt(1, "correct horse")
	b.tap("Sign in")
	b.waitFor("Home")
	b.c.shell.Show("me")
	b.waitFor("Delete my account")
	b.tap("Delete my account")
	confirm := findButton(b.win.Canvas().Overlays().Top(), "Delete my account")
	if confirm == nil {
		t.Fatalf("no confirmation: %q", texts(b.win))
	}
	test.Tap(confirm)
	b.waitFor("Your account was deleted")
	if _, err := b.c.auth.SignIn(ctx, email, "correct horse"); err == nil {
		t.Error("the deleted account still signs in")
	}
	if _, ok, _ := b.c.file.Load(); ok {
		t.Error("the session survived the deletion")
	}
	if _, err := admin.Member(ctx, me.ID); !errors.Is(err, community.ErrNotFound) {
		t.Errorf("the member's profile after the deletion: %v, want ErrNotFound", err)
	}
}
