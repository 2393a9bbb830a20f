package community

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// PollInput is what staff write to ask the community something.
type PollInput struct {
	Question string
	Options  []string
	ClosesAt time.Time
}

// Validate checks the question, 2 to MaxOptions distinct options and a closing time.
func (in PollInput) Validate(now time.Time) error {
	if err := CheckName("question", in.Question, MaxTitleLen); err != nil {
		return err
	}
	if len(in.Options) < 2 || len(in.Options) > MaxOptions {
		return &ValidationError{Field: "options", Reason: ReasonOutOfRange, Limit: MaxOptions}
	}
	seen := map[string]bool{}
	for _, o := range in.Options {
		if err := CheckName("option", o, MaxOptionLen); err != nil {
			return err
		}
		k := strings.ToLower(strings.TrimSpace(o))
		if seen[k] {
			return Invalid("option", ReasonDuplicate)
		}
		seen[k] = true
	}
	if !in.ClosesAt.IsZero() && !in.ClosesAt.After(now) {
		return Invalid("closes_at", ReasonPast)
	}
	return nil
}

// CreatePoll asks the community a question (staff only).
func (s *Service) CreatePoll(ctx context.Context, a Actor, in PollInput) (Poll, error) {
	if err := a.require(ActManagePolls); err != nil {
		return Poll{}, err
	}
	now := s.now()
	if err := in.Validate(now); err != nil {
		return Poll{}, err
	}
	p := Poll{ID: NewID(), Question: strings.TrimSpace(in.Question), Lang: a.Lang, ClosesAt: in.ClosesAt,
		Status: PollOpen, CreatedBy: a.ID, CreatedAt: now}
	for _, o := range in.Options {
		p.Options = append(p.Options, Option{ID: NewID()[:10], Text: strings.TrimSpace(o), Status: IdeaOpen})
	}
	if err := s.store.CreatePoll(ctx, p); err != nil {
		return Poll{}, fmt.Errorf("create poll: %w", err)
	}
	return p, nil
}

// Polls lists polls with a status ("" for all), newest first.
func (s *Service) Polls(ctx context.Context, status PollStatus, limit int) ([]Poll, error) {
	return s.store.Polls(ctx, status, limit)
}

// Poll returns one poll.
func (s *Service) Poll(ctx context.Context, id string) (Poll, error) { return s.store.Poll(ctx, id) }

// Vote casts or changes the actor's one vote while the poll is open.
func (s *Service) Vote(ctx context.Context, a Actor, pollID, optionID string) error {
	if err := a.require(ActVote); err != nil {
		return err
	}
	if err := first(CheckID("poll", pollID), CheckID("option", optionID)); err != nil {
		return err
	}
	if err := s.store.CastVote(ctx, Vote{PollID: pollID, MemberID: a.ID, OptionID: optionID, At: s.now()}); err != nil {
		return fmt.Errorf("vote in %s: %w", pollID, err)
	}
	s.touch(ctx, a.ID)
	return nil
}

// MyVote returns the actor's vote in a poll (ErrNotFound when none).
func (s *Service) MyVote(ctx context.Context, a Actor, pollID string) (Vote, error) {
	return s.store.VoteOf(ctx, pollID, a.ID)
}

// Results are a poll's tallies.
type Results struct {
	Tally map[string]int
	Total int
}

// Results returns a poll's tallies, read from counters.
func (s *Service) Results(ctx context.Context, pollID string) (Results, error) {
	t, err := s.store.Tally(ctx, pollID)
	if err != nil {
		return Results{}, fmt.Errorf("results of %s: %w", pollID, err)
	}
	r := Results{Tally: t}
	for _, n := range t {
		r.Total += n
	}
	return r, nil
}

// ProposeIdea adds a member's option to an open poll, pending until staff approve it.
func (s *Service) ProposeIdea(ctx context.Context, a Actor, pollID, text string) (Option, error) {
	if err := a.require(ActProposeIdea); err != nil {
		return Option{}, err
	}
	if err := CheckName("idea", text, MaxOptionLen); err != nil {
		return Option{}, err
	}
	opt := Option{ID: NewID()[:10], Text: strings.TrimSpace(text), By: a.ID, ByName: a.Name, Status: IdeaPending}
	now := s.now()
	_, err := s.store.UpdatePoll(ctx, pollID, func(p *Poll) error {
		if !p.Open(now) {
			return Invalid("poll", ReasonClosed)
		}
		if len(p.Options) >= MaxOptions*2 {
			return &ValidationError{Field: "options", Reason: ReasonOutOfRange, Limit: MaxOptions * 2}
		}
		for _, o := range p.Options {
			if strings.EqualFold(o.Text, opt.Text) {
				return Invalid("idea", ReasonDuplicate)
			}
		}
		p.Options = append(p.Options, opt)
		return nil
	})
	if err != nil {
		return Option{}, fmt.Errorf("propose idea to %s: %w", pollID, err)
	}
	s.touch(ctx, a.ID)
	return opt, nil
}

// ClosePoll stops a poll taking votes (staff only).
func (s *Service) ClosePoll(ctx context.Context, a Actor, pollID string) (Poll, error) {
	if err := a.require(ActManagePolls); err != nil {
		return Poll{}, err
	}
	return s.store.UpdatePoll(ctx, pollID, func(p *Poll) error { p.Status = PollClosed; return nil })
}

