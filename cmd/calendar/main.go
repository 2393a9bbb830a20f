package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
)

// calendarCmd writes the demo community's upcoming events as one iCalendar
// feed, the file an owner would publish on their website.
func calendarCmd(args []string) error {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	out := fs.String("out", "regulars.ics", "file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "regulars-calendar")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	store, err := local.Open(filepath.Join(dir, "demo.db"), local.WithNoSync())
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	if err := demo.Seed(ctx, store, demo.Now); err != nil {
		return err
	}
	svc := community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := svc.CalendarFeed(ctx, f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Println("wrote", *out)
	return nil
}
