package screens

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
)

// visit calls fn for every visible object under o (widgets through their
// renderers) and stops descending where fn returns false.
func visit(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !fn(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visit(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visit(c, fn)
		}
	}
}

// canvasRoots are the window's content and its overlays (dialogs).
func canvasRoots(w fyne.Window) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...)
}

// shownTexts lists the visible texts in the window.
func shownTexts(w fyne.Window) []string {
	var out []string
	for _, r := range canvasRoots(w) {
		visit(r, func(o fyne.CanvasObject) bool {
			if t, ok := o.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
				out = append(out, t.Text)
			}
			return true
		})
	}
	return out
}

// shows reports whether some visible text in the window contains s.
func shows(w fyne.Window, s string) bool {
	for _, t := range shownTexts(w) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// button finds the visible button labelled text (in dialogs too).
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	roots := canvasRoots(w)
	for i := len(roots) - 1; i >= 0 && found == nil; i-- { // dialogs first
		visit(roots[i], func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
				found = b
			}
			return found == nil
		})
	}
	if found == nil {
		t.Fatalf("no button %q; texts: %q", text, shownTexts(w))
	}
	return found
}

func TestHome_GreetsOnBirthdayWithTierAndNextEvent(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	f.show(NewHome(env), phoneSize)
	f.capture("home_phone_en")
	for _, want := range []string{"Happy birthday, Amira Haddad!", "Regular", "740 points", "10 more points to Local Legend",
		"Cupping: Ethiopian naturals", "You're going", "Winter hours"} {
		if !shows(f.win, want) {
			t.Errorf("home does not show %q; shows %q", want, shownTexts(f.win))
		}
	}
	test.AssertRendersToMarkup(t, "home_phone_en.xml", f.win.Canvas())
}

