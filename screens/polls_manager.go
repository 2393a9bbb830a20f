package screens

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// pollsManager is the staff's polls place: create polls, close them, and
// move ideas through open, planned, in progress, shipped and declined.
type pollsManager struct {
	env   *Env
	scope *Scope
	polls []community.Poll
	loads loader // the newest load wins

	managerPane
}

// NewPollsManager returns the polls manager (owner and staff).
func NewPollsManager(env *Env) fyne.CanvasObject {
	return newPollsManager(env).root
}

func newPollsManager(env *Env) *pollsManager {
	s := &pollsManager{env: env}
	s.scope = env.Open("polls-manager", s.onChange)
	s.buildUI()
	env.OfferNew(s.onNew) // Ctrl+N
	s.load()
	return s
}

func (s *pollsManager) buildUI() {
	s.managerPane = newManagerPane(s.env, managerTexts{New: "PollNew", Empty: "PollManagerEmpty", Pick: "PollManagerPick"}, 0.36,
		func() int { return len(s.polls) }, s.createRow, s.updateRow, s.onOpen, s.onNew)
}

func (s *pollsManager) createRow() fyne.CanvasObject {
	return listLines(ui.NewDataLine(s.env, true), ui.NewFaint(s.env, ""))
}

func (s *pollsManager) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.polls) {
		return
	}
	p, l := s.polls[id], s.env.L()
	rowLine(o, 0).(*ui.DataLabel).SetData(s.env, p.Question)
	state := l.T("PollStateOpen")
	if !p.Open(s.env.Svc.Now()) {
		state = l.T("PollStateClosed")
	}
	ui.SetLine(s.env, ui.AsLabel(rowLine(o, 1)), state)
}

func (s *pollsManager) load() {
	svc := s.env.Svc
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		ps, err := svc.Polls(ctx, "", 50)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err))
				return
			}
			s.polls = ps
			showEmpty(s.empty, len(ps))
			s.list.Refresh()
			s.showOverview(pollsOverview(s.env.L(), ps, s.env.Svc.Now()), "")
		}
	})
}

// pollsOverview sums the polls up for the staff: how many take votes, and
// where their ideas are (planned, in progress, shipped).
func pollsOverview(l *i18n.Localizer, ps []community.Poll, now time.Time) []ui.Figure {
	var open int64
	ideas := map[community.IdeaStatus]int64{}
	for _, p := range ps {
		if p.Open(now) {
			open++
		}
		for _, o := range p.Options {
			ideas[o.Status]++
		}
	}
	return []ui.Figure{
		{Value: l.Number(open), Caption: l.T("OverviewOpenPolls")},
		{Value: l.Number(ideas[community.IdeaPlanned]), Caption: l.T("PollStatusPlanned")},
		{Value: l.Number(ideas[community.IdeaInProgress]), Caption: l.T("PollStatusInProgress")},
		{Value: l.Number(ideas[community.IdeaShipped]), Caption: l.T("PollStatusShipped")},
	}
}

func (s *pollsManager) show(title string, content fyne.CanvasObject) {
	if s.detail == nil {
		s.env.Push(title, content)
		return
	}
	s.detail.Objects = []fyne.CanvasObject{content}
	s.detail.Refresh()
}

func (s *pollsManager) onNew() {
	s.list.UnselectAll()
	s.show(s.env.L().T("PollNew"), newPollCreator(s.env, func(p community.Poll) {
		s.show(p.Question, NewPollAdmin(s.env, p.ID))
	}).root)
}

func (s *pollsManager) onOpen(id widget.ListItemID) {
	if id >= len(s.polls) {
		return
	}
	if s.detail == nil {
		s.list.UnselectAll()
	}
	s.show(s.polls[id].Question, NewPollAdmin(s.env, s.polls[id].ID))
}

func (s *pollsManager) onChange(c community.Change) {
	if c.Kind == community.KindPoll {
		s.load()
	}
}

