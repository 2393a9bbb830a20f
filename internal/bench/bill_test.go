package bench

import "testing"

func TestPrices_Monthly(t *testing.T) {
	p := ListPrices
	for _, c := range []struct {
		name                   string
		reads, writes, deletes float64
		want                   float64
	}{
		{"within the free quota", 50_000, 20_000, 20_000, 0},
		{"100k reads over", 150_000, 0, 0, 0.91},              // 0.03 a day
		{"100k writes over", 0, 120_000, 0, 2.74},             // 0.09 a day
		{"100k deletes over", 0, 0, 120_000, 0.3},             // 0.01 a day
		{"all three", 1_050_000, 1_020_000, 1_020_000, 39.52}, // (0.3+0.9+0.1) x 30.4
	} {
		if got := p.Monthly(c.reads, c.writes, c.deletes); got != c.want {
			t.Errorf("%s: Monthly(%g, %g, %g) = %g, want %g", c.name, c.reads, c.writes, c.deletes, got, c.want)
		}
	}
}

func TestScale(t *testing.T) {
	b := Bill{Reads: 1000, Writes: 100, Deletes: 10, ListenUpdates: 300,
		UpdatesBy: map[string]int{"threads": 200, "announcements": 100}}
	r, w, d := Scale(b, 10)
	// 800 reads grow 10x, the 200 thread updates 100x.
	if r != 8000+20000 || w != 1000 || d != 100 {
		t.Errorf("Scale x10 = %g reads, %g writes, %g deletes; want 28000, 1000, 100", r, w, d)
	}
	if r, w, d := Scale(b, 1); r != 1000 || w != 100 || d != 10 {
		t.Errorf("Scale x1 = %g, %g, %g; want the bill itself", r, w, d)
	}
}

func TestCollectionOf(t *testing.T) {
	base := "projects/p/databases/(default)/documents/communities/c1"
	for name, want := range map[string]string{
		base:                                   "community",
		base + "/members/ana":                  "member",
		base + "/members/ana/notifications/n1": "notifications",
		base + "/threads/t1":                   "threads",
		base + "/events/e1":                    "events",
		"projects/p/databases/(default)/documents/other/x": "other",
	} {
		if got := collectionOf(name); got != want {
			t.Errorf("collectionOf(%q) = %q, want %q", name, got, want)
		}
	}
}
