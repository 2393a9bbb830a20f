package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Inbox is what the "check your inbox" screen asks of the app while a new
// member's email is not verified. Resend and Verified run off the UI
// goroutine; LookAround and SignOut on it.
type Inbox interface {
	Email() string
	// Resend sends the verification email again.
	Resend() error
	// Verified gets a fresh ID token, so that security rules see the
	// verification, and reports whether the email is verified now. When it
	// is, the app moves on to the community.
	Verified() (bool, error)
	// LookAround shows the community before the email is verified.
	LookAround()
	SignOut()
}

// ResendCoolDown is how long "Resend" waits after an email was sent, so
// that a member does not run into Firebase's rate limit.
const ResendCoolDown = 60 * time.Second

// checkInbox asks a new member to open the link in the verification email.
type checkInbox struct {
	root    fyne.CanvasObject
	env     *Env
	scope   *Scope
	inbox   Inbox
	done    *widget.Button
	resend  *widget.Button
	status  *widget.Label
	wait    *widget.Label // how long until Resend can be pressed again
	errors  *FieldErrors
	busy    *widget.ProgressBarInfinite
	waitFor time.Time // resend is possible again then
	ticker  *time.Ticker
	// stopTicks ends the goroutine that hands the ticks to the UI.
	stopTicks chan struct{}
}

// NewCheckInbox returns the "check your inbox" screen; the verification
// email has just been sent.
func NewCheckInbox(env *Env, inbox Inbox) fyne.CanvasObject {
	return newCheckInbox(env, inbox).root
}

func newCheckInbox(env *Env, inbox Inbox) *checkInbox {
	s := &checkInbox{env: env, scope: env.Open("check-inbox", nil), inbox: inbox}
	s.root = s.buildUI()
	s.coolDown()
	return s
}

func (s *checkInbox) buildUI() fyne.CanvasObject {
	l := s.env.L()
	title := ui.NewText(s.env, l.T("AppInboxTitle"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	s.done = ui.NewIconButton(s.env, l.T("AppInboxVerified"), theme.ConfirmIcon(), s.onVerified)
	s.done.Importance = widget.HighImportance
	s.resend = ui.NewIconButton(s.env, l.T("AppInboxResend"), theme.MailSendIcon(), s.onResend)
	look := widget.NewButton(l.T("AppInboxLookAround"), s.inbox.LookAround)
	look.Importance = widget.LowImportance
	out := widget.NewButton(l.T("AppSignOut"), s.inbox.SignOut)
	out.Importance = widget.LowImportance
	s.status = ui.NewText(s.env, "")
	s.status.Hide()
	s.wait = ui.NewText(s.env, "")
	s.wait.SizeName = theme.SizeNameCaptionText
	s.wait.Hide()
	// The address on a line of its own: inside a right-to-left sentence a
	// left-to-right address and its punctuation would be reordered.
	email := ui.NewText(s.env, s.inbox.Email())
	email.TextStyle.Bold = true
	s.errors = NewFieldErrors(s.env)
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Hide()
	icon := widget.NewIcon(theme.MailComposeIcon())
	form := container.NewVBox(
		container.NewCenter(container.New(&fixedSquare{size: 64}, icon)),
		title,
		ui.NewWrapped(s.env, l.T("AppInboxIntro"), fyne.TextStyle{}, ""),
		email,
		ui.NewText(s.env, l.T("AppInboxWhy")),
		mirror.Row(s.env, s.done), s.busy,
		s.errors.General(), s.status,
		mirror.Row(s.env, s.resend), s.wait,
		widget.NewSeparator(),
		mirror.Row(s.env, look, out),
	)
	return container.NewVScroll(container.New(&column{max: 440}, ui.Page(form)))
}

// onVerified checks with Firebase that the link was opened.
func (s *checkInbox) onVerified() {
	s.errors.Clear()
	s.status.Hide()
	s.done.Disable()
	s.busy.Show()
	inbox := s.inbox
	s.scope.Go(func(ctx context.Context) func() {
		ok, err := inbox.Verified()
		return func() {
			s.done.Enable()
			s.busy.Hide()
			if s.errors.Show(err) {
				return
			}
			if !ok {
				s.errors.General().SetMessage(s.env.L().T("AppInboxNotYet"))
			}
		}
	})
}

// onResend sends the email again, then waits ResendCoolDown.
func (s *checkInbox) onResend() {
	s.errors.Clear()
	s.status.Hide()
	s.resend.Disable()
	inbox := s.inbox
	s.scope.Save(func(ctx context.Context) func() {
		err := inbox.Resend()
		return func() {
			if s.errors.Show(err) {
				s.resend.Enable()
				return
			}
			s.status.SetText(bidi.Visual(s.env, s.env.L().T("AppInboxSent")))
			s.status.Show()
			s.coolDown()
		}
	})
}

// coolDown disables Resend for ResendCoolDown, counting down on it.
func (s *checkInbox) coolDown() {
	s.waitFor = time.Now().Add(ResendCoolDown)
	s.resend.Disable()
	s.tick()
	if s.ticker != nil {
		return
	}
	ticker, stop, gone := time.NewTicker(time.Second), make(chan struct{}), s.scope.Context().Done()
	s.ticker, s.stopTicks = ticker, stop
	go func() {
		// Until tick says the time is up, or the screen goes away.
		for {
			select {
			case <-ticker.C:
				fyne.Do(s.tick)
			case <-stop:
				return
			case <-gone:
				ticker.Stop()
				return
			}
		}
	}()
}

// tick shows the seconds left, or enables Resend once they are up.
func (s *checkInbox) tick() {
	l := s.env.L()
	left := time.Until(s.waitFor).Round(time.Second)
	if left <= 0 {
		s.wait.Hide()
		s.resend.Enable()
		if s.ticker != nil {
			s.ticker.Stop()
			close(s.stopTicks)
			s.ticker = nil
		}
		return
	}
	s.wait.SetText(bidi.Visual(s.env, l.T("AppInboxResendIn", map[string]any{"Seconds": l.Number(int64(left / time.Second))})))
	s.wait.Show()
}

// fixedSquare gives its objects a square of size.
type fixedSquare struct{ size float32 }

func (f *fixedSquare) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSquareSize(f.size))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (f *fixedSquare) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSquareSize(f.size) }