// pollCreator is the form that asks the community a question.
type pollCreator struct {
	env     *Env
	scope   *Scope
	created func(community.Poll)

	question *widget.Entry
	options  *widget.Entry
	closes   *ui.Check
	when     *dateTimeField
	create   *widget.Button
	problem  *widget.Label
	root     fyne.CanvasObject
}

func newPollCreator(env *Env, created func(community.Poll)) *pollCreator {
	s := &pollCreator{env: env, created: created}
	s.scope = env.Open("poll-new", nil)
	l := env.L()
	s.question = widget.NewEntry()
	s.options = widget.NewMultiLineEntry()
	s.options.SetMinRowsVisible(5)
	s.when = newDateTimeField(s.env, l.T("OwnerEventsTimePlaceholder"))
	s.when.root.Hide()
	s.closes = ui.NewCheck(env, l.T("PollCloses"), func(on bool) {
		if on {
			if _, ok := s.when.value(); !ok {
				s.when.set(env.Svc.Now().AddDate(0, 0, 14), s.when.zone)
			}
			s.when.root.Show()
		} else {
			s.when.root.Hide()
		}
	})
	s.create = highButton(l.T("PollCreate"), s.onCreate)
	s.problem = ui.NewRefusal(s.env)
	form := ui.NewForm(env,
		ui.FormField{Label: l.T("PollQuestion"), Input: ui.Hinted(env, s.question, l.T("PollQuestionPlaceholder"))},
		ui.FormField{Label: l.T("PollOptions"), Input: ui.Hinted(env, s.options, l.T("PollOptionsPlaceholder"))},
	)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(form, s.closes, s.when.root, s.problem, s.create)))
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		return func() {
			if err == nil {
				s.when.zone = c.Location()
			}
		}
	})
	return s
}

func (s *pollCreator) onCreate() {
	in := community.PollInput{Question: s.question.Text}
	for _, line := range strings.Split(s.options.Text, "\n") {
		if strings.TrimSpace(line) != "" {
			in.Options = append(in.Options, line)
		}
	}
	if s.closes.Checked {
		t, ok := s.when.value()
		if !ok {
			ui.ShowRefusal(s.problem, ErrorText(s.env.L(), community.Invalid("closes_at", community.ReasonInvalid)))
			return
		}
		in.ClosesAt = t
	}
	s.create.Disable()
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		p, err := svc.CreatePoll(ctx, me, in)
		return func() {
			s.create.Enable()
			if err != nil {
				ui.ShowRefusal(s.problem, ErrorText(s.env.L(), err)) // the form keeps what was typed
				return
			}
			ui.ShowRefusal(s.problem, "")
			if s.created != nil {
				s.created(p)
			}
		}
	})
}

// pollAdmin is one poll for staff: its options with votes and statuses.
type pollAdmin struct {
	env     *Env
	scope   *Scope
	id      string
	poll    community.Poll
	results community.Results

	question *ui.DataLabel
	state    *ui.Secondary
	close    *widget.Button
	options  *fyne.Container
	outcome  *widget.Label
	root     fyne.CanvasObject
}

// NewPollAdmin returns one poll for staff: close it, and move its ideas
// between statuses (shipping one thanks its proposer and voters).
func NewPollAdmin(env *Env, pollID string) fyne.CanvasObject {
	return newPollAdmin(env, pollID).root
}

func newPollAdmin(env *Env, id string) *pollAdmin {
	s := &pollAdmin{env: env, id: id}
	l := env.L()
	s.question = ui.NewDataLabel(env, "", true)
	s.state = ui.NewFaint(s.env, "")
	s.state.Label.Alignment = mirror.Start(l)
	s.close = dangerButton(l.T("PollClose"), s.onClose)
	s.options = container.NewVBox()
	s.outcome = ui.NewRefusal(s.env)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(s.question, s.state, s.outcome, s.options, mirror.Row(l, s.close))))
	s.scope = env.Open("poll", s.onChange)
	s.load()
	return s
}

