package screens

// How the screens tell the member what happened, in their language: a
// refused write explained (next to its field, or in a dialog), a question
// before something that cannot be undone.

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
)

// ErrorText explains err in the user's language. A validation error reads
// "<field label>: <reason>" when the catalog has a label for the field
// (ValidationError.FieldMessageID) and just the reason otherwise; the store's
// sentinel errors have their own reasons; anything else asks to try again.
func ErrorText(l *i18n.Localizer, err error) string {
	if err == nil {
		return ""
	}
	if v, ok := community.AsValidation(err); ok {
		data := map[string]any{"Limit": l.Number(int64(v.Limit))}
		msg := l.T(v.MessageID(), data)
		if msg == v.MessageID() { // a reason the catalog lacks
			msg = l.T("ReasonInvalid")
		}
		if id := v.FieldMessageID(); l.T(id) != id {
			return l.T(id) + ": " + msg
		}
		return msg
	}
	switch {
	case errors.Is(err, community.ErrForbidden):
		return l.T("ReasonForbidden")
	case errors.Is(err, community.ErrNotFound):
		return l.T("ReasonNotFound")
	case errors.Is(err, community.ErrConflict):
		return l.T("ReasonConflict")
	case errors.Is(err, community.ErrUnavailable):
		return l.T("ReasonUnavailable")
	}
	return l.T("ReasonUnavailable")
}

// FieldErrors routes a refused write to the label of the field it names, so
// a form with several fields shows the reason next to the right one; errors
// that name no known field go to General.
type FieldErrors struct {
	env     *Env
	fields  map[string]*ui.FieldError
	general *ui.FieldError
}

// NewFieldErrors returns an empty set of field labels.
func NewFieldErrors(env *Env) *FieldErrors {
	return &FieldErrors{env: env, fields: map[string]*ui.FieldError{}, general: ui.NewFieldError(env)}
}

// Field returns the label of a field, by the name validation errors use
// ("title", "starts_at"), creating it on first use.
func (f *FieldErrors) Field(name string) *ui.FieldError {
	fe, ok := f.fields[name]
	if !ok {
		fe = ui.NewFieldError(f.env)
		f.fields[name] = fe
	}
	return fe
}

// General is the label for refusals that belong to no single field.
func (f *FieldErrors) General() *ui.FieldError { return f.general }

// Show clears every label, then shows err next to its field (or in General).
// It reports whether err was not nil. The form keeps what the user typed.
func (f *FieldErrors) Show(err error) bool {
	f.Clear()
	if err == nil {
		return false
	}
	if v, ok := community.AsValidation(err); ok {
		if fe, ok := f.fields[v.Field]; ok {
			fe.SetError(err)
			return true
		}
	}
	f.general.SetError(err)
	return true
}

// Clear hides every label.
func (f *FieldErrors) Clear() {
	for _, fe := range f.fields {
		fe.Clear()
	}
	f.general.Clear()
}

// Confirm asks before something that cannot be undone; yes runs when the
// user confirms with confirmText. The other answer is "Cancel".
func Confirm(env *Env, title, message, confirmText string, yes func()) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, confirmText, env.L().T("CommonCancel"), msg, func(ok bool) {
		if ok {
			yes()
		}
	}, env.Win)
	d.Resize(fyne.NewSize(340, 0))
	d.Show()
}

// ShowError tells the user, in a dialog, why something failed that belongs
// to no field.
func ShowError(env *Env, err error) {
	msg := widget.NewLabel(ErrorText(env.L(), err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(env.L().T("CommonErrorTitle"), env.L().T("CommonOK"), msg, env.Win)
	d.Resize(fyne.NewSize(340, 0))
	d.Show()
}

// TierName is a tier's name in the member's language, as the business wrote it.
func TierName(l *i18n.Localizer, t community.Tier) string {
	if n := t.Names.In(l.Code()); n != "" {
		return n
	}
	return t.ID
}
