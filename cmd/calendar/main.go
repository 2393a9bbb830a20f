// Command calendar writes a community's upcoming events as one iCalendar feed
// (RFC 5545), the file an owner publishes on their website. It reads the
// community from one of three places:
//
//	calendar [-out FILE]                      the demo café, at demo.Now
//	calendar -data FILE [-out FILE]           the embedded store in FILE (the app's -data);
//	                                          the app must not have it open
//	calendar -cloud [-config FILE] [-project ID] [-community ID] [-out FILE]
//	                                          Cloud Firestore, configured as for the admin
//	                                          command (package config; a service account
//	                                          through GOOGLE_APPLICATION_CREDENTIALS, or
//	                                          REGULARS_FIRESTORE_ENDPOINT for an emulator)
//
// -out - writes to standard output.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/regulars-app/regulars/admin"
	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
	"github.com/regulars-app/regulars/community/local"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "calendar:", err)
		os.Exit(1)
	}
}

// run parses args, opens the community they name and writes its feed. It
// reports the file written on stdout; usage and flag errors go to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "regulars.ics", "file to write (- for standard output)")
	data := fs.String("data", "", "read the embedded store in this file instead of the demo")
	cloud := fs.Bool("cloud", false, "read the community on Cloud Firestore instead of the demo")
	cfgPath := fs.String("config", "", "with -cloud: configuration file (see package config)")
	project := fs.String("project", "", "with -cloud: Firebase project ID (overrides the configuration)")
	cid := fs.String("community", "", "with -cloud: community ID (overrides the configuration)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see -help)", fs.Arg(0))
	}
	if *data != "" && *cloud {
		return errors.New("-data and -cloud: choose one")
	}

	var svc *community.Service
	switch {
	case *cloud:
		t, err := admin.NewTarget(*cfgPath, *project, *cid)
		if err != nil {
			return err
		}
		store, err := t.Dial(ctx)
		if err != nil {
			return err
		}
		defer store.Close()
		svc = community.NewService(store)
	case *data != "":
		// Open would create a missing file, and with it an empty community.
		if _, err := os.Stat(*data); err != nil {
			return err
		}
		store, err := local.Open(*data)
		if err != nil {
			return err
		}
		defer store.Close()
		svc = community.NewService(store)
	default:
		store, cleanup, err := demoStore(ctx)
		if err != nil {
			return err
		}
		defer cleanup()
		svc = community.NewService(store, community.WithClock(func() time.Time { return demo.Now }))
	}

	if *out == "-" {
		return svc.CalendarFeed(ctx, stdout)
	}
	if err := writeFile(*out, func(w io.Writer) error { return svc.CalendarFeed(ctx, w) }); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote", *out)
	return nil
}

// demoStore seeds the demo community into a throwaway embedded store.
func demoStore(ctx context.Context) (*local.Store, func(), error) {
	dir, err := os.MkdirTemp("", "regulars-calendar")
	if err != nil {
		return nil, nil, err
	}
	store, err := local.Open(filepath.Join(dir, "demo.db"), local.WithNoSync())
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	cleanup := func() { store.Close(); os.RemoveAll(dir) }
	if err := demo.Seed(ctx, store, demo.Now); err != nil {
		cleanup()
		return nil, nil, err
	}
	return store, cleanup, nil
}

// writeFile writes path through write, leaving no half-written file behind:
// the feed goes to a temporary file beside it, renamed over path once whole.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename, a no-op
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
