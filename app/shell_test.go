package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/font"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/emulators"
	"github.com/regulars-app/regulars/internal/ui/uitest"
	"github.com/regulars-app/regulars/screens"
)

func TestMain(m *testing.M) {
	// The end-to-end test of cloud mode runs on both emulators.
	os.Exit(emulators.Main(m, emulators.KindFirestore, emulators.KindAuth))
}

// newTestShell builds the shell over a seeded store for member id.
func newTestShell(t *testing.T, id, lang string, layout Layout, size fyne.Size) (*Shell, fyne.Window) {
	t.Helper()
	return newTestShellAt(t, id, lang, layout, size, func() time.Time { return demo.Now })
}

// newTestShellAt is newTestShell with the service's clock reading now.
func newTestShellAt(t *testing.T, id, lang string, layout Layout, size fyne.Size, now func() time.Time) (*Shell, fyne.Window) {
	t.Helper()
	app := uitest.NewTempApp(t)
	store, err := local.Open(filepath.Join(t.TempDir(), "regulars.db"), local.WithNoSync())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Settle(); _ = store.Close() })
	ctx := context.Background()
	if err := demo.Seed(ctx, store, demo.Now); err != nil {
		t.Fatal(err)
	}
	svc := community.NewService(store, community.WithClock(now))
	m, err := svc.Member(ctx, community.Actor{ID: id}, id)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(size)
	env := screens.NewEnv(svc, win, nil, m.Actor(), i18n.New(lang))
	app.Track(env)
	s := NewShell(win, env, layout, LocalProfiles())
	uitest.Settle()
	return s, win
}

// texts lists the visible texts of the window.
func texts(w fyne.Window) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return b.String()
}

func TestShell_OwnerToolsOnlyForStaff(t *testing.T) {
	_, win := newTestShell(t, demo.MemberID, "en", LayoutDesktop, DesktopSize)
	if got := texts(win); strings.Contains(got, "Insights") || strings.Contains(got, "Moderation") {
		t.Errorf("a member sees owner tools:\n%s", got)
	}
	test.AssertRendersToMarkup(t, "shell_desktop_member_en.xml", win.Canvas())

	s, win := newTestShell(t, demo.MemberID, "en", LayoutDesktop, DesktopSize)
	s.SwitchProfile(demo.OwnerID)
	uitest.Settle()
	if got := texts(win); !strings.Contains(got, "Insights") || !strings.Contains(got, "Moderation") {
		t.Errorf("the owner does not see owner tools:\n%s", got)
	}
	s.Show("insights")
	uitest.Settle()
	s.SwitchProfile(demo.MemberID)
	uitest.Settle()
	if s.Current() != "home" {
		t.Errorf("a member was left on %q", s.Current())
	}
}

func TestShell_PhoneTabs(t *testing.T) {
	s, win := newTestShell(t, demo.MemberID, "en", LayoutPhone, PhoneSize)
	got := texts(win)
	for _, tab := range []string{"Home", "Events", "Forum", "Polls", "Me"} {
		if !strings.Contains(got, tab+"\n") {
			t.Errorf("no %s tab:\n%s", tab, got)
		}
	}
	test.AssertRendersToMarkup(t, "shell_phone_member_en.xml", win.Canvas())
	s.Show("events")
	uitest.Settle()
	s.Push("Event", screens.NewEventDetail(s.Env(), "ev-latte"))
	uitest.Settle()
	if !strings.Contains(texts(win), "Back") {
		t.Errorf("no way back from a detail view")
	}
	subs := len(s.Env().Scopes())
	s.Pop()
	if after := len(s.Env().Scopes()); after != subs-1 {
		t.Errorf("subscribers after closing a detail view = %d, want %d", after, subs-1)
	}
	if strings.Contains(texts(win), "Back\n") {
		t.Errorf("back button still shown on a place")
	}
}

func TestShell_LanguageSwitchRebuildsEveryScreenAtOnce(t *testing.T) {
	s, win := newTestShell(t, demo.MemberID, "en", LayoutDesktop, DesktopSize)
	s.Show("me")
	uitest.Settle()
	saved := ""
	s.OnLanguage = func(code string) { saved = code }
	s.SetLanguage("ar")
	uitest.Settle()
	got := texts(win)
	if saved != "ar" || s.Env().L().Code() != "ar" {
		t.Fatalf("language not switched: saved %q, env %q", saved, s.Env().L().Code())
	}
	if strings.Contains(got, "Home\n") || !strings.Contains(got, "الرئيسية") {
		t.Errorf("navigation not rebuilt in Arabic:\n%s", got)
	}
	if s.Current() != "me" {
		t.Errorf("the switch left %q, want me", s.Current())
	}
}

