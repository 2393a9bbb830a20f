package bench

import (
	"slices"
	"time"
)

// Percentile returns the p-th percentile (nearest rank) of ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// Ms is d in milliseconds, to two decimals.
func Ms(d time.Duration) float64 { return float64(d.Microseconds()/10) / 100 }