func (s *pollAdmin) load() {
	svc, id := s.env.Svc, s.id
	s.scope.Go(func(ctx context.Context) func() {
		p, err := svc.Poll(ctx, id)
		var r community.Results
		if err == nil {
			r, err = svc.Results(ctx, id)
		}
		return func() {
			if err != nil {
				ui.ShowRefusal(s.outcome, ErrorText(s.env.L(), err))
				return
			}
			s.poll, s.results = p, r
			s.render()
		}
	})
}

func (s *pollAdmin) render() {
	l := s.env.L()
	p := s.poll
	s.question.SetData(s.env, p.Question)
	if p.Open(s.env.Svc.Now()) {
		ui.SetLine(s.env, s.state, l.N("PollStateOpenVotes", s.results.Total))
		s.close.Show()
	} else {
		ui.SetLine(s.env, s.state, l.N("PollStateClosedVotes", s.results.Total))
		s.close.Hide()
	}
	statuses := append([]community.IdeaStatus{community.IdeaPending}, community.IdeaStatuses...)
	names := make([]string, len(statuses))
	for i, st := range statuses {
		names[i] = l.T("PollStatus" + statusSuffix(st))
	}
	s.options.RemoveAll()
	for _, o := range p.Options {
		o := o
		text := ui.NewDataLabel(s.env, o.Text, false)
		meta := l.N("IdeasVotes", s.results.Tally[o.ID])
		if o.ByName != "" {
			meta = l.N("IdeasVotesBy", s.results.Tally[o.ID], map[string]any{"Name": o.ByName})
		}
		pick := widget.NewSelect(names, nil)
		for i, st := range statuses {
			if st == o.Status {
				pick.SetSelected(names[i])
			}
		}
		pick.OnChanged = func(name string) {
			for i, n := range names {
				if n == name && statuses[i] != o.Status {
					s.onStatus(o, statuses[i])
				}
			}
		}
		m := ui.NewFaint(s.env, "")
		ui.SetLine(s.env, m, meta)
		s.options.Add(mirror.Border(l, nil, nil, nil, pick, container.NewVBox(text, m)))
		s.options.Add(widget.NewSeparator())
	}
	s.options.Refresh()
}

// onStatus moves an idea; when it ships, says how many members were thanked.
func (s *pollAdmin) onStatus(o community.Option, st community.IdeaStatus) {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	votes := s.results.Tally[o.ID]
	s.scope.Save(func(ctx context.Context) func() {
		thanked := 0
		if st == community.IdeaShipped && o.Status != community.IdeaShipped {
			thanked = votes
			if o.By != "" {
				v, err := svc.MyVote(ctx, community.Actor{ID: o.By}, id)
				if errors.Is(err, community.ErrNotFound) || (err == nil && v.OptionID != o.ID) {
					thanked++ // the proposer, who is not among the voters
				}
			}
		}
		_, err := svc.SetIdeaStatus(ctx, me, id, o.ID, st)
		return func() {
			l := s.env.L()
			if err != nil {
				ui.ShowRefusal(s.outcome, ErrorText(l, err))
				s.render() // back to the stored status
				return
			}
			if st == community.IdeaShipped {
				ui.ShowNote(s.outcome, l.N("PollShippedThanked", thanked, map[string]any{"Idea": o.Text}))
			} else {
				ui.ShowRefusal(s.outcome, "")
			}
			s.load()
		}
	})
}

func (s *pollAdmin) onClose() {
	l := s.env.L()
	Confirm(s.env, l.T("PollCloseTitle"), l.T("PollCloseConfirm"), l.T("PollClose"), s.closePoll)
}

func (s *pollAdmin) closePoll() {
	svc, me, id := s.env.Svc, s.env.Me(), s.id
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.ClosePoll(ctx, me, id)
		return func() {
			if err != nil {
				ui.ShowRefusal(s.outcome, ErrorText(s.env.L(), err))
				return
			}
			s.load()
		}
	})
}

func (s *pollAdmin) onChange(c community.Change) {
	if c.About(community.KindPoll, s.id) || (c.Kind == community.KindVote && c.Parent == s.id) {
		s.load()
	}
}
