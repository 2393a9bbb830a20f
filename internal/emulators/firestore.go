package emulators

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// knownFirestoreJar is where google-cloud-cli-firestore-emulator puts the jar.
const knownFirestoreJar = "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar"

// firestoreStartTimeout bounds the wait for "Ok" (1-3 s) and, separately, the
// warm-up request after it (5-7 s on two idle cores, more under load).
const firestoreStartTimeout = 60 * time.Second

// AdminToken is the bearer token the Firestore emulator treats as an admin: rules
// do not apply to it. Use it to arrange and inspect data, never to test rules.
const AdminToken = "owner"

// FirestoreEmulator is a running Cloud Firestore emulator.
type FirestoreEmulator struct {
	// Host is host:port of the emulator's gRPC and REST endpoint.
	Host string
	// ProjectID is the project tests should use; tokens name it as audience.
	ProjectID string

	proc *process // nil when reusing an emulator started elsewhere
}

// FirestoreOption changes how Firestore starts the emulator.
type FirestoreOption func(*firestoreConfig)

type firestoreConfig struct {
	rules  string
	heapMB int
}

// defaultHeapMB is the Java heap of an emulator a test starts: enough for
// the suites' data, and several run at once on a small machine.
const defaultHeapMB = 512

// Heap gives the emulator's Java process mb megabytes of heap. The bench
// needs more than the tests: with its large seeds and a café's day of
// listeners in one emulator, 512 MB left the JVM collecting garbage on both
// cores and transactions timing out.
func Heap(mb int) FirestoreOption {
	return func(c *firestoreConfig) { c.heapMB = mb }
}

// Rules makes the emulator enforce the rules file at path instead of the
// repository's deploy/firebase/firestore.rules. It always starts a new emulator,
// even when REGULARS_FIRESTORE_EMULATOR names one: a shared emulator's rules are
// not this caller's to change.
func Rules(path string) FirestoreOption {
	return func(c *firestoreConfig) { c.rules = path }
}

// Firestore starts a Cloud Firestore emulator on a free loopback port, enforcing
// deploy/firebase/firestore.rules, and returns once it has answered a first
// request through the rules. The caller must
// call Stop. If REGULARS_FIRESTORE_EMULATOR is host:port, that emulator is used
// instead and Stop leaves it running.
func Firestore(ctx context.Context, opts ...FirestoreOption) (*FirestoreEmulator, error) {
	cfg := firestoreConfig{heapMB: defaultHeapMB}
	for _, o := range opts {
		o(&cfg)
	}
	if host := os.Getenv("REGULARS_FIRESTORE_EMULATOR"); host != "" && cfg.rules == "" {
		e := &FirestoreEmulator{Host: host, ProjectID: ProjectID}
		if err := e.probe(ctx); err != nil {
			return nil, fmt.Errorf("firestore emulator at REGULARS_FIRESTORE_EMULATOR=%s: %w", host, err)
		}
		return e, nil
	}

	java, err := javaPath()
	if err != nil {
		return nil, err
	}
	jar, err := firestoreJar()
	if err != nil {
		return nil, err
	}
	rules := cfg.rules
	if rules == "" {
		root, err := RepoRoot()
		if err != nil {
			return nil, err
		}
		rules = filepath.Join(root, "deploy", "firebase", "firestore.rules")
	}
	if _, err := os.Stat(rules); err != nil {
		return nil, fmt.Errorf("firestore emulator rules: %w", err)
	}

	// A port picked by freePort can be taken before java binds it; try again then.
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		e, err := startFirestore(ctx, java, jar, rules, cfg.heapMB)
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

func startFirestore(ctx context.Context, java, jar, rules string, heapMB int) (*FirestoreEmulator, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	host := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	// java is started directly, not through the gcloud wrapper script: killing
	// the wrapper would leave java running.
	cmd := exec.Command(java, fmt.Sprintf("-Xmx%dm", heapMB), "-Duser.language=en", "-cp", jar,
		"com.google.cloud.datastore.emulator.firestore.CloudFirestore", "start",
		"--host=127.0.0.1", "--port="+strconv.Itoa(port), "--rules="+rules)
	proc, err := startProcess("firestore emulator", cmd, "")
	if err != nil {
		return nil, err
	}
	e := &FirestoreEmulator{Host: host, ProjectID: ProjectID, proc: proc}
	if err := proc.waitReady(ctx, firestoreStartTimeout, e.probe); err != nil {
		proc.stop()
		return nil, err
	}
	if err := e.warmUp(ctx); err != nil {
		proc.stop()
		return nil, fmt.Errorf("%w; its output:\n%s", err, proc.logs.String())
	}
	return e, nil
}

// warmUp sends the first request through the rules engine. The emulator says
// "Ok" before it has loaded the rules: its first answer then takes 5-20 s, which
// would otherwise land in whichever test runs first and blow its deadlines.
// Any answer (the document is missing, or the rules refuse) means it is warm.
func (e *FirestoreEmulator) warmUp(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, firestoreStartTimeout)
	defer cancel()
	url := fmt.Sprintf("http://%s/v1/projects/%s/databases/(default)/documents/emulators-warmup/probe", e.Host, e.ProjectID)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+UnsignedIDToken(e.ProjectID, "emulators-warmup", nil))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("firestore emulator warm-up: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 500 {
		return fmt.Errorf("firestore emulator warm-up: GET %s: %s", url, resp.Status)
	}
	return nil
}

