package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// SignInFunc signs in (or, with a name, signs up) with email and password.
// It runs off the UI goroutine; its error is shown under the form.
type SignInFunc func(email, password, name string) error

// signIn is the first screen in cloud mode: email and password, or a new
// account with a name. Env.Svc is not needed (there is no store yet).
type signIn struct {
	env      *Env
	scope    *Scope
	submit   SignInFunc
	email    *widget.Entry
	password *widget.Entry
	name     *widget.Entry
	nameRow  fyne.CanvasObject
	errors   *FieldErrors
	button   *widget.Button
	toggle   *widget.Button
	busy     *widget.ProgressBarInfinite
	joining  bool
}

// NewSignIn returns the sign-in form; submit is called with the name empty
// to sign in and with a name to create an account.
func NewSignIn(env *Env, submit SignInFunc) fyne.CanvasObject {
	return newSignIn(env, submit).buildUI()
}

func newSignIn(env *Env, submit SignInFunc) *signIn {
	return &signIn{env: env, scope: env.Open("signin", nil), submit: submit}
}

func (s *signIn) buildUI() fyne.CanvasObject {
	l := s.env.L()
	s.errors = NewFieldErrors(s.env)
	s.email = widget.NewEntry()
	s.email.SetPlaceHolder(l.T("AppEmailPlaceholder"))
	s.password = widget.NewPasswordEntry()
	s.name = widget.NewEntry()
	for _, e := range []*widget.Entry{s.email, s.password, s.name} {
		e.OnSubmitted = func(string) { s.onSubmit() }
	}
	s.button = widget.NewButton(l.T("AppSignIn"), s.onSubmit)
	s.button.Importance = widget.HighImportance
	s.toggle = widget.NewButton(l.T("AppNewHere"), s.onToggle)
	s.toggle.Importance = widget.LowImportance
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Hide()
	s.nameRow = ui.NewFormRow(s.env, l.T("FieldName"), s.name, s.errors.Field("name"))
	s.nameRow.Hide()

	title := ui.NewText(s.env, l.T("AppWelcome"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	form := container.NewVBox(
		title,
		ui.NewText(s.env, l.T("AppSignInIntro")),
		ui.NewFormRow(s.env, l.T("FieldEmail"), s.email, s.errors.Field("email")),
		ui.NewFormRow(s.env, l.T("FieldPassword"), s.password, s.errors.Field("password")),
		s.nameRow,
		s.errors.General(),
		mirror.Row(s.env, s.button), s.busy,
		mirror.Row(s.env, s.toggle),
	)
	return container.NewVScroll(container.New(&column{max: 440}, container.NewPadded(form)))
}

// onToggle switches between signing in and creating an account.
func (s *signIn) onToggle() {
	l := s.env.L()
	s.joining = !s.joining
	s.errors.Clear()
	if s.joining {
		s.nameRow.Show()
		s.button.SetText(l.T("AppSignUp"))
		s.toggle.SetText(l.T("AppHaveAccount"))
	} else {
		s.nameRow.Hide()
		s.button.SetText(l.T("AppSignIn"))
		s.toggle.SetText(l.T("AppNewHere"))
	}
}

func (s *signIn) onSubmit() {
	email, password, name := s.email.Text, s.password.Text, ""
	if s.joining {
		name = s.name.Text
	}
	s.errors.Clear()
	s.button.Disable()
	s.busy.Show()
	submit := s.submit
	s.scope.Go(func(ctx context.Context) func() {
		err := submit(email, password, name)
		return func() {
			s.button.Enable()
			s.busy.Hide()
			if err != nil {
				s.showRefusal(err)
			}
		}
	})
}

// showRefusal says why signing in failed, next to the field it concerns
// when there is one (the app turns auth failures into validation errors
// naming "email" or "password"). What was typed stays.
func (s *signIn) showRefusal(err error) { s.errors.Show(err) }

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
