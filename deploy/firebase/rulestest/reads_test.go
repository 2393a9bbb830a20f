package rulestest

import (
	"fmt"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
)

// Issue 15: what a member has read of the forum, members/{uid}/reads/forum.
// The app's writes (starting a thread, replying, MarkThreadRead) are the controls;
// the attacks are hand-written clients: another member's state, read or
// written, oversized maps, wrong types and keys, several entries at once.

// TestReads_OwnStateOnly: a member's read state is written by the app as
// they read and post, and nobody else reads or writes it.
func TestReads_OwnStateOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	m := e.actors[member]
	th, first := e.thread(t, other)

	// Controls: the app's own writes, create then update.
	mine, err := m.svc.StartThread(ctx, m.who, "general", "Oat milk?", "Do you have oat milk?")
	expectOK(t, "start a thread", err)
	rs, err := e.admin.ReadState(ctx, m.id)
	if err != nil || rs.Threads[mine.ID].Seq != 1 || rs.Last != mine.ID {
		t.Fatalf("starting a thread did not record it read (the create): %+v %v", rs, err)
	}
	_, err = m.svc.MarkThreadRead(ctx, m.who, first)
	expectOK(t, "mark a thread read", err)
	reply, err := m.svc.Reply(ctx, m.who, th.ID, "The cardamom bun, warm.")
	expectOK(t, "reply", err)
	rs, err = m.svc.ReadState(ctx, m.who)
	expectOK(t, "the member reads their own state", err)
	if rs.Threads[th.ID].Seq != reply.Seq || rs.Threads[mine.ID].Seq != 1 {
		t.Errorf("after mark and reply the state is %+v, want %s at %d and %s at 1", rs.Threads, th.ID, reply.Seq, mine.ID)
	}

	// Nobody else reads it, staff included.
	for _, who := range []string{other, staff, owner, stranger, outsider, unverified} {
		_, err := e.actors[who].store.ReadState(ctx, m.id)
		expectDenied(t, who+" reads the member's read state", err)
	}
	// Nobody else writes it, through the store or by hand.
	for _, who := range []string{other, staff, owner, stranger, outsider} {
		_, err := e.actors[who].store.UpdateReadState(ctx, m.id, func(rs *community.ReadState) bool {
			return rs.Mark(th.ID, 1, time.Now().Add(time.Hour)) || rs.Mark("forged", 1, time.Now())
		})
		expectDenied(t, who+" writes the member's read state", err)
	}
	o := e.actors[other]
	_, err = o.store.Client().Doc(e.path("members/" + m.id + "/reads/forum")).Delete(ctx)
	expectDenied(t, "another member deletes the read state", err)
	_, err = m.store.Client().Doc(e.path("members/" + m.id + "/reads/forum")).Delete(ctx)
	expectDenied(t, "deleting one's read state while a member (only with the account)", err)
	_, err = m.store.Client().Doc(e.path("members/"+m.id+"/reads/other")).Set(ctx, map[string]any{
		"reads": map[string]any{"x": map[string]any{"seq": 1, "at": time.Now()}}, "floor": time.Now(), "last": "x"})
	expectDenied(t, "a second read-state document", err)

	after, err := e.admin.ReadState(ctx, m.id)
	if err != nil || len(after.Threads) != len(rs.Threads) || after.Threads[th.ID].Seq != rs.Threads[th.ID].Seq {
		t.Errorf("after the refused writes the state is %+v %v, want %+v", after, err, rs)
	}
}

