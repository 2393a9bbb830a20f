package rulestest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/regulars-app/regulars/community"
)

// TestAttack_EveryField changes each field of every kind of document a
// client can reach, alone and then all at once, as every role: a change the
// permission table does not give that role must be refused, one it gives
// must pass (then the document is put back), and the invariants hold after
// each.
func TestAttack_EveryField(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := testContext(t)
	e.award(t, member, 200)
	ev := e.event(t, 1)
	e.rsvp(t, ev.ID, member)
	e.rsvp(t, ev.ID, other)
	th, p := e.thread(t, member)
	st := e.story(t, member, community.StoryPending)
	poll := e.poll(t)
	m := e.actors[member]
	if err := m.svc.Vote(ctx, m.who, poll.ID, "carrot"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.svc.GiveFeedback(ctx, m.who, 8, "ok"); err != nil {
		t.Fatal(err)
	}
	if err := e.admin.Notify(ctx, community.Notification{ID: "n1", MemberID: m.id, Kind: "points", Amount: 5, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	ledger := e.all(t, e.admin.Client().Collection("communities").Doc(e.cid).Collection("members").Doc(m.id).Collection("ledger").Query)
	shard := fmt.Sprint(e.doc(t, "polls/"+poll.ID+"/votes/"+m.id)["shard"])
	e.remember(t, "threads/"+th.ID+"/posts/"+p.ID)
	e.remember(t, "stories/"+st.ID)

	staffRoles := map[string]bool{owner: true, staff: true}
	self := func(who string) bool { return who == member }
	profile := map[string]bool{"name": true, "nameKey": true, "nameSearch": true, "lang": true, "birthMonth": true, "birthDay": true,
		"lastActive": true}
	counters := map[string]bool{"going": true, "waiting": true, "checkedIn": true, "seq": true, "queue": true, "by": true, "promoted": true}
	docs := []struct {
		path, inv string
		allowed   func(field, who string) bool // changing field alone is this role's right
	}{
		{"members/" + m.id, invBalance, func(f, who string) bool {
			return self(who) && profile[f] || staffRoles[who] && f == "usual" || who == owner && f == "role"
		}},
		{"members/" + m.id + "/ledger/" + ledger[0].Ref.ID, invBalance, nil},
		{"members/" + m.id + "/notifications/n1", invNotes, func(f, who string) bool { return self(who) && f == "read" }},
		{"events/" + ev.ID, invSeats, func(f, who string) bool {
			// Staff edit an event; capacity grows only if nobody waits (one does).
			return staffRoles[who] && !counters[f] && f != "capacity"
		}},
		{"events/" + ev.ID + "/rsvps/" + m.id, invSeats, nil},
		{"threads/" + th.ID, invThreads, func(f, who string) bool { return staffRoles[who] && (f == "pinned" || f == "locked") }},
		{"threads/" + th.ID + "/posts/" + p.ID, invWords, func(f, who string) bool {
			return staffRoles[who] && (f == "hidden" || f == "removed" || f == "reviewed" || f == "queued")
		}},
		{"stories/" + st.ID, invWords, func(f, who string) bool {
			return staffRoles[who] && (f == "publishedAt" || f == "sortAt")
		}},
		{"polls/" + poll.ID, invProposals, func(f, who string) bool { return staffRoles[who] && f != "status" }},
		{"polls/" + poll.ID + "/votes/" + m.id, invTally, nil},
		{"polls/" + poll.ID + "/shards/" + shard, invTally, nil},
		{"feedback/" + m.id + ":" + time.Now().UTC().Format("2006-01"), invFeedback, nil},
	}
	tried := 0
	for _, d := range docs {
		orig := e.doc(t, d.path)
		fields := make([]string, 0, len(orig))
		for f := range orig {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, who := range everyone {
			all := &batchChange{}
			for _, f := range fields {
				v := bend(f, orig[f])
				all.add(f, v)
				ok := d.allowed != nil && d.allowed(f, who)
				err := e.change(ctx, who, d.path, f, v)
				tried++
				if ok {
					if err != nil {
						t.Errorf("control: %s changing %s of %s alone was refused: %v", who, f, d.path, err)
					}
					e.restore(t, d.path, orig)
					continue
				}
				countAttack(d.inv, err != nil && denied(err))
				if err == nil {
					t.Errorf("ATTACK GOT THROUGH: %s changed %s of %s to %v", who, f, d.path, v)
					e.restore(t, d.path, orig)
				} else if !denied(err) {
					t.Errorf("%s changing %s of %s: %v, want PermissionDenied", who, f, d.path, err)
				}
			}
			err := e.changeAll(ctx, who, d.path, all)
			countAttack(d.inv, err != nil && denied(err))
			if err == nil {
				t.Errorf("ATTACK GOT THROUGH: %s changed every field of %s at once", who, d.path)
				e.restore(t, d.path, orig)
			}
			e.invariants(t)
		}
	}
	t.Logf("%d single-field changes tried", tried)
}

// bend returns a value of the same kind as v, different from it (a valid
// one for a role).
func bend(field string, v any) any {
	if field == "role" {
		return "staff"
	}
	switch x := v.(type) {
	case int64:
		return x + 1
	case string:
		return x + "x"
	case bool:
		return !x
	case time.Time:
		if x.Year() < 1970 { // "not set": an hour before would not be a timestamp
			return x.Add(time.Hour)
		}
		return x.Add(-time.Hour)
	case []any:
		return append(append([]any{}, x...), "u-extra")
	case map[string]any:
		out := map[string]any{}
		for k, val := range x {
			out[k] = val
		}
		out["extra"] = int64(1)
		return out
	case nil:
		return "x"
	}
	return fmt.Sprint(v, "x")
}

type batchChange struct{ ups []firestore.Update }

func (b *batchChange) add(f string, v any) {
	b.ups = append(b.ups, firestore.Update{FieldPath: firestore.FieldPath{f}, Value: v})
}

// change updates one field of path as who.
func (e *env) change(ctx context.Context, who, path, field string, v any) error {
	ref := e.actors[who].store.Client().Doc("communities/" + e.cid + "/" + path)
	_, err := ref.Update(ctx, []firestore.Update{{FieldPath: firestore.FieldPath{field}, Value: v}})
	return err
}

func (e *env) changeAll(ctx context.Context, who, path string, b *batchChange) error {
	ref := e.actors[who].store.Client().Doc("communities/" + e.cid + "/" + path)
	_, err := ref.Update(ctx, b.ups)
	return err
}

// restore puts a document back as it was, as admin.
func (e *env) restore(t *testing.T, path string, orig map[string]any) {
	t.Helper()
	if _, err := e.admin.Client().Doc("communities/"+e.cid+"/"+path).Set(testContext(t), orig); err != nil {
		t.Fatalf("restore %s: %v", path, err)
	}
}
