package screens

import (
	"context"
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	qrcode "github.com/yeqown/go-qrcode/v2"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// loyalty is the member card: the code staff scan at the counter (as a QR
// code), tier and points, the rewards they can afford or are close to, and
// the history of their points.
type loyalty struct {
	env    *Env
	scope  *Scope
	body   *fyne.Container
	refuse *ui.FieldError
	note   *widget.Label
}

type loyaltyData struct {
	community community.Community
	member    community.Member
	ledger    []community.LedgerEntry
	now       time.Time
}

// NewLoyalty returns the signed-in member's card.
func NewLoyalty(env *Env) fyne.CanvasObject {
	return newLoyalty(env).buildUI()
}

func newLoyalty(env *Env) *loyalty {
	return &loyalty{env: env}
}

func (s *loyalty) buildUI() fyne.CanvasObject {
	s.refuse = ui.NewFieldError(s.env)
	s.note = ui.NewText(s.env, "")
	s.note.Importance = widget.SuccessImportance
	s.note.Hide()
	s.body = container.NewVBox(widget.NewProgressBarInfinite())
	s.scope = s.env.Open("loyalty", s.onChange)
	s.load()
	return container.NewVScroll(ui.CardPage(s.body))
}

func (s *loyalty) load() {
	me := s.env.Me()
	svc := s.env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		var d loyaltyData
		var err error
		d.now = svc.Now()
		if d.community, err = svc.Community(ctx); err == nil {
			if d.member, err = svc.Member(ctx, me, me.ID); err == nil {
				d.ledger, err = svc.Ledger(ctx, me, me.ID, 50)
			}
		}
		return func() { s.show(d, err) }
	})
}

func (s *loyalty) onChange(c community.Change) {
	me := s.env.Me().ID
	if (c.Kind == community.KindMember || c.Kind == community.KindLedger) && (c.MemberID == me || c.ID == me) || c.Kind == community.KindCommunity {
		s.load()
	}
}

func (s *loyalty) show(d loyaltyData, err error) {
	l := s.env.L()
	if err != nil {
		s.refuse.SetError(err)
		s.body.Objects = []fyne.CanvasObject{s.refuse}
		s.body.Refresh()
		return
	}
	st := community.Status(d.community, d.member)
	since := ui.SecondaryOf(ui.NewText(s.env, l.Since(d.member.Since, d.now.In(d.community.Location()))))
	code := ui.NewDataLabel(s.env, d.member.Code, false)
	code.Alignment = fyne.TextAlignCenter
	code.TextStyle.Monospace = true
	show := ui.NewWrapped(s.env, l.T("LoyaltyShowCode"), fyne.TextStyle{}, "")
	ui.Center(show)
	scan := ui.NewSurface(container.NewVBox(container.NewCenter(newQRCode(d.member.Code, 180)), code, show))
	lifetime := ui.SecondaryOf(ui.NewText(s.env, l.T("LoyaltyLifetime", map[string]any{"Points": l.Points(st.Lifetime)})))
	objs := []fyne.CanvasObject{ui.NewLoyaltyCard(s.env, loyaltyCardData(s.env, d.community, d.member)), since, lifetime, scan,
		ui.NewSectionHeader(s.env, l.T("LoyaltyRewards")), s.note, s.refuse}
	objs = append(objs, s.rewards(d)...)
	objs = append(objs, ui.NewSectionHeader(s.env, l.T("LoyaltyHistory")))
	objs = append(objs, s.history(d)...)
	s.body.Objects = objs
	s.body.Refresh()
}

// rewards lists the catalog: affordable first with a Redeem button, then the
// ones the member is close to, with how many points are missing.
func (s *loyalty) rewards(d loyaltyData) []fyne.CanvasObject {
	l := s.env.L()
	choices := community.RewardsFor(d.community, d.member)
	if len(choices) == 0 {
		return []fyne.CanvasObject{ui.NewEmptyState(nil, l.T("LoyaltyNoRewards"), "", nil)}
	}
	var out []fyne.CanvasObject
	for _, rc := range choices {
		name := ui.NewDataLabel(s.env, rc.Names.In(l.Code()), false)
		name.TextStyle.Bold = true
		cost := ui.NewText(s.env, l.Points(rc.Cost))
		var action fyne.CanvasObject
		if rc.Affordable {
			b := widget.NewButton(l.T("LoyaltyRedeem"), func() { s.onRedeem(rc.Reward) })
			b.Importance = widget.HighImportance
			action = b
		} else {
			action = ui.NewSecondary(bidi.Visual(s.env, l.N("LoyaltyMissing", int(rc.Missing))))
		}
		lines := []fyne.CanvasObject{name, cost}
		if !rc.Affordable {
			// How close they are, filling from the reading direction's start.
			bar := ui.NewProgressBar(s.env)
			bar.SetValue(float64(d.member.Points) / float64(rc.Cost))
			lines = append(lines, bar)
		}
		out = append(out, mirror.Border(s.env, nil, nil, nil, container.NewCenter(action), container.NewVBox(lines...)), widget.NewSeparator())
	}
	return out
}

