package screens

import (
	"context"

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

// heardCards are the owner's "being heard" cards of insights: what members
// said (NPS comments, filterable to detractors, answered privately) and the
// regulars drifting away (with a note to send).
type heardCards struct {
	env        *Env
	scope      *Scope
	loads      loader
	detractors *widget.Check
	comments   *fyne.Container
	drifting   *fyne.Container
	problem    *widget.Label
}

// DriftingLimit is how many drifting regulars insights lists.
const DriftingLimit = 10

func newHeardCards(env *Env, scope *Scope) *heardCards {
	l := env.L()
	h := &heardCards{env: env, scope: scope, comments: container.NewVBox(), drifting: container.NewVBox(), problem: ui.NewRefusal(env)}
	h.detractors = widget.NewCheck(l.T("InsightsOnlyDetractors", map[string]any{"Low": l.Number(0), "High": l.Number(6)}), func(bool) { h.load() })
	return h
}

func (h *heardCards) cards() []fyne.CanvasObject {
	l := h.env.L()
	return []fyne.CanvasObject{
		ui.NewCard(l, l.T("InsightsComments"), l.T("InsightsCommentsHelp"),
			container.NewVBox(h.detractors, h.problem, h.comments)),
		ui.NewCard(l, l.T("InsightsDrifting"), l.N("InsightsDriftingHelp", community.DriftDays), h.drifting),
	}
}

func (h *heardCards) load() {
	svc, me, only := h.env.Svc, h.env.Me(), h.detractors.Checked
	h.loads.Load(h.scope, func(ctx context.Context) func() {
		fs, err := svc.FeedbackComments(ctx, me, only)
		ms, derr := svc.DriftingRegulars(ctx, me, DriftingLimit)
		return func() {
			l := h.env.L()
			if err == nil {
				err = derr
			}
			if err != nil {
				ui.ShowRefusal(h.problem, ErrorText(l, err))
			} else {
				ui.ShowRefusal(h.problem, "")
			}
			h.showComments(l, fs)
			h.showDrifting(l, ms)
		}
	})
}

func (h *heardCards) showComments(l *i18n.Localizer, fs []community.Feedback) {
	h.comments.Objects = nil
	if len(fs) == 0 {
		h.comments.Add(ui.NewFaint(h.env, l.T("InsightsNoComments")))
	}
	for i, f := range fs {
		if i == 20 {
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
			r := ui.NewFaint(h.env, l.T("InsightsReplied", map[string]any{"Reply": f.Reply}))
			r.Label.Wrapping = fyne.TextWrapWord
			lines = append(lines, r)
		} else {
			id := f.ID
			lines = append(lines, mirror.Row(h.env, widget.NewButtonWithIcon(l.T("InsightsReply"), theme.MailReplyIcon(), func() { h.onReply(id) })))
		}
		h.comments.Add(container.NewVBox(lines...))
		h.comments.Add(widget.NewSeparator())
	}
	h.comments.Refresh()
}

func (h *heardCards) showDrifting(l *i18n.Localizer, ms []community.Member) {
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
		note := widget.NewButtonWithIcon(l.T("InsightsSendNote"), theme.MailSendIcon(), func() { h.onNote(id, name) })
		h.drifting.Add(mirror.Border(h.env, nil, nil, nil, note, container.NewVBox(who, seen)))
	}
	h.drifting.Refresh()
}

func (h *heardCards) onReply(id string) {
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

func (h *heardCards) onNote(id, name string) {
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
