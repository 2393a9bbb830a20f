package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	fsstore "github.com/regulars-app/regulars/community/firestore"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/config"
	"github.com/regulars-app/regulars/internal/emulators"
)

func TestMain(m *testing.M) {
	os.Exit(emulators.Main(m, emulators.KindFirestore))
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// bikeShop is a community that is not the demo: its own name, zone and
// events, relative to the real clock (the tool reads a real store with it).
type bikeShop struct {
	name   string
	events []community.Event // every event written
	want   []community.Event // those the feed must carry: not yet ended
}

func newBikeShop(now time.Time) bikeShop {
	now = now.Truncate(time.Second)
	at := func(d time.Duration) time.Time { return now.Add(d) }
	b := bikeShop{name: "Taller Bici, Ñandú; \"Sur\""}
	b.events = []community.Event{
		{ID: "ev-repair", Title: "Repair café: brakes & gears", Place: "Calle Mayor 3, Madrid",
			Description: "Bring your bike.\nTools provided.", StartsAt: at(50 * time.Hour), EndsAt: at(52 * time.Hour),
			TimeZone: "Europe/Madrid", Capacity: 12, CreatedBy: "own-1", UpdatedAt: now},
		{ID: "ev-ride", Title: "Sunday ride", Place: "Casa de Campo", StartsAt: at(7 * 24 * time.Hour),
			EndsAt: at(7*24*time.Hour + 3*time.Hour), TimeZone: "Europe/Madrid", CreatedBy: "own-1", UpdatedAt: now},
		{ID: "ev-rain", Title: "Night ride", Place: "Retiro", StartsAt: at(9 * 24 * time.Hour),
			EndsAt: at(9*24*time.Hour + 2*time.Hour), TimeZone: "Europe/Madrid", Cancelled: true, CreatedBy: "own-1", UpdatedAt: now},
		{ID: "ev-past", Title: "Last month's ride", Place: "Retiro", StartsAt: at(-30 * 24 * time.Hour),
			EndsAt: at(-30*24*time.Hour + 2*time.Hour), TimeZone: "Europe/Madrid", CreatedBy: "own-1", UpdatedAt: now},
	}
	b.want = b.events[:3]
	return b
}

// fill writes the shop into an empty store.
func (b bikeShop) fill(t *testing.T, ctx context.Context, s community.Store, id string) {
	t.Helper()
	c := demo.Community()
	c.ID, c.Name, c.TimeZone, c.About = id, b.name, "Europe/Madrid", nil
	if err := s.SaveCommunity(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, e := range b.events {
		if err := s.CreateEvent(ctx, e); err != nil {
			t.Fatalf("create %s: %v", e.ID, err)
		}
	}
}

// parse reads a feed with go-ical, a reader this project did not write.
func parse(t *testing.T, raw []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(raw)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the feed: %v\n%s", err, raw)
	}
	return cal
}

// checkFeed compares the parsed feed with the events the store holds.
func checkFeed(t *testing.T, cal *ical.Calendar, name string, want []community.Event) {
	t.Helper()
	if got, _ := cal.Props.Text("X-WR-CALNAME"); got != name {
		t.Errorf("X-WR-CALNAME = %q, want %q", got, name)
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events in the feed, want %d", len(events), len(want))
	}
	byUID := map[string]ical.Event{}
	for _, ev := range events {
		uid, _ := ev.Props.Text(ical.PropUID)
		byUID[uid] = ev
	}
	for _, w := range want {
		ev, ok := byUID[w.ID+"@regulars.app"]
		if !ok {
			t.Errorf("event %s missing from the feed (have %v)", w.ID, keys(byUID))
			continue
		}
		for prop, wantText := range map[string]string{ical.PropSummary: w.Title, ical.PropLocation: w.Place,
			ical.PropDescription: w.Description} {
			if got, _ := ev.Props.Text(prop); got != wantText {
				t.Errorf("%s %s = %q, want %q", w.ID, prop, got, wantText)
			}
		}
		start, err := ev.DateTimeStart(nil)
		if err != nil || !start.Equal(w.StartsAt) {
			t.Errorf("%s DTSTART = %v (%v), want %v", w.ID, start, err, w.StartsAt)
		}
		end, err := ev.DateTimeEnd(nil)
		if err != nil || !end.Equal(w.EndsAt) {
			t.Errorf("%s DTEND = %v (%v), want %v", w.ID, end, err, w.EndsAt)
		}
		if tz := ev.Props.Get(ical.PropDateTimeStart).Params.Get(ical.ParamTimezoneID); w.TimeZone != "" && tz != w.TimeZone {
			t.Errorf("%s TZID = %q, want %q", w.ID, tz, w.TimeZone)
		}
		wantStatus := ical.EventConfirmed
		if w.Cancelled {
			wantStatus = ical.EventCancelled
		}
		if got, err := ev.Status(); err != nil || got != wantStatus {
			t.Errorf("%s STATUS = %q (%v), want %q", w.ID, got, err, wantStatus)
		}
	}
}

func keys(m map[string]ical.Event) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// runOK runs the command and returns the feed it wrote to a fresh file.
func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "feed.ics")
	var stdout, stderr bytes.Buffer
	if err := run(testContext(t), append(args, "-out", out), &stdout, &stderr); err != nil {
		t.Fatalf("calendar %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if got := stdout.String(); got != "wrote "+out+"\n" {
		t.Errorf("stdout = %q", got)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(out + ".*.tmp"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	return raw
}

func TestRun_Demo(t *testing.T) {
	cal := parse(t, runOK(t))
	dir := t.TempDir()
	s, err := local.Open(filepath.Join(dir, "demo.db"), local.WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := testContext(t)
	if err := demo.Seed(ctx, s, demo.Now); err != nil {
		t.Fatal(err)
	}
	want, err := community.NewService(s, community.WithClock(func() time.Time { return demo.Now })).UpcomingEvents(ctx, 500)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the demo has no upcoming events: the test would prove nothing")
	}
	checkFeed(t, cal, demo.Community().Name, want)
}

func TestRun_Data(t *testing.T) {
	shop := newBikeShop(time.Now())
	path := filepath.Join(t.TempDir(), "community.db")
	s, err := local.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	shop.fill(t, testContext(t), s, "taller")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, parse(t, runOK(t, "-data", path)), shop.name, shop.want)
}

func TestRun_DataToStdout(t *testing.T) {
	shop := newBikeShop(time.Now())
	path := filepath.Join(t.TempDir(), "community.db")
	s, err := local.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	shop.fill(t, testContext(t), s, "taller")
	s.Close()
	var stdout, stderr bytes.Buffer
	if err := run(testContext(t), []string{"-data", path, "-out", "-"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	checkFeed(t, parse(t, stdout.Bytes()), shop.name, shop.want)
}

func TestRun_Cloud(t *testing.T) {
	fs := emulators.FirestoreFor(t)
	ctx := testContext(t)
	cid := fmt.Sprintf("calendar-%d", time.Now().UnixNano())
	s, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: cid, Endpoint: fs.Host, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	shop := newBikeShop(time.Now())
	shop.fill(t, ctx, s, cid)

	// The settings come from a configuration file and the environment, as
	// for the admin command; FIRESTORE_EMULATOR_HOST must not be needed.
	t.Setenv("FIRESTORE_EMULATOR_HOST", "")
	t.Setenv(config.EnvProject, "")
	t.Setenv(config.EnvCommunity, "")
	t.Setenv(config.EnvFirestoreEndpoint, fs.Host)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, fmt.Appendf(nil, "project = %q\ncommunity = %q\n", fs.ProjectID, cid), 0o600); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, parse(t, runOK(t, "-cloud", "-config", cfg)), shop.name, shop.want)

	// -project and -community override the file.
	other := cid + "-other"
	s2, err := fsstore.Dial(ctx, fsstore.Config{ProjectID: fs.ProjectID, CommunityID: other, Endpoint: fs.Host, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	shop2 := newBikeShop(time.Now().Add(time.Hour))
	shop2.name = "Another shop"
	shop2.fill(t, ctx, s2, other)
	checkFeed(t, parse(t, runOK(t, "-cloud", "-config", cfg, "-community", other)), shop2.name, shop2.want)
}

func TestRun_Refusals(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	locked := filepath.Join(dir, "open.db")
	s, err := local.Open(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() // as the app would hold it
	t.Setenv(config.EnvProject, "")
	t.Setenv(config.EnvCommunity, "")
	t.Setenv("GOOGLE_CLOUD_PROJECT", "")
	tests := []struct {
		name string
		args []string
		is   error
	}{
		{"missing store", []string{"-data", missing}, os.ErrNotExist},
		{"store in use", []string{"-data", locked}, local.ErrLocked},
		{"both sources", []string{"-data", locked, "-cloud"}, nil},
		{"no cloud configured", []string{"-cloud", "-config", ""}, nil},
		{"stray argument", []string{"feed.ics"}, nil},
		{"unknown flag", []string{"-nope"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "feed.ics")
			var stdout, stderr bytes.Buffer
			err := run(testContext(t), append(tt.args, "-out", out), &stdout, &stderr)
			if err == nil {
				t.Fatalf("calendar %v succeeded", tt.args)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("calendar %v = %v, want %v", tt.args, err, tt.is)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("calendar %v wrote %s", tt.args, out)
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("-data of a missing file created it")
	}
}