// SetIdeaStatus moves an idea on the board (staff only): approving a pending
// proposal opens it. Its proposer and voters are told of every move to
// planned, in progress, shipped and declined (see IdeaNotices; DeclineIdea
// says why). When an idea ships, they are thanked with points, once each.
func (s *Service) SetIdeaStatus(ctx context.Context, a Actor, pollID, optionID string, st IdeaStatus) (Poll, error) {
	return s.setIdeaStatus(ctx, a, pollID, optionID, st, "")
}

func (s *Service) setIdeaStatus(ctx context.Context, a Actor, pollID, optionID string, st IdeaStatus, reason string) (Poll, error) {
	if err := a.require(ActSetIdeaStatus); err != nil {
		return Poll{}, err
	}
	valid := st == IdeaPending
	for _, v := range IdeaStatuses {
		valid = valid || v == st
	}
	if !valid {
		return Poll{}, Invalid("status", ReasonInvalid)
	}
	var opt Option
	moved := false
	p, err := s.store.UpdatePoll(ctx, pollID, func(p *Poll) error {
		for i := range p.Options {
			if p.Options[i].ID == optionID {
				moved = p.Options[i].Status != st
				p.Options[i].Status = st
				if st == IdeaDeclined {
					p.Options[i].Reason = reason
				}
				opt = p.Options[i]
				return nil
			}
		}
		return fmt.Errorf("option %s: %w", optionID, ErrNotFound)
	})
	if err != nil {
		return Poll{}, fmt.Errorf("set idea status in %s: %w", pollID, err)
	}
	if st == IdeaShipped {
		if err := s.thankShipped(ctx, a, p, opt); err != nil {
			return p, err
		}
	}
	if moved && ideaNotice(st) != "" {
		voters, err := s.store.Voters(ctx, p.ID, opt.ID)
		if err != nil {
			return p, fmt.Errorf("voters of %s: %w", opt.ID, err)
		}
		c, err := s.store.Community(ctx)
		if err != nil {
			return p, fmt.Errorf("tell voters of %s: %w", opt.ID, err)
		}
		if err := s.tellAll(ctx, a.ID, IdeaNotices(p, opt, voters, c.Earn, s.now())); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (s *Service) thankShipped(ctx context.Context, a Actor, p Poll, opt Option) error {
	c, err := s.store.Community(ctx)
	if err != nil {
		return fmt.Errorf("thank for %s: %w", opt.ID, err)
	}
	key := "ship:" + p.ID + ":" + opt.ID + ":"
	if opt.By != "" {
		if err := s.applyQuiet(ctx, LedgerEntry{ID: key + opt.By, MemberID: opt.By, Delta: c.Earn.IdeaShipped,
			Reason: ReasonIdeaShipped, Ref: opt.ID, Note: opt.Text, By: a.ID}); err != nil && !isNotFound(err) {
			return err
		}
	}
	voters, err := s.store.Voters(ctx, p.ID, opt.ID)
	if err != nil {
		return fmt.Errorf("voters of %s: %w", opt.ID, err)
	}
	for _, v := range voters {
		if v == opt.By {
			continue
		}
		if err := s.applyQuiet(ctx, LedgerEntry{ID: key + v, MemberID: v, Delta: c.Earn.IdeaVoter,
			Reason: ReasonIdeaVoter, Ref: opt.ID, Note: opt.Text, By: a.ID}); err != nil && !isNotFound(err) {
			return err
		}
	}
	return nil
}

// Idea is an option on the co-creation board, with its poll and votes.
type Idea struct {
	Option
	PollID   string
	Question string
	Votes    int
}

// IdeasBoard groups the ideas of recent polls by status, most voted first.
func (s *Service) IdeasBoard(ctx context.Context, limit int) (map[IdeaStatus][]Idea, error) {
	polls, err := s.store.Polls(ctx, "", limit)
	if err != nil {
		return nil, fmt.Errorf("ideas board: %w", err)
	}
	board := map[IdeaStatus][]Idea{}
	for _, p := range polls {
		t, err := s.store.Tally(ctx, p.ID)
		if err != nil {
			return nil, fmt.Errorf("ideas board: %w", err)
		}
		for _, o := range p.Options {
			if o.Status == IdeaPending {
				continue
			}
			board[o.Status] = append(board[o.Status], Idea{Option: o, PollID: p.ID, Question: p.Question, Votes: t[o.ID]})
		}
	}
	for _, ideas := range board {
		sortIdeas(ideas)
	}
	return board, nil
}

// PendingIdeas lists proposals waiting for approval (staff only).
func (s *Service) PendingIdeas(ctx context.Context, a Actor, limit int) ([]Idea, error) {
	if err := a.require(ActManagePolls); err != nil {
		return nil, err
	}
	polls, err := s.store.Polls(ctx, PollOpen, limit)
	if err != nil {
		return nil, err
	}
	var out []Idea
	for _, p := range polls {
		for _, o := range p.Options {
			if o.Status == IdeaPending {
				out = append(out, Idea{Option: o, PollID: p.ID, Question: p.Question})
			}
		}
	}
	return out, nil
}

// applyQuiet applies a ledger entry whose notice is told another way (an
// idea shipped: its thank-you carries the points).
func (s *Service) applyQuiet(ctx context.Context, e LedgerEntry) error {
	if e.Delta == 0 {
		return nil
	}
	if e.At.IsZero() {
		e.At = s.now()
	}
	if _, _, err := s.store.ApplyLedger(ctx, e); err != nil {
		return fmt.Errorf("ledger %s for %s: %w", e.ID, e.MemberID, err)
	}
	return nil
}
