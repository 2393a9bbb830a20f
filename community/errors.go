package community

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Sentinel errors every store and use case returns, wrapped with context.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write collided with existing data (an ID already
	// taken, or a concurrent change the store could not reconcile).
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the actor's role may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrUnavailable means the backend could not be reached; the write may be retried.
	ErrUnavailable = errors.New("unavailable")
)

// Reason codes of a ValidationError. Each is also the suffix of the message ID
// screens translate ("error.<reason>").
const (
	ReasonRequired     = "required"
	ReasonTooLong      = "too_long"
	ReasonTooShort     = "too_short"
	ReasonInvalidUTF8  = "invalid_utf8"
	ReasonControlChars = "control_chars"
	ReasonDateOrder    = "date_order"
	ReasonOutOfRange   = "out_of_range"
	ReasonInvalid      = "invalid"
	ReasonInsufficient = "insufficient"
	ReasonClosed       = "closed"
	ReasonLocked       = "locked"
	ReasonCancelled    = "cancelled"
	ReasonPast         = "past"
	ReasonConsent      = "consent"
	ReasonDuplicate    = "duplicate"
	ReasonFull         = "full"
	ReasonBelowGoing   = "below_going" // a capacity under the seats already taken (Limit: how many are going)
	ReasonNotToday     = "not_today"   // the birthday treat on another day than the birthday
	ReasonUsed         = "used"        // a reward code the counter already accepted
)

// ValidationError is a refused write: it names the field and the reason. The
// reason is a code (see the Reason constants); [ValidationError.MessageID] is the
// ID of the message that explains it to the user.
type ValidationError struct {
	Field  string // e.g. "title", "capacity", "points"
	Reason string // one of the Reason constants
	Limit  int    // the bound that was crossed, when there is one (max length, capacity)
	Index  int    // 1-based position of the item in a list field (a tier, a reward), 0 when not in a list
}

func (e *ValidationError) Error() string {
	if e.Index != 0 {
		return fmt.Sprintf("%s #%d: %s (%d)", e.Field, e.Index, e.Reason, e.Limit)
	}
	if e.Limit != 0 {
		return fmt.Sprintf("%s: %s (%d)", e.Field, e.Reason, e.Limit)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Reason)
}

// MessageID is the i18n message ID of the reason: "Reason" and the reason in
// CamelCase, e.g. "ReasonTooLong" for "too_long".
func (e *ValidationError) MessageID() string { return "Reason" + camel(e.Reason) }

// FieldMessageID is the i18n message ID of the field's label, e.g.
// "FieldStartsAt" for "starts_at".
func (e *ValidationError) FieldMessageID() string { return "Field" + camel(e.Field) }

// camel turns snake_case into CamelCase ("invalid_utf8" -> "InvalidUtf8").
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Invalid returns a *ValidationError for field and reason.
func Invalid(field, reason string) error {
	return &ValidationError{Field: field, Reason: reason}
}

// AsValidation reports whether err is (or wraps) a *ValidationError and returns it.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	if errors.As(err, &v) {
		return v, true
	}
	return nil, false
}

// IsReason reports whether err is a validation error with the given reason.
func IsReason(err error, reason string) bool {
	v, ok := AsValidation(err)
	return ok && v.Reason == reason
}
