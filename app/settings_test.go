package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/config"
)

// isolate clears the development overrides: no environment, no config file.
func isolate(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	for _, k := range []string{config.EnvProject, config.EnvAPIKey, config.EnvCommunity, config.EnvFirestoreEndpoint, config.EnvAuthEmulatorHost} {
		t.Setenv(k, "")
	}
}

// What `fyne package -release` (desktop, Android, iOS alike) bakes into a
// café's binary is fyne.AppMetadata with Release set and the [Release]
// table plus -metadata flags in Custom: that alone starts cloud mode.
func TestSettings_CafeBuildStartsInCloud(t *testing.T) {
	isolate(t)
	meta := fyne.AppMetadata{ID: "cafe.lumen.app", Name: "Café Lumen", Release: true, Custom: map[string]string{
		config.KeyProject: "lumen-prod", config.KeyAPIKey: "AIzaLumen", config.KeyCommunity: "cafe-lumen"}}
	cfg, err := Settings(meta, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Local() || cfg.Project != "lumen-prod" || cfg.Community != "cafe-lumen" || cfg.APIKey != "AIzaLumen" || cfg.Emulated() {
		t.Fatalf("a café's build = %+v, want cloud mode on its project", cfg)
	}
	if ac := authClient(cfg); ac.Emulated() || ac.APIKey != "AIzaLumen" {
		t.Errorf("auth client = %+v, want Google with the café's key", ac)
	}
	if cfg, err := Settings(meta, Options{Local: true}); err != nil || !cfg.Local() {
		t.Errorf("-local on a café's build = %+v, %v; want the demo", cfg, err)
	}
}

// The repository's FyneApp.toml keeps `go run .` (make run) the local demo
// and names only settings the app reads.
func TestSettings_RepositoryFyneAppIsTheDemo(t *testing.T) {
	isolate(t)
	var file struct {
		Details     struct{ ID, Name, Icon string }
		Development map[string]string
		Release     map[string]string
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &file); err != nil {
		t.Fatal(err)
	}
	if file.Details.ID != ID {
		t.Errorf("FyneApp.toml ID %q, app.ID %q", file.Details.ID, ID)
	}
	known := map[string]bool{config.KeyProject: true, config.KeyAPIKey: true, config.KeyCommunity: true,
		config.KeyFirestoreEndpoint: true, config.KeyAuthEmulatorHost: true}
	for table, m := range map[string]map[string]string{"Development": file.Development, "Release": file.Release} {
		for k := range m {
			if !known[k] {
				t.Errorf("[%s] %s is no setting of the app", table, k)
			}
		}
	}
	cfg, err := Settings(fyne.AppMetadata{ID: ID, Custom: file.Development}, Options{})
	if err != nil || !cfg.Local() {
		t.Errorf("go run with the repository's FyneApp.toml = %+v, %v; want local mode", cfg, err)
	}
	if _, err := Settings(fyne.AppMetadata{ID: ID, Custom: file.Development}, Options{Cloud: true}); err == nil {
		t.Error("-cloud without any cloud configured did not fail")
	}
}

// Development overrides still win over the build: the environment.
func TestSettings_EnvironmentOverridesTheBuild(t *testing.T) {
	isolate(t)
	t.Setenv(config.EnvFirestoreEndpoint, "127.0.0.1:8080")
	t.Setenv(config.EnvAuthEmulatorHost, "127.0.0.1:9099")
	meta := fyne.AppMetadata{Custom: map[string]string{config.KeyProject: "demo-lumen", config.KeyCommunity: "cafe-lumen"}}
	cfg, err := Settings(meta, Options{})
	if err != nil || cfg.FirestoreEndpoint != "127.0.0.1:8080" || !authClient(cfg).Emulated() {
		t.Fatalf("build + emulator environment = %+v, %v", cfg, err)
	}
}

func TestSessionFile_SaveLoadRemove(t *testing.T) {
	dir := t.TempDir()
	f := newSessionFile(dir, config.Config{Project: "p", Community: "c"})
	if _, ok, err := f.Load(); ok || err != nil {
		t.Fatalf("Load before Save = %v, %v", ok, err)
	}
	s := auth.Session{UID: "u1", Email: "a@example.com", IDToken: "id-secret", RefreshToken: "refresh-secret"}
	if err := f.Save(s); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("session file mode %o, want 600", perm)
	}
	data, _ := os.ReadFile(f.path)
	if strings.Contains(string(data), "id-secret") {
		t.Error("the short-lived ID token was saved")
	}
	got, ok, err := f.Load()
	if err != nil || !ok || got.UID != "u1" || got.Email != "a@example.com" || got.RefreshToken != "refresh-secret" {
		t.Fatalf("Load = %+v, %v, %v", got, ok, err)
	}
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := f.Load(); ok {
		t.Error("session still there after Remove")
	}
	if err := os.WriteFile(f.path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := f.Load(); ok || err != nil {
		t.Errorf("a broken file = %v, %v; want signed out", ok, err)
	}
}

func TestMoveLegacy(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old", "community.db")
	if err := os.MkdirAll(filepath.Dir(old), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte("data"), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "storage", "community.db")
	from, err := moveLegacy(dst, []string{filepath.Join(dir, "none.db"), old})
	if err != nil || from != old {
		t.Fatalf("moveLegacy = %q, %v", from, err)
	}
	if data, _ := os.ReadFile(dst); string(data) != "data" {
		t.Errorf("moved content %q", data)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("old file still there: %v", err)
	}
	// Once only: a newer file in storage is never replaced.
	if err := os.WriteFile(old, []byte("older"), 0o600); err != nil {
		t.Fatal(err)
	}
	if from, err := moveLegacy(dst, []string{old}); from != "" || err != nil {
		t.Errorf("second move = %q, %v", from, err)
	}
	if data, _ := os.ReadFile(dst); string(data) != "data" {
		t.Errorf("storage overwritten: %q", data)
	}
}

// TestSessionFile_OwnerOnly: the session's folder is listed by its owner
// only, and a session file others could read (copied in, or left by an
// older build) is made the owner's alone when it is loaded.
func TestSessionFile_OwnerOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "storage")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f := newSessionFile(dir, config.Config{Project: "p", Community: "c"})
	if err := f.Save(auth.Session{UID: "u1", RefreshToken: "refresh-secret"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("session folder = %v, %v; want 700", info.Mode().Perm(), err)
	}
	if err := os.Chmod(f.path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := f.Load(); !ok || err != nil {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	if info, err := os.Stat(f.path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("session file after Load = %v, %v; want 600", info.Mode().Perm(), err)
	}
}
