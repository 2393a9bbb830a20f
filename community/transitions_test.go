package community

import (
	"errors"
	"testing"
	"time"
)

var tt0 = time.Date(2030, time.March, 14, 9, 0, 0, 0, time.UTC)

func TestAnswer(t *testing.T) {
	in := RSVP{EventID: "ev", MemberID: "m", Name: "M", At: tt0}
	for _, c := range []struct {
		name    string
		seats   Seats
		cur     RSVP
		found   bool
		want    Seats
		status  RSVPStatus
		changed bool
		err     bool
	}{
		{"a free seat", Seats{Capacity: 2, Going: 1, Seq: 4}, RSVP{}, false, Seats{Capacity: 2, Going: 2, Seq: 5}, StatusGoing, true, false},
		{"unlimited", Seats{Going: 90, Seq: 90}, RSVP{}, false, Seats{Going: 91, Seq: 91}, StatusGoing, true, false},
		{"full: the waitlist", Seats{Capacity: 1, Going: 1, Waiting: 2, Seq: 3}, RSVP{}, false,
			Seats{Capacity: 1, Going: 1, Waiting: 3, Seq: 4}, StatusWaiting, true, false},
		{"after cancelling", Seats{Capacity: 2, Seq: 7}, RSVP{Status: StatusCancelled, Seq: 2}, true,
			Seats{Capacity: 2, Going: 1, Seq: 8}, StatusGoing, true, false},
		{"already going", Seats{Capacity: 2, Going: 1, Seq: 1}, RSVP{Status: StatusGoing, Seq: 1}, true,
			Seats{Capacity: 2, Going: 1, Seq: 1}, StatusGoing, false, false},
		{"a cancelled event", Seats{Capacity: 2, Cancelled: true}, RSVP{}, false, Seats{Capacity: 2, Cancelled: true}, "", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, r, changed, err := Answer(c.seats, c.cur, c.found, in)
			if (err != nil) != c.err || changed != c.changed || s != c.want || r.Status != c.status {
				t.Fatalf("Answer = %+v, %+v, %v, %v; want %+v, %s, %v, error %v", s, r, changed, err, c.want, c.status, c.changed, c.err)
			}
			if changed && (r.Seq != s.Seq || r.MemberID != "m" || !r.At.Equal(tt0)) {
				t.Errorf("answer %+v: want seq %d, member m, at %s", r, s.Seq, tt0)
			}
			if changed && r.Status == StatusWaiting && r.Position != s.Waiting {
				t.Errorf("waiting at position %d of %d", r.Position, s.Waiting)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	for _, c := range []struct {
		name  string
		seats Seats
		st    RSVPStatus
		want  Seats
		opens int
	}{
		{"a seat, nobody waits", Seats{Capacity: 2, Going: 2}, StatusGoing, Seats{Capacity: 2, Going: 1}, 0},
		{"a seat, two wait", Seats{Capacity: 2, Going: 2, Waiting: 2}, StatusGoing, Seats{Capacity: 2, Going: 1, Waiting: 2}, 1},
		{"checked in", Seats{Capacity: 2, Going: 2, CheckedIn: 1}, StatusCheckedIn, Seats{Capacity: 2, Going: 1}, 0},
		{"a place in line", Seats{Capacity: 1, Going: 1, Waiting: 2}, StatusWaiting, Seats{Capacity: 1, Going: 1, Waiting: 1}, 0},
		{"over capacity (a check-in at the door)", Seats{Capacity: 1, Going: 3, Waiting: 1}, StatusGoing,
			Seats{Capacity: 1, Going: 2, Waiting: 1}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, r, changed := Cancel(c.seats, RSVP{Status: c.st, Seq: 1}, tt0)
			if !changed || s != c.want || r.Status != StatusCancelled || !r.At.Equal(tt0) || s.Openings() != c.opens {
				t.Fatalf("Cancel = %+v, %+v, %v (openings %d); want %+v, %d openings", s, r, changed, s.Openings(), c.want, c.opens)
			}
		})
	}
	if _, _, changed := Cancel(Seats{}, RSVP{Status: StatusCancelled}, tt0); changed {
		t.Error("cancelling a cancelled RSVP changed it")
	}
	s, r := Promote(Seats{Capacity: 2, Going: 1, Waiting: 2}, RSVP{Status: StatusWaiting, Position: 1, At: tt0}, tt0.Add(time.Hour))
	if s != (Seats{Capacity: 2, Going: 2, Waiting: 1}) || r.Status != StatusGoing || r.Position != 0 || !r.At.Equal(tt0.Add(time.Hour)) {
		t.Errorf("Promote = %+v, %+v", s, r)
	}
	if n := (Seats{Capacity: 3, Going: 1, Waiting: 5, Cancelled: true}).Openings(); n != 0 {
		t.Errorf("a cancelled event opens %d seats", n)
	}
}

func TestCheckIn(t *testing.T) {
	in := RSVP{EventID: "ev", MemberID: "m", At: tt0}
	for _, c := range []struct {
		name    string
		seats   Seats
		cur     RSVP
		found   bool
		want    Seats
		seq     int64
		changed bool
	}{
		{"going", Seats{Capacity: 1, Going: 1, Seq: 1}, RSVP{Status: StatusGoing, Seq: 1, Name: "M"}, true,
			Seats{Capacity: 1, Going: 1, CheckedIn: 1, Seq: 1}, 1, true},
		{"waiting, over capacity", Seats{Capacity: 1, Going: 1, Waiting: 1, Seq: 2}, RSVP{Status: StatusWaiting, Seq: 2}, true,
			Seats{Capacity: 1, Going: 2, CheckedIn: 1, Seq: 2}, 2, true},
		{"no RSVP", Seats{Capacity: 5, Going: 1, Seq: 1}, RSVP{}, false, Seats{Capacity: 5, Going: 2, CheckedIn: 1, Seq: 2}, 2, true},
		{"cancelled", Seats{Capacity: 5, Seq: 3}, RSVP{Status: StatusCancelled, Seq: 1}, true,
			Seats{Capacity: 5, Going: 1, CheckedIn: 1, Seq: 4}, 4, true},
		{"twice", Seats{Capacity: 5, Going: 1, CheckedIn: 1, Seq: 1}, RSVP{Status: StatusCheckedIn, Seq: 1}, true,
			Seats{Capacity: 5, Going: 1, CheckedIn: 1, Seq: 1}, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, r, changed, err := CheckIn(c.seats, c.cur, c.found, in)
			if err != nil || changed != c.changed || s != c.want || r.Seq != c.seq || r.Status != StatusCheckedIn {
				t.Fatalf("CheckIn = %+v, %+v, %v, %v; want %+v, seq %d, changed %v", s, r, changed, err, c.want, c.seq, c.changed)
			}
		})
	}
	var v *ValidationError
	if _, _, _, err := CheckIn(Seats{Cancelled: true}, RSVP{}, false, in); !errors.As(err, &v) || v.Reason != ReasonCancelled {
		t.Errorf("check-in at a cancelled event: %v", err)
	}
}

func TestApplyEntry(t *testing.T) {
	m := Member{Points: 100, LifetimePoints: 400}
	for _, c := range []struct {
		delta          int64
		points, gained int64
		err            bool
	}{{50, 150, 450, false}, {-100, 0, 400, false}, {-101, 100, 400, true}} {
		got, err := ApplyEntry(m, LedgerEntry{Delta: c.delta})
		var v *ValidationError
		if (err != nil) != c.err || got.Points != c.points || got.LifetimePoints != c.gained || c.err && !errors.As(err, &v) {
			t.Errorf("ApplyEntry(%+d) = %+v, %v", c.delta, got, err)
		}
	}
}

func TestAddReport(t *testing.T) {
	for _, c := range []struct {
		name         string
		post         Post
		queued       bool
		hidden, join bool
	}{
		{"first report", Post{}, false, false, true},
		{"third report hides", Post{Reports: 2}, true, true, false},
		{"kept by staff: stays up, out of the queue", Post{Reports: 5, Reviewed: true}, false, false, false},
		{"removed by staff", Post{Reports: 1, Removed: true}, false, false, false},
	} {
		got, join := AddReport(c.post, c.queued)
		if got.Reports != c.post.Reports+1 || got.Hidden != c.hidden || join != c.join {
			t.Errorf("%s: AddReport = %+v, %v", c.name, got, join)
		}
	}
}

func TestVoteMove(t *testing.T) {
	if m, ok := VoteMove("", "a"); !ok || len(m) != 1 || m["a"] != 1 {
		t.Errorf("first vote: %v, %v", m, ok)
	}
	if m, ok := VoteMove("a", "b"); !ok || len(m) != 2 || m["a"] != -1 || m["b"] != 1 {
		t.Errorf("change: %v, %v", m, ok)
	}
	if _, ok := VoteMove("a", "a"); ok {
		t.Error("the same vote again changed the tally")
	}
}
