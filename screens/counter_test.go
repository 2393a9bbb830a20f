package screens

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// scan types text as a keyboard-style barcode scanner does: fast keys, then Enter.
func scan(e *widget.Entry, text string) {
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// tapButton taps the button of the counter's actions whose text starts with prefix.
func (s *counter) tapButton(t *testing.T, prefix string) {
	t.Helper()
	for _, o := range s.actions.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q among the counter's actions", prefix)
}

func TestCounter_ScanVisitTwiceAndRewardCodeOnce(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.StaffID, "en")
	s := newCounter(env)
	f.show(s.root, desktopSize)
	points := func() int64 {
		m, _ := f.store.Member(context.Background(), demo.MemberID)
		return m.Points
	}
	before := points()

	scan(s.find, strings.ToLower(community.MemberCode(demo.MemberID)))
	settle()
	if s.view == nil || s.view.Member.ID != demo.MemberID || s.find.Text != "" {
		t.Fatalf("the scanned card did not show Amira (or the field kept the code): %+v", s.view)
	}
	s.tapButton(t, "Record visit")
	settle()
	test.Tap(widget.NewButton("", s.onVisit)) // a second tap, after the button turned to "recorded"
	settle()
	if got := points(); got != before+10 {
		t.Errorf("two visits the same day: %d -> %d points, want +10 once", before, got)
	}
	if !strings.Contains(s.note.Text, "Already recorded") {
		t.Errorf("the second visit says %q", s.note.Text)
	}

	amira := f.actor(demo.MemberID)
	code, err := f.svc.RewardCode(context.Background(), amira, "cookie")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		scan(s.find, code)
		settle()
		s.tapButton(t, "Accept reward code")
		settle()
		if i == 1 && !strings.Contains(s.note.Text, "already used") {
			t.Errorf("the code a second time says %q", s.note.Text)
		}
	}
	if got := points(); got != before+10-80 {
		t.Errorf("a reward code accepted twice: %d -> %d points, want -80 once", before+10, got)
	}
	f.capture("counter-after-code")
}

func TestCounter_ByNameAndStampCard(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newCounter(env)
	f.show(s.root, phoneSize)
	scan(s.find, "priya")
	settle()
	if s.view == nil || s.view.Member.ID != "mem-priya" {
		t.Fatalf("a name with one match did not show the member: %+v", s.view)
	}
	for i := 1; i <= 10; i++ {
		s.tapButton(t, "Add a stamp")
		settle()
		if i == 10 && !strings.Contains(s.note.Text, "Free item") {
			t.Errorf("the 10th stamp says %q, want the free item", s.note.Text)
		}
	}
	if s.view.Card.Stamps != 0 || s.view.Card.FreeItems != 1 {
		t.Errorf("card after 10 stamps: %+v", s.view.Card)
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in    string
		cur   string
		minor int64
		ok    bool
	}{
		{"12.50", "EUR", 1250, true},
		{"12,50", "EUR", 1250, true},
		{"12", "EUR", 1200, true},
		{"١٢٫٥٠", "EUR", 1250, true},
		{"1.250,00", "EUR", 125000, true},
		{"1.250", "EUR", 125000, true},
		{"4800", "JPY", 4800, true},
		{"0", "EUR", 0, false},
		{"-5", "EUR", 0, false},
		{"abc", "EUR", 0, false},
		{"", "EUR", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseAmount(tt.in, tt.cur)
		if got != tt.minor || ok != tt.ok {
			t.Errorf("parseAmount(%q, %s) = %d, %v; want %d, %v", tt.in, tt.cur, got, ok, tt.minor, tt.ok)
		}
	}
}

func TestSettings_RefusalAtTheRowKeepsInput(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newSettings(env)
	f.show(s.root, desktopSize)
	s.tiers[2].number.SetText("200") // below the tier before it
	test.Tap(s.save)
	settle()
	if !s.tiers[2].fe.Visible() || s.tiers[1].fe.Visible() {
		t.Error("the refusal is not at the third tier's row")
	}
	if s.tiers[2].number.Text != "200" {
		t.Error("the refused save lost what was typed")
	}
	c, _ := f.store.Community(context.Background())
	if c.Tiers[2].Threshold != 1000 {
		t.Error("a refused save changed the settings")
	}
	s.tiers[2].number.SetText("1500")
	s.tiers[1].name.SetText("Neighbour")
	s.earn["earn_visit"].SetText("25")
	test.Tap(s.save)
	settle()
	c, _ = f.store.Community(context.Background())
	if c.Tiers[2].Threshold != 1500 || c.Tiers[1].Names["en"] != "Neighbour" || c.Tiers[1].Names["es"] != "Habitual" || c.Earn.Visit != 25 {
		t.Errorf("saved settings: tiers %+v, visit %d", c.Tiers, c.Earn.Visit)
	}
}

// wedge types text as a keyboard-style barcode scanner does at a real till:
// one key after another to whatever has the keyboard (the focused field, or
// the window when nothing has it), then Enter (the scanner's suffix; some
// send the keypad's Enter).
func wedge(c fyne.Canvas, text string, enter fyne.KeyName) {
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if fn := c.OnTypedRune(); fn != nil {
			fn(r)
		}
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: enter})
	}
}

