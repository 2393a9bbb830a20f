// Command regulars is the community app a small business gives its
// customers. Without arguments it opens the app; subcommands:
//
//	regulars calendar -out FILE            the demo community's upcoming events as .ics
//	regulars screenshots -out DIR -langs en,ar   a PNG of every screen
//	regulars admin [flags] SUBCOMMAND      admin tasks on the Firebase project (package admin)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/regulars-app/regulars/app"
	"github.com/regulars-app/regulars/config"
)

func main() {
	if len(os.Args) > 1 {
		if cmd, ok := commands[os.Args[1]]; ok {
			if err := cmd(os.Args[2:]); err != nil {
				fmt.Fprintln(os.Stderr, "regulars:", err)
				os.Exit(1)
			}
			return
		}
	}
	var opts app.Options
	flag.StringVar(&opts.Profile, "profile", "member", "who local mode starts as: member or owner")
	flag.StringVar(&opts.Lang, "lang", "", "language code (e.g. en, ar, ja); default: saved choice, else the system's")
	flag.StringVar(&opts.DataPath, "data", "", "file of the local store (default: in the app's storage)")
	flag.BoolVar(&opts.Cloud, "cloud", false, "insist on Cloud Firestore: fail when no cloud is configured (build settings, -config or environment)")
	flag.BoolVar(&opts.Local, "local", false, "the local demo community, even when the build or the environment configures a cloud")
	flag.StringVar(&opts.ConfigPath, "config", "", config.FlagUsage)
	flag.Parse()
	if err := app.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "regulars:", err)
		os.Exit(1)
	}
}

// commands are the subcommands, by name.
var commands = map[string]func(args []string) error{
	"admin":       adminCmd,
	"calendar":    calendarCmd,
	"screenshots": screenshotsCmd,
}
