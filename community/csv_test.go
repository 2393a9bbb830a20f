package community_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// readExport writes export x and parses it back with encoding/csv, as a
// spreadsheet or an accountant's script would: one header and rows of the
// same width.
func readExport(t *testing.T, svc *community.Service, x community.Export) (header []string, rows [][]string) {
	t.Helper()
	var buf bytes.Buffer
	if err := svc.WriteExport(context.Background(), owner, x, &buf, nil); err != nil {
		t.Fatalf("export %s: %v", x, err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatalf("%s: no UTF-8 byte order mark", x)
	}
	if !bytes.Contains(b, []byte("\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Errorf("%s: lines do not all end with CRLF (RFC 4180)", x)
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	all, err := r.ReadAll() // FieldsPerRecord 0: every row as wide as the header
	if err != nil {
		t.Fatalf("%s does not parse: %v", x, err)
	}
	if len(all) == 0 {
		t.Fatalf("%s is empty", x)
	}
	return all[0], all[1:]
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if strings.HasPrefix(h, name) {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

func TestWriteExport_RoundTripsNames(t *testing.T) {
	ctx := context.Background()
	svc, s := newService(t)
	names := map[string]string{
		"mem-ar": "أميرة حدّاد",
		"mem-hi": "प्रिया शर्मा",
		"mem-ja": "渡辺 健二",
		"mem-q":  `Grace "Gracie" O'Connor, Jr.`,
		"mem-f":  "=HYPERLINK(\"http://x\")",
	}
	for id, name := range names {
		if _, err := svc.Join(ctx, id, community.Profile{Name: name, Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		// Something in every export: points, an RSVP, an answer with a line break.
		if _, err := svc.RecordVisit(ctx, staff, id); err != nil {
			t.Fatal(err)
		}
		a := community.Actor{ID: id, Role: community.RoleMember, Name: name}
		if _, err := svc.RSVP(ctx, a, "ev-games"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.GiveFeedback(ctx, a, 9, name+"\nline two, \"quoted\""); err != nil {
			t.Fatal(err)
		}
	}
	want := func(id string) string {
		if id == "mem-f" {
			return "'" + names[id] // a formula is defused, visibly
		}
		return names[id]
	}

	header, rows := readExport(t, svc, community.ExportMembers)
	idCol, nameCol, pointsCol := column(t, header, "member_id"), column(t, header, "name"), column(t, header, "points")
	seen := map[string]bool{}
	for _, r := range rows {
		if n, ok := names[r[idCol]]; ok {
			seen[r[idCol]] = true
			if r[nameCol] != want(r[idCol]) {
				t.Errorf("members: %s's name = %q, want %q", r[idCol], r[nameCol], n)
			}
			if r[pointsCol] != "10" {
				t.Errorf("members: %s has %s points, want 10", r[idCol], r[pointsCol])
			}
		}
	}
	if len(seen) != len(names) || len(rows) != len(demo.Members(demo.Now))+len(names) {
		t.Errorf("members: %d rows, found %d of the new names", len(rows), len(seen))
	}

	header, rows = readExport(t, svc, community.ExportLedger)
	var entries int
	for _, m := range append(demo.Members(demo.Now), community.Member{ID: "mem-ar"}, community.Member{ID: "mem-hi"},
		community.Member{ID: "mem-ja"}, community.Member{ID: "mem-q"}, community.Member{ID: "mem-f"}) {
		es, _ := s.Ledger(ctx, m.ID, 0)
		entries += len(es)
	}
	if len(rows) != entries {
		t.Errorf("ledger: %d rows, want one per entry (%d)", len(rows), entries)
	}
	nameCol, byCol, reasonCol := column(t, header, "name"), column(t, header, "by"), column(t, header, "reason")
	found := 0
	for _, r := range rows {
		for id := range names {
			if r[nameCol] == want(id) && r[reasonCol] == community.ReasonVisit && r[byCol] == staff.ID {
				found++
			}
		}
	}
	if found != len(names) {
		t.Errorf("ledger: %d visits by %s under the members' names, want %d", found, staff.ID, len(names))
	}

	header, rows = readExport(t, svc, community.ExportAttendance)
	nameCol, evCol := column(t, header, "name"), column(t, header, "event_id")
	found = 0
	for _, r := range rows {
		for id := range names {
			if r[evCol] == "ev-games" && r[nameCol] == want(id) {
				found++
			}
		}
	}
	if found != len(names) {
		t.Errorf("attendance: %d of the new names at ev-games, want %d", found, len(names))
	}

	header, rows = readExport(t, svc, community.ExportFeedback)
	commentCol := column(t, header, "comment")
	found = 0
	for _, r := range rows {
		for id, n := range names {
			c := n + "\r\nline two, \"quoted\"" // CRLF inside the field too (UseCRLF)
			if id == "mem-f" {
				c = "'" + c
			}
			if r[commentCol] == c || r[commentCol] == strings.ReplaceAll(c, "\r\n", "\n") {
				found++
			}
		}
	}
	if found != len(names) {
		t.Errorf("feedback: %d comments round-trip, want %d", found, len(names))
	}
}

func TestWriteExport_OwnerOnly(t *testing.T) {
	svc, _ := newService(t)
	for _, a := range []community.Actor{staff, member} {
		var buf bytes.Buffer
		if err := svc.WriteExport(context.Background(), a, community.ExportMembers, &buf, nil); !errors.Is(err, community.ErrForbidden) || buf.Len() > 0 {
			t.Errorf("export as %s: %v, %d bytes", a.Role, err, buf.Len())
		}
	}
	var buf bytes.Buffer
	err := svc.WriteExport(context.Background(), owner, community.Export("passwords"), &buf, nil)
	checkReason(t, err, "export", community.ReasonInvalid)
}

func TestExport_FileName(t *testing.T) {
	c := demo.Community()
	late := time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC) // already the 25th in Madrid
	if got := community.ExportLedger.FileName(c, late); got != "cafe-lumen-ledger-2026-11-25.csv" {
		t.Errorf("FileName = %q", got)
	}
	c.ID = "../etc"
	if got := community.ExportMembers.FileName(c, late); got != "regulars-members-2026-11-25.csv" {
		t.Errorf("FileName with an odd ID = %q", got)
	}
}