func TestShell_CtrlNRunsTheScreensOffer(t *testing.T) {
	s, win := newTestShell(t, demo.MemberID, "en", LayoutDesktop, DesktopSize)
	ran := false
	s.Env().OfferNew(func() { ran = true })
	sh, ok := win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	sh.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if !ran {
		t.Errorf("Ctrl+N did not run what the screen offered")
	}
	s.Show("events") // switching place withdraws the offer
	ran = false
	sh.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if ran {
		t.Errorf("an offer outlived its screen")
	}
}

func TestTheme_FontsPerScript(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"); err != nil {
		t.Fatal("Noto fonts missing: install fonts-noto-core and fonts-noto-cjk (make deps)")
	}
	if NewTheme("en").regular != nil {
		t.Errorf("English should use Fyne's font")
	}
	for _, code := range []string{"ar", "hi", "ja", "ko", "zh-Hans"} {
		th := NewTheme(code)
		if th.regular == nil || th.bold == nil {
			t.Errorf("%s: no font", code)
			continue
		}
		// Fyne parses single fonts only: a face cut out of a collection
		// must parse on its own.
		for _, res := range []fyne.Resource{th.regular, th.bold} {
			if _, err := font.ParseTTF(bytes.NewReader(res.Content())); err != nil {
				t.Errorf("%s: %s does not parse: %v", code, res.Name(), err)
			}
		}
	}
}

// Every text of the shell comes from the catalog: in the pseudo-locale each
// is accented and bracketed.
func TestShell_TextsAreInTheCatalog(t *testing.T) {
	l := i18n.New(i18n.PseudoCode)
	ids := []string{"AppName", "NavBack", "NavOwnerTools", "NavTools"}
	for _, p := range Places() {
		ids = append(ids, p.Title)
	}
	for _, pr := range LocalProfiles() {
		ids = append(ids, pr.Title)
	}
	for _, id := range ids {
		if s := l.T(id); !i18n.IsPseudo(s) || s == id {
			t.Errorf("%s is not in the catalog (pseudo gives %q)", id, s)
		}
	}
}

func TestShell_AutoLayoutFollowsTheWindowWidth(t *testing.T) {
	var queued []func()
	later = func(f func()) { queued = append(queued, f) }
	t.Cleanup(func() { later = func(f func()) { go fyne.Do(f) } })
	s, win := newTestShell(t, demo.MemberID, "en", LayoutAuto, DesktopSize)
	if s.Env().Phone() {
		t.Fatal("a desktop-wide window got the phone layout")
	}
	win.Resize(PhoneSize)
	for len(queued) > 0 {
		f := queued[0]
		queued = queued[1:]
		f()
	}
	uitest.Settle()
	if !s.Env().Phone() {
		t.Fatal("a narrow window kept the desktop layout")
	}
	if got := texts(win); !strings.Contains(got, "Polls\n") || strings.Contains(got, "Regulars\n") {
		t.Errorf("no bottom tabs, or still a side navigation:\n%s", got)
	}
}

func TestMemberLanguage(t *testing.T) {
	cases := []struct{ flag, saved, current, want string }{
		{"", "es", "en", "es"},   // the owner Lucía saved Spanish
		{"ja", "es", "en", "ja"}, // -lang wins
		{"", "", "de", "de"},     // nothing saved: as signed in
		{"", "xx", "en", "en"},   // an unknown saved code
	}
	for _, c := range cases {
		if got := memberLanguage(c.flag, c.saved, c.current); got != c.want {
			t.Errorf("memberLanguage(%q, %q, %q) = %q, want %q", c.flag, c.saved, c.current, got, c.want)
		}
	}
}

// TestShell_WidePlacesFillTheWidth: a list beside its detail starts at the
// navigation (no gap) on a wide desktop window; other places stay readable.
func TestShell_WidePlacesFillTheWidth(t *testing.T) {
	s, _ := newTestShell(t, demo.OwnerID, "en", LayoutDesktop, fyne.NewSize(1600, 900))
	for _, p := range Places() {
		s.Show(p.ID)
		uitest.Settle()
		got, room := s.content.Size().Width, s.fitBox.Size().Width
		if p.Wide && (got != room || s.content.Position().X != 0) {
			t.Errorf("%s: content %v wide at %v, has %v", p.ID, got, s.content.Position(), room)
		}
		if !p.Wide && got > 980 {
			t.Errorf("%s: content %v wide, want at most 980", p.ID, got)
		}
	}
}

