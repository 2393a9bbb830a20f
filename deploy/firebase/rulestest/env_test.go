package rulestest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/internal/emulators"
)

func TestMain(m *testing.M) {
	// With FIRESTORE_EMULATOR_HOST the Go client acts as an administrator and
	// the rules never run: a developer's shell must not turn these tests into
	// no-ops.
	os.Unsetenv("FIRESTORE_EMULATOR_HOST")
	code := emulators.Main(m, emulators.KindFirestore)
	// Shown by go test -v, or by go test run inside this directory (go test
	// hides a passing package's output when given package paths).
	fmt.Print(attackSummary(), randomSummary)
	os.Exit(code)
}

// Actors of the table.
const (
	owner      = "owner"
	staff      = "staff"
	member     = "member"
	other      = "other"      // another member
	unverified = "unverified" // a member whose email is not verified
	stranger   = "stranger"   // signed in, no member document
	outsider   = "outsider"   // a member (staff, even) of another community of the project
)

var actorNames = []string{owner, staff, member, other, unverified, stranger, outsider}

// people are the members seeded in every community, by actor.
var people = map[string]community.Member{
	owner:      {ID: "u-owner", Name: "Lucía Fernández", Lang: "es", Role: community.RoleOwner},
	staff:      {ID: "u-staff", Name: "Kenji Watanabe", Lang: "ja", Role: community.RoleStaff},
	member:     {ID: "u-member", Name: "Amira Haddad", Lang: "ar", Role: community.RoleMember},
	other:      {ID: "u-other", Name: "Priya Sharma", Lang: "hi", Role: community.RoleMember},
	unverified: {ID: "u-unverified", Name: "Sam Taylor", Lang: "en", Role: community.RoleMember},
}

// strangerID is signed in but has no member document.
const strangerID = "u-stranger"

// outsiderID is staff of another community (its ID is the env's + "-next").
const outsiderID = "u-outsider"

// actor is one role acting in the community through its own ID token.
type actor struct {
	name  string
	id    string
	store *fsstore.Store
	svc   *community.Service
	who   community.Actor
}

// env is one community seeded by an admin, and a client for each actor.
type env struct {
	cid    string
	admin  *fsstore.Store
	asvc   *community.Service // use cases run as admin (rules bypassed), for arranging
	actors map[string]*actor
	words  map[string]string // what members wrote, by path (see remember)
}

var communitySeq atomic.Int64

// newEnv seeds a fresh community (its own ID, so tests do not share data):
// the demo café's settings and the six actors' member documents.
func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := testContext(t)
	fs := emulators.FirestoreFor(t)
	e := &env{cid: fmt.Sprintf("rules-%d-%d", time.Now().UnixNano(), communitySeq.Add(1)), actors: map[string]*actor{}, words: map[string]string{}}
	admin, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: e.cid, Endpoint: fs.Host, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	e.admin = admin
	e.asvc = community.NewService(admin)
	c := demo.Community()
	c.ID = e.cid
	if err := admin.SaveCommunity(ctx, c); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, name := range actorNames {
		a := &actor{name: name, id: strangerID}
		if p, ok := people[name]; ok {
			p.Code = community.MemberCode(p.ID + "-" + e.cid[len(e.cid)-4:])
			p.Email = p.ID + "@example.com"
			p.Since, p.LastActive = now.AddDate(-1, 0, 0), now.Add(-48*time.Hour)
			if err := admin.CreateMember(ctx, p); err != nil {
				t.Fatal(err)
			}
			a.id = p.ID
			a.who = p.Actor()
		} else if name == outsider {
			a.id = outsiderID
			a.who = community.Actor{ID: outsiderID, Role: community.RoleStaff, Name: "Next door", Lang: "en"}
			_, err := admin.Client().Doc("communities/"+e.cid+"-next/members/"+outsiderID).Set(ctx, map[string]any{
				"name": "Next door", "role": "staff", "points": 0, "lifetimePoints": 0})
			if err != nil {
				t.Fatal(err)
			}
		} else {
			a.who = community.Actor{ID: strangerID, Role: community.RoleMember, Name: "Visitor", Lang: "en"}
		}
		claims := map[string]any{"email": a.id + "@example.com", "email_verified": name != unverified}
		token := emulators.UnsignedIDToken(fs.ProjectID, a.id, claims)
		s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: e.cid, Endpoint: fs.Host,
			IDToken: func(context.Context) (string, error) { return token, nil }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		a.store = s
		a.svc = community.NewService(s)
		e.actors[name] = a
	}
	return e
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// denied reports whether err is the emulator's PermissionDenied (the store
// wraps it with community.ErrForbidden).
func denied(err error) bool {
	return status.Code(unwrapStatus(err)) == codes.PermissionDenied
}

