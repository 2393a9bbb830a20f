package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoad(t *testing.T) {
	prodTOML := "project = \"cafe-prod\"\napi_key = \"AIzaKey\"\ncommunity = \"cafe-lumen\"\n"
	prodJSON := `{"project": "cafe-prod", "api_key": "AIzaKey", "community": "cafe-lumen"}`
	prod := Config{Project: "cafe-prod", APIKey: "AIzaKey", Community: "cafe-lumen"}
	tests := []struct {
		name    string
		file    string // file name; "" for none
		content string
		build   map[string]string // the app's custom metadata (FyneApp.toml)
		env     map[string]string
		want    Config
		wantErr string
	}{
		{name: "nothing is local mode"},
		{name: "auth emulator alone stays local", env: map[string]string{EnvAuthEmulatorHost: "127.0.0.1:9099"}},
		{name: "toml file", file: "c.toml", content: prodTOML, want: prod},
		{name: "json file", file: "c.json", content: prodJSON, want: prod},
		{name: "env only", env: map[string]string{EnvProject: "cafe-prod", EnvAPIKey: "AIzaKey", EnvCommunity: "cafe-lumen"}, want: prod},
		{name: "env overrides file", file: "c.toml", content: prodTOML, env: map[string]string{EnvCommunity: "bike-shop"},
			want: Config{Project: "cafe-prod", APIKey: "AIzaKey", Community: "bike-shop"}},
		{name: "emulators need no api key", env: map[string]string{EnvProject: "demo-regulars", EnvCommunity: "cafe-lumen",
			EnvFirestoreEndpoint: "127.0.0.1:8080", EnvAuthEmulatorHost: "127.0.0.1:9099"},
			want: Config{Project: "demo-regulars", Community: "cafe-lumen", FirestoreEndpoint: "127.0.0.1:8080", AuthEmulatorHost: "127.0.0.1:9099"}},
		{name: "toml emulators", file: "c.toml", content: "project='demo-x'\ncommunity='c1'\nfirestore_endpoint='localhost:8080'\nauth_emulator_host='localhost:9099'\n",
			want: Config{Project: "demo-x", Community: "c1", FirestoreEndpoint: "localhost:8080", AuthEmulatorHost: "localhost:9099"}},
		{name: "spaces trimmed", env: map[string]string{EnvProject: " cafe-prod ", EnvAPIKey: "AIzaKey\n", EnvCommunity: "cafe-lumen"}, want: prod},
		{name: "missing community", env: map[string]string{EnvProject: "cafe-prod", EnvAPIKey: "k"}, wantErr: "no community"},
		{name: "missing api key", env: map[string]string{EnvProject: "cafe-prod", EnvCommunity: "c"}, wantErr: "no Web API key"},
		{name: "community with slash", env: map[string]string{EnvProject: "p", EnvAPIKey: "k", EnvCommunity: "a/b"}, wantErr: "community"},
		{name: "bad endpoint", env: map[string]string{EnvProject: "p", EnvAPIKey: "k", EnvCommunity: "c", EnvFirestoreEndpoint: "localhost"}, wantErr: "host:port"},
		{name: "cloud settings without project", env: map[string]string{EnvCommunity: "c"}, wantErr: "without a Firebase project"},
		{name: "unknown toml key", file: "c.toml", content: prodTOML + "comunity = \"typo\"\n", wantErr: "unknown settings comunity"},
		{name: "unknown json key", file: "c.json", content: `{"project": "p", "apikey": "k"}`, wantErr: "unknown field"},
		{name: "broken toml", file: "c.toml", content: "project = ", wantErr: "c.toml"},
		{name: "empty file is an error", file: "c.toml", content: "", wantErr: "without a Firebase project"},
		{name: "a café's build is cloud with nothing else", build: map[string]string{KeyProject: "cafe-prod", KeyAPIKey: "AIzaKey", KeyCommunity: "cafe-lumen"}, want: prod},
		{name: "build keys of others are ignored", build: map[string]string{"theme": "dark"}},
		{name: "file overrides the build", build: map[string]string{KeyProject: "other", KeyAPIKey: "k2", KeyCommunity: "c2"}, file: "c.toml", content: prodTOML, want: prod},
		{name: "env overrides the build", build: map[string]string{KeyProject: "cafe-prod", KeyAPIKey: "AIzaKey", KeyCommunity: "c2"},
			env: map[string]string{EnvCommunity: "cafe-lumen"}, want: prod},
		{name: "a build for the emulators", build: map[string]string{KeyProject: "demo-x", KeyCommunity: "c1", KeyFirestoreEndpoint: "127.0.0.1:8080", KeyAuthEmulatorHost: "127.0.0.1:9099"},
			want: Config{Project: "demo-x", Community: "c1", FirestoreEndpoint: "127.0.0.1:8080", AuthEmulatorHost: "127.0.0.1:9099"}},
		{name: "a build without its API key", build: map[string]string{KeyProject: "cafe-prod", KeyCommunity: "c"}, wantErr: "no Web API key"},
		{name: "a build without its project", build: map[string]string{KeyCommunity: "c"}, wantErr: "without a Firebase project"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" {
				path = writeFile(t, tt.file, tt.content)
			}
			got, err := load(tt.build, path, envOf(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("load = %+v, %v; want an error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			src := got.Source
			got.Source = ""
			if got != tt.want {
				t.Errorf("load = %+v, want %+v", got, tt.want)
			}
			if got.Local() != (tt.want.Project == "") {
				t.Errorf("Local() = %v for %+v", got.Local(), got)
			}
			if !got.Local() && src == "" {
				t.Error("Source is empty for a cloud configuration")
			}
		})
	}
}

func TestLoad_ExplicitPathMustExist(t *testing.T) {
	_, err := Load(nil, filepath.Join(t.TempDir(), "missing.toml"))
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Fatalf("Load(missing) = %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func TestLoad_DefaultFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir) // os.UserConfigDir on Linux
	t.Setenv("HOME", dir)
	for _, k := range []string{EnvProject, EnvAPIKey, EnvCommunity, EnvFirestoreEndpoint, EnvAuthEmulatorHost} {
		t.Setenv(k, "")
	}
	c, err := Load(nil, "")
	if err != nil || !c.Local() {
		t.Fatalf("Load with no default file = %+v, %v; want local mode", c, err)
	}
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("project='p1'\napi_key='k'\ncommunity='c1'\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err = Load(nil, "")
	if err != nil || c.Project != "p1" || c.Source != p {
		t.Fatalf("Load with %s = %+v, %v; want project p1 from that file", p, c, err)
	}
}

func FuzzReadFile(f *testing.F) {
	f.Add("project = \"cafe-prod\"\napi_key = \"AIzaKey\"\ncommunity = \"cafe-lumen\"\n")
	f.Add("comunity = 1")
	f.Fuzz(func(t *testing.T, content string) {
		p := filepath.Join(t.TempDir(), "c.toml")
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := load(nil, p, envOf(nil))
		if err == nil && c.Validate() != nil {
			t.Fatalf("load accepted %q as %+v, which does not validate", content, c)
		}
	})
}
