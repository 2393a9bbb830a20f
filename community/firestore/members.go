package firestore

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"cloud.google.com/go/firestore"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/regulars-app/regulars/community"
)

// Community returns the community's settings; ErrNotFound before the first save.
func (s *Store) Community(ctx context.Context) (community.Community, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var d communityDoc
	if err := must(ctx, nil, s.root, &d, "community"); err != nil {
		return community.Community{}, s.wrap("community", err)
	}
	return fromCommunityDoc(s.cid, d), nil
}

// SaveCommunity creates or replaces the settings.
func (s *Store) SaveCommunity(ctx context.Context, c community.Community) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	_, err := s.root.Set(ctx, toCommunityDoc(c))
	return s.write("save community", err, community.Change{Kind: community.KindCommunity, ID: s.cid})
}

// Member returns a member.
func (s *Store) Member(ctx context.Context, id string) (community.Member, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if id == "" {
		return community.Member{}, notFound("member", id)
	}
	var d memberDoc
	if err := must(ctx, nil, s.memberRef(id), &d, "member"); err != nil {
		return community.Member{}, s.wrap("member "+id, err)
	}
	return fromMemberDoc(id, d), nil
}

// MemberByCode reads the code's claim document, then the member: two reads.
func (s *Store) MemberByCode(ctx context.Context, code string) (community.Member, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if code == "" || strings.Contains(code, "/") {
		return community.Member{}, notFound("member code", code)
	}
	var c codeDoc
	if err := must(ctx, nil, s.col("memberCodes").Doc(code), &c, "member code"); err != nil {
		return community.Member{}, s.wrap("member by code", err)
	}
	return s.Member(ctx, c.Member)
}

// CreateMember adds a member with no points and claims their card code, in
// one transaction: a taken ID or code is ErrConflict.
func (s *Store) CreateMember(ctx context.Context, m community.Member) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	if m.ID == "" {
		return community.Invalid("id", community.ReasonRequired)
	}
	if strings.Contains(m.Code, "/") {
		return community.Invalid("code", community.ReasonInvalid)
	}
	m.Points, m.LifetimePoints = 0, 0
	return s.run(ctx, "create member "+m.ID, []string{"members/" + m.ID, "memberCodes/" + m.Code}, func(tx *firestore.Transaction, ch *changes) error {
		if found, err := get(ctx, tx, s.memberRef(m.ID), &memberDoc{}); err != nil || found {
			if found {
				return conflict("member", m.ID)
			}
			return err
		}
		if m.Code != "" {
			if found, err := get(ctx, tx, s.col("memberCodes").Doc(m.Code), &codeDoc{}); err != nil || found {
				if found {
					return conflict("member code", m.Code)
				}
				return err
			}
			if err := tx.Create(s.col("memberCodes").Doc(m.Code), codeDoc{Member: m.ID}); err != nil {
				return err
			}
		}
		ch.add(community.KindMember, m.ID, "", m.ID)
		return tx.Create(s.memberRef(m.ID), s.stamped(toMemberDoc(m), "since"))
	})
}

// UpdateMember changes a member's profile; points and ID stay as stored. A
// new card code is claimed and the old one released in the same transaction.
func (s *Store) UpdateMember(ctx context.Context, id string, fn func(*community.Member) error) (community.Member, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var out community.Member
	err := s.run(ctx, "update member "+id, []string{"members/" + id}, func(tx *firestore.Transaction, ch *changes) error {
		var old memberDoc
		if err := must(ctx, tx, s.memberRef(id), &old, "member"); err != nil {
			return err
		}
		m := fromMemberDoc(id, old)
		if err := fn(&m); err != nil {
			return err
		}
		m.ID, m.Points, m.LifetimePoints = id, old.Points, old.LifetimePoints
		if m.Code != old.Code {
			if strings.Contains(m.Code, "/") {
				return community.Invalid("code", community.ReasonInvalid)
			}
			if m.Code != "" {
				var c codeDoc
				found, err := get(ctx, tx, s.col("memberCodes").Doc(m.Code), &c)
				if err != nil {
					return err
				}
				if found && c.Member != id {
					return conflict("member code", m.Code)
				}
				if err := tx.Set(s.col("memberCodes").Doc(m.Code), codeDoc{Member: id}); err != nil {
					return err
				}
			}
			if old.Code != "" {
				if err := tx.Delete(s.col("memberCodes").Doc(old.Code)); err != nil {
					return err
				}
			}
		}
		ch.add(community.KindMember, id, "", id)
		out = m
		d := toMemberDoc(m)
		d.LastOp = old.LastOp
		return tx.Set(s.memberRef(id), d)
	})
	return out, err
}

// maxSearchKey is the longest prefix stored in nameSearch, in runes.
const maxSearchKey = 24

