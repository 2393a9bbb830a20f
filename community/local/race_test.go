//go:build race

package local

// raceEnabled scales the big-community test down under the race detector,
// which makes seeding (and bbolt page writes) twenty times slower; `go test`
// without -race runs it at full size.
const raceEnabled = true
