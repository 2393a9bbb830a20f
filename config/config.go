// Package config loads the cloud configuration of the app: which Firebase
// project, API key and community it talks to, or the local emulators during
// development. Without any configuration the app runs in local mode, on the
// embedded store with the demo community.
//
// Sources, later ones overriding earlier ones field by field:
//
//  1. the build's settings: the custom metadata of FyneApp.toml, which the
//     app reads with fyne.App.Metadata().Custom (see FromMetadata). `fyne
//     package -release` bakes the [Release] table (and -metadata key=value
//     flags) into the binary, on every platform; `go run` and `go build`
//     read the [Development] table of the FyneApp.toml beside them. A café's
//     build therefore starts in cloud mode with no flag, file or variable;
//  2. a TOML or JSON file: the -config flag's path (which must exist), else
//     config.toml or config.json in the user config directory's "regulars"
//     folder (used when present; see DefaultPath), for development;
//  3. environment variables, for development:
//     REGULARS_FIREBASE_PROJECT    Firebase project ID
//     REGULARS_FIREBASE_API_KEY    the project's Web API key
//     REGULARS_COMMUNITY           ID of the community (communities/{id})
//     REGULARS_FIRESTORE_ENDPOINT  host:port of a Firestore emulator (plain gRPC)
//     FIREBASE_AUTH_EMULATOR_HOST  host:port of a Firebase Auth emulator
//
// The metadata and a file name the same settings:
//
//	project = "my-cafe-prod"
//	api_key = "AIza..."
//	community = "cafe-lumen"
//	# development only:
//	firestore_endpoint = "127.0.0.1:8080"
//	auth_emulator_host = "127.0.0.1:9099"
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Environment variables read by Load.
const (
	EnvProject           = "REGULARS_FIREBASE_PROJECT"
	EnvAPIKey            = "REGULARS_FIREBASE_API_KEY"
	EnvCommunity         = "REGULARS_COMMUNITY"
	EnvFirestoreEndpoint = "REGULARS_FIRESTORE_ENDPOINT"
	EnvAuthEmulatorHost  = "FIREBASE_AUTH_EMULATOR_HOST"
)

// FlagUsage describes the -config flag for main.go.
const FlagUsage = "cloud configuration file (TOML or JSON); default: config.toml in the user config directory, else environment variables, else local mode"

// Config is where the app's data lives. The zero value is local mode.
type Config struct {
	Project           string `toml:"project" json:"project"`
	APIKey            string `toml:"api_key" json:"api_key"`
	Community         string `toml:"community" json:"community"`
	FirestoreEndpoint string `toml:"firestore_endpoint" json:"firestore_endpoint"`
	AuthEmulatorHost  string `toml:"auth_emulator_host" json:"auth_emulator_host"`

	// Source says where the settings came from: file paths and "env", joined
	// by "+"; empty in local mode. For messages and logs.
	Source string `toml:"-" json:"-"`
}

// Local reports whether no cloud is configured: the app uses the embedded store.
func (c Config) Local() bool { return c.Project == "" }

// Emulated reports whether the app talks to local emulators (development).
func (c Config) Emulated() bool { return c.FirestoreEndpoint != "" || c.AuthEmulatorHost != "" }

// Validate checks a cloud configuration: a project, a community ID usable as
// a document ID, an API key unless Auth is emulated, and host:port endpoints.
// Local mode is always valid, but emulator settings without a project are not.
func (c Config) Validate() error {
	if c.Local() {
		if c.Emulated() || c.Community != "" || c.APIKey != "" {
			return errors.New("config: cloud settings without a Firebase project: set project (" + EnvProject + ")")
		}
		return nil
	}
	if !validID(c.Project) {
		return fmt.Errorf("config: project %q is not a Firebase project ID", c.Project)
	}
	if c.Community == "" {
		return errors.New("config: no community: set community (" + EnvCommunity + ")")
	}
	if !validID(c.Community) {
		return fmt.Errorf("config: community %q: use letters, digits, '-' and '_'", c.Community)
	}
	if c.APIKey == "" && c.AuthEmulatorHost == "" {
		return errors.New("config: no Web API key: set api_key (" + EnvAPIKey + ") from the Firebase console")
	}
	for name, hp := range map[string]string{"firestore_endpoint": c.FirestoreEndpoint, "auth_emulator_host": c.AuthEmulatorHost} {
		if hp == "" {
			continue
		}
		host, port, err := net.SplitHostPort(hp)
		if n, perr := strconv.Atoi(port); err != nil || host == "" || perr != nil || n <= 0 || n > 65535 {
			return fmt.Errorf("config: %s %q: want host:port", name, hp)
		}
	}
	return nil
}

