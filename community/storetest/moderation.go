package storetest

import (
	"sort"
	"testing"

	"github.com/regulars-app/regulars/community"
)

func testModeration(t *testing.T, newStore NewStore, opts Options) {
	t.Run("Reports", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.thread("th", "a", 0, false)
		_, err := f.s.AddPost(f.ctx, community.Post{ID: "p2", ThreadID: "th", Body: "meh", At: at(1)})
		f.ok(err, "reply")
		report := func(post, member string) community.Post {
			t.Helper()
			p, err := f.s.ReportPost(f.ctx, "th", post, member, at(2))
			f.ok(err, "report")
			return p
		}
		if p := report("th-1", "m1"); p.Reports != 1 || p.Hidden {
			t.Errorf("one report: %d hidden %v", p.Reports, p.Hidden)
		}
		if p := report("th-1", "m1"); p.Reports != 1 {
			t.Errorf("a repeated report counted: %d", p.Reports)
		}
		if p := report("th-1", "m2"); p.Reports != 2 || p.Hidden {
			t.Errorf("two reports: %d hidden %v", p.Reports, p.Hidden)
		}
		if p := report("th-1", "m3"); p.Reports != community.ReportThreshold || !p.Hidden {
			t.Errorf("three reports: %d hidden %v, want hidden", p.Reports, p.Hidden)
		}
		report("p2", "m1")
		queue := func() []string {
			ps, err := f.s.ReportedPosts(f.ctx, 10)
			f.ok(err, "reported posts")
			var ids []string
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			return sorted(ids)
		}
		if got := queue(); !equal(got, []string{"p2", "th-1"}) {
			t.Errorf("reported = %v", got)
		}
		if ps, _ := f.s.ReportedPosts(f.ctx, 1); len(ps) != 1 {
			t.Errorf("reported with limit 1 = %d posts", len(ps))
		}
		// A moderator keeps th-1 and removes p2: both leave the queue.
		_, err = f.s.UpdatePost(f.ctx, "th", "th-1", func(p *community.Post) error { p.Hidden, p.Reviewed = false, true; return nil })
		f.ok(err, "restore")
		_, err = f.s.UpdatePost(f.ctx, "th", "p2", func(p *community.Post) error { p.Removed, p.Reviewed = true, true; return nil })
		f.ok(err, "remove")
		if got := queue(); len(got) != 0 {
			t.Errorf("reported after moderation = %v", got)
		}
		if p, _ := f.s.Post(f.ctx, "th", "th-1"); p.Reports != 3 || p.Hidden || !p.Reviewed {
			t.Errorf("restored post = %+v", p)
		}
		_, err = f.s.ReportPost(f.ctx, "th", "nope", "m1", t0)
		f.is(err, community.ErrNotFound, "report an unknown post")
	})
	t.Run("Reactions", func(t *testing.T) {
		f := setup(t, newStore, opts)
		f.thread("th", "a", 0, false)
		_, err := f.s.AddPost(f.ctx, community.Post{ID: "p2", ThreadID: "th", Body: "two", At: at(1)})
		f.ok(err, "reply")
		react := func(post, member, r string) community.Post {
			t.Helper()
			p, err := f.s.React(f.ctx, "th", post, member, r)
			f.ok(err, "react")
			return p
		}
		react("th-1", "m1", "👍")
		react("th-1", "m2", "👍")
		react("th-1", "m1", "❤️")
		if p := react("p2", "m1", "☕"); p.Reactions["☕"] != 1 {
			t.Errorf("p2 reactions = %v", p.Reactions)
		}
		if p, _ := f.s.Post(f.ctx, "th", "th-1"); p.Reactions["👍"] != 2 || p.Reactions["❤️"] != 1 {
			t.Errorf("reactions = %v, want 👍2 ❤️1", p.Reactions)
		}
		mine, err := f.s.ReactionsOf(f.ctx, "th", "m1")
		f.ok(err, "reactions of")
		if got := sorted(mine["th-1"]); !equal(got, sorted([]string{"👍", "❤️"})) || !equal(mine["p2"], []string{"☕"}) {
			t.Errorf("ReactionsOf m1 = %v", mine)
		}
		if p := react("th-1", "m1", "👍"); p.Reactions["👍"] != 1 {
			t.Errorf("toggling off: 👍 = %d, want 1", p.Reactions["👍"])
		}
		mine, _ = f.s.ReactionsOf(f.ctx, "th", "m1")
		if !equal(mine["th-1"], []string{"❤️"}) {
			t.Errorf("after toggling off: %v", mine)
		}
		up, err := f.s.UpdatePost(f.ctx, "th", "th-1", func(p *community.Post) error {
			p.Reactions = map[string]int{"🎉": 40}
			return nil
		})
		f.ok(err, "update")
		keys := make([]string, 0, len(up.Reactions))
		for k, n := range up.Reactions {
			if n > 0 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		if up.Reactions["🎉"] != 0 || up.Reactions["👍"] != 1 || up.Reactions["❤️"] != 1 {
			t.Errorf("an update set reactions to %v (%v), want the store's counts", up.Reactions, keys)
		}
	})
}
