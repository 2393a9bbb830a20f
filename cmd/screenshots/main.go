// Command screenshots renders every screen at phone and desktop size in each
// language, on the demo community at demo.Now, one PNG each, with Fyne's test
// driver (which is why it is a command of its own: the members' app never
// links it). `make screenshots` runs it.
//
//	screenshots [-out docs/screenshots] [-langs en,ar] [-themes light,dark] [-only home,forum]
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	out := flag.String("out", "docs/screenshots", "folder to write the PNGs into")
	langs := flag.String("langs", "en,ar", "comma-separated language codes")
	only := flag.String("only", "", "comma-separated screen names to render (default: all)")
	themes := flag.String("themes", "light", "comma-separated variants: light, dark (dark files end in -dark)")
	flag.Parse()
	var filter []string
	if *only != "" {
		filter = strings.Split(*only, ",")
	}
	// Fyne's test driver hands fyne.Do work (the theme's application to
	// every window, when the theme changes) to a new goroutine when it is
	// called from the main goroutine, where it then races with the drawing
	// (a nil pointer in a RichText at the second language). From any other
	// goroutine it runs that work in place, as under go test: draw there.
	var files []string
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		files, err = screenshots(*out, strings.Split(*langs, ","), strings.Split(*themes, ","), filter)
	}()
	<-done
	for _, f := range files {
		fmt.Println(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}
