package screens

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/ui"
)

func TestInsights_Charts(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newInsights(env)
	f.show(s.root, desktopSize)
	if !s.data.HasNPS || len(s.tiers.Points()) != 3 || len(s.nps.Points()) == 0 || len(s.attendance.Points()) == 0 || len(s.polls.Points()) != 2 {
		t.Fatalf("insights charts: nps=%d tiers=%d attendance=%d polls=%d", len(s.nps.Points()), len(s.tiers.Points()), len(s.attendance.Points()), len(s.polls.Points()))
	}
	test.AssertRendersToMarkup(t, "insights_desktop_en.xml", f.win.Canvas())
}

// Every point of the insights' charts says the value it is drawn at: a
// count, or a share of seats as a percentage on a 0..100 % axis (issue 15:
// attendance bars were sized by count but labelled as rates); names whole.
func TestInsights_ChartsSayWhatTheyDraw(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newInsights(env)
	f.show(s.root, desktopSize)
	l := env.L()
	charts := map[string]*ui.Chart{"nps": s.nps, "active": s.active, "tiers": s.tiers, "attendance": s.attendance, "polls": s.polls}
	for name, c := range charts {
		if c.Axis.Format == nil || c.Axis.Unit == "" {
			t.Errorf("%s: no axis with its unit", name)
		}
		for _, p := range c.Points() {
			says := l.Number(int64(math.Round(p.Value)))
			if name == "attendance" {
				says = l.Percent(p.Value)
				if c.Max != 1 || p.Value > 1 {
					t.Errorf("attendance: %q at %v on an axis to %v, want a share of seats up to 100%%", p.Text, p.Value, c.Max)
				}
			}
			if !strings.HasPrefix(p.Text, says) || strings.Contains(p.Label, "…") {
				t.Errorf("%s: %q drawn at %v says %q", name, p.Label, p.Value, p.Text)
			}
		}
	}
	if q := s.polls.Points()[0].Label; q != "What should we change about milk?" {
		t.Errorf("poll named %q, want the whole question", q)
	}
}

func TestCheckIn_TwiceAwardsOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owner := f.env(demo.OwnerID, "en")
	before, _ := f.store.Member(ctx, demo.MemberID)
	s := newCheckIn(owner, "ev-latte")
	f.show(s.root, desktopSize)
	test.Type(s.code, before.Code)
	s.onCode()
	settle()
	after, _ := f.store.Member(ctx, demo.MemberID)
	if after.Points != before.Points+50 || !strings.Contains(s.outcome.Text, "checked in: +50 points") {
		t.Fatalf("first check-in: %d -> %d, %q", before.Points, after.Points, s.outcome.Text)
	}
	test.Type(s.code, strings.TrimPrefix(before.Code, "RG-")) // typed without the prefix
	s.onCode()
	settle()
	again, _ := f.store.Member(ctx, demo.MemberID)
	if again.Points != after.Points || !strings.Contains(s.outcome.Text, "already checked in") {
		t.Fatalf("second check-in: %d -> %d, %q", after.Points, again.Points, s.outcome.Text)
	}
	test.AssertRendersToMarkup(t, "checkin_twice_desktop_en.xml", f.win.Canvas())

	test.Type(s.code, "nobody")
	s.onCode()
	settle()
	if s.outcome.Text != owner.L().T("CheckinUnknownCode") {
		t.Errorf("unknown code: %q", s.outcome.Text)
	}
}

func TestEventEditor_RefusalKeepsInput(t *testing.T) {
	f := newFixture(t)
	ed := newEventEditor(f.env(demo.OwnerID, "en"), "", nil)
	f.show(ed.root, desktopSize)
	test.Type(ed.title, "Poetry night")
	test.Type(ed.place, "Back room")
	start := demo.Now.AddDate(0, 0, 3)
	ed.starts.set(start, time.UTC)
	ed.ends.set(start.Add(-time.Hour), time.UTC) // ends before it starts
	test.Tap(ed.save)
	settle()
	if fe := ed.errs.Field("ends_at"); !fe.Visible() || ed.title.Text != "Poetry night" {
		t.Fatalf("refused save: at the end field %v (%q), title=%q", fe.Visible(), fe.Text, ed.title.Text)
	}
	ed.ends.set(start.Add(2*time.Hour), time.UTC)
	test.Tap(ed.save)
	settle()
	if ed.problem.Text != "Saved. Members see the change now." {
		t.Fatalf("save: %q", ed.problem.Text)
	}
}

