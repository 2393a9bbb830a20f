package community

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

// Home is what a member sees first. Building it reads a bounded number of
// records whatever the size of the community and the member's history: the
// community, the member, one announcement, their next RSVP and its event, one
// open poll, one story and a count of their unread notifications (eight
// documents on Firestore; a waiter's place in line is one count more).
type Home struct {
	Member      Member
	Community   Community
	Status      LoyaltyStatus
	Birthday    bool          // today is their birthday (in the community's zone)
	Pinned      *Announcement // the newest pinned (or newest) published announcement
	NextEvent   *Event        // the soonest event not ended they hold a seat or wait for
	NextRSVP    *RSVP         // their RSVP to NextEvent
	OpenPoll    *Poll         // the newest open poll, when it still takes votes
	NewestStory *Story
	Unread      int // unread notifications
}

// Home builds a member's home screen. Its reads do not depend on one
// another, so they run at once: over a phone's connection each is a round
// trip, and home costs the slowest of them (two for the next event), not the
// sum of eight.
func (s *Service) Home(ctx context.Context, a Actor) (Home, error) {
	var h Home
	now := s.now()
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		if h.Community, err = s.store.Community(ctx); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		return nil
	})
	g.Go(func() (err error) {
		if h.Member, err = s.store.Member(ctx, a.ID); err != nil {
			return fmt.Errorf("home for %s: %w", a.ID, err)
		}
		return nil
	})
	g.Go(func() error {
		anns, err := s.store.Announcements(ctx, now, 1)
		if err != nil {
			return fmt.Errorf("home announcements: %w", err)
		}
		if len(anns) > 0 {
			h.Pinned = &anns[0]
		}
		return nil
	})
	g.Go(func() (err error) {
		h.NextEvent, h.NextRSVP, err = s.nextEvent(ctx, a.ID, now)
		return err
	})
	g.Go(func() error {
		// The newest open poll only: an older one still open is on the
		// polls screen, and one past its closing time that staff have not
		// closed yet shows nothing rather than costing more reads.
		polls, err := s.store.Polls(ctx, PollOpen, 1)
		if err != nil {
			return fmt.Errorf("home polls: %w", err)
		}
		if len(polls) > 0 && polls[0].Open(now) {
			h.OpenPoll = &polls[0]
		}
		return nil
	})
	g.Go(func() error {
		stories, err := s.store.Stories(ctx, StoryPublished, 1)
		if err != nil {
			return fmt.Errorf("home stories: %w", err)
		}
		if len(stories) > 0 {
			h.NewestStory = &stories[0]
		}
		return nil
	})
	g.Go(func() (err error) {
		if h.Unread, err = s.store.UnreadCount(ctx, a.ID); err != nil {
			return fmt.Errorf("home notifications: %w", err)
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return Home{}, err
	}
	h.Status = Status(h.Community, h.Member)
	h.Birthday = h.Member.Birthday.On(now.In(h.Community.Location()))
	return h, nil
}

// nextEvent returns the member's next RSVP and its event, nil when there is
// none. The RSVP's copy of the event's times chose it; the event read here is
// checked again, so that an event deleted or changed in between shows nothing
// rather than something stale.
func (s *Service) nextEvent(ctx context.Context, memberID string, now time.Time) (*Event, *RSVP, error) {
	r, err := s.store.NextRSVP(ctx, memberID, now)
	if errors.Is(err, ErrNotFound) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("home rsvp: %w", err)
	}
	e, err := s.store.Event(ctx, r.EventID)
	if errors.Is(err, ErrNotFound) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("home event: %w", err)
	}
	if e.Cancelled || !e.EndsAt.After(now) {
		return nil, nil, nil
	}
	return &e, &r, nil
}

// ActiveDays and NPSDays are the windows Insights counts active members and
// recent NPS answers over; screens say them in words ("the last 30 days").
const (
	ActiveDays = 30
	NPSDays    = 90
)

// Insights is the community's health, for the owner.
type Insights struct {
	Members    int
	Active30   int // members active in the last 30 days
	NPS        int
	HasNPS     bool
	NPSTrend   []MonthScore
	Tiers      []TierCount
	Attendance []EventAttendance // recent past events, oldest first
	Polls      []PollParticipation
}

// TierCount is how many members are in a tier.
type TierCount struct {
	Tier  Tier
	Count int
}

// EventAttendance is how an event filled.
type EventAttendance struct {
	Event     Event
	Going     int
	CheckedIn int
	Capacity  int
	Rating    float64 // average 1-5 answer of those checked in (issue 14), when Ratings > 0
	Ratings   int
}

// PollParticipation is how many members voted in a poll.
type PollParticipation struct {
	Poll  Poll
	Votes int
}

// Insights computes the community's health from counters and counts, not by
// reading every member (staff only).
func (s *Service) Insights(ctx context.Context, a Actor) (Insights, error) {
	if err := a.require(ActViewInsights); err != nil {
		return Insights{}, err
	}
	var in Insights
	c, err := s.store.Community(ctx)
	if err != nil {
		return in, fmt.Errorf("insights: %w", err)
	}
	now := s.now()
	if in.Members, err = s.store.CountMembers(ctx, MemberFilter{}); err != nil {
		return in, fmt.Errorf("insights members: %w", err)
	}
	if in.Active30, err = s.store.CountMembers(ctx, MemberFilter{ActiveSince: now.AddDate(0, 0, -ActiveDays)}); err != nil {
		return in, fmt.Errorf("insights active: %w", err)
	}
	for i, t := range c.Tiers {
		f := MemberFilter{MinLifetime: t.Threshold}
		if i+1 < len(c.Tiers) {
			f.MaxLifetime = c.Tiers[i+1].Threshold
		}
		n, err := s.store.CountMembers(ctx, f)
		if err != nil {
			return in, fmt.Errorf("insights tiers: %w", err)
		}
		in.Tiers = append(in.Tiers, TierCount{Tier: t, Count: n})
	}
	answers, err := s.store.Feedback(ctx, now.AddDate(0, -6, 0))
	if err != nil {
		return in, fmt.Errorf("insights nps: %w", err)
	}
	in.NPSTrend = NPSTrend(answers, c.Location())
	var recent []Feedback
	for _, f := range answers {
		if f.At.After(now.AddDate(0, 0, -NPSDays)) {
			recent = append(recent, f)
		}
	}
	in.NPS, in.HasNPS = NPS(recent)
	past, err := s.store.Events(ctx, now.AddDate(0, -3, 0), now, 8, true)
	if err != nil {
		return in, fmt.Errorf("insights events: %w", err)
	}
	for i := len(past) - 1; i >= 0; i-- {
		e := past[i]
		r, err := s.store.EventRating(ctx, e.ID)
		if err != nil {
			return in, fmt.Errorf("insights ratings: %w", err)
		}
		in.Attendance = append(in.Attendance, EventAttendance{Event: e, Going: e.Going, CheckedIn: e.CheckedIn, Capacity: e.Capacity,
			Rating: r.Average, Ratings: r.Count})
	}
	polls, err := s.store.Polls(ctx, "", 6)
	if err != nil {
		return in, fmt.Errorf("insights polls: %w", err)
	}
	for _, p := range polls {
		r, err := s.Results(ctx, p.ID)
		if err != nil {
			return in, err
		}
		in.Polls = append(in.Polls, PollParticipation{Poll: p, Votes: r.Total})
	}
	return in, nil
}
