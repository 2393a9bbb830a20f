package firestore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/firestore"
)

// BenchmarkCounter_LookUpAndVisit is the till's hot path on the emulator: a
// scanned code looked up (the code's claim, the member, the settings, the
// member and card in one batched read) and a visit recorded in one
// transaction (the member, the entry's ID and the card read, then the entry,
// the balance and the card written), plus the "points received"
// notification written after it. Each iteration is a new day, so every visit
// is applied. The budget is 200 ms; ms/lookup+visit prints it.
func BenchmarkCounter_LookUpAndVisit(b *testing.B) {
	ctx := context.Background()
	s := dialAdmin(b, firestore.Config{})
	if err := s.SaveCommunity(ctx, demo.Community()); err != nil {
		b.Fatal(err)
	}
	const regulars = 20
	codes := make([]string, regulars)
	for i := range codes {
		id := fmt.Sprintf("cm%03d", i)
		codes[i] = community.MemberCode(id)
		if err := s.CreateMember(ctx, community.Member{ID: id, Code: codes[i], Name: "Regular " + id, Role: community.RoleMember, Since: demo.Now}); err != nil {
			b.Fatal(err)
		}
	}
	day := demo.Now
	svc := community.NewService(s, community.WithClock(func() time.Time { return day }))
	staff := community.Actor{ID: "staff", Role: community.RoleStaff}
	i := 0
	for b.Loop() {
		day = demo.Now.AddDate(0, 0, i/regulars)
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
