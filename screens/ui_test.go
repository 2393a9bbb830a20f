package screens

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
)

var visualCases = []struct {
	name, lang, in, want string
}{
	{"ltr language untouched", "en", "Hello, Amira", "Hello, Amira"},
	{"pure arabic is one run", "ar", "مواعيد الشتاء", "مواعيد الشتاء"},
	{"arabic with final punctuation", "ar", "تم الحفظ.", lrm + "." + lrm + "تم الحفظ" + lrm},
	{"date: number between arabic words", "ar", "الجمعة، ٢٧ نوفمبر", lrm + "نوفمبر" + lrm + " ٢٧ ،" + lrm + "الجمعة" + lrm},
	{"latin paragraph in rtl ui reads from the right", "ar", "Café Lumen, bar counter.", lrm + ".Café Lumen, bar counter"},
	{"latin name in arabic", "ar", "مرحبا Amira!", lrm + "!Amira " + lrm + "مرحبا" + lrm},
	// The space between "يا" and the name stays between them, the "!" ends
	// the sentence on the left.
	{"birthday greeting", "ar", "عيد ميلاد سعيد يا Amira Haddad!", lrm + "!Amira Haddad " + lrm + "عيد ميلاد سعيد يا" + lrm},
	// "·" is not in the Arabic font: each Arabic word is a run of its own.
	{"name first, then arabic and numbers", "ar", "Amira Haddad · ٤ ردود · قبل ٢٠ يومًا", lrm + "يومًا" + lrm + " ٢٠ " + lrm + "قبل" + lrm + " · " + lrm + "ردود" + lrm + " ٤ · Amira Haddad"},
	{"time range", "ar", "٧:٠٠ م – ٩:٠٠ م", ""},
	{"latin digits in arabic", "ar", "أميرة · 4 ردود", ""},
	{"brackets", "ar", "كتبت (مرة) أمس", ""},
	{"empty", "ar", "", ""},
}

func TestVisual(t *testing.T) {
	for _, c := range visualCases {
		t.Run(c.name, func(t *testing.T) {
			env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New(c.lang))
			got := Visual(env, c.in)
			if c.want != "" && got != c.want {
				t.Errorf("Visual(%q) = %q, want %q", c.in, got, c.want)
			}
			if !env.L().RTL() {
				return
			}
			// What Fyne draws, left to right, is what the bidi algorithm
			// shows for a right-to-left paragraph.
			if drawn, want := displayOrder(got, false), displayOrder(c.in, true); drawn != want {
				t.Errorf("Visual(%q) = %q is drawn as %q, want %q", c.in, got, drawn, want)
			}
			// Fyne turns a right-to-left run piece by piece where its font
			// changes: each run must be letters and spaces only.
			runs, _ := bidiRuns(got, false)
			for _, r := range runs {
				if r.rtl && !pureRTL(r.text) && len(runs) > 1 {
					t.Errorf("Visual(%q) = %q has the right-to-left run %q", c.in, got, r.text)
				}
			}
		})
	}
}

func TestVisualContent(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"ar", "Cupping: Ethiopian naturals", "Cupping: Ethiopian naturals"}, // its own direction: left to right
		{"en", "مرحبا Amira!", lrm + "!Amira " + lrm + "مرحبا" + lrm},        // Arabic content on an English screen
		{"en", "Hello", "Hello"},
		{"ar", "١٢٣", "١٢٣"}, // no letters: the interface's direction
	}
	for _, c := range cases {
		env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New(c.lang))
		if got := visualContent(env, c.in); got != c.want {
			t.Errorf("%s visualContent(%q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// FuzzVisual checks that reordering never loses or invents a character
// (other than the invisible marks it adds and the brackets it mirrors).
func FuzzVisual(f *testing.F) {
	for _, c := range visualCases {
		f.Add(c.in)
	}
	env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New("ar"))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.Contains(s, lrm) {
			return
		}
		// Brackets turned around in right-to-left text are mirrored.
		canon := func(s string) []rune {
			rs := []rune(s)
			for i, r := range rs {
				rs[i] = min(r, mirror(r))
			}
			return rs
		}
		got := canon(strings.ReplaceAll(Visual(env, s), lrm, ""))
		want := canon(s)
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

func TestContentLabel_AlignsByItsOwnDirection(t *testing.T) {
	cases := []struct {
		lang, text string
		want       fyne.TextAlign
	}{
		{"en", "قهوة صارت عائلة", fyne.TextAlignTrailing}, // an Arabic story on an English screen
		{"ar", "Cardamom latte", fyne.TextAlignLeading},   // an English poll option on an Arabic screen
		{"ar", "قهوة", fyne.TextAlignTrailing},
		{"en", "Latte", fyne.TextAlignLeading},
		{"ar", "١٢٣", fyne.TextAlignTrailing}, // no letters: the interface's direction
	}
	for _, c := range cases {
		env := NewEnv(nil, nil, nil, community.Actor{}, i18n.New(c.lang))
		if got := contentLabel(env, c.text, false).Alignment; got != c.want {
			t.Errorf("%s %q aligned %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestRelayout: a box inside a scroll grows after it was laid out (as the
// composer's tabs do when the community loads); relayout moves what follows
// it down, through the scroll.
func TestRelayout(t *testing.T) {
	grows := container.NewVBox()
	below := widget.NewLabel("below")
	page := container.NewVBox(grows, below)
	scroll := container.NewVScroll(page)
	scroll.Resize(fyne.NewSize(300, 400))
	before := below.Position().Y
	// Grow without telling the parents, as a widget that changes its
	// minimum size does.
	grows.Objects = append(grows.Objects, widget.NewLabel("one"), widget.NewLabel("two"))
	relayout(scroll)
	if below.Position().Y < before+grows.MinSize().Height {
		t.Errorf("after relayout the label below is at %v, the grown box ends at %v", below.Position().Y, grows.Position().Y+grows.MinSize().Height)
	}
}
