package local

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// BenchmarkCounter_LookUpAndVisit is the till's hot path as staff meet it: a
// scanned card code looked up (the code index, the member, the settings, the
// card) and a visit recorded (one write transaction, fsync on commit as the
// app runs), on a community of 10,000 members with their ledgers. Each
// iteration is a new day, so every visit is applied, not refused as a repeat.
// The budget is 200 ms; ms/lookup+visit prints the measure.
func BenchmarkCounter_LookUpAndVisit(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "counter.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seed(b, s, size{members: 10_000})
	if err := s.SaveCommunity(ctx, demo.Community()); err != nil {
		b.Fatal(err)
	}
	const regulars = 100
	codes := make([]string, regulars)
	for i := range codes {
		id := fmt.Sprintf("cm%03d", i)
		codes[i] = community.MemberCode(id)
		if err := s.CreateMember(ctx, community.Member{ID: id, Code: codes[i], Name: "Regular " + id, Role: community.RoleMember, Since: benchT0}); err != nil {
			b.Fatal(err)
		}
	}
	day := benchT0
	svc := community.NewService(s, community.WithClock(func() time.Time { return day }))
	staff := community.Actor{ID: "staff", Role: community.RoleStaff}
	i := 0
	for b.Loop() {
		day = benchT0.AddDate(0, 0, i/regulars)
		v, err := svc.LookUp(ctx, staff, codes[i%regulars])
		if err != nil {
			b.Fatal(err)
		}
		r, err := svc.RecordVisit(ctx, staff, v.Member.ID)
		if err != nil || !r.Applied {
			b.Fatalf("visit %d: applied %v, %v", i, r.Applied, err)
		}
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/lookup+visit")
}