// history lists the ledger, newest first.
func (s *loyalty) history(d loyaltyData) []fyne.CanvasObject {
	l := s.env.L()
	if len(d.ledger) == 0 {
		return []fyne.CanvasObject{ui.NewEmptyState(nil, l.T("LoyaltyNoHistory"), "", nil)}
	}
	loc := d.community.Location()
	rewards := map[string]community.Reward{}
	for _, r := range d.community.Rewards {
		rewards[r.ID] = r
	}
	var out []fyne.CanvasObject
	for _, e := range d.ledger {
		what := ui.NewText(s.env, l.T(reasonMessage(e.Reason)))
		lines := []fyne.CanvasObject{what}
		if r, ok := rewards[e.Ref]; ok && e.Reason == community.ReasonReward {
			lines = append(lines, ui.NewDataLabel(s.env, r.Names.In(l.Code()), false))
		}
		when := ui.SecondaryOf(ui.NewText(s.env, l.Date(e.At, loc)))
		lines = append(lines, when)
		delta := widget.NewLabel(bidi.Visual(s.env, l.T("LoyaltyGained", map[string]any{"Points": l.Number(e.Delta)})))
		delta.Importance = widget.SuccessImportance
		if e.Delta < 0 {
			delta.SetText(bidi.Visual(s.env, l.T("LoyaltySpent", map[string]any{"Points": l.Number(-e.Delta)})))
			delta.Importance = widget.MediumImportance
		}
		delta.TextStyle.Bold = true
		out = append(out, mirror.Border(s.env, nil, nil, nil, delta, container.NewVBox(lines...)))
	}
	return out
}

// reasonMessage is the message ID that names a ledger reason.
func reasonMessage(reason string) string {
	switch reason {
	case community.ReasonCheckIn:
		return "LoyaltyReasonCheckIn"
	case community.ReasonStory:
		return "LoyaltyReasonStory"
	case community.ReasonIdeaShipped:
		return "LoyaltyReasonIdeaShipped"
	case community.ReasonIdeaVoter:
		return "LoyaltyReasonIdeaVoter"
	case community.ReasonBirthday:
		return "LoyaltyReasonBirthday"
	case community.ReasonRedeem:
		return "LoyaltyReasonRedeem"
	case community.ReasonReward:
		return "LoyaltyReasonReward"
	case community.ReasonWelcome:
		return "LoyaltyReasonWelcome"
	case community.ReasonVisit, community.ReasonPurchase, community.ReasonStamp, community.ReasonFreeItem,
		community.ReasonUndo, community.ReasonExpired:
		// The counter's entries read the same to the member as to staff.
		return "MembersReason" + reasonSuffix(reason)
	}
	return "LoyaltyReasonAward"
}

// onRedeem asks before spending points on a reward.
func (s *loyalty) onRedeem(r community.Reward) {
	l := s.env.L()
	// One idempotency key per confirmation: however often the request
	// is sent (a double tap, a retry), the points are spent once.
	op := community.NewID()
	name := r.Names.In(l.Code())
	Confirm(s.env, l.T("LoyaltyRedeemTitle"),
		l.T("LoyaltyRedeemConfirm", map[string]any{"Reward": name, "Points": l.Points(r.Cost)}),
		l.T("LoyaltyRedeem"), func() { s.redeem(r, op) })
}

// redeem spends the points; op makes a repeated confirmation count once.
func (s *loyalty) redeem(r community.Reward, op string) {
	me := s.env.Me()
	svc := s.env.Svc
	name := r.Names.In(s.env.L().Code())
	s.scope.Save(func(ctx context.Context) func() {
		_, _, err := svc.RedeemReward(ctx, me, r.ID, op)
		return func() {
			if err != nil {
				s.note.Hide()
				s.refuse.SetError(err)
				return
			}
			s.refuse.Clear()
			s.note.SetText(bidi.Visual(s.env, s.env.L().T("LoyaltyRedeemed", map[string]any{"Reward": name})))
			s.note.Show()
			s.load()
		}
	})
}

// qrImage draws a QR code's modules into an image, one pixel a module, with
// the four-module quiet zone scanners need.
type qrImage struct{ img *image.Gray }

func (q *qrImage) Write(mat qrcode.Matrix) error {
	bm := mat.Bitmap()
	const quiet = 4
	n := len(bm) + 2*quiet
	img := image.NewGray(image.Rect(0, 0, n, n))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range bm {
		for x, dark := range row {
			if dark {
				img.SetGray(x+quiet, y+quiet, color.Gray{})
			}
		}
	}
	q.img = img
	return nil
}

func (q *qrImage) Close() error { return nil }

// newQRCode returns the QR code of text, size units across, drawn with sharp
// pixels. A QR code is dark on light whatever the theme: scanners expect it.
func newQRCode(text string, size float32) fyne.CanvasObject {
	qr, err := qrcode.New(text)
	w := &qrImage{}
	if err == nil {
		err = qr.Save(w)
	}
	if err != nil || w.img == nil {
		return widget.NewIcon(theme.BrokenImageIcon())
	}
	img := canvas.NewImageFromImage(w.img)
	img.ScaleMode = canvas.ImageScalePixels
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}
