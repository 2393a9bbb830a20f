package storetest

import (
	"testing"

	"github.com/regulars-app/regulars/community"
)

func testStories(t *testing.T, newStore NewStore, opts Options) {
	f := setup(t, newStore, opts)
	story := func(id string, hour int) community.Story {
		return community.Story{ID: id, AuthorID: "ana", AuthorName: "Ana", AuthorSince: t0, Lang: "en", Title: "Story " + id,
			Body: "Once", Consent: true, Status: community.StoryPending, SubmittedAt: at(hour), Likes: 5}
	}
	f.ok(f.s.CreateStory(f.ctx, story("s1", 1)), "create")
	f.ok(f.s.CreateStory(f.ctx, story("s2", 2)), "create")
	f.ok(f.s.CreateStory(f.ctx, story("s3", 3)), "create")
	f.is(f.s.CreateStory(f.ctx, story("s1", 1)), community.ErrConflict, "create with a taken ID")
	got, err := f.s.Story(f.ctx, "s1")
	f.ok(err, "story")
	if got.Title != "Story s1" || !got.Consent || got.Status != community.StoryPending || got.Likes != 0 || !got.SubmittedAt.Equal(at(1)) {
		t.Errorf("story = %+v, want it as created with no likes", got)
	}
	_, err = f.s.Story(f.ctx, "nope")
	f.is(err, community.ErrNotFound, "unknown story")
	list := func(status community.StoryStatus, limit int) []string {
		ss, err := f.s.Stories(f.ctx, status, limit)
		f.ok(err, "stories")
		var ids []string
		for _, s := range ss {
			ids = append(ids, s.ID)
		}
		return ids
	}
	if got := list(community.StoryPending, 10); !equal(got, []string{"s3", "s2", "s1"}) {
		t.Errorf("pending = %v, want newest first", got)
	}
	if got := list(community.StoryPending, 2); !equal(got, []string{"s3", "s2"}) {
		t.Errorf("pending, limit 2 = %v", got)
	}
	for i, id := range []string{"s1", "s2"} {
		_, err := f.s.UpdateStory(f.ctx, id, func(s *community.Story) error {
			s.Status, s.PublishedAt, s.Likes = community.StoryPublished, at(10+i), 99
			return nil
		})
		f.ok(err, "publish")
	}
	if got := list(community.StoryPublished, 10); !equal(got, []string{"s2", "s1"}) {
		t.Errorf("published = %v", got)
	}
	if got := list(community.StoryPending, 10); !equal(got, []string{"s3"}) {
		t.Errorf("pending after publishing = %v", got)
	}
	if s, _ := f.s.Story(f.ctx, "s1"); s.Likes != 0 {
		t.Errorf("an update set likes to %d", s.Likes)
	}
	_, err = f.s.UpdateStory(f.ctx, "s1", func(s *community.Story) error { s.Title = "x"; return errBoom })
	f.is(err, errBoom, "update function error")
	_, err = f.s.UpdateStory(f.ctx, "nope", func(*community.Story) error { return nil })
	f.is(err, community.ErrNotFound, "update unknown story")

	like := func(m string, want int, wantLiked bool) {
		t.Helper()
		s, liked, err := f.s.LikeStory(f.ctx, "s1", m)
		f.ok(err, "like")
		if s.Likes != want || liked != wantLiked {
			t.Errorf("like by %s: %d likes, liked %v; want %d, %v", m, s.Likes, liked, want, wantLiked)
		}
		if l, err := f.s.Liked(f.ctx, "s1", m); err != nil || l != wantLiked {
			t.Errorf("Liked(%s) = %v, %v", m, l, err)
		}
	}
	like("m1", 1, true)
	like("m2", 2, true)
	like("m1", 1, false)
	like("m1", 2, true)
	if s, _ := f.s.Story(f.ctx, "s1"); s.Likes != 2 {
		t.Errorf("stored likes = %d", s.Likes)
	}
	_, _, err = f.s.LikeStory(f.ctx, "nope", "m1")
	f.is(err, community.ErrNotFound, "like an unknown story")
}
