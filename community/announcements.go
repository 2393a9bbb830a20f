package community

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AnnouncementInput is what staff write: one text per language.
type AnnouncementInput struct {
	Texts     map[string]AnnouncementText
	Pinned    bool
	PublishAt time.Time // zero: now
}

// Validate checks that at least one language has a title and body, and every
// written language is complete and within limits.
func (in AnnouncementInput) Validate() error {
	written := 0
	for _, lang := range sortedKeys(in.Texts) {
		t := in.Texts[lang]
		if strings.TrimSpace(t.Title) == "" && strings.TrimSpace(t.Body) == "" {
			continue
		}
		written++
		if err := first(CheckID("lang", lang), CheckName("title", t.Title, MaxTitleLen), CheckBody("body", t.Body, MaxBodyLen)); err != nil {
			return err
		}
	}
	if written == 0 {
		return Invalid("title", ReasonRequired)
	}
	return nil
}

func sortedKeys(m map[string]AnnouncementText) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// Announce posts an announcement (staff only), now or at PublishAt.
func (s *Service) Announce(ctx context.Context, a Actor, in AnnouncementInput) (Announcement, error) {
	return s.saveAnnouncement(ctx, a, Announcement{ID: NewID(), CreatedBy: a.ID, CreatedAt: s.now()}, in)
}

// EditAnnouncement replaces an announcement's texts, pin and schedule (staff only).
func (s *Service) EditAnnouncement(ctx context.Context, a Actor, id string, in AnnouncementInput) (Announcement, error) {
	if err := a.require(ActAnnounce); err != nil {
		return Announcement{}, err
	}
	old, err := s.store.Announcement(ctx, id)
	if err != nil {
		return Announcement{}, fmt.Errorf("edit announcement %s: %w", id, err)
	}
	return s.saveAnnouncement(ctx, a, old, in)
}

func (s *Service) saveAnnouncement(ctx context.Context, a Actor, an Announcement, in AnnouncementInput) (Announcement, error) {
	if err := a.require(ActAnnounce); err != nil {
		return Announcement{}, err
	}
	if err := in.Validate(); err != nil {
		return Announcement{}, err
	}
	an.Texts = map[string]AnnouncementText{}
	for lang, t := range in.Texts {
		if strings.TrimSpace(t.Title) != "" {
			an.Texts[lang] = AnnouncementText{Title: strings.TrimSpace(t.Title), Body: strings.TrimSpace(t.Body)}
		}
	}
	an.Pinned = in.Pinned
	an.PublishAt = in.PublishAt
	if an.PublishAt.IsZero() {
		an.PublishAt = s.now()
	}
	if err := s.store.SaveAnnouncement(ctx, an); err != nil {
		return Announcement{}, fmt.Errorf("save announcement: %w", err)
	}
	return an, nil
}

// DeleteAnnouncement removes an announcement (staff only).
func (s *Service) DeleteAnnouncement(ctx context.Context, a Actor, id string) error {
	if err := a.require(ActAnnounce); err != nil {
		return err
	}
	return s.store.DeleteAnnouncement(ctx, id)
}

// Announcements lists published announcements, pinned first, newest first.
// Staff also see scheduled ones (all == true).
func (s *Service) Announcements(ctx context.Context, a Actor, all bool, limit int) ([]Announcement, error) {
	by := s.now()
	if all && a.Can(ActAnnounce) {
		by = time.Time{}
	}
	return s.store.Announcements(ctx, by, limit)
}

// Announcement returns one announcement.
func (s *Service) Announcement(ctx context.Context, id string) (Announcement, error) {
	return s.store.Announcement(ctx, id)
}
