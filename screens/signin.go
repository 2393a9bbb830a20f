package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Accounts is what the sign-in screen asks of Firebase Auth, through the
// app. Each method runs off the UI goroutine; a refusal is a
// *community.ValidationError naming the field it concerns ("email",
// "password", "name") so that the form shows it there, or
// community.ErrUnavailable without a network.
type Accounts interface {
	SignIn(email, password string) error
	// SignUp creates the account, sends the verification email and joins
	// the community under name.
	SignUp(name, email, password string) error
	// SendPasswordReset emails a reset link. It succeeds for an unknown
	// address too: strangers must not learn who has an account.
	SendPasswordReset(email string) error
}

// signInMode is what the sign-in screen is doing.
type signInMode int

const (
	modeSignIn signInMode = iota
	modeSignUp
	modeReset
)

// signIn is the first screen in cloud mode: sign in with email and
// password, create an account, or ask for a password reset link. What was
// typed stays when the mode changes or a refusal is shown. Env.Svc is not
// needed (there is no store yet).
type signIn struct {
	env      *Env
	scope    *Scope
	accounts Accounts
	cafe     string // the café whose app this is ("" in a plain build)
	logo     []byte
	mode     signInMode

	title, intro *widget.Label
	notice       *widget.Label // "session ended", "reset link sent"
	email        *widget.Entry
	password     *widget.Entry
	name         *widget.Entry
	nameRow      fyne.CanvasObject
	passwordRow  fyne.CanvasObject
	errors       *FieldErrors
	button       *widget.Button
	forgot       *widget.Button
	toggle       *widget.Button
	busy         *widget.ProgressBarInfinite
}

// SignInOptions set up the sign-in screen.
type SignInOptions struct {
	Email  string // typed in already (a session that ended, the last member)
	Notice string // said above the form, e.g. why the member must sign in again
	SignUp bool   // open on creating an account
	Reset  bool   // open on asking for a password reset link
	// Cafe and Logo are the café whose app this is (its build's name and
	// icon): the screen welcomes the member to it. Empty: a plain welcome.
	Cafe string
	Logo []byte
}

// NewSignIn returns the sign-in screen.
func NewSignIn(env *Env, accounts Accounts, opts SignInOptions) fyne.CanvasObject {
	s := &signIn{env: env, scope: env.Open("signin", nil), accounts: accounts, cafe: opts.Cafe, logo: opts.Logo}
	switch {
	case opts.SignUp:
		s.mode = modeSignUp
	case opts.Reset:
		s.mode = modeReset
	}
	o := s.buildUI()
	s.email.SetText(opts.Email)
	if opts.Notice != "" {
		s.notice.SetText(bidi.Visual(env, opts.Notice))
		s.notice.Show()
	}
	return o
}

func (s *signIn) buildUI() fyne.CanvasObject {
	l := s.env.L()
	s.errors = NewFieldErrors(s.env)
	s.email = widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.name = widget.NewEntry()
	for _, e := range []*widget.Entry{s.email, s.password, s.name} {
		e.OnSubmitted = func(string) { s.onSubmit() }
	}
	s.button = widget.NewButton("", s.onSubmit)
	s.button.Importance = widget.HighImportance
	s.forgot = widget.NewButton(l.T("AppForgotPassword"), s.onForgot)
	s.forgot.Importance = widget.LowImportance
	s.toggle = widget.NewButton("", s.onToggle)
	s.toggle.Importance = widget.LowImportance
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Hide()
	s.nameRow = ui.NewFormRow(s.env, l.T("FieldName"), s.name, s.errors.Field("name"))
	s.passwordRow = ui.NewFormRow(s.env, l.T("FieldPassword"), s.password, s.errors.Field("password"))

	s.title = ui.NewText(s.env, "")
	s.title.TextStyle.Bold = true
	s.title.SizeName = theme.SizeNameHeadingText
	s.intro = ui.NewText(s.env, "")
	s.notice = ui.NewText(s.env, "")
	s.notice.Importance = widget.HighImportance
	s.notice.Hide()
	var head []fyne.CanvasObject
	if s.cafe != "" {
		head = append(head, mirror.Row(s.env, ui.NewLogo(s.cafe, s.logo, 64)))
	}
	form := container.NewVBox(append(head,
		s.title, s.intro, s.notice,
		s.nameRow,
		ui.NewFormRow(s.env, l.T("FieldEmail"), ui.Hinted(s.env, s.email, l.T("AppEmailPlaceholder")), s.errors.Field("email")),
		s.passwordRow,
		s.errors.General(),
		s.button, s.busy, // the main action, the whole width
		mirror.Row(s.env, s.forgot),
		mirror.Row(s.env, s.toggle),
	)...)
	s.setMode(s.mode)
	return container.NewVScroll(container.New(&column{max: 440}, ui.Page(form)))
}

