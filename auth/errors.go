package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors; the returned errors wrap an *Error that matches them with
// errors.Is.
var (
	// ErrEmailTaken: an account with this email exists (sign up).
	ErrEmailTaken = errors.New("email already in use")
	// ErrBadCredentials: wrong email or password, or the account is gone.
	ErrBadCredentials = errors.New("wrong email or password")
	// ErrWeakPassword: Firebase refuses the password (fewer than 6 characters).
	ErrWeakPassword = errors.New("password too weak")
	// ErrInvalidEmail: the address is not an email address.
	ErrInvalidEmail = errors.New("invalid email")
	// ErrRateLimited: too many attempts; try again later.
	ErrRateLimited = errors.New("too many attempts")
	// ErrUserDisabled: the account was disabled by the business.
	ErrUserDisabled = errors.New("account disabled")
	// ErrSessionExpired: the session cannot be refreshed (revoked, expired,
	// the password changed): sign in again.
	ErrSessionExpired = errors.New("session expired")
	// ErrInvalidCode: an email link's code is wrong, used or expired.
	ErrInvalidCode = errors.New("invalid or expired code")
	// ErrUnavailable: Firebase Auth could not be reached or failed (no
	// network, a 5xx answer): try again later. The app maps it to the
	// domain's unavailable error; this package knows no domain.
	ErrUnavailable = errors.New("auth service unavailable")
)

// Error is a refusal from Firebase Auth.
type Error struct {
	Status int    // HTTP status
	Code   string // Firebase's code, e.g. "EMAIL_EXISTS"
	Detail string // what follows the code, e.g. "Password should be at least 6 characters"
}

func (e *Error) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("firebase auth: %s: %s", e.Code, e.Detail)
	}
	return "firebase auth: " + e.Code
}

// codes maps Firebase's error codes to the sentinels.
var codes = map[string][]error{
	"EMAIL_EXISTS":                   {ErrEmailTaken},
	"INVALID_PASSWORD":               {ErrBadCredentials},
	"INVALID_LOGIN_CREDENTIALS":      {ErrBadCredentials},
	"EMAIL_NOT_FOUND":                {ErrBadCredentials},
	"USER_NOT_FOUND":                 {ErrBadCredentials, ErrSessionExpired},
	"MISSING_PASSWORD":               {ErrBadCredentials},
	"WEAK_PASSWORD":                  {ErrWeakPassword},
	"INVALID_EMAIL":                  {ErrInvalidEmail},
	"MISSING_EMAIL":                  {ErrInvalidEmail},
	"TOO_MANY_ATTEMPTS_TRY_LATER":    {ErrRateLimited},
	"QUOTA_EXCEEDED":                 {ErrRateLimited},
	"USER_DISABLED":                  {ErrUserDisabled, ErrSessionExpired},
	"TOKEN_EXPIRED":                  {ErrSessionExpired},
	"INVALID_REFRESH_TOKEN":          {ErrSessionExpired},
	"MISSING_REFRESH_TOKEN":          {ErrSessionExpired},
	"INVALID_ID_TOKEN":               {ErrSessionExpired},
	"CREDENTIAL_TOO_OLD_LOGIN_AGAIN": {ErrSessionExpired},
	"INVALID_OOB_CODE":               {ErrInvalidCode},
	"EXPIRED_OOB_CODE":               {ErrInvalidCode},
}

// Is matches the sentinel errors of the code, and ErrUnavailable for
// server-side failures (5xx).
func (e *Error) Is(target error) bool {
	for _, s := range codes[e.Code] {
		if s == target {
			return true
		}
	}
	return target == ErrUnavailable && e.Status >= 500
}

// parseError reads Google's error body:
// {"error": {"code": 400, "message": "WEAK_PASSWORD : Password should be ..."}}.
// The Secure Token API answers the same shape, or {"error": "invalid_grant",
// "error_description": "..."} on some paths.
func parseError(status int, body []byte) error {
	var g struct {
		Error json.RawMessage `json:"error"`
	}
	e := &Error{Status: status}
	if json.Unmarshal(body, &g) == nil && len(g.Error) > 0 {
		var obj struct {
			Message string `json:"message"`
		}
		var s string
		switch {
		case json.Unmarshal(g.Error, &obj) == nil && obj.Message != "":
			code, detail, _ := strings.Cut(obj.Message, ":")
			e.Code, e.Detail = strings.TrimSpace(code), strings.TrimSpace(detail)
		case json.Unmarshal(g.Error, &s) == nil:
			e.Code = strings.ToUpper(s)
		}
	}
	if e.Code == "" {
		e.Code = fmt.Sprintf("HTTP_%d", status)
	}
	if e.Code == "INVALID_GRANT" {
		e.Code = "INVALID_REFRESH_TOKEN"
	}
	if status == 429 && len(codes[e.Code]) == 0 {
		e.Code = "TOO_MANY_ATTEMPTS_TRY_LATER"
	}
	return e
}

// Reason returns a stable code for an error of this package, for screens to
// pick a translated message ("auth_" + code is a natural message ID):
// email_taken, bad_credentials, weak_password, invalid_email, rate_limited,
// user_disabled, session_expired, invalid_code, unavailable; "unknown" for
// any other error and "" for nil.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	for _, r := range []struct {
		err  error
		code string
	}{
		{ErrEmailTaken, "email_taken"},
		{ErrUserDisabled, "user_disabled"},
		{ErrBadCredentials, "bad_credentials"},
		{ErrWeakPassword, "weak_password"},
		{ErrInvalidEmail, "invalid_email"},
		{ErrRateLimited, "rate_limited"},
		{ErrSessionExpired, "session_expired"},
		{ErrInvalidCode, "invalid_code"},
		{ErrUnavailable, "unavailable"},
	} {
		if errors.Is(err, r.err) {
			return r.code
		}
	}
	return "unknown"
}
