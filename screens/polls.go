package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// pollsLimit is how many open polls the screen shows.
const pollsLimit = 10

// pollState is one open poll as the member sees it.
type pollState struct {
	poll     community.Poll
	results  community.Results
	mine     string // the option the member voted for, "" when none
	changing bool   // showing the options again to change the vote
	choice   string // the option picked, to vote for with the Vote button
	draft    string // the idea being typed, kept across live refreshes
	note     string // the outcome of the last proposal
	refused  bool   // note is a refusal
}

// polls is the member's co-creation place: open polls to vote in (results as
// bars once voted), proposing ideas, and the ideas board by status.
type polls struct {
	env   *Env
	scope *Scope
	items []*pollState
	loads loader // the newest load wins

	cards   *fyne.Container
	empty   fyne.CanvasObject
	problem *widget.Label
	board   *ideasBoard
	root    fyne.CanvasObject
}

// NewPolls returns the polls screen: a tab of open polls and a tab with the
// ideas board (open, planned, in progress, shipped, declined).
func NewPolls(env *Env) fyne.CanvasObject {
	return newPolls(env).root
}

func newPolls(env *Env) *polls {
	s := &polls{env: env}
	s.scope = env.Open("polls", s.onChange)
	s.buildUI()
	s.load()
	return s
}

func (s *polls) buildUI() {
	l := s.env.L()
	s.cards = container.NewVBox()
	s.empty = ui.NewEmptyState(nil, l.T("PollEmpty"), "", nil)
	s.empty.Hide()
	s.problem = ui.NewRefusal(s.env)
	s.board = newIdeasBoard(s.env, s.scope)
	s.root = ui.NewTabs(s.env,
		container.NewTabItem(l.T("PollTabOpen"), container.NewVScroll(container.NewVBox(s.problem, s.empty, s.cards))),
		container.NewTabItem(l.T("IdeasTabBoard"), s.board.root),
	)
}

func (s *polls) load() {
	svc, me := s.env.Svc, s.env.Me()
	s.loads.Load(s.scope, func(ctx context.Context) func() {
		items, err := loadPolls(ctx, svc, me)
		return func() {
			if loadFailed(s.env, s.problem, err) {
				return
			}
			// Keep "changing my vote" across a live refresh.
			for _, it := range items {
				for _, old := range s.items {
					if old.poll.ID == it.poll.ID {
						it.changing, it.draft, it.note, it.refused = old.changing, old.draft, old.note, old.refused
					}
				}
			}
			s.items = items
			s.render()
		}
	})
}

