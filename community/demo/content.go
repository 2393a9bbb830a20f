package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/community"
)

func at(now time.Time, days int, hour, minute int) time.Time {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		madrid = time.UTC
	}
	d := now.In(madrid).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, madrid)
}

// seedLedger gives every member a history: welcome points and visits
// awarded by staff, so tiers spread over the community.
func seedLedger(ctx context.Context, s community.Store, now time.Time) error {
	for i, m := range Members(now) {
		entries := []community.LedgerEntry{{ID: "welcome:" + m.ID, Delta: 50, Reason: community.ReasonWelcome, At: m.Since}}
		tenure := people[i].monthsAgo
		visits := ((i*7)%17+1)*min(tenure+1, 12)/12 + max(tenure-26, 0)
		if m.ID == MemberID {
			visits = 14
		}
		for v := 0; v < visits; v++ {
			entries = append(entries, community.LedgerEntry{ID: fmt.Sprintf("award:seed-%s-%d", m.ID, v), Delta: 40 + int64(v%3)*10,
				Reason: community.ReasonAward, Note: "Visit", At: now.AddDate(0, 0, -3*(visits-v)), By: StaffID})
		}
		if visits > 6 {
			entries = append(entries, community.LedgerEntry{ID: "reward:seed-" + m.ID, Delta: -250, Reason: community.ReasonReward,
				Ref: "cake", At: now.AddDate(0, 0, -4), By: m.ID})
		}
		for _, e := range entries {
			e.MemberID = m.ID
			if _, _, err := s.ApplyLedger(ctx, e); err != nil {
				return fmt.Errorf("seed ledger %s: %w", e.ID, err)
			}
		}
	}
	return nil
}

// seedEvents creates past events with check-ins and upcoming ones, one of
// them full with a waitlist.
func seedEvents(ctx context.Context, s community.Store, now time.Time) error {
	ms := Members(now)
	type ev struct {
		community.Event
		going, checkedIn []int // indexes into ms
	}
	evs := []ev{
		{community.Event{ID: "ev-espresso", Title: "Espresso basics with Kenji", Place: "Café Lumen, bar counter",
			Description: "Dial in a grinder, pull a shot, taste the difference.", StartsAt: at(now, -45, 18, 0), EndsAt: at(now, -45, 19, 30), Capacity: 10},
			nil, []int{2, 3, 4, 5, 7, 12, 13}},
		{community.Event{ID: "ev-diwali", Title: "Diwali sweets tasting", Place: "Café Lumen",
			Description: "Priya brings her family's recipes. Ladoo, barfi and chai.", StartsAt: at(now, -30, 17, 0), EndsAt: at(now, -30, 19, 0), Capacity: 25},
			nil, []int{2, 3, 6, 8, 9, 10, 11, 14, 15, 16, 18, 20, 22}},
		{community.Event{ID: "ev-brunch", Title: "Harvest brunch", Place: "Café Lumen terrace",
			Description: "Seasonal brunch with the neighbours.", StartsAt: at(now, -20, 11, 0), EndsAt: at(now, -20, 13, 30), Capacity: 30},
			nil, []int{2, 4, 5, 7, 13, 17, 19, 21, 23, 25, 27, 29}},
		{community.Event{ID: "ev-cupping", Title: "Cupping: Ethiopian naturals", Place: "Café Lumen roastery, back room",
			Description: "Taste three natural-process coffees side by side. Spoons provided.", StartsAt: at(now, 5, 18, 30), EndsAt: at(now, 5, 20, 0), Capacity: 20},
			[]int{2, 3, 5, 8, 11, 14, 20, 24, 28}, nil},
		{community.Event{ID: "ev-latte", Title: "Latte art night", Place: "Café Lumen, bar counter",
			Description: "Hearts, tulips and rosettas. Six seats at the machine.", StartsAt: at(now, 3, 19, 0), EndsAt: at(now, 3, 21, 0), Capacity: 6},
			[]int{4, 6, 7, 9, 12, 13, 15, 17, 19}, nil},
		{community.Event{ID: "ev-calligraphy", Title: "Calligraphy & mint tea afternoon", Place: "Café Lumen",
			Description: "Omar teaches the basics of Arabic calligraphy over mint tea.", StartsAt: at(now, 12, 16, 0), EndsAt: at(now, 12, 18, 0), Capacity: 15},
			[]int{7, 16, 26}, nil},
		{community.Event{ID: "ev-games", Title: "Board games evening", Place: "Café Lumen",
			Description: "Bring your favourite game or learn a new one.", StartsAt: at(now, 19, 19, 0), EndsAt: at(now, 19, 22, 0)},
			[]int{10, 21, 22}, nil},
	}
	for _, e := range evs {
		e.TimeZone, e.CreatedBy, e.UpdatedAt = "Europe/Madrid", OwnerID, now.AddDate(0, 0, -50)
		if err := s.CreateEvent(ctx, e.Event); err != nil {
			return fmt.Errorf("seed event %s: %w", e.ID, err)
		}
		for n, i := range e.going {
			r := community.RSVP{EventID: e.ID, MemberID: ms[i].ID, Name: ms[i].Name, At: now.Add(time.Duration(n-60) * time.Hour)}
			if _, err := s.RSVP(ctx, e.ID, r); err != nil {
				return fmt.Errorf("seed rsvp %s: %w", e.ID, err)
			}
		}
		for _, i := range e.checkedIn {
			m := ms[i]
			r := community.RSVP{EventID: e.ID, MemberID: m.ID, Name: m.Name, At: e.StartsAt}
			le := community.LedgerEntry{ID: "checkin:" + e.ID + ":" + m.ID, MemberID: m.ID, Delta: Community().Earn.CheckIn,
				Reason: community.ReasonCheckIn, Ref: e.ID, At: e.StartsAt, By: StaffID}
			if _, _, err := s.CheckIn(ctx, e.ID, r, le); err != nil {
				return fmt.Errorf("seed check-in %s: %w", e.ID, err)
			}
		}
	}
	return nil
}

// seedFeedback gives five months of NPS answers.
func seedFeedback(ctx context.Context, s community.Store, now time.Time) error {
	scores := []int{10, 9, 8, 10, 7, 9, 6, 10, 9, 9, 8, 10, 5, 9, 10, 9, 8, 10, 9, 7, 10, 9, 10, 3, 9, 10, 8}
	comments := map[int]string{0: "Best flat white in town.", 6: "Sometimes hard to find a seat on Saturdays.", 12: "Wi-Fi keeps dropping.", 23: "The music was too loud last time."}
	for i, sc := range scores {
		m := people[2+i%(len(people)-2)]
		at := now.AddDate(0, -(i % 5), -(i % 20))
		f := community.Feedback{ID: fmt.Sprintf("%s:%s", m.id, at.Format("2006-01")), MemberID: m.id, Score: sc, Comment: comments[i], Lang: "en", At: at}
		if err := s.SaveFeedback(ctx, f); err != nil {
			return fmt.Errorf("seed feedback: %w", err)
		}
	}
	return nil
}