// unwrapStatus finds the gRPC status error inside a wrapped error.
func unwrapStatus(err error) error {
	var st interface{ GRPCStatus() *status.Status }
	if errors.As(err, &st) {
		return st.(error)
	}
	return err
}

// ---- fixtures, written as admin (rules do not apply) ----

func (e *env) id(a string) string { return e.actors[a].id }

func (e *env) event(t *testing.T, capacity int) community.Event {
	t.Helper()
	now := time.Now()
	ev := community.Event{ID: community.NewID(), Title: "Latte art night", Place: "Café Lumen", StartsAt: now.Add(48 * time.Hour),
		EndsAt: now.Add(50 * time.Hour), TimeZone: "Europe/Madrid", Capacity: capacity, CreatedBy: e.id(owner), UpdatedAt: now}
	if err := e.admin.CreateEvent(testContext(t), ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

func (e *env) rsvp(t *testing.T, eventID, who string) community.RSVP {
	t.Helper()
	r, err := e.admin.RSVP(testContext(t), eventID, community.RSVP{EventID: eventID, MemberID: e.id(who), Name: who, At: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (e *env) thread(t *testing.T, author string) (community.Thread, community.Post) {
	t.Helper()
	now := time.Now()
	th := community.Thread{ID: community.NewID(), Category: "general", Title: "Best pastry in town?", AuthorID: e.id(author),
		AuthorName: author, Lang: "en", CreatedAt: now, LastPostAt: now}
	p := community.Post{ID: community.NewID(), AuthorID: e.id(author), AuthorName: author, Lang: "en", Body: "The cardamom bun.", At: now}
	th, p, err := e.admin.CreateThread(testContext(t), th, p)
	if err != nil {
		t.Fatal(err)
	}
	return th, p
}

func (e *env) story(t *testing.T, author string, st community.StoryStatus) community.Story {
	t.Helper()
	now := time.Now()
	s := community.Story{ID: community.NewID(), AuthorID: e.id(author), AuthorName: author, AuthorSince: now.AddDate(-1, 0, 0),
		Lang: "en", Title: "How I met my barista", Body: "It started with a flat white.", Consent: true, Status: st, SubmittedAt: now}
	if st == community.StoryPublished {
		s.PublishedAt = now
	}
	if err := e.admin.CreateStory(testContext(t), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func (e *env) poll(t *testing.T) community.Poll {
	t.Helper()
	now := time.Now()
	p := community.Poll{ID: community.NewID(), Question: "Which cake next month?", Lang: "en", Status: community.PollOpen,
		CreatedBy: e.id(owner), CreatedAt: now, ClosesAt: now.Add(7 * 24 * time.Hour),
		Options: []community.Option{{ID: "carrot", Text: "Carrot cake", Status: community.IdeaOpen},
			{ID: "cheese", Text: "Basque cheesecake", Status: community.IdeaOpen},
			{ID: "idea-x", Text: "Matcha roll", By: e.id(other), Status: community.IdeaPending}}}
	if err := e.admin.CreatePoll(testContext(t), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func (e *env) award(t *testing.T, who string, points int64) {
	t.Helper()
	_, _, err := e.admin.ApplyLedger(testContext(t), community.LedgerEntry{ID: "seed:" + community.NewID(), MemberID: e.id(who),
		Delta: points, Reason: community.ReasonAward, At: time.Now(), By: e.id(owner)})
	if err != nil {
		t.Fatal(err)
	}
}

func (e *env) member(t *testing.T, who string) community.Member {
	t.Helper()
	m, err := e.admin.Member(testContext(t), e.id(who))
	if err != nil {
		t.Fatal(err)
	}
	return m
}