// Lowering an event's capacity below the number going is refused at the
// capacity field, saying how many are going; the typed capacity stays.
func TestEventEditor_CapacityBelowGoing(t *testing.T) {
	f := newFixture(t)
	ed := newEventEditor(f.env(demo.OwnerID, "en"), "ev-cupping", nil) // 9 going, 20 seats
	f.show(ed.root, desktopSize)
	ed.capacity.SetText("8")
	test.Tap(ed.save)
	settle()
	fe := ed.errs.Field("capacity")
	if !fe.Visible() || !strings.Contains(fe.Text, "Already going: 9") || ed.capacity.Text != "8" || ed.errs.General().Visible() {
		t.Fatalf("capacity 8 with 9 going: at the field %v %q (general %v), capacity %q", fe.Visible(), fe.Text, ed.errs.General().Visible(), ed.capacity.Text)
	}
	if e, _ := f.store.Event(context.Background(), "ev-cupping"); e.Capacity != 20 {
		t.Errorf("a refused save changed the capacity to %d", e.Capacity)
	}
	f.capture("event-capacity-below-going")
	ed.capacity.SetText("9")
	test.Tap(ed.save)
	settle()
	if fe.Visible() || ed.problem.Text != "Saved. Members see the change now." {
		t.Errorf("capacity 9 with 9 going: field error %v, note %q", fe.Visible(), ed.problem.Text)
	}
}

func TestMembers_AwardDoubleTapCountsOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owner := f.env(demo.OwnerID, "es")
	s := newMembers(owner)
	f.show(s.root, desktopSize)
	if len(s.found) < 30 {
		t.Fatalf("members found = %d", len(s.found))
	}
	names := make([]string, len(s.found))
	for i, m := range s.found {
		names[i] = m.Name
	}
	want := append([]string(nil), names...)
	owner.L().SortNames(want)
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("not in Spanish order:\n%v\n%v", names, want)
	}
	before, _ := f.store.Member(ctx, "mem-tom")
	d := newPointsDialog(owner, owner.Open("points-test", nil), "mem-tom", false)
	d.show()
	test.Type(d.amount, "30")
	test.Type(d.note, "Fixed the door")
	d.onConfirm()
	d.onConfirm() // a double tap
	settle()
	after, _ := f.store.Member(ctx, "mem-tom")
	if after.Points != before.Points+30 {
		t.Fatalf("double-tapped award: %d -> %d", before.Points, after.Points)
	}
	r := newPointsDialog(owner, owner.Open("points-test", nil), "mem-tom", true)
	test.Type(r.amount, "999999")
	r.onConfirm()
	settle()
	if r.problem.Text != owner.L().T("MembersInsufficient") || r.amount.Text != "999999" {
		t.Errorf("over-redeem: %q, amount kept %q", r.problem.Text, r.amount.Text)
	}
	p := newMemberProfile(owner, "mem-tom")
	f.show(p.root, desktopSize)
	p.usual.SetText("Double espresso, glass of water")
	p.onSaveUsual()
	settle()
	m, _ := f.store.Member(ctx, "mem-tom")
	if m.Usual != "Double espresso, glass of water" {
		t.Errorf("usual = %q", m.Usual)
	}
}

func TestAnnounce_PublishScheduled(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	s := newAnnounce(owner)
	f.show(s.root, desktopSize)
	if len(s.locales) == 0 {
		t.Fatal("no language tabs")
	}
	test.Type(s.titles["es"], "Noche de tapas")
	test.Type(s.bodies["es"], "El viernes.")
	if !strings.Contains(s.previewTitle.Text, "Noche de tapas") {
		t.Errorf("preview = %q", s.previewTitle.Text)
	}
	test.Tap(s.publish)
	settle()
	if s.problem.Text != owner.L().T("AnnouncePublished") {
		t.Fatalf("publish: %q", s.problem.Text)
	}
	s.onNew()
	test.Type(s.titles["en"], "Closed on Monday")
	test.Type(s.bodies["en"], "We rest on Monday 8 December.")
	s.schedule.SetChecked(true)
	test.Tap(s.publish)
	settle()
	if !strings.HasPrefix(s.problem.Text, "Scheduled.") {
		t.Fatalf("schedule: %q", s.problem.Text)
	}
	// Members don't see it yet.
	anns, _ := f.svc.Announcements(context.Background(), f.actor(demo.MemberID), false, 50)
	for _, a := range anns {
		if a.Texts["en"].Title == "Closed on Monday" {
			t.Errorf("scheduled announcement already visible")
		}
	}
}

func TestPollsManager_ShipThanks(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	s := newPollAdmin(owner, "poll-winter")
	f.show(s.root, desktopSize)
	var opt community.Option
	for _, o := range s.poll.Options {
		if o.ID == "simit" {
			opt = o
		}
	}
	s.onStatus(opt, community.IdeaShipped)
	settle()
	// Count who the ledger thanked: the screen must say the same.
	ctx := context.Background()
	all, _ := f.svc.SearchMembers(ctx, f.actor(demo.OwnerID), "", 200)
	thanked := 0
	for _, m := range all {
		entries, _ := f.store.Ledger(ctx, m.ID, 3)
		for _, e := range entries {
			if e.Ref == "simit" && (e.Reason == community.ReasonIdeaShipped || e.Reason == community.ReasonIdeaVoter) {
				thanked++
			}
		}
	}
	want := owner.L().N("PollShippedThanked", thanked, map[string]any{"Idea": opt.Text})
	if thanked == 0 || s.outcome.Text != want {
		t.Fatalf("shipped: %q, want %q", s.outcome.Text, want)
	}
	ayse, _ := f.store.Member(context.Background(), "mem-ayse")
	ledger, _ := f.store.Ledger(context.Background(), "mem-ayse", 1)
	if len(ledger) == 0 || ledger[0].Reason != community.ReasonIdeaShipped {
		t.Errorf("proposer %s not thanked: %+v", ayse.Name, ledger)
	}
	test.AssertRendersToMarkup(t, "poll_admin_shipped_desktop_en.xml", f.win.Canvas())
}

