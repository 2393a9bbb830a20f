package community

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// DataExport is everything Regulars keeps about one member, as they download it.
type DataExport struct {
	ExportedAt    time.Time      `json:"exportedAt"`
	Community     string         `json:"community"`
	Member        ExportMember   `json:"member"`
	Ledger        []LedgerEntry  `json:"ledger"`
	RSVPs         []RSVP         `json:"rsvps"`
	Threads       []Thread       `json:"threads"`
	Posts         []Post         `json:"posts"`
	Stories       []Story        `json:"stories"`
	Votes         []Vote         `json:"votes"`
	Feedback      []Feedback     `json:"feedback"`
	Notifications []Notification `json:"notifications"`
}

// ExportMember is the profile part of an export. The staff's "usual" note is
// included: it is data about the member.
type ExportMember struct {
	ID             string    `json:"id"`
	Code           string    `json:"code"`
	Name           string    `json:"name"`
	Email          string    `json:"email,omitempty"`
	Lang           string    `json:"lang"`
	Role           Role      `json:"role"`
	Birthday       string    `json:"birthday,omitempty"` // "--MM-DD" (ISO 8601 without year)
	Usual          string    `json:"usual,omitempty"`
	Points         int64     `json:"points"`
	LifetimePoints int64     `json:"lifetimePoints"`
	Since          time.Time `json:"since"`
}

// ExportMyData gathers the actor's data as indented JSON. progress, when not
// nil, is called with steps done out of total as the export advances.
func (s *Service) ExportMyData(ctx context.Context, a Actor, progress func(done, total int)) ([]byte, error) {
	if err := a.require(ActEditProfile); err != nil {
		return nil, err
	}
	const total = 6
	step := func(n int) {
		if progress != nil {
			progress(n, total)
		}
	}
	step(0)
	c, err := s.store.Community(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	m, err := s.store.Member(ctx, a.ID)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	step(1)
	x := DataExport{ExportedAt: s.now().UTC(), Community: c.Name, Member: ExportMember{ID: m.ID, Code: m.Code, Name: m.Name,
		Email: m.Email, Lang: m.Lang, Role: m.Role, Usual: m.Usual, Points: m.Points, LifetimePoints: m.LifetimePoints, Since: m.Since}}
	if !m.Birthday.IsZero() {
		x.Member.Birthday = fmt.Sprintf("--%02d-%02d", int(m.Birthday.Month), m.Birthday.Day)
	}
	if x.Ledger, err = s.store.Ledger(ctx, a.ID, 0); err != nil {
		return nil, fmt.Errorf("export ledger: %w", err)
	}
	step(2)
	if x.RSVPs, err = s.store.MemberRSVPs(ctx, a.ID, 0); err != nil {
		return nil, fmt.Errorf("export rsvps: %w", err)
	}
	step(3)
	if x.Notifications, err = s.store.Notifications(ctx, a.ID, 0); err != nil {
		return nil, fmt.Errorf("export notifications: %w", err)
	}
	step(4)
	rec, err := s.store.MemberRecords(ctx, a.ID)
	if err != nil {
		return nil, fmt.Errorf("export what the member wrote: %w", err)
	}
	x.Threads, x.Posts, x.Stories, x.Votes, x.Feedback = rec.Threads, rec.Posts, rec.Stories, rec.Votes, rec.Feedback
	step(5)
	out, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	step(total)
	return out, nil
}