// validID accepts project and community IDs: 1 to 100 letters, digits, '-'
// and '_' (a community ID is a Firestore document ID and appears in paths).
func validID(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// DefaultPath returns where Load looks for a configuration file when no path
// is given: <user config dir>/regulars/config.toml, or config.json when only
// that one exists. The file need not exist.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	base := filepath.Join(dir, "regulars")
	toml := filepath.Join(base, "config.toml")
	if _, err := os.Stat(toml); err != nil {
		if js := filepath.Join(base, "config.json"); fileExists(js) {
			return js, nil
		}
	}
	return toml, nil
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// Load reads the configuration: the build's settings (custom, the app's
// metadata; see FromMetadata), then the file at path (the -config flag; it
// must exist) or the default file when path is empty (used when it exists),
// then the environment. The result is validated.
func Load(custom map[string]string, path string) (Config, error) {
	if path == "" {
		p, err := DefaultPath()
		if err == nil && fileExists(p) {
			path = p
		}
	}
	return load(custom, path, os.Getenv)
}

// Keys of the build's settings in FyneApp.toml's [Release] and
// [Development] tables (fyne.AppMetadata.Custom): the names of a file's
// settings.
const (
	KeyProject           = "project"
	KeyAPIKey            = "api_key"
	KeyCommunity         = "community"
	KeyFirestoreEndpoint = "firestore_endpoint"
	KeyAuthEmulatorHost  = "auth_emulator_host"
)

// FromMetadata reads the build's settings from the app's custom metadata
// (other keys are the app's or Fyne's business and are left alone), and
// reports whether there were any. The result is not validated.
func FromMetadata(custom map[string]string) (Config, bool) {
	c := Config{
		Project:           custom[KeyProject],
		APIKey:            custom[KeyAPIKey],
		Community:         custom[KeyCommunity],
		FirestoreEndpoint: custom[KeyFirestoreEndpoint],
		AuthEmulatorHost:  custom[KeyAuthEmulatorHost],
	}
	c = trim(c)
	return c, c != Config{}
}

// Read reads the file at path (none when empty) and overrides it with the
// environment, without validating: for admin tools, which need a project and
// a community but no Web API key (they use a service account).
func Read(path string) (Config, error) {
	var c Config
	if path != "" {
		fc, err := ReadFile(path)
		if err != nil {
			return Config{}, err
		}
		c = fc
		c.Source = path
	}
	if env := fromEnv(&c, os.Getenv); env {
		c.Source = strings.TrimPrefix(c.Source+"+env", "+")
	}
	return c, nil
}

// fromEnv overrides c with the environment variables that are set and
// reports whether there were any.
func fromEnv(c *Config, getenv func(string) string) bool {
	set := false
	for _, f := range []struct {
		env string
		dst *string
	}{
		{EnvProject, &c.Project},
		{EnvAPIKey, &c.APIKey},
		{EnvCommunity, &c.Community},
		{EnvFirestoreEndpoint, &c.FirestoreEndpoint},
		{EnvAuthEmulatorHost, &c.AuthEmulatorHost},
	} {
		if v := strings.TrimSpace(getenv(f.env)); v != "" {
			*f.dst = v
			set = true
		}
	}
	return set
}

// load reads the build's settings, the file at path (none when empty) and
// overrides them with getenv.
func load(custom map[string]string, path string, getenv func(string) string) (Config, error) {
	c, built := FromMetadata(custom)
	var sources []string
	if built {
		sources = append(sources, "build")
	}
	if path != "" {
		fc, err := ReadFile(path)
		if err != nil {
			return Config{}, err
		}
		c = overlay(c, fc)
		sources = append(sources, path)
	}
	envSet := fromEnv(&c, getenv)
	if envSet {
		sources = append(sources, "env")
	}
	// FIREBASE_AUTH_EMULATOR_HOST alone is common in a developer's shell
	// (firebase emulators:exec sets it): it does not turn the cloud on.
	if c.Project == "" && c.APIKey == "" && c.Community == "" && c.FirestoreEndpoint == "" && path == "" && !built {
		return Config{}, nil
	}
	if c.Local() {
		// Settings that configure no cloud are a mistake, not a wish for local mode.
		return Config{}, fmt.Errorf("config: cloud settings without a Firebase project: set project (%s) (from %s)", EnvProject, strings.Join(sources, "+"))
	}
	c.Source = strings.Join(sources, "+")
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("%w (from %s)", err, strings.Join(sources, "+"))
	}
	return c, nil
}

// overlay returns base with the settings over sets.
func overlay(base, over Config) Config {
	for _, f := range []struct{ dst, src *string }{
		{&base.Project, &over.Project}, {&base.APIKey, &over.APIKey}, {&base.Community, &over.Community},
		{&base.FirestoreEndpoint, &over.FirestoreEndpoint}, {&base.AuthEmulatorHost, &over.AuthEmulatorHost},
	} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	return base
}

// ReadFile reads a configuration file: JSON when its name ends in .json, TOML
// otherwise. Unknown settings are an error, so that a typo does not silently
// fall back to local mode. The result is not validated.
func ReadFile(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	var c Config
	if strings.EqualFold(filepath.Ext(path), ".json") {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return Config{}, fmt.Errorf("config: %s: %w", path, err)
		}
		return trim(c), nil
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return Config{}, fmt.Errorf("config: %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return Config{}, fmt.Errorf("config: %s: unknown settings %s", path, strings.Join(keys, ", "))
	}
	return trim(c), nil
}

func trim(c Config) Config {
	for _, p := range []*string{&c.Project, &c.APIKey, &c.Community, &c.FirestoreEndpoint, &c.AuthEmulatorHost} {
		*p = strings.TrimSpace(*p)
	}
	return c
}
