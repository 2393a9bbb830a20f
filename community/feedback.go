package community

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// GiveFeedback records the actor's answer to the NPS question: one answer per
// member per month (answering again that month replaces it).
func (s *Service) GiveFeedback(ctx context.Context, a Actor, score int, comment string) (Feedback, error) {
	if err := a.require(ActFeedback); err != nil {
		return Feedback{}, err
	}
	if err := first(CheckRange("score", int64(score), 0, 10), CheckOptionalBody("comment", comment, MaxCommentLen)); err != nil {
		return Feedback{}, err
	}
	now := s.now()
	f := Feedback{ID: a.ID + ":" + now.UTC().Format("2006-01"), MemberID: a.ID, Score: score, Comment: strings.TrimSpace(comment), Lang: a.Lang, At: now}
	if err := s.store.SaveFeedback(ctx, f); err != nil {
		return Feedback{}, fmt.Errorf("feedback: %w", err)
	}
	return f, nil
}

// NPS is the Net Promoter Score of answers: the percentage of promoters (9-10)
// minus the percentage of detractors (0-6), from -100 to 100, rounded.
// ok is false when there are no answers.
func NPS(answers []Feedback) (score int, ok bool) {
	if len(answers) == 0 {
		return 0, false
	}
	promoters, detractors := 0, 0
	for _, f := range answers {
		switch {
		case f.Score >= 9:
			promoters++
		case f.Score <= 6:
			detractors++
		}
	}
	diff := (promoters - detractors) * 100
	n := len(answers)
	// round half away from zero in integers
	if diff >= 0 {
		return (diff + n/2) / n, true
	}
	return -((-diff + n/2) / n), true
}

// MonthScore is the NPS of one month.
type MonthScore struct {
	Month   time.Time // first day of the month, in the community's zone
	Score   int
	Answers int
}

// NPSTrend groups answers by calendar month in loc, oldest first.
func NPSTrend(answers []Feedback, loc *time.Location) []MonthScore {
	byMonth := map[time.Time][]Feedback{}
	var months []time.Time
	for _, f := range answers {
		t := f.At.In(loc)
		m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		if _, ok := byMonth[m]; !ok {
			months = append(months, m)
		}
		byMonth[m] = append(byMonth[m], f)
	}
	sortTimes(months)
	out := make([]MonthScore, 0, len(months))
	for _, m := range months {
		sc, _ := NPS(byMonth[m])
		out = append(out, MonthScore{Month: m, Score: sc, Answers: len(byMonth[m])})
	}
	return out
}
