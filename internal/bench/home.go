package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
	"github.com/regulars-app/regulars/internal/emulators"
)

// HomeReads opens the demo member's home screen (community.Service.Home) on
// community cid as that member (rules apply) and returns the reads Firestore
// bills for it, counted by a Meter on the client's gRPC calls (an empty query
// is one read). It opens it twice and fails if the two bills differ (nothing
// may be cached between them).
func HomeReads(ctx context.Context, emu *emulators.FirestoreEmulator, cid string) (reads int, byMethod map[string]int, err error) {
	m := &Meter{}
	s, err := MemberStore(ctx, emu.Host, cid, demo.MemberID, m.Options()...)
	if err != nil {
		return 0, nil, err
	}
	defer s.Close()
	svc := community.NewService(s)
	me := community.Actor{ID: demo.MemberID, Role: community.RoleMember}
	counts := make([]int, 2)
	for i := range counts {
		m.Reset()
		if _, err := svc.Home(ctx, me); err != nil {
			return 0, nil, fmt.Errorf("home on %s: %w", cid, err)
		}
		counts[i] = m.Bill().Reads
	}
	if counts[0] != counts[1] {
		return 0, nil, fmt.Errorf("home on %s read %d then %d documents", cid, counts[0], counts[1])
	}
	return counts[1], m.Bill().ReadsByMethod, nil
}

// LocalLarge seeds the embedded store at dir with the demo café grown to size
// through the store's own methods, and returns its path.
func LocalLarge(ctx context.Context, dir string, size Size) (string, error) {
	path := filepath.Join(dir, "large.db")
	s, err := local.Open(path, local.WithNoSync())
	if err != nil {
		return "", err
	}
	defer s.Close()
	now := time.Now()
	if err := demo.Seed(ctx, s, now); err != nil {
		return "", fmt.Errorf("seed local: %w", err)
	}
	old := now.AddDate(-1, 0, 0)
	extra := size.Members - len(demo.Members(now))
	ids := make([]string, 0, max(extra, 0))
	for i := range max(extra, 0) {
		id := fmt.Sprintf("b%07d", i)
		ids = append(ids, id)
		if err := s.CreateMember(ctx, community.Member{ID: id, Code: community.MemberCode(id), Name: fmt.Sprintf("Bench Member %d", i),
			Lang: "en", Role: community.RoleMember, Since: old, LastActive: old}); err != nil {
			return "", fmt.Errorf("seed local member: %w", err)
		}
	}
	for p := 0; size.Votes > 0 && len(ids) > 0; p++ {
		n := min(size.Votes-p*len(ids), len(ids))
		if n <= 0 {
			break
		}
		pid := fmt.Sprintf("bench-poll-%02d", p)
		if err := s.CreatePoll(ctx, community.Poll{ID: pid, Question: "Bench poll", Lang: "en", Status: community.PollOpen,
			CreatedBy: demo.OwnerID, CreatedAt: old.Add(-time.Duration(p) * time.Hour),
			Options: []community.Option{{ID: "a", Text: "A", Status: community.IdeaOpen}, {ID: "b", Text: "B", Status: community.IdeaOpen}}}); err != nil {
			return "", err
		}
		for i := range n {
			if err := s.CastVote(ctx, community.Vote{PollID: pid, MemberID: ids[i], OptionID: string(rune('a' + i%2)), At: old}); err != nil {
				return "", fmt.Errorf("seed local vote: %w", err)
			}
		}
		if _, err := s.UpdatePoll(ctx, pid, func(p *community.Poll) error { p.Status = community.PollClosed; return nil }); err != nil {
			return "", err
		}
	}
	const perThread = 1000
	for t := 0; t*perThread < size.Posts; t++ {
		n := min(size.Posts-t*perThread, perThread)
		th, _, err := s.CreateThread(ctx, community.Thread{ID: fmt.Sprintf("bench-thread-%03d", t), Category: "general",
			Title: "Bench thread", AuthorID: demo.OwnerID, AuthorName: "Bench", Lang: "en", CreatedAt: old, LastPostAt: old},
			community.Post{ID: "p00001", AuthorID: demo.OwnerID, AuthorName: "Bench", Body: "Post 1", At: old})
		if err != nil {
			return "", fmt.Errorf("seed local thread: %w", err)
		}
		for i := 2; i <= n; i++ {
			author := demo.OwnerID
			if len(ids) > 0 {
				author = ids[(t*perThread+i)%len(ids)]
			}
			if _, err := s.AddPost(ctx, community.Post{ID: fmt.Sprintf("p%05d", i), ThreadID: th.ID, AuthorID: author,
				AuthorName: "Bench", Body: fmt.Sprintf("Post %d", i), At: old}); err != nil {
				return "", fmt.Errorf("seed local post: %w", err)
			}
		}
	}
	return path, nil
}

// LocalHome opens the embedded store at path (as the app does, with fsync
// on) and times the demo member's home screen: the median of runs.
func LocalHome(ctx context.Context, path string, runs int) (time.Duration, error) {
	s, err := local.Open(path)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	svc := community.NewService(s)
	me := community.Actor{ID: demo.MemberID, Role: community.RoleMember}
	var ds []time.Duration
	for range runs {
		t0 := time.Now()
		if _, err := svc.Home(ctx, me); err != nil {
			return 0, fmt.Errorf("local home: %w", err)
		}
		ds = append(ds, time.Since(t0))
	}
	return Percentile(ds, 50), nil
}
