package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// NeedsVerifiedEmail reports whether the member must confirm their email
// before posting, starting threads, voting or proposing ideas: in cloud mode
// the security rules refuse those writes until the email is verified.
func (e *Env) NeedsVerifiedEmail() bool { return e.Account != nil && !e.Account.EmailVerified() }

// requireVerified disables controls while the member's email is not
// confirmed and returns a line that says why, with a button to confirm it,
// so the member learns it before trying rather than from a refusal. When
// nothing is needed it returns an empty box and leaves controls alone.
func requireVerified(env *Env, controls ...fyne.Disableable) fyne.CanvasObject {
	if !env.NeedsVerifiedEmail() {
		// Hidden, so that a box laying it out adds no padding for it.
		none := container.NewVBox()
		none.Hide()
		return none
	}
	for _, c := range controls {
		c.Disable()
	}
	l := env.L()
	confirm := ui.NewIconButton(env, l.T("AppVerifyOpen"), theme.MailComposeIcon(), env.Account.ConfirmEmail)
	confirm.Importance = widget.LowImportance
	return mirror.Border(env, nil, nil, nil, confirm, ui.NewText(env, l.T("AppVerifyBanner")))
}
