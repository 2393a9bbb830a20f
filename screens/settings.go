package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// settings is the program's settings (owner): name, currency, time zone,
// languages; tiers, rewards, earn rules and forum categories. Names are
// edited in the owner's language (or the community's first), the other
// languages kept as they are. A refused save shows its reason at the field,
// or at the row of the tier, reward or category it names, and keeps what was
// typed; members' screens follow a save live.
type settings struct {
	scope *Scope
	env   *Env
	c     community.Community
	lang  string // the language names are edited in

	name, currency, zone, locales *widget.Entry
	tiers, rewards, cats          []*settingsRow
	earn                          map[string]*widget.Entry
	errs                          *FieldErrors
	tierBox, rewardBox, catBox    *fyne.Container
	save                          *widget.Button
	note                          *widget.Label
	form                          *fyne.Container
	root                          fyne.CanvasObject
}

// settingsRow is one tier, reward or category.
type settingsRow struct {
	id     string
	names  community.Localized
	value  int64 // a reward's value, kept
	name   *widget.Entry
	number *widget.Entry // a tier's threshold, a reward's cost
	active *ui.Check     // a reward on offer
	fe     *ui.FieldError
	body   *fyne.Container
	root   fyne.CanvasObject
}

// earnFields are the earn rules' entries, in the order shown, by the field
// names validation errors use.
var earnFields = []struct{ field, label string }{
	{"earn_visit", "SettingsEarnVisit"}, {"earn_purchase", "SettingsEarnPurchase"},
	{"earn_purchase_unit", "SettingsEarnPurchaseUnit"}, {"earn_stamps", "SettingsEarnStamps"},
	{"earn_checkin", "SettingsEarnCheckIn"}, {"earn_story", "SettingsEarnStory"},
	{"earn_idea_shipped", "SettingsEarnIdeaShipped"}, {"earn_idea_voter", "SettingsEarnIdeaVoter"},
	{"earn_birthday", "SettingsEarnBirthday"}, {"earn_expiry", "SettingsEarnExpiry"},
}

// NewSettings returns the program's settings (owner).
func NewSettings(env *Env) fyne.CanvasObject { return newSettings(env).root }

func newSettings(env *Env) *settings {
	s := &settings{env: env, earn: map[string]*widget.Entry{}, errs: NewFieldErrors(env)}
	s.buildUI()
	s.scope = env.Open("settings", nil)
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
				return
			}
			s.fill(c)
		}
	})
	return s
}

func (s *settings) buildUI() {
	l := s.env.L()
	entry := func() *widget.Entry { return widget.NewEntry() }
	s.name, s.currency, s.zone, s.locales = entry(), entry(), entry(), entry()
	row := func(label, field string, input fyne.CanvasObject) fyne.CanvasObject {
		return ui.NewFormRow(s.env, l.T(label), input, s.errs.Field(field))
	}
	general := container.NewVBox(row("FieldName", "name", s.name), row("SettingsCurrency", "currency", ui.Hinted(s.env, s.currency, l.T("SettingsCurrencyHint"))),
		row("SettingsTimeZone", "time_zone", ui.Hinted(s.env, s.zone, l.T("SettingsTimeZoneHint"))), row("SettingsLanguages", "locales", ui.Hinted(s.env, s.locales, l.T("SettingsLanguagesHint"))))
	earn := container.NewVBox()
	for _, f := range earnFields {
		e := entry()
		s.earn[f.field] = e
		earn.Add(row(f.label, f.field, e))
	}
	s.tierBox, s.rewardBox, s.catBox = container.NewVBox(), container.NewVBox(), container.NewVBox()
	add := func(text string, fn func()) fyne.CanvasObject {
		return mirror.Row(s.env, ui.NewIconButton(s.env, text, theme.ContentAddIcon(), fn))
	}
	s.save = highButton(l.T("SettingsSave"), s.onSave)
	s.note = ui.NewRefusal(s.env)
	section := func(title string, body ...fyne.CanvasObject) fyne.CanvasObject {
		return container.NewVBox(append([]fyne.CanvasObject{ui.NewSectionHeader(s.env, l.T(title))}, body...)...)
	}
	s.form = container.NewVBox(
		section("SettingsGeneral", general),
		section("SettingsTiers", s.captions("FieldName", "SettingsThreshold"), s.tierBox, s.errs.Field("tiers"), add(l.T("SettingsAddTier"), func() { s.addTier(community.Tier{}) })),
		section("SettingsRewards", s.captions("FieldName", "SettingsCost"), s.rewardBox, s.errs.Field("rewards"), add(l.T("SettingsAddReward"), func() { s.addReward(community.Reward{}) })),
		section("SettingsEarn", earn),
		section("SettingsCategories", s.catBox, s.errs.Field("categories"), add(l.T("SettingsAddCategory"), func() { s.addCategory(community.Category{}) })),
		s.errs.General(), s.note, mirror.Row(s.env, s.save),
	)
	s.root = container.NewVScroll(ui.Page(s.form))
}

