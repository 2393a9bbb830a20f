package community

import (
	"sort"
	"time"
)

func sortStrings(s []string) { sort.Strings(s) }

func sortRewards(r []RewardChoice) {
	sort.SliceStable(r, func(i, j int) bool {
		if r[i].Affordable != r[j].Affordable {
			return r[i].Affordable
		}
		if r[i].Affordable {
			return r[i].Cost < r[j].Cost
		}
		return r[i].Missing < r[j].Missing
	})
}

func sortIdeas(ideas []Idea) {
	sort.SliceStable(ideas, func(i, j int) bool { return ideas[i].Votes > ideas[j].Votes })
}

func sortTimes(t []time.Time) { sort.Slice(t, func(i, j int) bool { return t[i].Before(t[j]) }) }