func TestPollsManager_CreateRefusesOneOption(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	m := newPollsManager(owner)
	f.show(m.root, desktopSize)
	before := len(m.polls)
	var created community.Poll
	c := newPollCreator(owner, func(p community.Poll) { created = p })
	f.show(c.root, desktopSize)
	test.Type(c.question, "Which pastry for spring?")
	test.Type(c.options, "Lemon tart")
	test.Tap(c.create)
	settle()
	if !c.problem.Visible() || c.options.Text != "Lemon tart" || created.ID != "" {
		t.Fatalf("one option: problem=%v options=%q created=%q", c.problem.Visible(), c.options.Text, created.ID)
	}
	c.options.SetText("Lemon tart\nRhubarb crumble\n\n")
	test.Tap(c.create)
	settle()
	if created.ID == "" || len(created.Options) != 2 {
		t.Fatalf("poll not created: %q, %+v", c.problem.Text, created)
	}
	watch := f.watch(owner)
	_, _ = f.svc.ClosePoll(context.Background(), f.actor(demo.OwnerID), created.ID)
	watch()
	if len(m.polls) != before+1 {
		t.Errorf("polls listed = %d, want %d", len(m.polls), before+1)
	}
}

func TestCheckIn_ByName(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	s := newCheckIn(owner, "ev-cupping")
	f.show(s.root, desktopSize)
	test.Type(s.name, "ay")
	settle()
	if len(s.found) == 0 {
		t.Fatal("nobody found for \"ay\"")
	}
	for i := 1; i < len(s.found); i++ {
		if owner.L().Collator().CompareString(s.found[i-1].Name, s.found[i].Name) > 0 {
			t.Errorf("not sorted: %q before %q", s.found[i-1].Name, s.found[i].Name)
		}
	}
	s.checkIn(s.found[0].ID)
	settle()
	if !strings.Contains(s.outcome.Text, s.found[0].Name+" is checked in") {
		t.Errorf("outcome = %q", s.outcome.Text)
	}
}

func TestAnnounce_CtrlNStartsOver(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	s := newAnnounce(owner)
	f.show(s.root, desktopSize)
	test.Type(s.titles["en"], "Half-written")
	if owner.NewAction() == nil {
		t.Fatal("the composer offers nothing for Ctrl+N")
	}
	owner.NewAction()() // Ctrl+N through the shell
	if s.titles["en"].Text != "" {
		t.Fatalf("title after Ctrl+N = %q", s.titles["en"].Text)
	}
	test.Type(s.titles["es"], "A medias")
	s.titles["es"].TypedShortcut(newShortcut) // Ctrl+N typed in an entry
	if s.titles["es"].Text != "" {
		t.Errorf("title after Ctrl+N in the entry = %q", s.titles["es"].Text)
	}
}

func TestAnnounce_DoubleTapPublishesOnce(t *testing.T) {
	f := newFixture(t)
	owner := f.env(demo.OwnerID, "en")
	s := newAnnounce(owner)
	f.show(s.root, desktopSize)
	count := func() int {
		anns, err := f.svc.Announcements(context.Background(), owner.Me(), true, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(anns)
	}
	before := count()
	test.Type(s.titles["en"], "Quiz night")
	test.Type(s.bodies["en"], "Thursday at 8.")
	s.onPublish()
	s.onPublish() // a double tap, before the first is saved
	settle()
	test.Tap(s.publish) // and a tap after it
	settle()
	if got := count(); got != before+1 {
		t.Fatalf("announcements: %d -> %d, want one more", before, got)
	}
	if s.publish.Text != owner.L().T("AnnounceUpdate") || s.editing == "" {
		t.Errorf("after publishing: button %q, editing %q", s.publish.Text, s.editing)
	}
}

func TestDateButton_ShowsDatesThroughTheLocalizer(t *testing.T) {
	f := newFixture(t)
	for lang, want := range map[string]string{"en": "Mar 5, 2026", "de": "05.03.2026", "ja": "2026/03/05"} {
		env := f.env(demo.OwnerID, lang)
		field := newDateTimeField(env, "HH:MM")
		field.set(time.Date(2026, 3, 5, 19, 30, 0, 0, time.UTC), time.UTC)
		if field.date.Text != want {
			t.Errorf("%s: date shows %q, want %q", lang, field.date.Text, want)
		}
		if got, ok := field.value(); !ok || !got.Equal(time.Date(2026, 3, 5, 19, 30, 0, 0, time.UTC)) {
			t.Errorf("%s: value = %v, %v", lang, got, ok)
		}
	}
}