// loadPolls reads the open polls with their tallies and the member's votes.
func loadPolls(ctx context.Context, svc *community.Service, me community.Actor) ([]*pollState, error) {
	ps, err := svc.Polls(ctx, community.PollOpen, pollsLimit)
	if err != nil {
		return nil, err
	}
	var out []*pollState
	for _, p := range ps {
		if !p.Open(svc.Now()) {
			continue
		}
		st := &pollState{poll: p}
		if st.results, err = svc.Results(ctx, p.ID); err != nil {
			return nil, err
		}
		v, err := svc.MyVote(ctx, me, p.ID)
		switch {
		case err == nil:
			st.mine = v.OptionID
		case !errors.Is(err, community.ErrNotFound):
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func (s *polls) render() {
	s.cards.RemoveAll()
	for _, st := range s.items {
		s.cards.Add(s.card(st))
	}
	showEmpty(s.empty, len(s.items))
	s.root.Refresh() // the cards changed size: lay the page out again
}

// card shows a poll: its options to vote when the member has not voted (or
// is changing their vote), else the results as bars; then "propose an idea".
func (s *polls) card(st *pollState) fyne.CanvasObject {
	l := s.env.L()
	p := st.poll
	box := container.NewVBox()
	var needVerified []fyne.Disableable // voting and proposing need a confirmed email
	if st.mine == "" || st.changing {
		for _, o := range p.Options {
			if !o.Votable() {
				continue
			}
			// The option's text wraps beside a short button: a button's own
			// label would not wrap, and an option may be 140 characters long.
			// Each option is a row the whole width, tapped to pick it;
			// one Vote button the whole width under them; the tallies show
			// once the member has voted (not to sway the vote).
			optionID := o.ID
			picked := st.choice == o.ID || st.choice == "" && o.ID == st.mine
			row := ui.NewChoiceRow(s.env, o.Text, picked, func() { st.choice = optionID; s.render() })
			needVerified = append(needVerified, row)
			box.Add(row)
		}
		pollID := p.ID
		vote := widget.NewButton(l.T("PollVote"), func() {
			if st.choice == "" {
				st.note, st.refused = l.T("PollChooseOption"), true
				s.render()
				return
			}
			s.onVote(pollID, st.choice)
		})
		vote.Importance = widget.HighImportance
		needVerified = append(needVerified, vote)
		box.Add(vote)
	} else {
		box.Add(resultsChart(s.env, p, st.results, st.mine))
		box.Add(ui.NewFaint(s.env, l.N("PollTotalVotes", st.results.Total)))
		box.Add(widget.NewButton(l.T("PollChangeVote"), func() { st.changing = true; s.render() }))
	}
	idea := widget.NewEntry()
	idea.SetText(st.draft)
	idea.OnChanged = func(text string) { st.draft = text }
	problem := ui.NewRefusal(s.env)
	if st.refused {
		ui.ShowRefusal(problem, st.note)
	} else if st.note != "" {
		ui.ShowNote(problem, st.note)
	}
	propose := widget.NewButton(l.T("PollPropose"), func() { s.onPropose(st) })
	idea.OnSubmitted = func(string) { s.onPropose(st) }
	box.Add(widget.NewSeparator())
	box.Add(mirror.Border(l, nil, nil, nil, propose, ui.Hinted(s.env, idea, l.T("PollIdeaPlaceholder"))))
	box.Add(problem)
	box.Add(requireVerified(s.env, append(needVerified, propose)...))
	sub := ""
	if !p.ClosesAt.IsZero() {
		sub = l.T("PollClosesAt", map[string]any{"When": l.DateTime(p.ClosesAt, nil)})
	}
	// The question wraps: a card title would not, and phones are narrow.
	q := ui.NewContentLabel(s.env, p.Question, true)
	head := container.NewVBox(q)
	if sub != "" {
		when := ui.NewFaint(s.env, "")
		ui.SetLine(s.env, when, sub)
		head.Add(when)
	}
	return widget.NewCard("", "", container.NewVBox(head, box))
}

// resultsChart shows each option's votes as a bar the length of its share
// of all votes (over a track for the whole, growing from the reading
// start), the count and the percentage past it, the option's whole text
// over it; the member's own vote said and marked.
func resultsChart(env *Env, p community.Poll, r community.Results, mine string) fyne.CanvasObject {
	l := env.L()
	var points []ui.ChartPoint
	for _, o := range p.Options {
		if !o.Votable() {
			continue
		}
		n := r.Tally[o.ID]
		share := 0.0
		if r.Total > 0 {
			share = float64(n) / float64(r.Total)
		}
		label := o.Text
		if o.ID == mine {
			label = l.T("PollYourVote", map[string]any{"Option": o.Text})
		}
		points = append(points, ui.ChartPoint{Label: label, Value: share, Mark: o.ID == mine,
			Text: l.T("PollVotesShare", map[string]any{"Votes": l.N("PollVotes", n), "Percent": l.Percent(share)})})
	}
	c := ui.NewChart(ui.BarChart, points, env)
	c.Min, c.Max = 0, 1
	c.Tracks = true
	return c
}

func (s *polls) onVote(pollID, optionID string) {
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		err := svc.Vote(ctx, me, pollID, optionID)
		return func() {
			if err != nil {
				msg := ErrorText(s.env.L(), err)
				if community.IsReason(err, community.ReasonClosed) {
					msg = s.env.L().T("PollClosed")
				}
				ui.ShowRefusal(s.problem, msg)
				return
			}
			for _, st := range s.items {
				if st.poll.ID == pollID {
					st.changing, st.choice = false, ""
				}
			}
			s.load()
		}
	})
}

func (s *polls) onPropose(st *pollState) {
	text, pollID := st.draft, st.poll.ID
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Save(func(ctx context.Context) func() {
		_, err := svc.ProposeIdea(ctx, me, pollID, text)
		return func() {
			l := s.env.L()
			st.refused = err != nil
			switch {
			case community.IsReason(err, community.ReasonDuplicate):
				st.note = l.T("PollIdeaDuplicate")
			case err != nil:
				st.note = ErrorText(l, err) // the draft stays in the box
			default:
				st.draft, st.note = "", l.T("PollIdeaProposed")
			}
			s.render()
		}
	})
}

func (s *polls) onChange(c community.Change) {
	if c.Kind == community.KindPoll || c.Kind == community.KindVote {
		s.load()
		s.board.load()
	}
}
