package screens

import (
	"errors"
	"slices"
	"testing"

	"regulars/community"
	"regulars/i18n"
)

var visualCases = []struct {
	name, lang, in, want string
}{
	{"ltr language untouched", "en", "Hello, Amira", "Hello, Amira"},
	{"pure arabic is one run", "ar", "مواعيد الشتاء", "مواعيد الشتاء"},
	{"date runs reversed", "ar", "الجمعة، ٢٧ نوفمبر", " نوفمبر" + "٢٧" + "الجمعة، "},
	{"latin paragraph in rtl ui untouched", "ar", "Café Lumen, bar counter", "Café Lumen, bar counter"},
	{"latin name in arabic", "ar", "مرحبا Amira!", "!" + "Amira" + " مرحبا"},
	{"empty", "ar", "", ""},
}

func TestVisual(t *testing.T) {
	for _, c := range visualCases {
		t.Run(c.name, func(t *testing.T) {
			env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New(c.lang))
			if got := Visual(env, c.in); got != c.want {
				t.Errorf("Visual(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// FuzzVisual checks that reordering never loses or invents a character.
func FuzzVisual(f *testing.F) {
	for _, c := range visualCases {
		f.Add(c.in)
	}
	env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New("ar"))
	f.Fuzz(func(t *testing.T, s string) {
		got := []rune(Visual(env, s))
		want := []rune(s)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Visual(%q) changed the characters", s)
		}
	})
}

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

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{"Amira Haddad": "AH", "lucía": "L", "Nguyễn Văn Minh": "NM", "  ": "?", "أميرة حداد": "أح"} {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}