// setMode shows the fields and words of a mode. Typed text stays.
func (s *signIn) setMode(m signInMode) {
	l := s.env.L()
	s.mode = m
	s.errors.Clear()
	s.nameRow.Hide()
	s.passwordRow.Show()
	s.forgot.Hide()
	switch m {
	case modeSignIn:
		welcome := l.T("AppWelcome")
		if s.cafe != "" {
			welcome = l.T("AppWelcomeTo", map[string]any{"Name": s.cafe})
		}
		s.title.SetText(bidi.Visual(s.env, welcome))
		s.intro.SetText(bidi.Visual(s.env, l.T("AppSignInIntro")))
		s.button.SetText(l.T("AppSignIn"))
		s.forgot.Show()
		s.toggle.SetText(l.T("AppNewHere"))
	case modeSignUp:
		s.title.SetText(bidi.Visual(s.env, l.T("AppSignUpTitle")))
		s.intro.SetText(bidi.Visual(s.env, l.T("AppSignUpIntro")))
		s.nameRow.Show()
		s.button.SetText(l.T("AppSignUp"))
		s.toggle.SetText(l.T("AppHaveAccount"))
	case modeReset:
		s.title.SetText(bidi.Visual(s.env, l.T("AppResetTitle")))
		s.intro.SetText(bidi.Visual(s.env, l.T("AppResetIntro")))
		s.passwordRow.Hide()
		s.button.SetText(l.T("AppResetSend"))
		s.toggle.SetText(l.T("AppBackToSignIn"))
	}
}

// onToggle switches between signing in and creating an account, or back
// from the password reset.
func (s *signIn) onToggle() {
	s.notice.Hide()
	if s.mode == modeSignIn {
		s.setMode(modeSignUp)
	} else {
		s.setMode(modeSignIn)
	}
}

// onForgot asks for the email to send a password reset link to.
func (s *signIn) onForgot() {
	s.notice.Hide()
	s.setMode(modeReset)
}

func (s *signIn) onSubmit() {
	email, password, name, mode := s.email.Text, s.password.Text, s.name.Text, s.mode
	s.errors.Clear()
	s.notice.Hide()
	s.button.Disable()
	s.busy.Show()
	accounts := s.accounts
	s.scope.Save(func(ctx context.Context) func() {
		var err error
		switch mode {
		case modeSignIn:
			err = accounts.SignIn(email, password)
		case modeSignUp:
			err = accounts.SignUp(name, email, password)
		case modeReset:
			err = accounts.SendPasswordReset(email)
		}
		return func() {
			s.button.Enable()
			s.busy.Hide()
			if s.errors.Show(err) {
				return
			}
			if mode == modeReset {
				s.setMode(modeSignIn)
				s.notice.SetText(bidi.Visual(s.env, s.env.L().T("AppResetSent")))
				s.notice.Show()
			}
		}
	})
}

// column centres its objects at most max wide.
type column struct{ max float32 }

func (c *column) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.max)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (c *column) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
