package community

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters (runes), for user-written text.
const (
	MaxNameLen     = 60
	MaxTitleLen    = 120
	MaxBodyLen     = 10_000
	MaxStoryLen    = 5_000
	MaxCommentLen  = 1_000
	MaxNoteLen     = 280
	MaxPlaceLen    = 200
	MaxOptionLen   = 140
	MaxOptions     = 20
	MaxCapacity    = 100_000
	MaxPointsDelta = 1_000_000
)

// isBidiControl reports the explicit embedding, override and isolate characters
// (U+202A–U+202E, U+2066–U+2069). They can make a name read differently from
// what it is ("Trojan source"), so user text may not carry them. The implicit
// marks LRM/RLM/ALM stay allowed: Arabic and Hebrew writers need them.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// checkText validates one text field: required, at most max runes, valid UTF-8,
// and no control characters (multiline allows newlines and tabs).
func checkText(field, s string, required bool, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return Invalid(field, ReasonInvalidUTF8)
	}
	if strings.TrimSpace(s) == "" {
		if required {
			return Invalid(field, ReasonRequired)
		}
		return nil
	}
	if n := utf8.RuneCountInString(s); n > max {
		return &ValidationError{Field: field, Reason: ReasonTooLong, Limit: max}
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t' || r == '\r') {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) || r == utf8.RuneError {
			return Invalid(field, ReasonControlChars)
		}
	}
	return nil
}

// CheckName validates a single-line name or title.
func CheckName(field, s string, max int) error { return checkText(field, s, true, max, false) }

// CheckBody validates required multi-line text.
func CheckBody(field, s string, max int) error { return checkText(field, s, true, max, true) }

// CheckOptional validates optional single-line text.
func CheckOptional(field, s string, max int) error { return checkText(field, s, false, max, false) }

// CheckOptionalBody validates optional multi-line text.
func CheckOptionalBody(field, s string, max int) error { return checkText(field, s, false, max, true) }

// CheckOrder validates that start is set and end, when set, is after start.
func CheckOrder(startField string, start, end time.Time) error {
	if start.IsZero() {
		return Invalid(startField, ReasonRequired)
	}
	if !end.IsZero() && !end.After(start) {
		return Invalid("ends_at", ReasonDateOrder)
	}
	return nil
}

// CheckRange validates lo <= n <= hi.
func CheckRange(field string, n, lo, hi int64) error {
	if n < lo || n > hi {
		return &ValidationError{Field: field, Reason: ReasonOutOfRange, Limit: int(hi)}
	}
	return nil
}

// CheckID validates an identifier coming from outside (a URL, a QR code):
// 1 to 128 characters of letters, digits, '-', '_' and ':'.
func CheckID(field, id string) error {
	if id == "" {
		return Invalid(field, ReasonRequired)
	}
	if len(id) > 128 {
		return &ValidationError{Field: field, Reason: ReasonTooLong, Limit: 128}
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == ':') {
			return Invalid(field, ReasonInvalid)
		}
	}
	return nil
}

// first returns the first non-nil error.
func first(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
