package community

import (
	"context"
	"fmt"
	"strings"
)

// SubmitStory sends a story for approval. The author must consent to its
// publication; without consent nothing is stored.
func (s *Service) SubmitStory(ctx context.Context, a Actor, title, body string, consent bool) (Story, error) {
	if err := a.require(ActSubmitStory); err != nil {
		return Story{}, err
	}
	if err := first(CheckName("title", title, MaxTitleLen), CheckBody("body", body, MaxStoryLen)); err != nil {
		return Story{}, err
	}
	if !consent {
		return Story{}, Invalid("consent", ReasonConsent)
	}
	m, err := s.store.Member(ctx, a.ID)
	if err != nil {
		return Story{}, fmt.Errorf("submit story: %w", err)
	}
	st := Story{ID: NewID(), AuthorID: a.ID, AuthorName: m.Name, AuthorSince: m.Since, Lang: a.Lang,
		Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Consent: true, Status: StoryPending, SubmittedAt: s.now()}
	if err := s.store.CreateStory(ctx, st); err != nil {
		return Story{}, fmt.Errorf("submit story: %w", err)
	}
	s.touch(ctx, a.ID)
	return st, nil
}

// ReviewStory publishes (approve) or rejects a pending story (staff only). A
// published story earns its author the story points, once.
func (s *Service) ReviewStory(ctx context.Context, a Actor, id string, approve bool) (Story, error) {
	if err := a.require(ActApproveStories); err != nil {
		return Story{}, err
	}
	now := s.now()
	st, err := s.store.UpdateStory(ctx, id, func(st *Story) error {
		if approve && !st.Consent {
			return Invalid("consent", ReasonConsent)
		}
		if approve {
			st.Status = StoryPublished
			if st.PublishedAt.IsZero() {
				st.PublishedAt = now
			}
		} else {
			st.Status = StoryRejected
		}
		return nil
	})
	if err != nil {
		return Story{}, fmt.Errorf("review story %s: %w", id, err)
	}
	if approve && st.AuthorID != "" {
		c, err := s.store.Community(ctx)
		if err == nil {
			_, _, err = s.apply(ctx, LedgerEntry{ID: "story:" + id, MemberID: st.AuthorID, Delta: c.Earn.StoryPublished,
				Reason: ReasonStory, Ref: id, By: a.ID})
		}
		if err != nil && !isNotFound(err) {
			return st, fmt.Errorf("story points for %s: %w", id, err)
		}
		_ = s.store.Notify(ctx, Notification{ID: "story_published:" + id, MemberID: st.AuthorID, Kind: "story_published", Ref: id, Title: st.Title, At: now})
	}
	return st, nil
}

// Stories lists published stories, newest first.
func (s *Service) Stories(ctx context.Context, limit int) ([]Story, error) {
	return s.store.Stories(ctx, StoryPublished, limit)
}

// PendingStories lists stories waiting for approval (staff only).
func (s *Service) PendingStories(ctx context.Context, a Actor, limit int) ([]Story, error) {
	if err := a.require(ActApproveStories); err != nil {
		return nil, err
	}
	return s.store.Stories(ctx, StoryPending, limit)
}

// Story returns a story; members see only published ones and their own.
func (s *Service) Story(ctx context.Context, a Actor, id string) (Story, error) {
	st, err := s.store.Story(ctx, id)
	if err != nil {
		return Story{}, err
	}
	if st.Status != StoryPublished && st.AuthorID != a.ID && !a.Can(ActApproveStories) {
		return Story{}, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	return st, nil
}

// LikeStory toggles the actor's like on a published story.
func (s *Service) LikeStory(ctx context.Context, a Actor, id string) (Story, bool, error) {
	if err := a.require(ActLikeStory); err != nil {
		return Story{}, false, err
	}
	st, err := s.store.Story(ctx, id)
	if err != nil {
		return Story{}, false, err
	}
	if st.Status != StoryPublished {
		return Story{}, false, Invalid("story", ReasonInvalid)
	}
	return s.store.LikeStory(ctx, id, a.ID)
}

// Liked reports whether the actor likes a story.
func (s *Service) Liked(ctx context.Context, a Actor, id string) (bool, error) {
	return s.store.Liked(ctx, id, a.ID)
}
