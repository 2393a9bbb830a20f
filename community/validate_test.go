package community_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/regulars-app/regulars/community"
)

var nameCases = []struct {
	name, in, reason string
}{
	{"ok", "Amira Haddad", ""},
	{"arabic", "أميرة حداد", ""},
	{"rlm allowed", "Amira\u200f", ""},
	{"empty", "", community.ReasonRequired},
	{"blank", "   ", community.ReasonRequired},
	{"too long", strings.Repeat("é", community.MaxNameLen+1), community.ReasonTooLong},
	{"max length", strings.Repeat("é", community.MaxNameLen), ""},
	{"invalid utf8", "Jos\xe9", community.ReasonInvalidUTF8},
	{"newline", "two\nlines", community.ReasonControlChars},
	{"nul", "a\x00b", community.ReasonControlChars},
	{"rtl override", "evil\u202egnp.exe", community.ReasonControlChars},
	{"isolate", "x\u2066y", community.ReasonControlChars},
	{"c1 control", "a\u0085b", community.ReasonControlChars},
}

func TestCheckName(t *testing.T) {
	for _, tt := range nameCases {
		t.Run(tt.name, func(t *testing.T) {
			err := community.CheckName("name", tt.in, community.MaxNameLen)
			checkReason(t, err, "name", tt.reason)
		})
	}
}

func TestCheckBody(t *testing.T) {
	tests := []struct{ name, in, reason string }{
		{"multiline ok", "Hello\n\tworld\r\n", ""},
		{"empty", "", community.ReasonRequired},
		{"100 KB", strings.Repeat("a", 100_000), community.ReasonTooLong},
		{"bell", "ding\x07", community.ReasonControlChars},
		{"override", "a\u202db", community.ReasonControlChars},
		{"invalid utf8", "\xff\xfe", community.ReasonInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkReason(t, community.CheckBody("body", tt.in, community.MaxBodyLen), "body", tt.reason)
		})
	}
}

func TestEventInput_Validate(t *testing.T) {
	start := time.Date(2026, 12, 1, 18, 0, 0, 0, time.UTC)
	ok := community.EventInput{Title: "Cupping", Place: "Café", StartsAt: start, EndsAt: start.Add(2 * time.Hour), Capacity: 12, TimeZone: "Europe/Madrid"}
	tests := []struct {
		name   string
		edit   func(*community.EventInput)
		field  string
		reason string
	}{
		{"ok", func(*community.EventInput) {}, "", ""},
		{"no title", func(e *community.EventInput) { e.Title = "" }, "title", community.ReasonRequired},
		{"no place", func(e *community.EventInput) { e.Place = "" }, "place", community.ReasonRequired},
		{"end before start", func(e *community.EventInput) { e.EndsAt = start.Add(-time.Hour) }, "ends_at", community.ReasonDateOrder},
		{"end equals start", func(e *community.EventInput) { e.EndsAt = start }, "ends_at", community.ReasonDateOrder},
		{"no end", func(e *community.EventInput) { e.EndsAt = time.Time{} }, "ends_at", community.ReasonRequired},
		{"no start", func(e *community.EventInput) { e.StartsAt = time.Time{} }, "starts_at", community.ReasonRequired},
		{"negative capacity", func(e *community.EventInput) { e.Capacity = -1 }, "capacity", community.ReasonOutOfRange},
		{"bad zone", func(e *community.EventInput) { e.TimeZone = "Mars/Olympus" }, "time_zone", community.ReasonInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			checkReason(t, in.Validate(), tt.field, tt.reason)
		})
	}
}

func TestPollInput_Validate(t *testing.T) {
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		in     community.PollInput
		field  string
		reason string
	}{
		{"ok", community.PollInput{Question: "Next cake?", Options: []string{"Lemon", "Carrot"}, ClosesAt: now.AddDate(0, 0, 7)}, "", ""},
		{"one option", community.PollInput{Question: "Q", Options: []string{"A"}}, "options", community.ReasonOutOfRange},
		{"duplicate", community.PollInput{Question: "Q", Options: []string{"Lemon", " lemon"}}, "option", community.ReasonDuplicate},
		{"closes in past", community.PollInput{Question: "Q", Options: []string{"A", "B"}, ClosesAt: now.Add(-time.Hour)}, "closes_at", community.ReasonPast},
		{"no question", community.PollInput{Options: []string{"A", "B"}}, "question", community.ReasonRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReason(t, tt.in.Validate(now), tt.field, tt.reason) })
	}
}

func checkReason(t *testing.T, err error, field, reason string) {
	t.Helper()
	if reason == "" {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	v, ok := community.AsValidation(err)
	if !ok {
		t.Fatalf("got %v, want validation error %s/%s", err, field, reason)
	}
	if v.Field != field || v.Reason != reason {
		t.Fatalf("got %s/%s, want %s/%s", v.Field, v.Reason, field, reason)
	}
	if !strings.HasPrefix(v.MessageID(), "Reason") || strings.Contains(v.MessageID(), "_") {
		t.Fatalf("message ID %q", v.MessageID())
	}
}

func FuzzCheckName(f *testing.F) {
	for _, tt := range nameCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := community.CheckName("name", s, community.MaxNameLen)
		if err == nil {
			if !utf8.ValidString(s) || strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > community.MaxNameLen {
				t.Fatalf("accepted %q", s)
			}
			for _, r := range s {
				if r < 0x20 || r == 0x7f || r == 0x202e {
					t.Fatalf("accepted control %q", s)
				}
			}
		} else if _, ok := community.AsValidation(err); !ok {
			t.Fatalf("untyped error %v", err)
		}
	})
}

func FuzzCheckBody(f *testing.F) {
	f.Add("Hello\nworld")
	f.Add("\xff")
	f.Add("a\u202eb")
	f.Fuzz(func(t *testing.T, s string) {
		err := community.CheckBody("body", s, community.MaxBodyLen)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("accepted invalid UTF-8 %q", s)
		}
	})
}

func FuzzEventInput_Validate(f *testing.F) {
	f.Add("Cupping", "Café", int64(0), int64(3600), 10, "Europe/Madrid")
	f.Add("", "", int64(10), int64(5), -1, "Nowhere")
	f.Fuzz(func(t *testing.T, title, place string, start, dur int64, capacity int, tz string) {
		s := time.Unix(start, 0)
		in := community.EventInput{Title: title, Place: place, StartsAt: s, EndsAt: s.Add(time.Duration(dur) * time.Second), Capacity: capacity, TimeZone: tz}
		if err := in.Validate(); err == nil && !in.EndsAt.After(in.StartsAt) {
			t.Fatalf("accepted end before start: %+v", in)
		}
	})
}

func TestValidationError_MessageID(t *testing.T) {
	e := &community.ValidationError{Field: "starts_at", Reason: community.ReasonInvalidUTF8}
	if e.MessageID() != "ReasonInvalidUtf8" || e.FieldMessageID() != "FieldStartsAt" {
		t.Fatalf("%s %s", e.MessageID(), e.FieldMessageID())
	}
}
