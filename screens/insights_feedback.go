package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// insightsFeedback is the owner's "being heard" view of insights: what
// members said (NPS comments with score, language and date, filterable to
// detractors, answered privately), how each recent event was rated after
// check-in, and the regulars drifting away (with a note to send).
type insightsFeedback struct {
	env        *Env
	scope      *Scope
	loads      loader
	detractors *ui.Check
	comments   *fyne.Container
	ratings    *fyne.Container
	drifting   *fyne.Container
	problem    *widget.Label
	root       fyne.CanvasObject
}

// DriftingLimit is how many drifting regulars insights lists.
const DriftingLimit = 10

// CommentsShown is how many comments the view lists, newest first.
const CommentsShown = 20

// NewInsightsFeedback returns what members said and how they are doing
// (owner and staff).
func NewInsightsFeedback(env *Env) fyne.CanvasObject { return newInsightsFeedback(env).root }

func newInsightsFeedback(env *Env) *insightsFeedback {
	h := &insightsFeedback{env: env, comments: container.NewVBox(), ratings: container.NewVBox(), drifting: container.NewVBox(),
		problem: ui.NewRefusal(env)}
	h.scope = env.Open("insights-feedback", h.onChange)
	h.buildUI()
	h.load()
	return h
}

func (h *insightsFeedback) buildUI() {
	l := h.env.L()
	// The check and the cards put their texts in visual order themselves
	// (a text put in visual order here would be reordered twice).
	h.detractors = ui.NewCheck(h.env, l.T("InsightsOnlyDetractors", map[string]any{"Low": l.Number(0), "High": l.Number(6)}),
		func(bool) { h.load() })
	comments := ui.NewCard(l, l.T("InsightsComments"), l.T("InsightsCommentsHelp"),
		container.NewVBox(h.detractors, h.comments))
	ratings := ui.NewCard(l, l.T("InsightsRatings"), l.T("InsightsRatingsHelp", map[string]any{"Low": l.Number(1), "High": l.Number(5)}), h.ratings)
	drifting := ui.NewCard(l, l.T("InsightsDrifting"), l.N("InsightsDriftingHelp", community.DriftDays), h.drifting)
	var body fyne.CanvasObject
	if h.env.Phone() {
		body = container.NewVBox(comments, ratings, drifting)
	} else {
		body = container.NewGridWithColumns(2, mirror.Order(h.env, comments, container.NewVBox(ratings, drifting))...)
	}
	h.root = container.NewVScroll(container.NewVBox(h.problem, body))
}

func (h *insightsFeedback) load() {
	svc, me, only := h.env.Svc, h.env.Me(), h.detractors.Checked
	h.loads.Load(h.scope, func(ctx context.Context) func() {
		fs, err := svc.FeedbackComments(ctx, me, only)
		ms, derr := svc.DriftingRegulars(ctx, me, DriftingLimit)
		in, ierr := svc.Insights(ctx, me)
		return func() {
			l := h.env.L()
			// Each part shows what it has: one failing read must not hide the others.
			loadFailed(h.env, h.problem, errors.Join(err, derr, ierr))
			h.showComments(l, fs)
			h.showRatings(l, in.Attendance)
			h.showDrifting(l, ms)
			ui.Relayout(h.root)
		}
	})
}

func (h *insightsFeedback) onChange(c community.Change) {
	if c.Kind == community.KindFeedback || c.Kind == community.KindMember && c.MemberID == "" {
		h.load()
	}
}

// showRatings lists the recent events with their average 1-5 rating.
func (h *insightsFeedback) showRatings(l *i18n.Localizer, att []community.EventAttendance) {
	h.ratings.RemoveAll()
	n := 0
	for _, a := range att {
		if a.Ratings == 0 {
			continue
		}
		n++
		title := ui.NewDataLine(h.env, false)
		title.SetData(h.env, a.Event.Title)
		score := ui.NewText(h.env, l.T("InsightsRatingAverage", map[string]any{"Rating": l.Decimal(a.Rating, 1), "Answers": l.Number(int64(a.Ratings))}))
		score.TextStyle.Bold = true
		score.Wrapping = fyne.TextWrapOff
		h.ratings.Add(mirror.Border(h.env, nil, nil, nil, score, title))
	}
	if n == 0 {
		h.ratings.Add(ui.NewFaint(h.env, l.T("InsightsNoRatings")))
	}
	h.ratings.Refresh()
}

