package screens

import (
	"testing"

	"regulars/community/demo"
)

func TestInsights_Charts(t *testing.T) {
	f := newFixture(t)
	env := f.env(demo.OwnerID, "en")
	s := newInsights(env)
	f.show(s.root, desktopSize)
	f.capture("insights_desktop_en")
	if !s.data.HasNPS || len(s.tiers.points) != 3 {
		t.Fatalf("insights = %+v", s.data)
	}
}