// TestReads_HandWrittenStates: every field of the document, with the wrong
// type, out of bounds, or more than the one entry `last` names; the
// member's own hand-written write of a well-formed state is the control.
func TestReads_HandWrittenStates(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	m := e.actors[member]
	c := m.store.Client()
	doc := c.Doc(e.path("members/" + m.id + "/reads/forum"))
	now := time.Now()
	entry := func(seq any) map[string]any { return map[string]any{"seq": seq, "at": now} }

	// Creates.
	creates := map[string]map[string]any{
		"no last":             {"reads": map[string]any{"t1": entry(1)}, "floor": now},
		"last not in reads":   {"reads": map[string]any{"t1": entry(1)}, "floor": now, "last": "t2"},
		"two entries at once": {"reads": map[string]any{"t1": entry(1), "t2": entry(1)}, "floor": now, "last": "t1"},
		"seq as a string":     {"reads": map[string]any{"t1": entry("1")}, "floor": now, "last": "t1"},
		"seq zero":            {"reads": map[string]any{"t1": entry(0)}, "floor": now, "last": "t1"},
		"seq negative":        {"reads": map[string]any{"t1": entry(-5)}, "floor": now, "last": "t1"},
		"seq too large":       {"reads": map[string]any{"t1": entry(int64(1) << 40)}, "floor": now, "last": "t1"},
		"at as a string":      {"reads": map[string]any{"t1": map[string]any{"seq": 1, "at": "yesterday"}}, "floor": now, "last": "t1"},
		"an entry with more keys": {"reads": map[string]any{"t1": map[string]any{"seq": 1, "at": now, "by": e.id(other)}},
			"floor": now, "last": "t1"},
		"an entry without at":  {"reads": map[string]any{"t1": map[string]any{"seq": 1}}, "floor": now, "last": "t1"},
		"an entry as a number": {"reads": map[string]any{"t1": 3}, "floor": now, "last": "t1"},
		"reads as a list":      {"reads": []any{"t1"}, "floor": now, "last": "t1"},
		"floor as a string":    {"reads": map[string]any{"t1": entry(1)}, "floor": "2020-01-01", "last": "t1"},
		"no floor":             {"reads": map[string]any{"t1": entry(1)}, "last": "t1"},
		"a key with a slash":   {"reads": map[string]any{"a/b": entry(1)}, "floor": now, "last": "a/b"},
		"an extra field":       {"reads": map[string]any{"t1": entry(1)}, "floor": now, "last": "t1", "points": 1000},
	}
	for what, d := range creates {
		_, err := doc.Set(ctx, d)
		expectDenied(t, "create with "+what, err)
	}
	_, err := e.actors[other].store.Client().Doc(e.path("members/"+m.id+"/reads/forum")).Set(ctx,
		map[string]any{"reads": map[string]any{"t1": entry(1)}, "floor": now, "last": "t1"})
	expectDenied(t, "another member creates the member's read state", err)
	_, err = doc.Set(ctx, map[string]any{"reads": map[string]any{"t1": entry(1)}, "floor": now, "last": "t1"})
	expectOK(t, "the member's well-formed create", err)

	// Updates, against a full state of ReadKeep threads (arranged as admin).
	_, err = e.admin.UpdateReadState(ctx, m.id, func(rs *community.ReadState) bool {
		for i := range community.ReadKeep - 1 {
			rs.Mark(fmt.Sprintf("k%03d", i), 2, now.Add(time.Duration(i)*time.Second))
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	full, err := e.admin.ReadState(ctx, m.id)
	if err != nil || len(full.Threads) != community.ReadKeep {
		t.Fatalf("arranged state: %d threads, %v", len(full.Threads), err)
	}
	state := func(change func(reads map[string]any) string) map[string]any {
		reads := map[string]any{}
		for id, r := range full.Threads {
			reads[id] = map[string]any{"seq": r.Seq, "at": r.At}
		}
		return map[string]any{"reads": reads, "floor": full.Floor, "last": change(reads)}
	}
	updates := map[string]map[string]any{
		"one thread past the bound": state(func(r map[string]any) string { r["new"] = entry(1); return "new" }),
		"a second entry changed besides last": state(func(r map[string]any) string {
			r["k001"], r["k002"] = entry(9), entry(9)
			return "k001"
		}),
		"an entry changed that last does not name": state(func(r map[string]any) string {
			delete(r, "k003")
			r["k004"] = entry(7)
			return "k001"
		}),
		"a changed entry with a string seq": state(func(r map[string]any) string { r["k005"] = entry("9"); return "k005" }),
	}
	for what, d := range updates {
		_, err := doc.Set(ctx, d)
		expectDenied(t, "update with "+what, err)
	}
	// Controls: one entry changed, or one added with the oldest dropped (what
	// the app does at the bound).
	_, err = doc.Set(ctx, state(func(r map[string]any) string { r["k010"] = entry(5); return "k010" }))
	expectOK(t, "the member's hand-written update of one entry", err)
	_, p := e.thread(t, other)
	_, err = m.svc.MarkThreadRead(ctx, m.who, p)
	expectOK(t, "the app's mark at the bound (drops the oldest)", err)
	rs, err := e.admin.ReadState(ctx, m.id)
	if err != nil || len(rs.Threads) != community.ReadKeep || rs.Threads[p.ThreadID].Seq != 1 {
		t.Errorf("after the mark at the bound: %d threads, %+v, %v", len(rs.Threads), rs.Threads[p.ThreadID], err)
	}
}