// SearchMembers finds members by a case-insensitive prefix of any word of
// their name ("gar" finds "José García"), with an array-contains query on
// nameSearch: at most limit documents read. Unlike the local store it does
// not match inside a word ("arcía" finds nobody). Queries longer than
// maxSearchKey runes match on their first maxSearchKey runes and are checked
// in full here.
func (s *Store) SearchMembers(ctx context.Context, query string, limit int) ([]community.Member, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := fold(strings.Join(strings.Fields(query), " "))
	members := s.col("members")
	var fq firestore.Query
	switch {
	case q == "":
		fq = members.OrderBy("nameKey", firestore.Asc)
	case utf8.RuneCountInString(q) <= maxSearchKey:
		fq = members.Where("nameSearch", "array-contains", q)
	default:
		fq = members.Where("nameSearch", "array-contains", string([]rune(q)[:maxSearchKey]))
	}
	if limit > 0 && utf8.RuneCountInString(q) <= maxSearchKey {
		fq = fq.Limit(limit)
	}
	var out []community.Member
	err := docs(ctx, nil, fq, func(snap *firestore.DocumentSnapshot) error {
		var d memberDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		if !strings.Contains(d.NameKey, q) || limit > 0 && len(out) >= limit {
			return nil
		}
		out = append(out, fromMemberDoc(snap.Ref.ID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("search members", err)
	}
	return out, nil
}

// CountMembers counts with one aggregation query on lifetimePoints and
// lastActive ranges: billed one read per 1,000 members matched, never the
// member documents.
func (s *Store) CountMembers(ctx context.Context, f community.MemberFilter) (int, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.col("members").Query
	if f.MinLifetime > 0 {
		q = q.Where("lifetimePoints", ">=", f.MinLifetime)
	}
	if f.MaxLifetime > 0 {
		q = q.Where("lifetimePoints", "<", f.MaxLifetime)
	}
	if !f.ActiveSince.IsZero() {
		q = q.Where("lastActive", ">=", f.ActiveSince)
	}
	n, err := count(ctx, q)
	if err != nil {
		return 0, s.wrap("count members", err)
	}
	return n, nil
}

// fold prepares a name for case-insensitive matching, as the local store
// does: full Unicode case folding of the NFC form ("JOSÉ" matches "José").
func fold(s string) string { return cases.Fold().String(norm.NFC.String(s)) }

// searchKeys are the prefixes nameSearch stores: for the folded name and for
// each of its word-suffixes ("josé garcía", "garcía"), every prefix of up to
// maxSearchKey runes.
func searchKeys(name string) []string {
	key := fold(strings.Join(strings.Fields(name), " "))
	seen := map[string]bool{}
	var out []string
	words := strings.Fields(key)
	for i := range words {
		r := []rune(strings.Join(words[i:], " "))
		for n := 1; n <= len(r) && n <= maxSearchKey; n++ {
			if p := string(r[:n]); !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// ApplyLedger appends e to the member's ledger (doc ID = e.ID, the
// idempotency key) and moves the balance, in one transaction.
func (s *Store) ApplyLedger(ctx context.Context, e community.LedgerEntry) (community.Member, bool, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	var m community.Member
	var applied bool
	err := s.run(ctx, fmt.Sprintf("apply ledger %s to %s", e.ID, e.MemberID), []string{"members/" + e.MemberID}, func(tx *firestore.Transaction, ch *changes) error {
		l, err := s.readLedger(ctx, tx, e)
		if err != nil {
			return err
		}
		m, applied, err = s.writeLedger(tx, l, ch)
		return err
	})
	return m, applied, err
}

// ledgerRead is what applying a ledger entry must read before any write.
type ledgerRead struct {
	entry  community.LedgerEntry
	member memberDoc
	exists bool // an entry with this ID was applied before
}

// readLedger does the reads of applying e inside tx.
func (s *Store) readLedger(ctx context.Context, tx *firestore.Transaction, e community.LedgerEntry) (ledgerRead, error) {
	l := ledgerRead{entry: e}
	if e.ID == "" || strings.Contains(e.ID, "/") {
		return l, community.Invalid("id", community.ReasonRequired)
	}
	if e.MemberID == "" {
		return l, notFound("member", e.MemberID)
	}
	if err := must(ctx, tx, s.memberRef(e.MemberID), &l.member, "member"); err != nil {
		return l, err
	}
	found, err := get(ctx, tx, s.memberRef(e.MemberID).Collection("ledger").Doc(e.ID), &ledgerDoc{})
	l.exists = found
	return l, err
}

// writeLedger does the writes of applying l.entry inside tx, after every read.
func (s *Store) writeLedger(tx *firestore.Transaction, l ledgerRead, ch *changes) (community.Member, bool, error) {
	e, m := l.entry, l.member
	if l.exists {
		return fromMemberDoc(e.MemberID, m), false, nil
	}
	after, err := community.ApplyEntry(fromMemberDoc(e.MemberID, m), e)
	if err != nil {
		return after, false, err
	}
	m.Points, m.LifetimePoints = after.Points, after.LifetimePoints
	ref := s.memberRef(e.MemberID)
	if err := tx.Create(ref.Collection("ledger").Doc(e.ID), s.stamped(toLedgerDoc(e), "at")); err != nil {
		return community.Member{}, false, err
	}
	// lastOp names the entry: firestore.rules moves a balance only with it.
	err = tx.Update(ref, []firestore.Update{{Path: "points", Value: m.Points}, {Path: "lifetimePoints", Value: m.LifetimePoints},
		{Path: "lastOp", Value: e.ID}})
	if err != nil {
		return community.Member{}, false, err
	}
	ch.add(community.KindLedger, e.ID, "", e.MemberID)
	ch.add(community.KindMember, e.MemberID, "", e.MemberID)
	return fromMemberDoc(e.MemberID, m), true, nil
}

// Ledger returns a member's entries, newest first.
func (s *Store) Ledger(ctx context.Context, memberID string, limit int) ([]community.LedgerEntry, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	q := s.memberRef(memberID).Collection("ledger").OrderBy("at", firestore.Desc)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []community.LedgerEntry
	err := docs(ctx, nil, q, func(snap *firestore.DocumentSnapshot) error {
		var d ledgerDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		out = append(out, fromLedgerDoc(snap.Ref.ID, memberID, d))
		return nil
	})
	if err != nil {
		return nil, s.wrap("ledger of "+memberID, err)
	}
	return out, nil
}