// fill shows the settings as saved.
func (s *settings) fill(c community.Community) {
	s.c = c
	s.lang = community.BestLanguage(c.Locales, s.env.L().Code(), "en")
	if s.lang == "" {
		s.lang = s.env.L().Code()
	}
	s.name.SetText(c.Name)
	s.currency.SetText(c.Currency)
	s.zone.SetText(c.TimeZone)
	s.locales.SetText(strings.Join(c.Locales, ", "))
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	for field, v := range map[string]string{"earn_visit": n(c.Earn.Visit), "earn_purchase": n(c.Earn.PurchasePoints),
		"earn_purchase_unit": majorUnits(c.Earn.PurchaseUnit, c.Currency), "earn_stamps": n(c.Earn.StampsEvery),
		"earn_checkin": n(c.Earn.CheckIn), "earn_story": n(c.Earn.StoryPublished), "earn_idea_shipped": n(c.Earn.IdeaShipped),
		"earn_idea_voter": n(c.Earn.IdeaVoter), "earn_birthday": n(c.Earn.Birthday), "earn_expiry": n(c.Earn.ExpiryMonths)} {
		s.earn[field].SetText(v)
	}
	s.tiers, s.rewards, s.cats = nil, nil, nil
	s.tierBox.RemoveAll()
	s.rewardBox.RemoveAll()
	s.catBox.RemoveAll()
	for _, t := range c.Tiers {
		s.addTier(t)
	}
	for _, r := range c.Rewards {
		s.addReward(r)
	}
	for _, g := range c.Categories {
		s.addCategory(g)
	}
	ui.Relayout(s.root)
}

// majorUnits writes minor units as the amount staff type ("1.00" for 100 cents).
func majorUnits(minor int64, cur string) string {
	sc := scale(cur)
	if sc == 0 || minor == 0 {
		return strconv.FormatInt(minor, 10)
	}
	p := int64(1)
	for range sc {
		p *= 10
	}
	return strconv.FormatInt(minor/p, 10) + "." + strings.Repeat("0", sc-len(strconv.FormatInt(minor%p, 10))) + strconv.FormatInt(minor%p, 10)
}

func (s *settings) newRow(id string, names community.Localized, number string, numberHint string, box *fyne.Container, list *[]*settingsRow) *settingsRow {
	l := s.env.L()
	r := &settingsRow{id: id, names: names, name: widget.NewEntry(), fe: ui.NewFieldError(s.env)}
	if r.names == nil {
		r.names = community.Localized{}
	}
	r.name.SetText(names[s.lang])
	if r.name.Text == "" && len(names) > 0 {
		r.name.SetPlaceHolder(names.In(s.lang))
	}
	fields := []fyne.CanvasObject{r.name}
	if numberHint != "" {
		r.number = widget.NewEntry()
		r.number.SetText(number)
		fields = append(fields, ui.Hinted(s.env, r.number, l.T(numberHint)))
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	grid := container.NewGridWithColumns(len(fields), mirror.Order(s.env, fields...)...)
	r.body = container.NewVBox(grid)
	r.root = container.NewVBox(mirror.Border(s.env, nil, nil, nil, remove, r.body), r.fe)
	remove.OnTapped = func() {
		for i, o := range *list {
			if o == r {
				*list = append((*list)[:i], (*list)[i+1:]...)
				break
			}
		}
		box.Remove(r.root)
		ui.Relayout(s.root)
	}
	*list = append(*list, r)
	box.Add(r.root)
	return r
}

func (s *settings) addTier(t community.Tier) {
	s.newRow(t.ID, t.Names, strconv.FormatInt(t.Threshold, 10), "SettingsThreshold", s.tierBox, &s.tiers)
	ui.Relayout(s.root)
}

func (s *settings) addReward(w community.Reward) {
	cost := ""
	if w.Cost > 0 {
		cost = strconv.FormatInt(w.Cost, 10)
	}
	r := s.newRow(w.ID, w.Names, cost, "SettingsCost", s.rewardBox, &s.rewards)
	r.value = w.ValueMinor
	r.active = ui.NewCheck(s.env, s.env.L().T("SettingsOffered"), nil)
	r.active.SetChecked(!w.Inactive)
	r.body.Add(r.active)
	ui.Relayout(s.root)
}

func (s *settings) addCategory(g community.Category) {
	s.newRow(g.ID, g.Names, "", "", s.catBox, &s.cats)
	ui.Relayout(s.root)
}

// rowID keeps an item's ID, or makes one for a new item.
func rowID(r *settingsRow) string {
	if r.id != "" {
		return r.id
	}
	return strings.ToLower(community.NewID()[:10])
}

// number reads a whole number typed (any script's digits); bad input is a
// refusal at its field.
func number(field, text string) (int64, error) {
	t := strings.TrimSpace(i18n.ASCIIDigits(text))
	if t == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return 0, community.Invalid(field, community.ReasonInvalid)
	}
	return n, nil
}

