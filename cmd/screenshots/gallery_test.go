package main

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/app"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui/uitest"
)

// audit is what a gallery test renders: languages, variants and forms.
type audit struct {
	langs     []string
	variants  []fyne.ThemeVariant
	phoneOnly bool
}

// eachScreen renders every screen of the gallery in each language and
// variant of au, at phone and desktop size (phone only if au.phoneOnly),
// and hands it to check.
func eachScreen(t *testing.T, au audit, check func(t *testing.T, name string, c fyne.Canvas, th fyne.Theme, v fyne.ThemeVariant)) {
	svc, done, err := seeded()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	a := uitest.NewTempApp(t)
	forms := []struct {
		name   string
		layout app.Layout
		size   fyne.Size
	}{{"phone", app.LayoutPhone, app.PhoneSize}, {"desktop", app.LayoutDesktop, app.DesktopSize}}
	if au.phoneOnly {
		forms = forms[:1]
	}
	for _, code := range au.langs {
		for _, v := range au.variants {
			th := app.NewTheme(code).WithVariant(v).WithBrand(demo.Community().Brand)
			a.Settings().SetTheme(th)
			a.Settle()
			for _, sh := range shots() {
				for _, f := range forms {
					name := fmt.Sprintf("%s-%s-%s-v%d", sh.name, f.name, code, v)
					win, closeWin, err := render(a, svc, sh, code, f.layout, f.size)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					check(t, name, win.Canvas(), th, v)
					closeWin()
				}
			}
		}
	}
}

var bothVariants = []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark}

// Every text and button label reads at 4.5:1 at least, in the light and
// the dark theme, on every screen (phone and desktop in English, phone in
// Arabic: colours do not depend on the language, layouts a little).
func TestGallery_Contrast(t *testing.T) {
	check := func(t *testing.T, name string, c fyne.Canvas, th fyne.Theme, v fyne.ThemeVariant) {
		for _, p := range uitest.LowContrast(c, th, v, 4.5) {
			t.Errorf("%s: %s", name, p)
		}
	}
	eachScreen(t, audit{langs: []string{"en"}, variants: bothVariants}, check)
	eachScreen(t, audit{langs: []string{"ar"}, variants: bothVariants, phoneOnly: true}, check)
}

// Everything tappable on a phone screen is at least 44×44 dp, in English,
// Arabic and Japanese (whose labels run widest).
func TestGallery_TouchTargets(t *testing.T) {
	au := audit{langs: []string{"en", "ar", "ja"}, variants: []fyne.ThemeVariant{theme.VariantLight}, phoneOnly: true}
	eachScreen(t, au, func(t *testing.T, name string, c fyne.Canvas, _ fyne.Theme, _ fyne.ThemeVariant) {
		for _, p := range uitest.SmallTargets(c, 44) {
			t.Errorf("%s: %s", name, p)
		}
	})
}

// Every bottom tab's name is read whole on a phone, in every language (the
// member's tabs on Home, the owner's with Tools on the counter).
func TestGallery_TabNamesFit(t *testing.T) {
	svc, done, err := seeded()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	a := uitest.NewTempApp(t)
	var byName = map[string]shot{}
	for _, sh := range shots() {
		byName[sh.name] = sh
	}
	for _, loc := range i18n.Locales() {
		a.Settings().SetTheme(app.NewTheme(loc.Code))
		a.Settle()
		for _, name := range []string{"home", "counter"} {
			win, closeWin, err := render(a, svc, byName[name], loc.Code, app.LayoutPhone, app.PhoneSize)
			if err != nil {
				t.Fatal(err)
			}
			tabs := 0
			for _, d := range uitest.Walk(win.Canvas()) {
				if fmt.Sprintf("%T", d.Obj) != "*app.navTab" {
					continue
				}
				tabs++
				for _, o := range test.WidgetRenderer(d.Obj.(fyne.Widget)).Objects() {
					if txt, ok := o.(*canvas.Text); ok && txt.MinSize().Width > d.Obj.Size().Width {
						t.Errorf("%s %s: tab %q is %.0f wide in a tab %.0f wide", loc.Code, name, txt.Text, txt.MinSize().Width, d.Obj.Size().Width)
					}
				}
			}
			if tabs < 5 {
				t.Errorf("%s %s: %d tabs found", loc.Code, name, tabs)
			}
			closeWin()
		}
	}
}
