package local

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/regulars-app/regulars/community"
)

var communityKey = []byte("community")

// Community returns the community's settings; ErrNotFound before the first save.
func (s *Store) Community(ctx context.Context) (community.Community, error) {
	var r communityRec
	err := s.view(ctx, "community", func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bMeta), communityKey, &r)
		if err == nil && !found {
			return notFound("community", "")
		}
		return err
	})
	return fromCommunityRec(r), err
}

// SaveCommunity creates or replaces the settings.
func (s *Store) SaveCommunity(ctx context.Context, c community.Community) error {
	return s.update(ctx, "save community", func(tx *bolt.Tx, ch *changes) error {
		ch.add(community.KindCommunity, c.ID, "", "")
		return putJSON(tx.Bucket(bMeta), communityKey, toCommunityRec(c))
	})
}

// Member returns a member.
func (s *Store) Member(ctx context.Context, id string) (community.Member, error) {
	var m memberRec
	err := s.view(ctx, "member "+id, func(tx *bolt.Tx) (err error) {
		m, err = loadMember(tx, id)
		return err
	})
	return fromMemberRec(m), err
}

// MemberByCode returns the member whose card carries code.
func (s *Store) MemberByCode(ctx context.Context, code string) (community.Member, error) {
	var m memberRec
	err := s.view(ctx, "member by code", func(tx *bolt.Tx) (err error) {
		id := tx.Bucket(bMemberCodes).Get([]byte(code))
		if code == "" || id == nil {
			return notFound("member code", code)
		}
		m, err = loadMember(tx, string(id))
		return err
	})
	return fromMemberRec(m), err
}

// CreateMember adds a member with no points.
func (s *Store) CreateMember(ctx context.Context, m community.Member) error {
	return s.update(ctx, "create member "+m.ID, func(tx *bolt.Tx, ch *changes) error {
		if m.ID == "" {
			return community.Invalid("id", community.ReasonRequired)
		}
		if m.Points != 0 || m.LifetimePoints != 0 {
			return community.Invalid("points", community.ReasonInvalid)
		}
		if tx.Bucket(bMembers).Get([]byte(m.ID)) != nil {
			return conflict("member", m.ID)
		}
		if err := putMember(tx, nil, toMemberRec(m)); err != nil {
			return err
		}
		ch.add(community.KindMember, m.ID, "", m.ID)
		return nil
	})
}

// UpdateMember changes a member's profile; points, ID and deletion stay as stored.
func (s *Store) UpdateMember(ctx context.Context, id string, fn func(*community.Member) error) (community.Member, error) {
	var out community.Member
	err := s.update(ctx, "update member "+id, func(tx *bolt.Tx, ch *changes) error {
		old, err := loadMember(tx, id)
		if err != nil {
			return err
		}
		m := fromMemberRec(old)
		if err := fn(&m); err != nil {
			return err
		}
		m.ID, m.Points, m.LifetimePoints = old.ID, old.Points, old.LifetimePoints
		if err := putMember(tx, &old, toMemberRec(m)); err != nil {
			return err
		}
		ch.add(community.KindMember, id, "", id)
		out = m
		return nil
	})
	return out, err
}

