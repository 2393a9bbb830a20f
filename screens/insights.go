package screens

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// insights is the owner's view of the community's health, each measure as a
// chart with its numbers: NPS and its trend, active members, tiers, event
// attendance and poll participation.
type insights struct {
	env   *Env
	scope *Scope
	data  community.Insights

	nps, active, tiers, attendance, polls *ui.Chart
	npsScore, activeText                  *widget.Label
	problem                               *widget.Label
	hints                                 []chartHint
	grid                                  *fyne.Container
	root                                  fyne.CanvasObject
}

// NewInsights returns the insights dashboard (owner and staff).
func NewInsights(env *Env) fyne.CanvasObject {
	return newInsights(env).root
}

func newInsights(env *Env) *insights {
	s := &insights{env: env}
	s.scope = env.Open("insights", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *insights) buildUI() {
	l := s.env.L()
	// Every chart has a value axis with its unit, ticks in the locale's
	// digits (issue 15).
	s.nps = ui.NewChart(ui.LineChart, nil, l)
	s.nps.Axis = ui.ChartAxis{Unit: l.T("InsightsAxisNPS"), Format: s.count, Whole: true}
	members := ui.ChartAxis{Unit: l.T("InsightsAxisMembers"), Format: s.count, Whole: true}
	s.active = ui.NewChart(ui.BarChart, nil, l)
	s.active.Axis = members
	s.tiers = ui.NewChart(ui.BarChart, nil, l)
	s.tiers.Axis = members
	s.attendance = ui.NewChart(ui.BarChart, nil, l)
	s.polls = ui.NewChart(ui.BarChart, nil, l)
	s.polls.Axis = ui.ChartAxis{Unit: l.T("InsightsAxisVotes"), Format: s.count, Whole: true}
	s.npsScore = ui.NewHeading(s.env, "")
	s.activeText = ui.NewText(s.env, "")
	s.problem = ui.NewRefusal(s.env)
	cards := []fyne.CanvasObject{
		ui.NewCard(l, l.T("InsightsNPS"), l.T("InsightsNPSHelp", map[string]any{"Min": l.Number(-100), "Max": l.Number(100)}), container.NewVBox(s.npsScore, s.nps)),
		ui.NewCard(l, l.T("InsightsActive"), l.N("InsightsActiveHelp", community.ActiveDays), container.NewVBox(s.activeText, s.active)),
		ui.NewCard(l, l.T("InsightsTiers"), l.T("InsightsTiersHelp"), s.tiers),
		ui.NewCard(l, l.T("InsightsAttendance"), l.T("InsightsAttendanceHelp"), s.withHint(s.attendance, l.T("InsightsNoEvents"))),
		ui.NewCard(l, l.T("InsightsPolls"), l.T("InsightsPollsHelp"), s.withHint(s.polls, l.T("InsightsNoPolls"))),
	}
	if s.env.Phone() {
		s.grid = container.NewVBox(cards...)
	} else {
		s.grid = container.NewGridWithColumns(2, cards...)
	}
	// What members said, event ratings and drifting regulars (issue 14).
	heard := ui.NewIconButton(s.env, l.T("InsightsFeedbackOpen"), theme.MailReplyIcon(), s.onFeedback)
	heard.Importance = widget.HighImportance
	s.root = container.NewVScroll(container.NewVBox(mirror.Row(s.env, heard), s.problem, s.grid))
}

// withHint shows hint instead of the chart while it has no points.
func (s *insights) withHint(c *ui.Chart, hint string) fyne.CanvasObject {
	h := ui.NewFaint(s.env, hint)
	h.Label.Wrapping = fyne.TextWrapWord
	h.Label.Truncation = fyne.TextTruncateOff
	s.hints = append(s.hints, chartHint{c, h})
	return container.NewStack(c, h)
}

// chartHint pairs a chart with what it says when empty.
type chartHint struct {
	chart *ui.Chart
	hint  *ui.Secondary
}

func (s *insights) onFeedback() {
	s.env.Push(s.env.L().T("InsightsFeedbackTitle"), NewInsightsFeedback(s.env))
}

func (s *insights) load() {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		in, err := svc.Insights(ctx, me)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			s.data = in
			s.render()
		}
	})
}

