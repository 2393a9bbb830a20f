package admin

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"

	"golang.org/x/oauth2/google"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
)

// DemoPassword is the password seed-demo -accounts gives the demo people
// unless -password says otherwise. Demo only: never on a real project.
const DemoPassword = "regulars-demo"

// DemoAccounts are the demo people who get a sign-in: the owner, a barista
// and a regular. Their Firebase UIDs are their member IDs, so that the seeded
// member documents are theirs.
var DemoAccounts = []string{demo.OwnerID, demo.StaffID, demo.MemberID}

// DemoEmail is the sign-in email of a demo member.
func DemoEmail(memberID string) string { return memberID + "@example.com" }

// seedDemo fills an empty community with the demo café. It does nothing to a
// community that already has settings, so running it twice is harmless.
func (t Target) seedDemo(ctx context.Context, s *fsstore.Store, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("seed-demo", flag.ContinueOnError)
	accounts := fs.Bool("accounts", false, "also create the demo owner, staff and member sign-ins")
	password := fs.String("password", DemoPassword, "password of the demo sign-ins")
	if _, err := parse(fs, args, 0, "seed-demo [-accounts] [-password PW]"); err != nil {
		return err
	}
	if demo.Seeded(ctx, s) {
		fmt.Fprintf(stdout, "community %s already has data: not seeded again\n", t.Community)
	} else {
		if err := demo.Seed(ctx, s, t.now()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "seeded the demo café into community %s\n", t.Community)
	}
	if !*accounts {
		return nil
	}
	for _, id := range DemoAccounts {
		m, err := s.Member(ctx, id)
		if err != nil {
			return fmt.Errorf("demo account %s: %w", id, err)
		}
		created, err := t.createUser(ctx, id, DemoEmail(id), *password, m.Name)
		if err != nil {
			return err
		}
		verb := "exists"
		if created {
			verb = "created"
		}
		fmt.Fprintf(stdout, "sign-in %s for %s (%s, %s): %s\n", DemoEmail(id), id, m.Name, m.Role, verb)
	}
	return nil
}

// createUser creates an email and password account with the given UID and a
// verified email, through the Identity Toolkit admin API (what the Admin
// SDK's createUser calls). An existing account is left alone (created false).
func (t Target) createUser(ctx context.Context, uid, email, password, name string) (created bool, err error) {
	base := "https://identitytoolkit.googleapis.com"
	hc := http.DefaultClient
	header := http.Header{"Content-Type": {"application/json"}}
	if t.AuthEmulatorHost != "" {
		base = "http://" + t.AuthEmulatorHost + "/identitytoolkit.googleapis.com"
		// The emulator grants admin rights to the bearer token "owner".
		header.Set("Authorization", "Bearer owner")
	} else {
		if hc, err = google.DefaultClient(ctx, "https://www.googleapis.com/auth/cloud-platform"); err != nil {
			return false, fmt.Errorf("create user %s: service account credentials: %w", email, err)
		}
		header.Set("X-Goog-User-Project", t.Project)
	}
	body, _ := json.Marshal(map[string]any{"localId": uid, "email": email, "password": password,
		"emailVerified": true, "displayName": name})
	url := fmt.Sprintf("%s/v1/projects/%s/accounts", base, t.Project)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header = header
	resp, err := hc.Do(req)
	if err != nil {
		return false, fmt.Errorf("create user %s: %w: %v", email, community.ErrUnavailable, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode/100 == 2 {
		return true, nil
	}
	msg := string(data)
	if strings.Contains(msg, "EMAIL_EXISTS") || strings.Contains(msg, "DUPLICATE_LOCAL_ID") {
		return false, nil
	}
	return false, fmt.Errorf("create user %s: %s: %s", email, resp.Status, strings.TrimSpace(msg))
}
