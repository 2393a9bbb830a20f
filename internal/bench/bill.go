package bench

import "math"

// Prices are Firestore's list prices for the operations a café's app pays
// for, in US dollars per 100,000 documents, with the free daily quota.
type Prices struct {
	Name                  string
	Read, Write, Delete   float64 // per 100,000
	FreeReads, FreeWrites int     // per day (the (default) database)
	FreeDeletes           int
	Source                string
}

// ListPrices are Cloud Firestore's Standard edition list prices in
// us-central1 (Iowa), a regional location; the nam5 multi-region costs
// twice as much per operation (0.06, 0.18, 0.02). Storage, network egress
// and the reads security rules make are not in the bill below.
var ListPrices = Prices{Name: "Cloud Firestore Standard edition, us-central1", Read: 0.03, Write: 0.09, Delete: 0.01,
	FreeReads: 50_000, FreeWrites: 20_000, FreeDeletes: 20_000,
	Source: "cloud.google.com/firestore/pricing (free quota) and its per-location table, read 2026-12-07"}

// DaysPerMonth is the average month.
const DaysPerMonth = 30.4

// Monthly is what a month of days like this one costs beyond the free
// quota, which applies per day.
func (p Prices) Monthly(reads, writes, deletes float64) float64 {
	over := func(n float64, free int) float64 { return math.Max(0, n-float64(free)) / 100_000 }
	day := over(reads, p.FreeReads)*p.Read + over(writes, p.FreeWrites)*p.Write + over(deletes, p.FreeDeletes)*p.Delete
	return math.Round(day*DaysPerMonth*100) / 100
}

// memberDriven are the listeners whose updates come from members' own
// writes (RSVPs move events, replies move threads, submissions and likes
// move stories): with k times the members, k times the writes reach k times
// the open screens. The rest (announcements, the community, polls, a
// member's own document and notifications) change with the owner's work or
// one member's, and grow with the members only.
var memberDriven = map[string]bool{"events": true, "threads": true, "stories": true}

// Scale estimates the bill of a day with k times the daily members from a
// measured day: everything grows k times except the listener updates that
// members' writes cause, which grow k*k times (k times the writes, each
// seen by k times the open screens). The owner's announcements stay as
// many; their listener updates grow k times with the screens open.
func Scale(b Bill, k float64) (reads, writes, deletes float64) {
	quad := 0
	for what, n := range b.UpdatesBy {
		if memberDriven[what] {
			quad += n
		}
	}
	lin := b.Reads - quad
	return float64(lin)*k + float64(quad)*k*k, float64(b.Writes) * k, float64(b.Deletes) * k
}
