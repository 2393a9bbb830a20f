package main

import (
	"context"
	"os"

	"github.com/regulars-app/regulars/admin"
)

// adminCmd runs the admin subcommands (they need admin access to the
// Firebase project and never ship to members' phones).
func adminCmd(args []string) error {
	return admin.Run(context.Background(), args, os.Stdout)
}
