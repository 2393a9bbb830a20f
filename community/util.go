package community

import "sort"

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
