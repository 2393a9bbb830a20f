package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// birthdayForm edits the member's optional birthday: a month and a day
// (no year: the café celebrates the day, not the age), with Clear to remove
// it. Refusals show under it.
type birthdayForm struct {
	env         *Env
	scope       *Scope
	month, day  *widget.Select
	save, clear *widget.Button
	errors      *FieldErrors
	saved       *widget.Label
	member      func() community.Member
	onSaved     func(community.Member)
	root        fyne.CanvasObject
}

func newBirthdayForm(env *Env, scope *Scope, member func() community.Member, onSaved func(community.Member)) *birthdayForm {
	l := env.L()
	f := &birthdayForm{env: env, scope: scope, member: member, onSaved: onSaved, errors: NewFieldErrors(env)}
	var months []string
	for m := time.January; m <= time.December; m++ {
		months = append(months, l.MonthName(m))
	}
	var days []string
	for d := 1; d <= 31; d++ {
		days = append(days, l.Number(int64(d)))
	}
	f.month = widget.NewSelect(months, nil)
	f.month.PlaceHolder = l.T("MeBirthdayMonth")
	f.day = widget.NewSelect(days, nil)
	f.day.PlaceHolder = l.T("MeBirthdayDay")
	f.save = widget.NewButton(l.T("MeSaveBirthday"), f.onSave)
	f.clear = widget.NewButton(l.T("MeBirthdayClear"), f.onClear)
	f.saved = ui.NewText(env, "")
	f.saved.Importance = widget.SuccessImportance
	f.saved.Hide()
	f.set(member().Birthday)
	pickers := container.NewGridWithColumns(2, mirror.Order(env, f.month, f.day)...)
	hint := ui.SecondaryOf(ui.NewText(env, l.T("MeBirthdayHint")))
	f.root = container.NewVBox(
		ui.NewFormRow(env, l.T("MeBirthday"), container.NewVBox(pickers, hint), f.errors.Field("birthday")),
		mirror.Row(env, f.save, f.clear), f.errors.General(), f.saved)
	return f
}

// set shows b in the pickers (none picked for no birthday).
func (f *birthdayForm) set(b community.Birthday) {
	if b.IsZero() {
		f.month.ClearSelected()
		f.day.ClearSelected()
		return
	}
	f.month.SetSelectedIndex(int(b.Month) - 1)
	f.day.SetSelectedIndex(b.Day - 1)
}

// value reads the pickers: the zero Birthday when neither is picked, false
// when only one is.
func (f *birthdayForm) value() (community.Birthday, bool) {
	m, d := f.month.SelectedIndex(), f.day.SelectedIndex()
	switch {
	case m < 0 && d < 0:
		return community.Birthday{}, true
	case m < 0 || d < 0:
		return community.Birthday{}, false
	}
	return community.Birthday{Month: time.Month(m + 1), Day: d + 1}, true
}

func (f *birthdayForm) onSave() {
	b, ok := f.value()
	if !ok {
		f.errors.Clear()
		f.saved.Hide()
		f.errors.Field("birthday").SetMessage(f.env.L().T("MeBirthdayIncomplete"))
		return
	}
	f.store(b)
}

func (f *birthdayForm) onClear() {
	f.set(community.Birthday{})
	f.store(community.Birthday{})
}

// store saves b in the profile, keeping the saved name and language.
func (f *birthdayForm) store(b community.Birthday) {
	m := f.member()
	p := community.Profile{Name: m.Name, Lang: m.Lang, Birthday: b}
	actor, svc := f.env.Me(), f.env.Svc
	f.save.Disable()
	f.scope.Save(func(ctx context.Context) func() {
		saved, err := svc.UpdateProfile(ctx, actor, p)
		return func() {
			f.save.Enable()
			if f.errors.Show(err) { // the pickers keep what was chosen
				f.saved.Hide()
				return
			}
			f.onSaved(saved)
			f.saved.SetText(f.env.L().T("MeSaved"))
			f.saved.Show()
		}
	})
}
