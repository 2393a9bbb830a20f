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
