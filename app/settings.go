package app

import (
	"errors"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/config"
)

// newFyneApp creates the app under the ID of its build: a café's own ID and
// name, which `fyne package` bakes into the binary from FyneApp.toml, or the
// FyneApp.toml beside `go run`; ID when neither is there (a binary built
// with go build and run elsewhere), so that its storage stays in one place.
func newFyneApp() fyne.App {
	a := fyneapp.New()
	if m := a.Metadata(); m.ID == "" {
		m.ID, m.Name = ID, "Regulars"
		fyneapp.SetMetadata(m) // UniqueID falls back to the metadata's ID
	}
	return a
}

// Settings decides where the app's data lives: the build's settings
// (meta.Custom, from FyneApp.toml; see package config), overridden by the
// -config file and the environment for development. -local forces the
// demo community; -cloud insists on a cloud configuration.
func Settings(meta fyne.AppMetadata, opts Options) (config.Config, error) {
	if opts.Local {
		return config.Config{}, nil
	}
	cfg, err := config.Load(meta.Custom, opts.ConfigPath)
	if err != nil {
		return config.Config{}, err
	}
	if opts.Cloud && cfg.Local() {
		return config.Config{}, errors.New("-cloud: no cloud configured (see -config, FyneApp.toml and the REGULARS_* environment variables)")
	}
	return cfg, nil
}

// authClient returns the Firebase Auth client of cfg: the Auth emulator
// when AuthEmulatorHost is set, Google otherwise.
func authClient(cfg config.Config) *auth.Client {
	ac := &auth.Client{APIKey: cfg.APIKey}
	if cfg.AuthEmulatorHost != "" {
		ac.BaseURL = "http://" + cfg.AuthEmulatorHost
		if ac.APIKey == "" {
			ac.APIKey = "emulator" // the emulator checks no key, but the API wants one
		}
	}
	return ac
}
