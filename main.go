// Command regulars is the community app a small business gives its
// customers: the members' app and nothing else. The tools that never ship to
// members are commands of their own under cmd/ (admin, calendar,
// screenshots, bench).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/regulars-app/regulars/app"
	"github.com/regulars-app/regulars/config"
)

func main() {
	var opts app.Options
	flag.StringVar(&opts.Profile, "profile", "member", "who local mode starts as: member or owner")
	flag.StringVar(&opts.Lang, "lang", "", "language code (e.g. en, ar, ja); default: saved choice, else the system's")
	flag.StringVar(&opts.DataPath, "data", "", "file of the local store (default: in the app's storage)")
	flag.BoolVar(&opts.Cloud, "cloud", false, "insist on Cloud Firestore: fail when no cloud is configured (build settings, -config or environment)")
	flag.BoolVar(&opts.Local, "local", false, "the local demo community, even when the build or the environment configures a cloud")
	flag.StringVar(&opts.ConfigPath, "config", "", config.FlagUsage)
	flag.Parse()
	if flag.NArg() > 0 {
		// The admin, calendar and screenshots subcommands moved to cmd/.
		fmt.Fprintf(os.Stderr, "regulars: unexpected argument %q: the app takes flags only (-help);"+
			" the tools are commands of their own (go run ./cmd/admin, ./cmd/calendar, ./cmd/screenshots)\n", flag.Arg(0))
		os.Exit(2)
	}
	if err := app.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "regulars:", err)
		os.Exit(1)
	}
}
