package emulators

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// authStartTimeout bounds the wait for the Auth emulator. firebase-tools takes
// about 7 s on two idle cores, mostly loading its modules, and 30 s on a busy one.
const authStartTimeout = 2 * time.Minute

// AuthEmulator is a running Firebase Auth emulator. It serves the Identity
// Toolkit REST API at http://Host/identitytoolkit.googleapis.com/v1/... and its
// ID tokens are accepted by the Firestore emulator.
type AuthEmulator struct {
	// Host is host:port of the emulator.
	Host string
	// ProjectID is the project its users and tokens belong to.
	ProjectID string

	proc *process // nil when reusing an emulator started elsewhere
}

// Auth starts the Firebase Auth emulator from the repository's firebase-tools
// (node_modules/.bin/firebase, installed by `npm ci`) on free loopback ports and
// returns once it is ready. The caller must call Stop. If REGULARS_AUTH_EMULATOR
// is host:port, that emulator is used instead and Stop leaves it running.
func Auth(ctx context.Context) (*AuthEmulator, error) {
	if host := os.Getenv("REGULARS_AUTH_EMULATOR"); host != "" {
		e := &AuthEmulator{Host: host, ProjectID: ProjectID}
		if err := e.probe(ctx); err != nil {
			return nil, fmt.Errorf("auth emulator at REGULARS_AUTH_EMULATOR=%s: %w", host, err)
		}
		return e, nil
	}
	cli, err := firebaseCLI()
	if err != nil {
		return nil, err
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		e, err := startAuth(ctx, cli)
		if err == nil {
			return e, nil
		}
		lastErr = err
		if ctx.Err() != nil || !strings.Contains(err.Error(), "exited before it was ready") {
			break
		}
	}
	return nil, lastErr
}

func startAuth(ctx context.Context, cli string) (*AuthEmulator, error) {
	// firebase-tools also opens a hub and a logging port; fixed defaults would
	// collide between test binaries running in parallel, so all three are free
	// ports written into a generated firebase.json.
	var ports [3]int
	for i := range ports {
		p, err := freePort()
		if err != nil {
			return nil, err
		}
		ports[i] = p
	}
	dir, err := os.MkdirTemp("", "regulars-auth-emulator-")
	if err != nil {
		return nil, fmt.Errorf("auth emulator: %w", err)
	}
	config := map[string]any{
		"emulators": map[string]any{
			"singleProjectMode": true,
			"auth":              map[string]any{"host": "127.0.0.1", "port": ports[0]},
			"hub":               map[string]any{"host": "127.0.0.1", "port": ports[1]},
			"logging":           map[string]any{"host": "127.0.0.1", "port": ports[2]},
			"ui":                map[string]any{"enabled": false},
		},
	}
	data, _ := json.MarshalIndent(config, "", "  ")
	configPath := filepath.Join(dir, "firebase.json")
	if err := os.WriteFile(configPath, data, 0o644); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("auth emulator: %w", err)
	}

	cmd := exec.Command(cli, "emulators:start", "--only", "auth", "--project", ProjectID, "--config", configPath)
	// firebase-debug.log lands in the working directory, the hub's locator file
	// in TMPDIR: keep both in the private directory.
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), authEnv(dir)...)
	proc, err := startProcess("auth emulator", cmd, dir)
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	e := &AuthEmulator{Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[0])), ProjectID: ProjectID, proc: proc}
	if err := proc.waitReady(ctx, authStartTimeout, e.probe); err != nil {
		proc.stop()
		return nil, err
	}
	return e, nil
}

// authEnv keeps firebase-tools off the network: no update check (CI,
// NO_UPDATE_NOTIFIER), no message of the day (CI), no usage reports (it sends
// none unless a user opted in, which CI=true also never prompts for). The Auth
// emulator itself is part of the npm package and downloads nothing.
func authEnv(tmp string) []string {
	return []string{
		"CI=true",
		"NO_UPDATE_NOTIFIER=1",
		"TMPDIR=" + tmp,
	}
}

// probe checks that the emulator answers GET / with authEmulator.ready.
func (e *AuthEmulator) probe(ctx context.Context) error {
	body, err := httpDo(ctx, "GET", "http://"+e.Host+"/", "", nil, nil)
	if err != nil {
		return err
	}
	var status struct {
		AuthEmulator struct {
			Ready bool `json:"ready"`
		} `json:"authEmulator"`
	}
	if err := json.Unmarshal(body, &status); err != nil || !status.AuthEmulator.Ready {
		return fmt.Errorf("GET http://%s/ answered %q, want authEmulator.ready", e.Host, body)
	}
	return nil
}