// A lost connection shows a quiet banner under the header until it is back.
func TestShell_OfflineBanner(t *testing.T) {
	s, win := newTestShell(t, demo.MemberID, "en", LayoutPhone, fyne.NewSize(400, 800))
	const offline = "You're offline."
	if strings.Contains(texts(win), offline) {
		t.Fatal("offline banner while online")
	}
	s.Dispatch(community.Change{Kind: community.KindConnection, ID: "offline"})
	if !strings.Contains(texts(win), offline) || !s.Offline() {
		t.Errorf("no offline banner after the connection dropped: %q", texts(win))
	}
	s.Show("events") // the banner stays across places
	uitest.Settle()
	if !strings.Contains(texts(win), offline) {
		t.Error("the offline banner went away on another place")
	}
	s.Dispatch(community.Change{Kind: community.KindConnection, ID: "online"})
	if strings.Contains(texts(win), offline) {
		t.Error("the offline banner stays once back online")
	}
}

// TestShell_UnreadBadgeOnMe: Amira's three unread notices badge Me, and
// reading them clears it.
func TestShell_UnreadBadgeOnMe(t *testing.T) {
	s, win := newTestShell(t, demo.MemberID, "en", LayoutDesktop, DesktopSize)
	if got := texts(win); !strings.Contains(got, "Me (3)\n") {
		t.Fatalf("no badge on Me:\n%s", got)
	}
	me := s.Env().Me()
	if err := s.Env().Svc.MarkAllRead(context.Background(), me, 50); err != nil {
		t.Fatal(err)
	}
	s.Dispatch(community.Change{Kind: community.KindNotification, MemberID: me.ID})
	uitest.Settle()
	if got := texts(win); strings.Contains(got, "Me (") || !strings.Contains(got, "Me\n") {
		t.Errorf("badge stays after reading:\n%s", got)
	}
	p, pwin := newTestShell(t, demo.MemberID, "ar", LayoutPhone, PhoneSize)
	if got := texts(pwin); !strings.Contains(got, "٣\n") {
		t.Errorf("no badge on the phone tab:\n%s", got)
	}
	_ = p
}

// TestShell_RemindsOnForegroundUntilClosed: coming back to the foreground
// makes the member's due event reminders, and once the shell is closed
// (signed out) nothing is checked any more.
func TestShell_RemindsOnForegroundUntilClosed(t *testing.T) {
	var mu sync.Mutex
	at := demo.Now
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return at }
	wait := func(d time.Duration) { mu.Lock(); at = at.Add(d); mu.Unlock() }
	s, _ := newTestShellAt(t, demo.MemberID, "en", LayoutDesktop, DesktopSize, now)
	svc, me, ctx := s.Env().Svc, s.Env().Me(), context.Background()
	owner := community.Actor{ID: demo.OwnerID, Role: community.RoleOwner}
	e, err := svc.CreateEvent(ctx, owner, community.EventInput{Title: "Cupping", Place: "Roastery",
		StartsAt: now().Add(3 * time.Hour), EndsAt: now().Add(4 * time.Hour), TimeZone: "Europe/Madrid"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RSVP(ctx, me, e.ID); err != nil {
		t.Fatal(err)
	}
	reminders := func(kind string) int {
		notes, err := svc.Notifications(ctx, me, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, x := range notes {
			if x.Ref == e.ID && x.Kind == kind {
				n++
			}
		}
		return n
	}
	if n := reminders(community.NoticeReminderDay); n != 0 {
		t.Fatalf("%d reminders before any check", n)
	}
	wait(2 * time.Minute)
	s.ExitedForeground()
	s.EnteredForeground()
	uitest.Settle()
	if n := reminders(community.NoticeReminderDay); n != 1 {
		t.Fatalf("%d day reminders after returning to the foreground, want 1", n)
	}
	s.Close()
	wait(2 * time.Hour)
	s.EnteredForeground()
	uitest.Settle()
	if n := reminders(community.NoticeReminderSoon); n != 0 {
		t.Errorf("%d soon reminders made after the shell closed", n)
	}
}
