package community

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// CSV exports for the owner (and their accountant): RFC 4180 through
// encoding/csv, CRLF line ends, UTF-8 with a byte order mark so that
// spreadsheet programs read Arabic, Hindi or Japanese names as written
// instead of guessing a legacy code page. Times are in the community's zone
// (named in the column header), amounts in minor units of its currency.

// Export is one of the CSV exports.
type Export string

// Exports.
const (
	ExportMembers    Export = "members"
	ExportLedger     Export = "ledger"
	ExportAttendance Export = "attendance"
	ExportFeedback   Export = "feedback"
)

// Exports lists them, in the order the screen offers them.
var Exports = []Export{ExportMembers, ExportLedger, ExportAttendance, ExportFeedback}

// BOM is the UTF-8 byte order mark every export starts with.
const BOM = "\ufeff"

// csvTime is how exports write times: what spreadsheets parse as a date.
const csvTime = "2006-01-02 15:04"

// FileName is the name the save dialog proposes: "cafe-lumen-ledger-2026-11-24.csv".
func (x Export) FileName(c Community, now time.Time) string {
	id := c.ID
	if CheckSlug("id", id) != nil {
		id = "regulars"
	}
	return fmt.Sprintf("%s-%s-%s.csv", id, x, LocalDay(now, c.Location()))
}

// WriteExport writes export x as CSV to w (owner only). progress, when not
// nil, is called with steps done out of total.
func (s *Service) WriteExport(ctx context.Context, a Actor, x Export, w io.Writer, progress func(done, total int)) error {
	if err := a.require(ActExport); err != nil {
		return err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	c, err := s.store.Community(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", x, err)
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return fmt.Errorf("export %s: %w", x, err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	switch x {
	case ExportMembers:
		err = s.exportMembers(ctx, c, cw, progress)
	case ExportLedger:
		err = s.exportLedger(ctx, c, cw, progress)
	case ExportAttendance:
		err = s.exportAttendance(ctx, c, cw, progress)
	case ExportFeedback:
		err = s.exportFeedback(ctx, c, cw, progress)
	default:
		return Invalid("export", ReasonInvalid)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", x, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export %s: %w", x, err)
	}
	return nil
}

// cell makes user-written text safe in a spreadsheet: a cell starting with
// = + - @ (or a tab or carriage return) would be read as a formula (CSV
// injection), so it is prefixed with an apostrophe, which spreadsheets hide.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func when(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(csvTime)
}

func num(n int64) string { return strconv.FormatInt(n, 10) }

func (s *Service) allMembers(ctx context.Context) ([]Member, error) {
	ms, err := s.store.SearchMembers(ctx, "", 0)
	if err != nil {
		return nil, err
	}
	sort.Slice(ms, func(i, j int) bool {
		return ms[i].Since.Before(ms[j].Since) || ms[i].Since.Equal(ms[j].Since) && ms[i].ID < ms[j].ID
	})
	return ms, nil
}

func (s *Service) exportMembers(ctx context.Context, c Community, w *csv.Writer, progress func(int, int)) error {
	ms, err := s.allMembers(ctx)
	if err != nil {
		return err
	}
	zone := c.Location().String()
	_ = w.Write([]string{"member_id", "card_code", "name", "email", "language", "role", "tier", "points", "lifetime_points",
		"birthday", "usual", "member_since (" + zone + ")", "last_active (" + zone + ")"})
	for i, m := range ms {
		tier, _ := TierFor(c.Tiers, m.LifetimePoints)
		bday := ""
		if !m.Birthday.IsZero() {
			bday = fmt.Sprintf("--%02d-%02d", int(m.Birthday.Month), m.Birthday.Day)
		}
		if err := w.Write([]string{m.ID, m.Code, cell(m.Name), cell(m.Email), m.Lang, string(m.Role), cell(tier.Names.In(c.firstLocale())),
			num(m.Points), num(m.LifetimePoints), bday, cell(m.Usual), when(m.Since, c.Location()), when(m.LastActive, c.Location())}); err != nil {
			return err
		}
		progress(i+1, len(ms))
	}
	return nil
}

func (s *Service) exportLedger(ctx context.Context, c Community, w *csv.Writer, progress func(int, int)) error {
	ms, err := s.allMembers(ctx)
	if err != nil {
		return err
	}
	_ = w.Write([]string{"at (" + c.Location().String() + ")", "member_id", "name", "entry_id", "reason", "points", "ref", "note", "by"})
	for i, m := range ms {
		entries, err := s.store.Ledger(ctx, m.ID, 0)
		if err != nil {
			return err
		}
		for j := len(entries) - 1; j >= 0; j-- { // oldest first
			e := entries[j]
			if err := w.Write([]string{when(e.At, c.Location()), m.ID, cell(m.Name), e.ID, e.Reason, num(e.Delta), cell(e.Ref), cell(e.Note), e.By}); err != nil {
				return err
			}
		}
		progress(i+1, len(ms))
	}
	return nil
}

func (s *Service) exportAttendance(ctx context.Context, c Community, w *csv.Writer, progress func(int, int)) error {
	evs, err := s.store.Events(ctx, time.Time{}, time.Time{}, 0, false)
	if err != nil {
		return err
	}
	zone := c.Location().String()
	_ = w.Write([]string{"event_id", "event", "starts_at (" + zone + ")", "cancelled", "capacity", "member_id", "name", "status",
		"waitlist_position", "answered_at (" + zone + ")"})
	for i, e := range evs {
		rs, err := s.store.RSVPs(ctx, e.ID)
		if err != nil {
			return err
		}
		for _, r := range rs {
			pos := ""
			if r.Status == StatusWaiting {
				pos = strconv.Itoa(r.Position)
			}
			if err := w.Write([]string{e.ID, cell(e.Title), when(e.StartsAt, c.Location()), strconv.FormatBool(e.Cancelled),
				strconv.Itoa(e.Capacity), r.MemberID, cell(r.Name), string(r.Status), pos, when(r.At, c.Location())}); err != nil {
				return err
			}
		}
		progress(i+1, len(evs))
	}
	return nil
}

func (s *Service) exportFeedback(ctx context.Context, c Community, w *csv.Writer, progress func(int, int)) error {
	answers, err := s.store.Feedback(ctx, time.Time{})
	if err != nil {
		return err
	}
	_ = w.Write([]string{"at (" + c.Location().String() + ")", "member_id", "score", "comment"})
	for _, f := range answers {
		if err := w.Write([]string{when(f.At, c.Location()), f.MemberID, strconv.Itoa(f.Score), cell(f.Comment)}); err != nil {
			return err
		}
	}
	progress(1, 1)
	return nil
}

// firstLocale is the business's default language.
func (c Community) firstLocale() string {
	if len(c.Locales) > 0 {
		return c.Locales[0]
	}
	return "en"
}
