// Package admin holds the admin subcommands: the tasks that need admin access
// to the Firebase project (a service account, or the emulators' admin token)
// and therefore never ship to members' phones.
//
//	admin [flags] create-community -name NAME [-locales en,es] [-currency EUR] [-timezone Europe/Madrid]
//	admin [flags] grant-role UID ROLE [-name NAME] [-email EMAIL]
//	admin [flags] revoke-role UID
//	admin [flags] seed-demo [-accounts] [-password PASSWORD]
//	admin [flags] expire-points
//
// (the command cmd/admin: `go run ./cmd/admin ...`).
//
// Flags before the subcommand: -config FILE (see package config), -project
// and -community (override the configuration). Environment:
//
//	GOOGLE_APPLICATION_CREDENTIALS  service account key of a real project
//	REGULARS_FIRESTORE_ENDPOINT or FIRESTORE_EMULATOR_HOST  a Firestore emulator
//	FIREBASE_AUTH_EMULATOR_HOST     an Auth emulator (seed-demo -accounts)
//
// A member's role lives in their member document (firestore.rules reads it
// there), so grant-role and revoke-role write that document; no custom claim
// is needed and the change applies to the member's next request.
package admin

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/config"
)

// Usage is the subcommands' synopsis.
const Usage = `usage: admin [-config FILE] [-project ID] [-community ID] SUBCOMMAND

subcommands:
  create-community -name NAME [-locales en,es] [-currency EUR] [-timezone Europe/Madrid]
                               create the community's settings (starter tiers and rewards)
  grant-role UID ROLE [-name NAME] [-email EMAIL]
                               make the account UID owner, staff or member
  revoke-role UID              make UID a plain member (never the last owner)
  seed-demo [-accounts] [-password PW]
                               fill the community with the demo café; -accounts also
                               creates the demo people's sign-ins (Auth emulator or project)
  expire-points                when the community lets points expire: tell members a week
                               before, and lapse the points of those not seen since (daily)
`

// ErrUsage is returned (wrapped) for a wrong command line.
var ErrUsage = errors.New("usage")

// Target says which project and community an admin command works on.
type Target struct {
	Project   string
	Community string
	// FirestoreEndpoint is a Firestore emulator's host:port; empty for the
	// real service through Application Default Credentials.
	FirestoreEndpoint string
	// AuthEmulatorHost is an Auth emulator's host:port; empty for the real
	// Identity Toolkit through Application Default Credentials.
	AuthEmulatorHost string
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
}

// Run runs one admin subcommand; args are what follows the command's name on
// the command line. It writes what it did to stdout.
func Run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("admin", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfgPath := fs.String("config", "", "configuration file")
	project := fs.String("project", "", "Firebase project ID")
	cid := fs.String("community", "", "community ID")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v\n%s", ErrUsage, err, Usage)
	}
	t, err := NewTarget(*cfgPath, *project, *cid)
	if err != nil {
		return err
	}
	return t.Run(ctx, fs.Args(), stdout)
}

// NewTarget resolves the project and community an admin tool works on: the
// configuration file at cfgPath (none when empty) and the environment (see
// package config), then project and community when not empty. Without an
// endpoint in the configuration, FIRESTORE_EMULATOR_HOST names an emulator;
// without a project, GOOGLE_CLOUD_PROJECT names it.
func NewTarget(cfgPath, project, community string) (Target, error) {
	cfg, err := config.Read(cfgPath)
	if err != nil {
		return Target{}, err
	}
	t := Target{Project: cfg.Project, Community: cfg.Community, FirestoreEndpoint: cfg.FirestoreEndpoint,
		AuthEmulatorHost: cfg.AuthEmulatorHost}
	if project != "" {
		t.Project = project
	}
	if community != "" {
		t.Community = community
	}
	if t.FirestoreEndpoint == "" {
		t.FirestoreEndpoint = os.Getenv("FIRESTORE_EMULATOR_HOST")
	}
	if t.Project == "" {
		t.Project = os.Getenv("GOOGLE_CLOUD_PROJECT")
	}
	return t, nil
}

// Dial connects to the target's community with admin access: the emulator's
// admin token, or Application Default Credentials (a service account).
func (t Target) Dial(ctx context.Context) (*fsstore.Store, error) {
	if t.Project == "" || t.Community == "" {
		return nil, fmt.Errorf("%w: no project or community: set -project and -community, or %s and %s",
			ErrUsage, config.EnvProject, config.EnvCommunity)
	}
	return fsstore.Dial(ctx, fsstore.Config{ProjectID: t.Project, CommunityID: t.Community,
		Endpoint: t.FirestoreEndpoint, Admin: true})
}

// Run runs one subcommand against the target.
func (t Target) Run(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no subcommand\n%s", ErrUsage, Usage)
	}
	cmds := map[string]func(context.Context, *fsstore.Store, []string, io.Writer) error{
		"create-community": t.createCommunity,
		"grant-role":       t.grantRole,
		"revoke-role":      t.revokeRole,
		"seed-demo":        t.seedDemo,
		"expire-points":    t.expirePoints,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown subcommand %q\n%s", ErrUsage, args[0], Usage)
	}
	s, err := t.Dial(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := cmd(ctx, s, args[1:], stdout); err != nil {
		return fmt.Errorf("admin %s: %w", args[0], err)
	}
	return nil
}

