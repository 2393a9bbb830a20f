package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// unlocalized lists the visible texts under the window that did not come
// from the pseudo-locale. User content is allowed: widgets implementing
// ui.UserData (names, titles, the business's texts), what an entry holds and a
// select's choice (the language names are each in their own language).
func unlocalized(w fyne.Window) []string {
	var bad []string
	for _, r := range canvasRoots(w) {
		visit(r, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case ui.UserData:
				return !x.IsUserData()
			case *widget.Entry:
				if x.Text != "" {
					return false
				}
			case *widget.Select:
				if x.Selected != "" {
					return false
				}
			case *canvas.Text:
				if s := strings.TrimSpace(x.Text); s != "" && !i18n.IsPseudo(s) {
					bad = append(bad, s)
				}
			}
			return true
		})
	}
	return bad
}

func TestScreens_MemberScreensArePseudoLocalized(t *testing.T) {
	screens := map[string]func(*Env) fyne.CanvasObject{
		"home":         NewHome,
		"loyalty":      NewLoyalty,
		"events":       NewEvents,
		"event-detail": func(env *Env) fyne.CanvasObject { return NewEventDetail(env, "ev-latte") },
		"me":           NewMe,
		"notices":      NewNotices,
		"my-feedback":  NewMyFeedback,
		"search":       NewSearch,
		"idea-comments": func(env *Env) fyne.CanvasObject {
			return NewIdeaComments(env, "poll-winter", "simit", "Simit with cheese for breakfast")
		},
	}
	for name, build := range screens {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			env := f.env(demo.MemberID, i18n.PseudoCode)
			f.show(build(env), desktopSize)
			f.capture(name + "_pseudo")
			if bad := unlocalized(f.win); len(bad) > 0 {
				t.Errorf("%s shows text that bypassed the catalog: %q", name, bad)
			}
		})
	}
}

// The check itself must catch a literal.
func TestUnlocalized_CatchesLiterals(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, i18n.PseudoCode)
	f.show(mirror.Row(env, widget.NewLabel("Hello"), ui.NewDataLabel(env, "Amira", false), widget.NewLabel(env.L().T("TabHome"))), desktopSize)
	if bad := unlocalized(f.win); len(bad) != 1 || bad[0] != "Hello" {
		t.Fatalf("unlocalized = %q, want [Hello]", bad)
	}
}
