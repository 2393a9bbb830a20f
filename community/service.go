package community

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Service holds the use cases. Each checks the actor's permission and validates
// its input before it touches the store. Screens call a Service, never a Store.
type Service struct {
	store Store
	now   func() time.Time
}

// ServiceOption configures a Service.
type ServiceOption func(*Service)

// WithClock makes the service read time from now (tests, screenshots, demos).
func WithClock(now func() time.Time) ServiceOption { return func(s *Service) { s.now = now } }

// NewService returns the use cases over store.
func NewService(store Store, opts ...ServiceOption) *Service {
	s := &Service{store: store, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Now is the service's clock.
func (s *Service) Now() time.Time { return s.now() }

// Watch streams the store's changes until ctx is done.
func (s *Service) Watch(ctx context.Context) <-chan Change { return s.store.Watch(ctx) }

// Community returns the community's settings.
func (s *Service) Community(ctx context.Context) (Community, error) {
	c, err := s.store.Community(ctx)
	if err != nil {
		return Community{}, fmt.Errorf("community: %w", err)
	}
	return c, nil
}

// SaveCommunity replaces the community's settings (owner only).
func (s *Service) SaveCommunity(ctx context.Context, a Actor, c Community) error {
	if err := a.require(ActManageRewards); err != nil {
		return err
	}
	if err := ValidateCommunity(c); err != nil {
		return err
	}
	return s.store.SaveCommunity(ctx, c)
}

// ValidateCommunity checks the settings: a name, tiers ascending from zero,
// rewards with names and positive costs, a known time zone.
func ValidateCommunity(c Community) error {
	if err := CheckName("name", c.Name, MaxTitleLen); err != nil {
		return err
	}
	if len(c.Tiers) == 0 || c.Tiers[0].Threshold != 0 {
		return Invalid("tiers", ReasonInvalid)
	}
	for i := 1; i < len(c.Tiers); i++ {
		if c.Tiers[i].Threshold <= c.Tiers[i-1].Threshold {
			return Invalid("tiers", ReasonInvalid)
		}
	}
	for _, r := range c.Rewards {
		if r.Cost <= 0 {
			return Invalid("cost", ReasonOutOfRange)
		}
	}
	if c.TimeZone != "" {
		if _, err := time.LoadLocation(c.TimeZone); err != nil {
			return Invalid("time_zone", ReasonInvalid)
		}
	}
	return nil
}

// touch records that a member was active, at most once an hour, so the
// "active members" insight costs few writes. Failures are not the caller's
// problem: the action itself succeeded.
func (s *Service) touch(ctx context.Context, memberID string) {
	now := s.now()
	m, err := s.store.Member(ctx, memberID)
	if err != nil || now.Sub(m.LastActive) < time.Hour {
		return
	}
	_, _ = s.store.UpdateMember(ctx, memberID, func(m *Member) error {
		m.LastActive = now
		return nil
	})
}

// isNotFound reports whether err is ErrNotFound.
func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
