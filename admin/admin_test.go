package admin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/config"
	"github.com/regulars-app/regulars/internal/emulators"
)

func TestMain(m *testing.M) {
	// With FIRESTORE_EMULATOR_HOST the Go client acts as an administrator and
	// the rules never run: a developer's shell must not turn these tests into
	// no-ops.
	os.Unsetenv("FIRESTORE_EMULATOR_HOST")
	os.Exit(emulators.Main(m, emulators.KindFirestore, emulators.KindAuth))
}

var seq atomic.Int64

// target is a fresh community on the test binary's emulators.
func target(t *testing.T) Target {
	t.Helper()
	fs, a := emulators.FirestoreFor(t), emulators.AuthFor(t)
	return Target{Project: fs.ProjectID, Community: fmt.Sprintf("admin-%d-%d", time.Now().UnixNano(), seq.Add(1)),
		FirestoreEndpoint: fs.Host, AuthEmulatorHost: a.Host}
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func run(t *testing.T, tg Target, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := tg.Run(testContext(t), args, &out)
	return out.String(), err
}

func mustRun(t *testing.T, tg Target, args ...string) string {
	t.Helper()
	out, err := run(t, tg, args...)
	if err != nil {
		t.Fatalf("admin %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// adminStore reads what the commands wrote, bypassing the rules.
func adminStore(t *testing.T, tg Target) *fsstore.Store {
	t.Helper()
	s, err := fsstore.Dial(testContext(t), fsstore.Config{ProjectID: tg.Project, CommunityID: tg.Community,
		Endpoint: tg.FirestoreEndpoint, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// signedIn signs email in on the Auth emulator and returns the store as that
// account, its ID token checked by the rules.
func signedIn(t *testing.T, tg Target, email, password string) (*fsstore.Store, auth.Session) {
	t.Helper()
	ctx := testContext(t)
	ac := &auth.Client{APIKey: "test", BaseURL: "http://" + tg.AuthEmulatorHost}
	sess, err := ac.SignIn(ctx, email, password)
	if errors.Is(err, auth.ErrBadCredentials) {
		sess, err = ac.SignUp(ctx, email, password)
	}
	if err != nil {
		t.Fatal(err)
	}
	ts := ac.TokenSource(sess)
	s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: tg.Project, CommunityID: tg.Community, Endpoint: tg.FirestoreEndpoint,
		IDToken: ts.Token, MemberID: sess.UID})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, sess
}

func TestCreateCommunity(t *testing.T) {
	tg := target(t)
	out := mustRun(t, tg, "create-community", "-name", "Bici Taller", "-locales", "es, en", "-currency", "eur", "-timezone", "Europe/Madrid")
	if !strings.Contains(out, tg.Community) {
		t.Errorf("output %q does not name the community", out)
	}
	c, err := adminStore(t, tg).Community(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Bici Taller" || c.Currency != "EUR" || c.TimeZone != "Europe/Madrid" || len(c.Locales) != 2 || c.Locales[0] != "es" {
		t.Errorf("community = %+v, want the flags' settings", c)
	}
	if len(c.Tiers) == 0 || len(c.Rewards) == 0 || len(c.Categories) == 0 {
		t.Errorf("community has %d tiers, %d rewards, %d categories; want a starter set", len(c.Tiers), len(c.Rewards), len(c.Categories))
	}
	if _, err := run(t, tg, "create-community", "-name", "Again"); !errors.Is(err, community.ErrConflict) {
		t.Errorf("creating it again = %v, want ErrConflict", err)
	}
	if _, err := run(t, target(t), "create-community"); err == nil {
		t.Error("create-community without a name succeeded")
	}
}

// TestGrantRole follows a business's first day: the owner signs up, the admin
// makes them owner, and the rules let them announce; a revoked role stops
// working on the next request.
func TestGrantRole(t *testing.T) {
	ctx := testContext(t)
	tg := target(t)
	mustRun(t, tg, "create-community", "-name", "Café Lumen")
	lucia, sess := signedIn(t, tg, tg.Community+"-lucia@example.com", "correct horse")
	announce := func(s *fsstore.Store) error {
		return s.SaveAnnouncement(ctx, community.Announcement{ID: community.NewID(), PublishAt: time.Now(), CreatedAt: time.Now(),
			CreatedBy: sess.UID, Texts: map[string]community.AnnouncementText{"en": {Title: "Open", Body: "We are open."}}})
	}
	if err := announce(lucia); !errors.Is(err, community.ErrForbidden) {
		t.Fatalf("announce before any role = %v, want refused by the rules", err)
	}

	out := mustRun(t, tg, "grant-role", sess.UID, "owner", "-name", "Lucía Fernández", "-email", sess.Email)
	if !strings.Contains(out, "owner") {
		t.Errorf("grant-role output %q", out)
	}
	m, err := adminStore(t, tg).Member(ctx, sess.UID)
	if err != nil || m.Role != community.RoleOwner || m.Name != "Lucía Fernández" || m.Points != 0 {
		t.Fatalf("member after grant-role = %+v, %v; want owner Lucía with no points", m, err)
	}
	if err := announce(lucia); err != nil {
		t.Fatalf("owner announces: %v", err)
	}

	// The last owner cannot be revoked.
	if _, err := run(t, tg, "revoke-role", sess.UID); !errors.Is(err, community.ErrConflict) {
		t.Fatalf("revoke the last owner = %v, want ErrConflict", err)
	}
	_, kenji := signedIn(t, tg, tg.Community+"-kenji@example.com", "correct horse")
	mustRun(t, tg, "grant-role", kenji.UID, "owner", "-email", kenji.Email)
	mustRun(t, tg, "revoke-role", sess.UID)
	if err := announce(lucia); !errors.Is(err, community.ErrForbidden) {
		t.Fatalf("announce after revoke-role = %v, want refused by the rules", err)
	}
	mustRun(t, tg, "grant-role", sess.UID, "staff")
	if err := announce(lucia); err != nil {
		t.Fatalf("staff announces: %v", err)
	}
}

func TestSeedDemo(t *testing.T) {
	ctx := testContext(t)
	tg := target(t)
	out := mustRun(t, tg, "seed-demo", "-accounts")
	if !strings.Contains(out, "seeded") || !strings.Contains(out, DemoEmail(demo.OwnerID)) {
		t.Errorf("seed-demo output:\n%s", out)
	}
	c, err := adminStore(t, tg).Community(ctx)
	if err != nil || c.Name != demo.Community().Name {
		t.Fatalf("community after seed-demo = %q, %v", c.Name, err)
	}
	// The demo owner signs in with the seeded UID and runs the café, under the rules.
	owner, sess := signedIn(t, tg, DemoEmail(demo.OwnerID), DemoPassword)
	if sess.UID != demo.OwnerID {
		t.Fatalf("demo owner's UID = %s, want %s", sess.UID, demo.OwnerID)
	}
	svc := community.NewService(owner)
	m, err := owner.Member(ctx, demo.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.AwardPoints(ctx, m.Actor(), demo.MemberID, 10, "welcome back", community.NewID()); err != nil {
		t.Fatalf("demo owner awards points: %v", err)
	}
	member, msess := signedIn(t, tg, DemoEmail(demo.MemberID), DemoPassword)
	if msess.UID != demo.MemberID {
		t.Fatalf("demo member's UID = %s, want %s", msess.UID, demo.MemberID)
	}
	if _, err := member.Ledger(ctx, demo.MemberID, 5); err != nil {
		t.Fatalf("demo member reads their ledger: %v", err)
	}
	again := mustRun(t, tg, "seed-demo", "-accounts")
	if !strings.Contains(again, "not seeded again") || !strings.Contains(again, "exists") {
		t.Errorf("second seed-demo output:\n%s", again)
	}
}

func TestRun_Usage(t *testing.T) {
	tg := target(t)
	tests := [][]string{
		{},
		{"frobnicate"},
		{"grant-role", "uid-only"},
		{"grant-role", "u1", "emperor"},
		{"revoke-role"},
		{"seed-demo", "-nope"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			if _, err := run(t, tg, args...); !errors.Is(err, ErrUsage) {
				t.Errorf("admin %q = %v, want ErrUsage", args, err)
			}
		})
	}
	if err := (Target{}).Run(testContext(t), []string{"seed-demo"}, &bytes.Buffer{}); !errors.Is(err, ErrUsage) {
		t.Errorf("no project or community = %v, want ErrUsage", err)
	}
}

// TestRun_ConfigFromEnv runs the package entry point as main.go does, with the
// emulators named by the environment.
func TestRun_ConfigFromEnv(t *testing.T) {
	tg := target(t)
	t.Setenv(config.EnvProject, tg.Project)
	t.Setenv(config.EnvCommunity, "ignored-by-flag")
	t.Setenv(config.EnvFirestoreEndpoint, tg.FirestoreEndpoint)
	t.Setenv(config.EnvAuthEmulatorHost, tg.AuthEmulatorHost)
	var out bytes.Buffer
	if err := Run(testContext(t), []string{"-community", tg.Community, "create-community", "-name", "Env Café"}, &out); err != nil {
		t.Fatal(err)
	}
	c, err := adminStore(t, tg).Community(testContext(t))
	if err != nil || c.Name != "Env Café" {
		t.Fatalf("community = %q, %v; want Env Café in %s", c.Name, err, tg.Community)
	}
}

// TestVerifiedEmailUnlocksPosting joins the pieces a new member meets: an
// account from the Auth emulator, a member document, the rules' demand for a
// verified email before posting, and the refreshed token that carries it.
func TestVerifiedEmailUnlocksPosting(t *testing.T) {
	ctx := testContext(t)
	tg := target(t)
	mustRun(t, tg, "create-community", "-name", "Café Lumen")
	ac := &auth.Client{APIKey: "test", BaseURL: "http://" + tg.AuthEmulatorHost}
	email := tg.Community + "-new@example.com"
	sess, err := ac.SignUp(ctx, email, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	ts := ac.TokenSource(sess)
	s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: tg.Project, CommunityID: tg.Community, Endpoint: tg.FirestoreEndpoint,
		IDToken: ts.Token, MemberID: sess.UID})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := community.NewService(s)
	m, err := svc.Join(ctx, sess.UID, community.Profile{Name: "Noor", Lang: "ar"})
	if err != nil {
		t.Fatalf("join with an unverified email: %v", err)
	}
	if _, err := svc.StartThread(ctx, m.Actor(), "general", "Hello", "First post"); !errors.Is(err, community.ErrForbidden) {
		t.Fatalf("posting before verifying the email = %v, want refused by the rules", err)
	}
	if err := ac.SendEmailVerification(ctx, sess.IDToken); err != nil {
		t.Fatal(err)
	}
	if err := ac.ApplyActionCode(ctx, oobCode(t, tg, email, "VERIFY_EMAIL")); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.StartThread(ctx, m.Actor(), "general", "Hello", "First post"); err != nil {
		t.Fatalf("posting after verifying the email: %v", err)
	}
}

// oobCode returns the code of the last email of kind the Auth emulator "sent" to email.
func oobCode(t *testing.T, tg Target, email, kind string) string {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://%s/emulator/v1/projects/%s/oobCodes", tg.AuthEmulatorHost, tg.Project))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		OOBCodes []struct{ Email, OOBCode, RequestType string } `json:"oobCodes"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	for i := len(out.OOBCodes) - 1; i >= 0; i-- {
		if o := out.OOBCodes[i]; o.Email == email && o.RequestType == kind {
			return o.OOBCode
		}
	}
	t.Fatalf("no %s email to %s", kind, email)
	return ""
}

// TestExpirePoints runs the daily expiry job on the demo café with expiry on:
// members not seen for the months set lose their balance (kept lifetime
// points), once however often the job runs.
func TestExpirePoints(t *testing.T) {
	ctx := testContext(t)
	tg := target(t)
	mustRun(t, tg, "seed-demo")
	s := adminStore(t, tg)
	c, err := s.Community(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, tg, "expire-points"); !strings.Contains(out, "0 members' points lapsed") {
		t.Errorf("with expiry off: %q", out)
	}
	c.Earn.ExpiryMonths = 1
	if err := s.SaveCommunity(ctx, c); err != nil {
		t.Fatal(err)
	}
	before, err := s.Member(ctx, demo.MemberID)
	if err != nil {
		t.Fatal(err)
	}
	tg.Now = func() time.Time { return demo.Now.AddDate(10, 0, 0) } // nobody seen for ten years
	out := mustRun(t, tg, "expire-points")
	after, err := s.Member(ctx, demo.MemberID)
	if err != nil {
		t.Fatal(err)
	}
	if before.Points == 0 || after.Points != 0 || after.LifetimePoints != before.LifetimePoints || strings.Contains(out, " 0 members' points lapsed") {
		t.Errorf("after the job (%q): points %d → %d, lifetime %d → %d", out, before.Points, after.Points, before.LifetimePoints, after.LifetimePoints)
	}
	if out := mustRun(t, tg, "expire-points"); !strings.Contains(out, "0 members' points lapsed (0 points)") {
		t.Errorf("a second run: %q", out)
	}
}