// probe checks that the emulator answers GET / with "Ok".
func (e *FirestoreEmulator) probe(ctx context.Context) error {
	body, err := httpDo(ctx, "GET", "http://"+e.Host+"/", "", nil, nil)
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(body)) != "Ok" {
		return fmt.Errorf("GET http://%s/ answered %q, want \"Ok\"", e.Host, body)
	}
	return nil
}

// Reset deletes every document of the project, so that a test starts empty.
func (e *FirestoreEmulator) Reset(ctx context.Context) error {
	url := fmt.Sprintf("http://%s/emulator/v1/projects/%s/databases/(default)/documents", e.Host, e.ProjectID)
	if _, err := httpDo(ctx, "DELETE", url, "", nil, nil); err != nil {
		return fmt.Errorf("reset firestore emulator: %w", err)
	}
	return nil
}

// Stop ends the emulator and waits for it. It does nothing for an emulator
// reused through REGULARS_FIRESTORE_EMULATOR, and is safe to call twice.
func (e *FirestoreEmulator) Stop() {
	if e != nil && e.proc != nil {
		e.proc.stop()
	}
}

// ClientOptions are the options for firestore.NewClient(ctx, e.ProjectID, ...)
// that reach this emulator as the holder of idToken, so that security rules apply
// to every request: plain gRPC on loopback, the token sent as a bearer credential
// with each call. Pass UnsignedIDToken(...) to act as a member, an ID token from
// the Auth emulator, or AdminToken to bypass the rules.
//
// FIRESTORE_EMULATOR_HOST is deliberately not used: with it the Go client sends
// the admin token and rules are never evaluated.
func (e *FirestoreEmulator) ClientOptions(idToken string) []option.ClientOption {
	opts := []option.ClientOption{
		option.WithEndpoint(e.Host),
		option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())),
	}
	if idToken != "" {
		opts = append(opts, option.WithGRPCDialOption(grpc.WithPerRPCCredentials(BearerToken(idToken))))
	}
	return opts
}

// javaPath finds java: $JAVA_HOME/bin/java, else java on PATH.
func javaPath() (string, error) {
	if home := os.Getenv("JAVA_HOME"); home != "" {
		p := filepath.Join(home, "bin", "java")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	p, err := exec.LookPath("java")
	if err != nil {
		return "", errors.New("firestore emulator: java not found on PATH (and not in $JAVA_HOME/bin): " +
			"install a Java 17+ runtime, e.g. `sudo apt-get install -y openjdk-17-jre-headless`")
	}
	return p, nil
}

// firestoreJar finds the emulator jar: REGULARS_FIRESTORE_EMULATOR_JAR, else the
// file the Debian package lists, else its known location.
func firestoreJar() (string, error) {
	if p := os.Getenv("REGULARS_FIRESTORE_EMULATOR_JAR"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("firestore emulator: REGULARS_FIRESTORE_EMULATOR_JAR: %w", err)
		}
		return p, nil
	}
	if out, err := exec.Command("dpkg", "-L", "google-cloud-cli-firestore-emulator").Output(); err == nil {
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasSuffix(line, "emulator.jar") {
				if _, err := os.Stat(line); err == nil {
					return line, nil
				}
			}
		}
	}
	if _, err := os.Stat(knownFirestoreJar); err == nil {
		return knownFirestoreJar, nil
	}
	return "", errors.New("firestore emulator: cloud-firestore-emulator.jar not found: " +
		"install the Debian package google-cloud-cli-firestore-emulator (from Google's Cloud SDK apt repository; " +
		"`sudo apt-get install -y google-cloud-cli-firestore-emulator`), " +
		"or set REGULARS_FIRESTORE_EMULATOR_JAR to the jar, " +
		"or REGULARS_FIRESTORE_EMULATOR to host:port of a running emulator")
}