func (h *insightsFeedback) showComments(l *i18n.Localizer, fs []community.Feedback) {
	h.comments.Objects = nil
	if len(fs) == 0 {
		h.comments.Add(ui.NewFaint(h.env, l.T("InsightsNoComments")))
	}
	for i, f := range fs {
		if i == CommentsShown {
			break
		}
		lang := f.Lang
		if loc, ok := i18n.Lookup(f.Lang); ok {
			lang = loc.Name
		}
		meta := l.T("InsightsCommentMeta", map[string]any{"Score": l.Number(int64(f.Score)), "Max": l.Number(10), "Language": lang,
			"Date": l.Date(f.At, nil)})
		head := ui.NewText(h.env, meta)
		head.TextStyle.Bold = community.Detractor(f.Score)
		lines := []fyne.CanvasObject{head, ui.NewContentText(h.env, f.Comment)}
		if f.Reply != "" {
			// The reply is content, in its own direction, under its label.
			r := ui.SecondaryData(ui.NewContentLabel(h.env, f.Reply, false))
			r.Label.Wrapping = fyne.TextWrapWord
			lines = append(lines, ui.NewFaint(h.env, l.T("InsightsYouReplied")), r)
		} else {
			id := f.ID
			lines = append(lines, mirror.Row(h.env, ui.NewIconButton(h.env, l.T("InsightsReply"), theme.MailReplyIcon(), func() { h.onReply(id) })))
		}
		h.comments.Add(container.NewVBox(lines...))
		h.comments.Add(widget.NewSeparator())
	}
	h.comments.Refresh()
}

func (h *insightsFeedback) showDrifting(l *i18n.Localizer, ms []community.Member) {
	h.drifting.Objects = nil
	if len(ms) == 0 {
		h.drifting.Add(ui.NewFaint(h.env, l.T("InsightsNoDrifting")))
	}
	now := h.env.Svc.Now()
	for _, m := range ms {
		who := ui.NewDataLine(h.env, true)
		who.SetData(h.env, m.Name)
		seen := ui.NewFaint(h.env, l.T("InsightsLastSeen", map[string]any{"When": l.Relative(m.LastActive, now),
			"Points": l.Points(m.LifetimePoints)}))
		id, name := m.ID, m.Name
		note := ui.NewIconButton(h.env, l.T("InsightsSendNote"), theme.MailSendIcon(), func() { h.onNote(id, name) })
		h.drifting.Add(mirror.Border(h.env, nil, nil, nil, note, container.NewVBox(who, seen)))
	}
	h.drifting.Refresh()
}

func (h *insightsFeedback) onReply(id string) {
	l := h.env.L()
	entry := widget.NewMultiLineEntry()
	entry.SetMinRowsVisible(3)
	dialog.ShowForm(l.T("InsightsReplyTitle"), l.T("InsightsReplySend"), l.T("CommonCancel"),
		[]*widget.FormItem{widget.NewFormItem("", entry)}, func(ok bool) {
			if !ok {
				return
			}
			svc, me, text := h.env.Svc, h.env.Me(), entry.Text
			h.scope.Save(func(ctx context.Context) func() {
				_, err := svc.ReplyToFeedback(ctx, me, id, text)
				return func() {
					if err != nil {
						ui.ShowRefusal(h.problem, ErrorText(h.env.L(), err))
						return
					}
					h.load()
				}
			})
		}, h.env.Win)
}

func (h *insightsFeedback) onNote(id, name string) {
	l := h.env.L()
	entry := widget.NewMultiLineEntry()
	entry.SetText(l.T("InsightsNoteDefault", map[string]any{"Name": name}))
	entry.SetMinRowsVisible(3)
	dialog.ShowForm(l.T("InsightsNoteTitle", map[string]any{"Name": name}), l.T("InsightsReplySend"), l.T("CommonCancel"),
		[]*widget.FormItem{widget.NewFormItem("", entry)}, func(ok bool) {
			if !ok {
				return
			}
			svc, me, text := h.env.Svc, h.env.Me(), entry.Text
			h.scope.Save(func(ctx context.Context) func() {
				_, err := svc.SendNote(ctx, me, id, text)
				return func() {
					if err != nil {
						ui.ShowRefusal(h.problem, ErrorText(h.env.L(), err))
					}
				}
			})
		}, h.env.Win)
}