func (s *insights) render() {
	l, in := s.env.L(), s.data
	num := func(n int) string { return l.Number(int64(n)) }
	if in.HasNPS {
		ui.SetLine(s.env, s.npsScore, l.N("InsightsNPSScore", community.NPSDays, map[string]any{"Score": num(in.NPS)}))
	} else {
		s.npsScore.SetText(l.T("InsightsNPSNone"))
	}
	var trend []ui.ChartPoint
	// The axis runs over the part of -100..100 the scores use (0..100 when
	// none is negative), with its ticks, so that the line is not squeezed
	// into the middle of a range it never reaches.
	s.nps.Min, s.nps.Max = 0, 0
	for _, m := range in.NPSTrend {
		trend = append(trend, ui.ChartPoint{Label: l.MonthYear(m.Month, nil), Value: float64(m.Score), Text: num(m.Score)})
		if m.Score < 0 {
			s.nps.Min = -100
		} else if m.Score > 0 {
			s.nps.Max = 100
		}
	}
	if s.nps.Min == s.nps.Max {
		s.nps.Max = 100
	}
	s.nps.SetPoints(trend)

	ui.SetLine(s.env, s.activeText, l.N("InsightsActiveText", community.ActiveDays, map[string]any{"Active": num(in.Active30), "Members": num(in.Members)}))
	s.active.SetPoints([]ui.ChartPoint{
		{Label: l.T("InsightsActiveBar"), Value: float64(in.Active30), Text: num(in.Active30)},
		{Label: l.T("InsightsQuietBar"), Value: float64(in.Members - in.Active30), Text: num(in.Members - in.Active30)},
	})

	var tiers []ui.ChartPoint
	for _, t := range in.Tiers {
		tiers = append(tiers, ui.ChartPoint{Label: t.Tier.Names.In(l.Code()), Value: float64(t.Count), Text: num(t.Count)})
	}
	s.tiers.SetPoints(tiers)

	// A bar measures what its label says: when every event had a seat
	// limit, the share of seats filled ("70 % (7/10)" is the longest of
	// 7/10, 13/25, 12/30), on an axis from 0 to 100 %; else the number
	// checked in, labelled with it alone.
	rates := len(in.Attendance) > 0
	for _, a := range in.Attendance {
		rates = rates && a.Capacity > 0
	}
	s.attendance.Min, s.attendance.Max = 0, 0
	s.attendance.Axis = ui.ChartAxis{Unit: l.T("InsightsAxisCheckedIn"), Format: s.count, Whole: true}
	if rates {
		s.attendance.Max = 1
		s.attendance.Axis = ui.ChartAxis{Unit: l.T("InsightsAxisSeatsFilled"), Format: l.Percent}
	}
	var att []ui.ChartPoint
	for _, a := range in.Attendance {
		p := ui.ChartPoint{Label: a.Event.Title, Value: float64(a.CheckedIn), Text: num(a.CheckedIn)}
		if rates {
			p.Value = float64(a.CheckedIn) / float64(a.Capacity)
			p.Text = l.T("InsightsSeatsFilled", map[string]any{"Percent": l.Percent(p.Value), "CheckedIn": num(a.CheckedIn), "Capacity": num(a.Capacity)})
		}
		att = append(att, p)
	}
	s.attendance.SetPoints(att)

	var ps []ui.ChartPoint
	for i := len(in.Polls) - 1; i >= 0; i-- { // oldest first, like the other trends
		p := in.Polls[i]
		ps = append(ps, ui.ChartPoint{Label: p.Poll.Question, Value: float64(p.Votes), Text: num(p.Votes)})
	}
	s.polls.SetPoints(ps)
	for _, h := range s.hints {
		if len(h.chart.Points()) == 0 {
			h.hint.Show()
		} else {
			h.hint.Hide()
		}
	}
	s.grid.Refresh()
	ui.Relayout(s.root) // every card changed together
}

// count writes an axis tick that counts (members, votes).
func (s *insights) count(v float64) string {
	return s.env.L().Number(int64(math.Round(v)))
}

func (s *insights) onChange(c community.Change) {
	switch c.Kind {
	case community.KindFeedback, community.KindMember, community.KindLedger, community.KindEvent, community.KindRSVP,
		community.KindPoll, community.KindVote:
		s.load()
	}
}
