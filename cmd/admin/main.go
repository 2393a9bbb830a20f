// Command admin runs the tasks that need admin access to the Firebase project
// (a service account, or the emulators' admin token): create a community,
// grant or revoke a role, seed the demo café. It never ships to members'
// phones; the work is done by package admin.
//
//	admin [-config FILE] [-project ID] [-community ID] SUBCOMMAND [ARGS]
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/regulars-app/regulars/admin"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := admin.Run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "admin:", err)
		if errors.Is(err, admin.ErrUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