func TestCounter_KeyboardWedgeScanner(t *testing.T) {
	f := newFixture(t)
	s := newCounter(f.env(demo.StaffID, "en"))
	f.show(s.root, desktopSize)
	c := f.win.Canvas()

	// Nothing has the keyboard when the counter opens (or after a tap on
	// the card): the scan still lands in the find field.
	c.Unfocus()
	wedge(c, community.MemberCode(demo.MemberID), fyne.KeyReturn)
	settle()
	if s.view == nil || s.view.Member.ID != demo.MemberID {
		t.Fatalf("a scan with nothing focused did not find Amira: %+v", s.view)
	}
	if c.Focused() != s.find || s.find.Text != "" {
		t.Errorf("after the scan the keyboard is on %v with %q, want the empty find field", c.Focused(), s.find.Text)
	}

	// After an action the next scan goes to the find field again.
	c.Focus(s.amount)
	s.tapButton(t, "Record visit")
	settle()
	if c.Focused() != s.find {
		t.Errorf("after a visit the keyboard is on %v, want the find field", c.Focused())
	}

	// A scan that lands in the amount field (the barista was about to type
	// one) looks the card up instead of failing as an amount.
	c.Focus(s.amount)
	wedge(c, strings.ToLower(community.MemberCode("mem-priya")), fyne.KeyEnter)
	settle()
	if s.view == nil || s.view.Member.ID != "mem-priya" || s.amount.Text != "" {
		t.Fatalf("a scan into the amount field: member %+v, amount %q", s.view, s.amount.Text)
	}
	if strings.Contains(s.note.Text, "amount") {
		t.Errorf("the scan into the amount field was refused as an amount: %q", s.note.Text)
	}
}

// TestCounter_RulesBeforeAScan: on a desktop, before a card is scanned, the
// actions' pane shows what members earn here, from the program's settings
// (issue 15: no empty detail pane), and a scanned member replaces it.
func TestCounter_RulesBeforeAScan(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := newFixture(t)
		env := f.env(demo.OwnerID, lang)
		s := newCounter(env)
		f.show(s.root, desktopSize)
		f.capture("counter_rules_desktop_" + lang)
		c := demo.Community()
		l := env.L()
		want := []string{l.Number(c.Earn.Visit), l.Number(c.Earn.StampsEvery), l.Number(c.Earn.Birthday)}
		var got []string
		for _, fg := range s.rules.Figures() {
			got = append(got, fg.Value)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: the rules show %q, not %q", lang, got, w)
			}
		}
		if !strings.Contains(strings.Join(shownTexts(f.win), "\n"), l.T("CounterRuleVisit")) {
			t.Errorf("%s: no visit rule on screen: %q", lang, shownTexts(f.win))
		}
		m, err := f.store.Member(t.Context(), demo.MemberID)
		if err != nil {
			t.Fatal(err)
		}
		s.find.SetText(m.Code)
		s.onFind()
		settle()
		if strings.Contains(strings.Join(shownTexts(f.win), "\n"), l.T("CounterRuleVisit")) {
			t.Errorf("%s: the rules still show with a member on the counter", lang)
		}
	}
}
