package app

import (
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/screens"
)

// Every Auth refusal reaches the form as a translated message at the field
// it concerns ("" for the form as a whole), in every language.
func TestAuthRefusal_EveryErrorAtItsField(t *testing.T) {
	noNetwork := fmt.Errorf("%w: %v", auth.ErrUnavailable, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("no route to host")})
	for _, tc := range []struct {
		name  string
		err   error
		field string // the sign-in form's field; "" when the form says it above the button
	}{
		{"existing email", &auth.Error{Status: 400, Code: "EMAIL_EXISTS"}, "email"},
		{"not an email", &auth.Error{Status: 400, Code: "INVALID_EMAIL"}, "email"},
		{"disabled", &auth.Error{Status: 400, Code: "USER_DISABLED"}, "email"},
		{"wrong password", &auth.Error{Status: 400, Code: "INVALID_LOGIN_CREDENTIALS"}, "password"},
		{"weak password", &auth.Error{Status: 400, Code: "WEAK_PASSWORD", Detail: "Password should be at least 6 characters"}, "password"},
		{"too many attempts", &auth.Error{Status: 400, Code: "TOO_MANY_ATTEMPTS_TRY_LATER"}, "sign_in"},
		{"too many requests", &auth.Error{Status: 429, Code: "TOO_MANY_ATTEMPTS_TRY_LATER"}, "sign_in"},
		{"revoked", &auth.Error{Status: 400, Code: "INVALID_REFRESH_TOKEN"}, "sign_in"},
		{"no network", noNetwork, ""},
		{"server down", &auth.Error{Status: 503, Code: "HTTP_503"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := authRefusal(tc.err)
			v, ok := community.AsValidation(err)
			if tc.field == "" {
				if ok || !errors.Is(err, community.ErrUnavailable) {
					t.Fatalf("authRefusal = %v, want community.ErrUnavailable", err)
				}
			} else if !ok || v.Field != tc.field {
				t.Fatalf("authRefusal = %#v, want a refusal of the field %q", err, tc.field)
			}
			for _, loc := range i18n.Locales() {
				code := loc.Code
				l := i18n.New(code)
				msg := screens.ErrorText(l, err)
				if ok && (l.T(v.MessageID()) == v.MessageID() || msg == l.T("ReasonInvalid")) {
					t.Errorf("%s: no message for %s", code, v.MessageID())
				}
				if !ok && msg != l.T("ReasonUnavailable") {
					t.Errorf("%s: %q, want the no-connection message", code, msg)
				}
			}
		})
	}
}
