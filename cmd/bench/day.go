package main

import (
	"context"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/internal/bench"
	"github.com/regulars-app/regulars/internal/emulators"
)

// daySection runs a café's day with 1,000 daily members on the emulator and
// prices it; 10,000 members are estimated from it (bench.Scale).
func daySection(ctx context.Context, r *bench.Results, emu *emulators.FirestoreEmulator, quick bool) error {
	members := 1000
	plan := bench.DayFor(members)
	if quick {
		members = 100
		plan = bench.DayFor(members)
		plan.SlotReal, plan.Dwell = time.Second, time.Second/6
	}
	cid := "bench-day"
	if _, err := bench.SeedCommunity(ctx, emu, cid, bench.Size{Members: members + len(demo.Members(time.Now()))},
		bench.HomeGrowth{}); err != nil {
		return err
	}
	run, err := bench.Day(ctx, emu, cid, plan)
	if err != nil {
		return err
	}
	// An operation that failed (the emulator missing a deadline) is billed
	// as far as it got; the count says how many, and the day's target is
	// missed while it is not 0 (the bill leaves out what they would cost).
	r.Set("day_failed_ops", float64(run.Failed))
	m, o := run.Members, run.Owner
	reads, writes, deletes := m.Reads+o.Reads, m.Writes+o.Writes, m.Deletes+o.Deletes
	p := bench.ListPrices
	suffix := fmt.Sprint(members)
	r.Set("daily_reads_"+suffix, float64(reads))
	r.Set("daily_writes_"+suffix, float64(writes))
	r.Set("daily_deletes_"+suffix, float64(deletes))
	r.Set("dollars_month_"+suffix, p.Monthly(float64(reads), float64(writes), float64(deletes)))
	k := 10.0
	mr, mw, md := bench.Scale(m, k)
	or, ow, od := bench.Scale(o, k)
	big := fmt.Sprint(members * 10)
	r.Set("daily_reads_"+big+"_est", float64(int(mr+or)))
	r.Set("daily_writes_"+big+"_est", float64(int(mw+ow)))
	r.Set("dollars_month_"+big+"_est", p.Monthly(mr+or, mw+ow, md+od))
	r.Note("day: %d daily members, %d app sessions (%.0f%% open it twice) spread over 07:00-21:00 by hour (10-minute slots "+
		"run in %s each, %s in all; latest session start %s behind its time); writes done %v; each session its own client, "+
		"token and Fyne test window: Watch held, home, then its screens, each open %s",
		plan.Members, run.Sessions, plan.TwiceShare*100, plan.SlotReal, run.Elapsed.Round(time.Second),
		run.Late.Round(time.Millisecond), run.Done, plan.Dwell)
	r.Note("day bill, members: %d reads (listeners' first snapshots %d, later updates %d by %v; by RPC %v), %d writes, %d deletes",
		m.Reads, m.ListenInitial, m.ListenUpdates, m.UpdatesBy, m.ReadsByMethod, m.Writes, m.Deletes)
	r.Note("day bill, owner's desktop (open all day): %d reads (listener updates %d by %v; by RPC %v), %d writes, %d deletes",
		o.Reads, o.ListenUpdates, o.UpdatesBy, o.ReadsByMethod, o.Writes, o.Deletes)
	r.Note("prices: %s: $%.2f per 100,000 reads, $%.2f per 100,000 writes, $%.2f per 100,000 deletes, free %d reads, %d writes, "+
		"%d deletes a day; %.1f days a month; source %s; %s members estimated (not run): everything x10 but the listener "+
		"updates members' writes cause (events, threads, stories), x100", p.Name, p.Read, p.Write, p.Delete, p.FreeReads,
		p.FreeWrites, p.FreeDeletes, bench.DaysPerMonth, p.Source, big)
	return nil
}