// SearchMembers scans the folded-name index, not the member records.
func (s *Store) SearchMembers(ctx context.Context, query string, limit int) ([]community.Member, error) {
	q := fold(query)
	var out []community.Member
	err := s.view(ctx, "search members", func(tx *bolt.Tx) error {
		return each(tx.Bucket(bMemberNames), nil, func(key, _ []byte) (bool, error) {
			i := bytes.LastIndexByte(key, 0)
			if !strings.Contains(string(key[:i]), q) {
				return true, nil
			}
			m, err := loadMember(tx, string(key[i+1:]))
			if err != nil {
				return false, err
			}
			out = append(out, fromMemberRec(m))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}

// CountMembers walks the lifetime-points index from f.MinLifetime, reading
// only index keys (16 bytes each), never member records.
func (s *Store) CountMembers(ctx context.Context, f community.MemberFilter) (int, error) {
	n := 0
	err := s.view(ctx, "count members", func(tx *bolt.Tx) error {
		c := tx.Bucket(bMemberPoints).Cursor()
		active := timeKey(f.ActiveSince)
		for key, v := c.Seek(be64(uint64(max(f.MinLifetime, 0)))); key != nil; key, v = c.Next() {
			if f.MaxLifetime > 0 && int64(binary.BigEndian.Uint64(key)) >= f.MaxLifetime {
				break
			}
			if !f.ActiveSince.IsZero() && bytes.Compare(v, active) < 0 {
				continue
			}
			n++
		}
		return nil
	})
	return n, err
}

// fold prepares a name for case-insensitive matching: full Unicode case
// folding ("ß" matches "SS") of the NFC form, so "José" typed either way matches.
func fold(s string) string { return cases.Fold().String(norm.NFC.String(s)) }

func loadMember(tx *bolt.Tx, id string) (memberRec, error) {
	var m memberRec
	found, err := getJSON(tx.Bucket(bMembers), []byte(id), &m)
	if err == nil && !found {
		err = notFound("member", id)
	}
	return m, err
}

// putMember stores m and moves its index entries from old (nil when new).
func putMember(tx *bolt.Tx, old *memberRec, m memberRec) error {
	codes, names, points := tx.Bucket(bMemberCodes), tx.Bucket(bMemberNames), tx.Bucket(bMemberPoints)
	if old == nil || old.Code != m.Code {
		if m.Code != "" {
			if owner := codes.Get([]byte(m.Code)); owner != nil && string(owner) != m.ID {
				return conflict("member code", m.Code)
			}
			if err := codes.Put([]byte(m.Code), []byte(m.ID)); err != nil {
				return err
			}
		}
		if old != nil && old.Code != "" {
			if err := codes.Delete([]byte(old.Code)); err != nil {
				return err
			}
		}
	}
	if old != nil {
		if err := names.Delete(k(fold(old.Name), old.ID)); err != nil {
			return err
		}
		if err := points.Delete(cat(be64(uint64(old.LifetimePoints)), []byte(old.ID))); err != nil {
			return err
		}
	}
	if err := names.Put(k(fold(m.Name), m.ID), nil); err != nil {
		return err
	}
	if err := points.Put(cat(be64(uint64(m.LifetimePoints)), []byte(m.ID)), timeKey(m.LastActive)); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bMembers), []byte(m.ID), m)
}

// ApplyLedger appends e and moves the balance, once per entry ID and member.
func (s *Store) ApplyLedger(ctx context.Context, e community.LedgerEntry) (community.Member, bool, error) {
	var m memberRec
	var applied bool
	err := s.update(ctx, fmt.Sprintf("apply ledger %s to %s", e.ID, e.MemberID), func(tx *bolt.Tx, ch *changes) (err error) {
		m, applied, err = applyLedger(tx, e, ch)
		return err
	})
	return fromMemberRec(m), applied, err
}

// applyLedger is ApplyLedger inside a transaction (check-in shares it).
func applyLedger(tx *bolt.Tx, e community.LedgerEntry, ch *changes) (memberRec, bool, error) {
	if e.ID == "" {
		return memberRec{}, false, community.Invalid("id", community.ReasonRequired)
	}
	m, err := loadMember(tx, e.MemberID)
	if err != nil {
		return m, false, err
	}
	ids := tx.Bucket(bLedgerIDs)
	idKey := k(e.MemberID, e.ID)
	if ids.Get(idKey) != nil {
		return m, false, nil
	}
	after, err := community.ApplyEntry(community.Member{Points: m.Points, LifetimePoints: m.LifetimePoints}, e)
	if err != nil {
		return m, false, err
	}
	old := m
	m.Points, m.LifetimePoints = after.Points, after.LifetimePoints
	lk := cat(prefix(e.MemberID), timeKey(e.At), []byte(e.ID))
	if err := putJSON(tx.Bucket(bLedger), lk, toLedgerRec(e)); err != nil {
		return m, false, err
	}
	if err := ids.Put(idKey, lk); err != nil {
		return m, false, err
	}
	if err := putMember(tx, &old, m); err != nil {
		return m, false, err
	}
	ch.add(community.KindLedger, e.ID, "", e.MemberID)
	ch.add(community.KindMember, m.ID, "", m.ID)
	return m, true, nil
}

// Ledger returns a member's entries, newest first.
func (s *Store) Ledger(ctx context.Context, memberID string, limit int) ([]community.LedgerEntry, error) {
	var out []community.LedgerEntry
	err := s.view(ctx, "ledger of "+memberID, func(tx *bolt.Tx) error {
		return eachReverse(tx.Bucket(bLedger), prefix(memberID), func(_, v []byte) (bool, error) {
			var r ledgerRec
			if err := decode(v, &r); err != nil {
				return false, err
			}
			out = append(out, fromLedgerRec(r))
			return limit <= 0 || len(out) < limit, nil
		})
	})
	return out, err
}
