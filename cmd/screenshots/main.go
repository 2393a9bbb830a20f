package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/regulars-app/regulars/app"
)

// screenshotsCmd renders every screen at phone and desktop size in each
// language, on the demo community at demo.Now, one PNG each.
func screenshotsCmd(args []string) error {
	fs := flag.NewFlagSet("screenshots", flag.ContinueOnError)
	out := fs.String("out", "docs/screenshots", "folder to write the PNGs into")
	langs := fs.String("langs", "en,ar", "comma-separated language codes")
	only := fs.String("only", "", "comma-separated screen names to render (default: all)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var filter []string
	if *only != "" {
		filter = strings.Split(*only, ",")
	}
	files, err := app.Screenshots(*out, strings.Split(*langs, ","), filter)
	for _, f := range files {
		fmt.Println(f)
	}
	return err
}