// Reset deletes every user of the project.
func (e *AuthEmulator) Reset(ctx context.Context) error {
	url := fmt.Sprintf("http://%s/emulator/v1/projects/%s/accounts", e.Host, e.ProjectID)
	if _, err := httpDo(ctx, "DELETE", url, "", nil, nil); err != nil {
		return fmt.Errorf("reset auth emulator: %w", err)
	}
	return nil
}

// Stop ends the emulator and waits for it. It does nothing for an emulator
// reused through REGULARS_AUTH_EMULATOR, and is safe to call twice.
func (e *AuthEmulator) Stop() {
	if e != nil && e.proc != nil {
		e.proc.stop()
	}
}

// IdentityToolkitURL returns the emulated URL of an Identity Toolkit v1 method,
// e.g. IdentityToolkitURL("accounts:signUp"). The API key is not checked.
func (e *AuthEmulator) IdentityToolkitURL(method string) string {
	return "http://" + e.Host + "/identitytoolkit.googleapis.com/v1/" + method + "?key=emulator"
}

// User is a signed-in account as the Identity Toolkit returns it.
type User struct {
	UID          string `json:"localId"`
	Email        string `json:"email"`
	IDToken      string `json:"idToken"`
	RefreshToken string `json:"refreshToken"`
}

// SignUp creates an email and password account and returns it signed in.
func (e *AuthEmulator) SignUp(ctx context.Context, email, password string) (User, error) {
	return e.passwordCall(ctx, "accounts:signUp", email, password)
}

// SignIn signs an existing account in; its new ID token carries the custom
// claims set so far.
func (e *AuthEmulator) SignIn(ctx context.Context, email, password string) (User, error) {
	return e.passwordCall(ctx, "accounts:signInWithPassword", email, password)
}

func (e *AuthEmulator) passwordCall(ctx context.Context, method, email, password string) (User, error) {
	req, _ := json.Marshal(map[string]any{"email": email, "password": password, "returnSecureToken": true})
	body, err := httpDo(ctx, "POST", e.IdentityToolkitURL(method), "application/json", req, nil)
	if err != nil {
		return User{}, fmt.Errorf("%s %s: %w", method, email, err)
	}
	var u User
	if err := json.Unmarshal(body, &u); err != nil {
		return User{}, fmt.Errorf("%s %s: decode answer: %w", method, email, err)
	}
	if u.IDToken == "" {
		return User{}, fmt.Errorf("%s %s: no idToken in answer %s", method, email, body)
	}
	return u, nil
}

// SetCustomClaims replaces uid's custom claims (such as {"role": "owner"}), as
// the Admin SDK would. Tokens issued afterwards carry them.
func (e *AuthEmulator) SetCustomClaims(ctx context.Context, uid string, claims map[string]any) error {
	attrs, err := json.Marshal(claims)
	if err != nil {
		return fmt.Errorf("set custom claims of %s: %w", uid, err)
	}
	req, _ := json.Marshal(map[string]any{"localId": uid, "customAttributes": string(attrs)})
	url := fmt.Sprintf("http://%s/identitytoolkit.googleapis.com/v1/projects/%s/accounts:update", e.Host, e.ProjectID)
	// The emulator grants admin rights to the bearer token "owner", as Firestore's does.
	if _, err := httpDo(ctx, "POST", url, "application/json", req, map[string]string{"Authorization": "Bearer " + AdminToken}); err != nil {
		return fmt.Errorf("set custom claims of %s: %w", uid, err)
	}
	return nil
}

// firebaseCLI finds the pinned firebase-tools: REGULARS_FIREBASE_CLI, else
// node_modules/.bin/firebase at the repository root.
func firebaseCLI() (string, error) {
	if p := os.Getenv("REGULARS_FIREBASE_CLI"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("auth emulator: REGULARS_FIREBASE_CLI: %w", err)
		}
		return p, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	cli := filepath.Join(root, "node_modules", ".bin", "firebase")
	if _, err := os.Stat(cli); err != nil {
		return "", fmt.Errorf("auth emulator: %s is missing: run `npm ci` (or make test) to install firebase-tools", cli)
	}
	if _, err := exec.LookPath("node"); err != nil {
		return "", errors.New("auth emulator: node not found on PATH: install Node.js 20+ (e.g. `sudo apt-get install -y nodejs`)")
	}
	return cli, nil
}