func (t Target) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

// parse parses a subcommand's flags, which may come before or after its
// positional arguments ("grant-role UID owner -name Lucía"), and checks the
// number of positional arguments.
func parse(fs *flag.FlagSet, args []string, positional int, synopsis string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v: %s", ErrUsage, err, synopsis)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != positional {
		return nil, fmt.Errorf("%w: %s", ErrUsage, synopsis)
	}
	return pos, nil
}

// createCommunity writes the settings of a new community: the name, its
// languages, currency and zone, and starter tiers, rewards, categories and
// earn rules (the demo café's, which the owner then edits in the app).
func (t Target) createCommunity(ctx context.Context, s *fsstore.Store, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("create-community", flag.ContinueOnError)
	name := fs.String("name", "", "the business's name")
	locales := fs.String("locales", "en", "languages the business writes in, comma-separated, default first")
	currency := fs.String("currency", "EUR", "ISO 4217 currency of reward values")
	zone := fs.String("timezone", "UTC", "IANA time zone of the business")
	if _, err := parse(fs, args, 0, "create-community -name NAME [-locales en,es] [-currency EUR] [-timezone Europe/Madrid]"); err != nil {
		return err
	}
	if _, err := s.Community(ctx); err == nil {
		return fmt.Errorf("community %s already exists: %w", t.Community, community.ErrConflict)
	} else if !errors.Is(err, community.ErrNotFound) {
		return err
	}
	c := demo.Community()
	c.ID, c.Name, c.Currency, c.TimeZone = t.Community, strings.TrimSpace(*name), strings.ToUpper(*currency), *zone
	c.About = nil
	c.Locales = nil
	for _, l := range strings.Split(*locales, ",") {
		if l = strings.TrimSpace(l); l != "" {
			c.Locales = append(c.Locales, l)
		}
	}
	if err := community.ValidateCommunity(c); err != nil {
		return err
	}
	if err := s.SaveCommunity(ctx, c); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created community %s (%q) in project %s\n", t.Community, c.Name, t.Project)
	return nil
}

// grantRole sets a member's role, creating their member document when the
// account has not joined yet (the owner, typically).
func (t Target) grantRole(ctx context.Context, s *fsstore.Store, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("grant-role", flag.ContinueOnError)
	name := fs.String("name", "", "the member's name, when they have not joined yet")
	email := fs.String("email", "", "the member's email, when they have not joined yet")
	pos, err := parse(fs, args, 2, "grant-role UID owner|staff|member [-name NAME] [-email EMAIL]")
	if err != nil {
		return err
	}
	uid, role := pos[0], community.Role(pos[1])
	if !role.Valid() {
		return fmt.Errorf("%w: role %q: want owner, staff or member", ErrUsage, role)
	}
	if err := community.CheckID("uid", uid); err != nil {
		return err
	}
	if _, err := s.Community(ctx); err != nil {
		return fmt.Errorf("community %s: %w (create it first)", t.Community, err)
	}
	old, err := s.Member(ctx, uid)
	switch {
	case errors.Is(err, community.ErrNotFound):
		n := strings.TrimSpace(*name)
		if n == "" {
			n = strings.SplitN(*email, "@", 2)[0]
		}
		if n == "" {
			return fmt.Errorf("%w: %s has not joined: give -name", ErrUsage, uid)
		}
		now := t.now()
		m := community.Member{ID: uid, Code: community.MemberCode(uid), Name: n, Email: *email, Role: role, Since: now, LastActive: now}
		if err := s.CreateMember(ctx, m); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s (%s) joined %s as %s\n", uid, n, t.Community, role)
		return nil
	case err != nil:
		return err
	}
	if old.Role == community.RoleOwner && role != community.RoleOwner {
		if err := lastOwner(ctx, s, uid); err != nil {
			return err
		}
	}
	if _, err := s.UpdateMember(ctx, uid, func(m *community.Member) error { m.Role = role; return nil }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s (%s): %s -> %s\n", uid, old.Name, old.Role, role)
	return nil
}

// revokeRole makes a member a plain member.
func (t Target) revokeRole(ctx context.Context, s *fsstore.Store, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("revoke-role", flag.ContinueOnError)
	pos, err := parse(fs, args, 1, "revoke-role UID")
	if err != nil {
		return err
	}
	return t.grantRole(ctx, s, []string{pos[0], string(community.RoleMember)}, stdout)
}

// lastOwner refuses to demote uid when no other owner would remain: a
// community always keeps an owner.
func lastOwner(ctx context.Context, s *fsstore.Store, uid string) error {
	snaps, err := s.Client().Collection("communities").Doc(s.CommunityID()).Collection("members").
		Where("role", "==", string(community.RoleOwner)).Limit(2).Documents(ctx).GetAll()
	if err != nil {
		return fmt.Errorf("count owners: %w", err)
	}
	for _, snap := range snaps {
		if snap.Ref.ID != uid {
			return nil
		}
	}
	return fmt.Errorf("%s is the last owner of %s: grant another owner first: %w", uid, s.CommunityID(), community.ErrConflict)
}