// collect reads the form into settings, refusing numbers that are not.
func (s *settings) collect() (community.Community, error) {
	c := s.c
	c.Name, c.Currency, c.TimeZone = strings.TrimSpace(s.name.Text), strings.ToUpper(strings.TrimSpace(s.currency.Text)), strings.TrimSpace(s.zone.Text)
	c.Locales = strings.FieldsFunc(s.locales.Text, func(r rune) bool { return r == ',' || r == ' ' || r == '،' || r == '、' })
	names := func(r *settingsRow) community.Localized {
		out := community.Localized{}
		for k, v := range r.names {
			out[k] = v
		}
		out[s.lang] = strings.TrimSpace(r.name.Text)
		if out[s.lang] == "" {
			delete(out, s.lang)
		}
		return out
	}
	c.Tiers, c.Rewards, c.Categories = nil, nil, nil
	for i, r := range s.tiers {
		n, err := number("tier_threshold", r.number.Text)
		if err != nil {
			return c, indexed(err, i)
		}
		r.id = rowID(r)
		c.Tiers = append(c.Tiers, community.Tier{ID: r.id, Names: names(r), Threshold: n})
	}
	for i, r := range s.rewards {
		n, err := number("reward_cost", r.number.Text)
		if err != nil {
			return c, indexed(err, i)
		}
		r.id = rowID(r)
		c.Rewards = append(c.Rewards, community.Reward{ID: r.id, Names: names(r), Cost: n, ValueMinor: r.value, Inactive: !r.active.Checked})
	}
	for _, r := range s.cats {
		r.id = rowID(r)
		c.Categories = append(c.Categories, community.Category{ID: r.id, Names: names(r)})
	}
	var err error
	num := func(field string) int64 {
		if err != nil {
			return 0
		}
		var n int64
		n, err = number(field, s.earn[field].Text)
		return n
	}
	c.Earn.Visit, c.Earn.PurchasePoints, c.Earn.StampsEvery = num("earn_visit"), num("earn_purchase"), num("earn_stamps")
	c.Earn.CheckIn, c.Earn.StoryPublished = num("earn_checkin"), num("earn_story")
	c.Earn.IdeaShipped, c.Earn.IdeaVoter, c.Earn.Birthday = num("earn_idea_shipped"), num("earn_idea_voter"), num("earn_birthday")
	c.Earn.ExpiryMonths = num("earn_expiry")
	if err != nil {
		return c, err
	}
	c.Earn.PurchaseUnit = 0
	if t := strings.TrimSpace(s.earn["earn_purchase_unit"].Text); t != "" && t != "0" {
		minor, ok := parseAmount(t, c.Currency)
		if !ok {
			return c, community.Invalid("earn_purchase_unit", community.ReasonInvalid)
		}
		c.Earn.PurchaseUnit = minor
	}
	return c, nil
}

func indexed(err error, i int) error {
	if v, ok := community.AsValidation(err); ok {
		v.Index = i + 1
	}
	return err
}

func (s *settings) onSave() {
	for _, rows := range [][]*settingsRow{s.tiers, s.rewards, s.cats} {
		for _, r := range rows {
			r.fe.Clear()
		}
	}
	c, err := s.collect()
	if s.refuse(err) {
		return
	}
	s.save.Disable()
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.SaveCommunity(ctx, me, c)
		return func() {
			s.save.Enable()
			if s.refuse(err) {
				return // the form keeps what was typed
			}
			s.c = c
			ui.ShowNote(s.note, s.env.L().T("SettingsSaved"))
		}
	})
}

// refuse shows err at the row or field it names; it reports whether there was one.
func (s *settings) refuse(err error) bool {
	ui.ShowRefusal(s.note, "")
	if v, ok := community.AsValidation(err); ok && v.Index > 0 {
		var rows []*settingsRow
		switch {
		case strings.HasPrefix(v.Field, "tier_"):
			rows = s.tiers
		case strings.HasPrefix(v.Field, "reward_"):
			rows = s.rewards
		case strings.HasPrefix(v.Field, "category_"):
			rows = s.cats
		}
		if v.Index <= len(rows) {
			s.errs.Clear()
			rows[v.Index-1].fe.SetError(err)
			ui.Relayout(s.root)
			return true
		}
	}
	shown := s.errs.Show(err)
	ui.Relayout(s.root)
	return shown
}

// captions names the columns of a list's rows.
func (s *settings) captions(ids ...string) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, id := range ids {
		objs = append(objs, ui.NewFaint(s.env, s.env.L().T(id)))
	}
	// The delete button's room, so the captions sit over their columns.
	pad := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	pad.Hide()
	return mirror.Border(s.env, nil, nil, nil, container.NewGridWrap(pad.MinSize()), container.NewGridWithColumns(len(objs), mirror.Order(s.env, objs...)...))
}
