package community

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Profile is what a member edits about themselves.
type Profile struct {
	Name     string
	Lang     string
	Birthday Birthday
}

func validateProfile(p Profile) error {
	if err := CheckName("name", p.Name, MaxNameLen); err != nil {
		return err
	}
	if p.Lang != "" {
		if err := CheckID("lang", p.Lang); err != nil {
			return err
		}
	}
	if !p.Birthday.IsZero() {
		if p.Birthday.Month < time.January || p.Birthday.Month > time.December {
			return Invalid("birthday", ReasonInvalid)
		}
		days := time.Date(2024, p.Birthday.Month+1, 0, 0, 0, 0, 0, time.UTC).Day() // 2024 is a leap year
		if p.Birthday.Day < 1 || p.Birthday.Day > days {
			return Invalid("birthday", ReasonInvalid)
		}
	}
	return nil
}

// Join adds a new member (a visitor who signs up) with the given ID (the auth
// user ID in the cloud, a new ID locally) and tells the business they arrived.
func (s *Service) Join(ctx context.Context, id string, p Profile) (Member, error) {
	if err := first(CheckID("id", id), validateProfile(p)); err != nil {
		return Member{}, err
	}
	now := s.now()
	m := Member{ID: id, Code: MemberCode(id), Name: strings.TrimSpace(p.Name), Lang: p.Lang, Role: RoleMember,
		Birthday: p.Birthday, Since: now, LastActive: now}
	if err := s.store.CreateMember(ctx, m); err != nil {
		return Member{}, fmt.Errorf("join as %s: %w", id, err)
	}
	return m, nil
}

// Member returns a member. Members read their own profile; staff read anyone's.
// The "usual" note is for staff eyes only.
func (s *Service) Member(ctx context.Context, a Actor, id string) (Member, error) {
	m, err := s.store.Member(ctx, id)
	if err != nil {
		return Member{}, fmt.Errorf("member %s: %w", id, err)
	}
	if a.ID != id && !a.Can(ActViewMembers) {
		return Member{}, fmt.Errorf("member %s: %w", id, ErrForbidden)
	}
	return m, nil
}

// UpdateProfile changes the actor's own name, language and birthday.
func (s *Service) UpdateProfile(ctx context.Context, a Actor, p Profile) (Member, error) {
	if err := a.require(ActEditProfile); err != nil {
		return Member{}, err
	}
	if err := validateProfile(p); err != nil {
		return Member{}, err
	}
	return s.store.UpdateMember(ctx, a.ID, func(m *Member) error {
		m.Name, m.Lang, m.Birthday = strings.TrimSpace(p.Name), p.Lang, p.Birthday
		return nil
	})
}

// SetUsual keeps the staff's "your usual" note on a member.
func (s *Service) SetUsual(ctx context.Context, a Actor, memberID, note string) (Member, error) {
	if err := a.require(ActEditUsual); err != nil {
		return Member{}, err
	}
	if err := CheckOptional("usual", note, MaxNoteLen); err != nil {
		return Member{}, err
	}
	return s.store.UpdateMember(ctx, memberID, func(m *Member) error {
		m.Usual = strings.TrimSpace(note)
		return nil
	})
}

// SetRole grants or revokes staff (owner only). An owner cannot demote themselves,
// so a community always keeps an owner.
func (s *Service) SetRole(ctx context.Context, a Actor, memberID string, r Role) (Member, error) {
	if err := a.require(ActManageRoles); err != nil {
		return Member{}, err
	}
	if !r.Valid() {
		return Member{}, Invalid("role", ReasonInvalid)
	}
	if memberID == a.ID && r != RoleOwner {
		return Member{}, Invalid("role", ReasonInvalid)
	}
	return s.store.UpdateMember(ctx, memberID, func(m *Member) error {
		m.Role = r
		return nil
	})
}

// SearchMembers finds members by name for staff; the screen sorts them in the
// viewer's language.
func (s *Service) SearchMembers(ctx context.Context, a Actor, query string, limit int) ([]Member, error) {
	if err := a.require(ActViewMembers); err != nil {
		return nil, err
	}
	if err := CheckOptional("query", query, MaxNameLen); err != nil {
		return nil, err
	}
	return s.store.SearchMembers(ctx, strings.TrimSpace(query), limit)
}

// FindByCode resolves a scanned or typed member code (or member ID) for staff.
func (s *Service) FindByCode(ctx context.Context, a Actor, code string) (Member, error) {
	if err := a.require(ActCheckIn); err != nil {
		return Member{}, err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if err := CheckID("code", code); err != nil {
		return Member{}, err
	}
	if !strings.HasPrefix(code, "RG-") {
		code = "RG-" + code
	}
	m, err := s.store.MemberByCode(ctx, code)
	if err != nil {
		return Member{}, fmt.Errorf("member code %s: %w", code, err)
	}
	return m, nil
}

// DeleteAccount erases the actor's account. Their posts stay, anonymised, so
// conversations keep making sense. The last owner cannot leave.
func (s *Service) DeleteAccount(ctx context.Context, a Actor) error {
	if err := a.require(ActEditProfile); err != nil {
		return err
	}
	if a.Role == RoleOwner {
		return Invalid("role", ReasonInvalid)
	}
	if err := s.store.DeleteMember(ctx, a.ID); err != nil {
		return fmt.Errorf("delete account %s: %w", a.ID, err)
	}
	return nil
}
