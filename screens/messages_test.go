package screens

import (
	"errors"
	"testing"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
)

func TestErrorText(t *testing.T) {
	l := i18n.New("en")
	cases := []struct {
		err  error
		want string
	}{
		{community.Invalid("name", community.ReasonRequired), "Name: Please fill this in."},
		{community.Invalid("no_such_field", community.ReasonRequired), "Please fill this in."},
		{community.Invalid("points", "no_such_reason"), "That doesn't look right. Please check it and try again."},
		{community.ErrForbidden, "Sorry, you can't do that here."},
		{errors.New("boom"), "We can't connect right now. Please try again in a moment."},
		{nil, ""},
	}
	for _, c := range cases {
		if got := ErrorText(l, c.err); got != c.want {
			t.Errorf("ErrorText(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