func TestHome_EmptyCommunitySaysWhatToDo(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m, err := f.svc.Join(ctx, "mem-new", community.Profile{Name: "Maximiliana Alexandrovna Konstantinopoulou-Vanderbilt", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	env := f.newEnv(m.Actor(), env0(f).L())
	f.show(NewHome(env), phoneSize)
	f.capture("home_phone_en_newcomer")
	for _, want := range []string{"You're not going to any event yet.", "See what's on", "0 points"} {
		if !shows(f.win, want) {
			t.Errorf("home does not show %q", want)
		}
	}
}

// env0 is an English env for the demo member.
func env0(f *fixture) *Env { return f.env(demo.MemberID, "en") }

func TestEventDetail_RSVPThenCancel(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	f.show(NewEventDetail(env, "ev-calligraphy"), phoneSize)
	test.Tap(button(t, f.win, "I'm going"))
	settle()
	if !shows(f.win, "You're going") {
		t.Fatalf("after RSVP: %q", shownTexts(f.win))
	}
	r, err := f.svc.MyRSVP(context.Background(), env.Me(), "ev-calligraphy")
	if err != nil || r.Status != community.StatusGoing {
		t.Fatalf("stored RSVP = %+v, %v", r, err)
	}
	test.Tap(button(t, f.win, "Cancel my place"))
	test.Tap(button(t, f.win, "Cancel my place")) // the confirmation dialog's button
	settle()
	r, err = f.svc.MyRSVP(context.Background(), env.Me(), "ev-calligraphy")
	if err != nil || r.Status != community.StatusCancelled {
		t.Fatalf("after cancel RSVP = %+v, %v", r, err)
	}
	if !shows(f.win, "I'm going") {
		t.Errorf("after cancel the RSVP button is back: %q", shownTexts(f.win))
	}
}

func TestEventDetail_FullEventShowsWaitlistPosition(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	f.show(NewEventDetail(env, "ev-latte"), phoneSize)
	test.Tap(button(t, f.win, "Join the waitlist"))
	settle()
	f.capture("event_detail_waitlist_phone_en")
	if !shows(f.win, "You're number 4 on the waitlist") {
		t.Fatalf("waitlist position not shown: %q", shownTexts(f.win))
	}
	test.AssertRendersToMarkup(t, "event_detail_waitlist_phone_en.xml", f.win.Canvas())
}

func TestEventDetail_CalendarFileIsICS(t *testing.T) {
	f := newFixture(t)
	s := newEventDetail(f.env(demo.MemberID, "en"), "ev-cupping")
	f.show(s.buildUI(), phoneSize)
	var buf closingBuffer
	s.saveCalendar(&buf)
	settle()
	if !buf.closed || !strings.Contains(buf.String(), "BEGIN:VEVENT") || !strings.Contains(buf.String(), "Cupping") {
		t.Fatalf("calendar file = %q (closed %v)", buf.String(), buf.closed)
	}
	if !shows(f.win, "Saved.") {
		t.Errorf("no confirmation: %q", shownTexts(f.win))
	}
	if got := icsFileName("Calligraphy & mint tea: afternoon"); got != "calligraphy-mint-tea-afternoon.ics" {
		t.Errorf("icsFileName = %q", got)
	}
}

type closingBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *closingBuffer) Close() error { b.closed = true; return nil }

func TestEvents_ListsUpcomingAndAttended(t *testing.T) {
	f := newFixture(t)
	f.show(NewEvents(f.env(demo.MemberID, "en")), phoneSize)
	for _, want := range []string{"Latte art night", "Full · 3 on the waitlist", "You're going", "Harvest brunch"} {
		if !shows(f.win, want) {
			t.Errorf("events do not show %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "events_phone_en.xml", f.win.Canvas())
}

func TestLoyalty_RedeemLowersBalance(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	f.show(NewLoyalty(env), phoneSize)
	test.AssertRendersToMarkup(t, "loyalty_phone_en.xml", f.win.Canvas())
	test.Tap(button(t, f.win, "Redeem")) // the cheapest affordable reward comes first: the cookie
	if !shows(f.win, "Oat cookie for 80 points") {
		t.Fatalf("no confirmation: %q", shownTexts(f.win))
	}
	confirm := button(t, f.win, "Redeem")
	test.Tap(confirm)
	settle()
	m, err := f.svc.Member(context.Background(), env.Me(), env.Me().ID)
	if err != nil || m.Points != 740-80 {
		t.Fatalf("balance = %d, %v; want %d", m.Points, err, 740-80)
	}
	if !shows(f.win, "660 points") || !shows(f.win, "Enjoy your Oat cookie!") {
		t.Errorf("after redeem: %q", shownTexts(f.win))
	}
}

func TestMe_RefusedNameKeepsInputAndSaysWhy(t *testing.T) {
	f := newFixture(t)
	s := newMe(f.env(demo.MemberID, "en"))
	f.show(s.buildUI(), phoneSize)
	long := strings.Repeat("Amira ", 40)
	s.name.SetText(long)
	test.Tap(button(t, f.win, "Save"))
	settle()
	if !s.nameErrors.Field("name").Visible() || !shows(f.win, "Name: That's a little too long") {
		t.Fatalf("refusal not shown next to the name: %q", shownTexts(f.win))
	}
	if s.name.Text != long {
		t.Errorf("the refused name was not kept")
	}
}

func TestMe_LanguagePickSwitchesTexts(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	rebuilt := ""
	env.OnLanguageRequest(func(code string) { rebuilt = code })
	s := newMe(env)
	f.show(s.buildUI(), phoneSize)
	s.language.SetSelected("Deutsch")
	settle()
	if rebuilt != "de" {
		t.Fatalf("shell asked for %q, want de", rebuilt)
	}
	m, err := f.store.Member(context.Background(), demo.MemberID)
	if err != nil || m.Lang != "de" {
		t.Fatalf("profile language = %q, %v; want de", m.Lang, err)
	}
}

func TestMe_NPSAndExport(t *testing.T) {
	f := newFixture(t)
	s := newMe(f.env(demo.MemberID, "en"))
	f.show(s.buildUI(), phoneSize)
	test.Tap(button(t, f.win, "Send"))
	settle()
	if !shows(f.win, "Score: Please fill this in.") {
		t.Fatalf("no score refusal: %q", shownTexts(f.win))
	}
	test.Tap(button(t, f.win, "9"))
	test.Type(s.comment, "Lovely oat flat whites")
	test.Tap(button(t, f.win, "Send"))
	settle()
	if !shows(f.win, "Thank you!") {
		t.Fatalf("no thanks: %q", shownTexts(f.win))
	}
	var buf closingBuffer
	s.saveExport(&buf, []byte(`{"member":{}}`))
	settle()
	if !buf.closed || !shows(f.win, "Your data was saved.") {
		t.Errorf("export not saved: %q", shownTexts(f.win))
	}
}

// A newcomer with a very long name in a community with nothing going on:
// every list says what to do next, and nothing needs more than a phone's width.
func TestMemberScreens_LongNameAndEmptyCommunity(t *testing.T) {
	f := newBareFixture(t)
	ctx := context.Background()
	if err := f.store.SaveCommunity(ctx, demo.Community()); err != nil {
		t.Fatal(err)
	}
	m, err := f.svc.Join(ctx, "mem-long", community.Profile{Name: "Maximiliana Alexandrovna Konstantinopoulou-Vanderbiltová", Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		for name, build := range map[string]func(*Env) fyne.CanvasObject{"home": NewHome, "events": NewEvents, "loyalty": NewLoyalty, "me": NewMe} {
			t.Run(name+"_"+lang, func(t *testing.T) {
				env := f.newEnv(m.Actor(), i18n.New(lang))
				env.SetPhone(true)
				c := build(env)
				f.show(c, phoneSize)
				f.capture("empty_long_" + name + "_" + lang)
				if w := c.MinSize().Width; w > phoneSize.Width {
					t.Errorf("%s needs %.0f px, more than a phone's %.0f", name, w, phoneSize.Width)
				}
			})
		}
	}
	env := f.newEnv(m.Actor(), i18n.New("en"))
	f.show(NewEvents(env), phoneSize)
	for _, want := range []string{"No events planned yet.", "Suggest an event", "Events you attend will be listed here."} {
		if !shows(f.win, want) {
			t.Errorf("empty events do not say %q", want)
		}
	}
	f.show(NewLoyalty(env), phoneSize)
	if !shows(f.win, "Oat cookie") || !shows(f.win, "80 more points") {
		t.Errorf("a newcomer does not see how far the rewards are: %q", shownTexts(f.win))
	}
}

// Points awarded at the counter show on the open Home without a reload.
func TestHome_RefreshesWhenPointsArrive(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "en")
	pump := f.watch(env)
	f.show(NewHome(env), phoneSize)
	if _, _, err := f.svc.AwardPoints(context.Background(), f.actor(demo.StaffID), demo.MemberID, 60, "Visit", "op-live"); err != nil {
		t.Fatal(err)
	}
	pump()
	if !shows(f.win, "800 points") || !shows(f.win, "You've reached our top tier") {
		t.Errorf("home did not follow the award: %q", shownTexts(f.win))
	}
}

// In Arabic the screen reads from the right: the answer button sits at the
// right edge, and the seats bar fills from the right.
func TestEventDetail_ArabicIsMirrored(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.MemberID, "ar")
	f.show(NewEventDetail(env, "ev-cupping"), phoneSize)
	b := button(t, f.win, env.L().T("EventCancelRSVP"))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	if right := pos.X + b.Size().Width; right < phoneSize.Width-40 {
		t.Errorf("the button ends at x=%.0f, not at the right edge of %.0f", right, phoneSize.Width)
	}
	var bar *ui.ProgressBar
	visit(f.win.Content(), func(o fyne.CanvasObject) bool {
		if p, ok := o.(*ui.ProgressBar); ok {
			bar = p
		}
		return true
	})
	if bar == nil {
		t.Fatal("no seats bar")
	}
	fill := test.WidgetRenderer(bar).Objects()[1]
	if fill.Position().X+fill.Size().Width < bar.Size().Width-1 || fill.Position().X <= 0 {
		t.Errorf("the bar fills from x=%.0f to %.0f of %.0f, not from the right", fill.Position().X, fill.Position().X+fill.Size().Width, bar.Size().Width)
	}
}

// The export runs with a progress bar, then asks where to save.
func TestMe_ExportShowsProgressThenAsksWhere(t *testing.T) {
	f := newFixture(t)
	s := newMe(f.env(demo.MemberID, "en"))
	f.show(s.buildUI(), desktopSize)
	test.Tap(button(t, f.win, "Download my data"))
	settle()
	if !s.exportBar.Visible() || s.exportBar.Value() != 1 {
		t.Errorf("progress bar visible %v at %.2f, want full", s.exportBar.Visible(), s.exportBar.Value())
	}
	if f.win.Canvas().Overlays().Top() == nil {
		t.Errorf("no file dialog asks where to save")
	}
	if s.exportBtn.Disabled() {
		t.Errorf("the export button stays disabled")
	}
}

func TestMe_Birthday(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := newMe(f.env(demo.MemberID, "de"))
	f.show(s.buildUI(), phoneSize)
	settle()
	b := s.birthday
	if got := b.month.Options[6]; got != "Juli" {
		t.Errorf("month names: %q", got)
	}
	b.set(community.Birthday{})
	b.month.SetSelected("März")
	test.Tap(b.save)
	settle()
	if fe := b.errors.Field("birthday"); !fe.Visible() || fe.Text == "" {
		t.Fatal("a month without a day was not refused next to the birthday")
	}
	b.day.SetSelectedIndex(8)
	test.Tap(b.save)
	settle()
	m, _ := f.store.Member(ctx, demo.MemberID)
	if m.Birthday != (community.Birthday{Month: time.March, Day: 9}) || b.errors.Field("birthday").Visible() {
		t.Fatalf("saved birthday = %+v", m.Birthday)
	}
	b.day.SetSelectedIndex(30) // 31 March is fine; 31 April is not
	b.month.SetSelectedIndex(3)
	test.Tap(b.save)
	settle()
	if !b.errors.Field("birthday").Visible() || b.month.SelectedIndex() != 3 {
		t.Fatal("31 April: no refusal, or the pickers were reset")
	}
	test.Tap(b.clear)
	settle()
	m, _ = f.store.Member(ctx, demo.MemberID)
	if !m.Birthday.IsZero() || m.Name == "" {
		t.Fatalf("after clear: %+v", m)
	}
}
