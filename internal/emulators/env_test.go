package emulators

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirestore_ReusesRunningEmulator(t *testing.T) {
	ctx := testContext(t)
	shared := FirestoreFor(t)
	t.Setenv("REGULARS_FIRESTORE_EMULATOR", shared.Host)
	e, err := Firestore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.Host != shared.Host || e.proc != nil {
		t.Fatalf("Firestore() = %s (own process: %v), want the running %s", e.Host, e.proc != nil, shared.Host)
	}
	e.Stop()
	if err := shared.probe(ctx); err != nil {
		t.Fatalf("Stop of a reused emulator stopped it: %v", err)
	}
}

func TestAuth_ReusesRunningEmulator(t *testing.T) {
	ctx := testContext(t)
	shared := AuthFor(t)
	t.Setenv("REGULARS_AUTH_EMULATOR", shared.Host)
	e, err := Auth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.Host != shared.Host || e.proc != nil {
		t.Fatalf("Auth() = %s (own process: %v), want the running %s", e.Host, e.proc != nil, shared.Host)
	}
	e.Stop()
	if err := shared.probe(ctx); err != nil {
		t.Fatalf("Stop of a reused emulator stopped it: %v", err)
	}
}

func TestStart_MissingToolsSayHowToInstall(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		start func(t *testing.T) error
		want  []string
	}{
		{
			name:  "firestore jar",
			env:   map[string]string{"REGULARS_FIRESTORE_EMULATOR_JAR": "/nonexistent/emulator.jar"},
			start: func(t *testing.T) error { _, err := Firestore(testContext(t)); return err },
			want:  []string{"REGULARS_FIRESTORE_EMULATOR_JAR", "/nonexistent/emulator.jar"},
		},
		{
			name:  "java",
			env:   map[string]string{"PATH": t.TempDir(), "JAVA_HOME": ""},
			start: func(t *testing.T) error { _, err := Firestore(testContext(t)); return err },
			want:  []string{"java not found", "apt-get install"},
		},
		{
			name:  "firebase cli",
			env:   map[string]string{"REGULARS_FIREBASE_CLI": "/nonexistent/firebase"},
			start: func(t *testing.T) error { _, err := Auth(testContext(t)); return err },
			want:  []string{"REGULARS_FIREBASE_CLI", "/nonexistent/firebase"},
		},
		{
			name:  "unreachable emulator",
			env:   map[string]string{"REGULARS_FIRESTORE_EMULATOR": "127.0.0.1:1"},
			start: func(t *testing.T) error { _, err := Firestore(testContext(t)); return err },
			want:  []string{"REGULARS_FIRESTORE_EMULATOR=127.0.0.1:1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("REGULARS_FIRESTORE_EMULATOR", "")
			t.Setenv("REGULARS_AUTH_EMULATOR", "")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			err := tt.start(t)
			if err == nil {
				t.Fatal("started, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "deploy", "firebase", "firestore.rules")); err != nil {
		t.Fatalf("RepoRoot() = %s, which has no deploy/firebase/firestore.rules: %v", root, err)
	}
}

func TestModulePath(t *testing.T) {
	tests := []struct{ gomod, want string }{
		{"module github.com/regulars-app/regulars\n\ngo 1.26\n", "github.com/regulars-app/regulars"},
		{"// comment\nmodule \"regulars\"\n", "regulars"},
		{"module example.com/other\n", "example.com/other"},
		{"go 1.26\n", ""},
	}
	for _, tt := range tests {
		if got := modulePath([]byte(tt.gomod)); got != tt.want {
			t.Errorf("modulePath(%q) = %q, want %q", tt.gomod, got, tt.want)
		}
	}
}
