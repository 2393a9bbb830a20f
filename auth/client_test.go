package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regulars-app/regulars/internal/emulators"
)

func TestMain(m *testing.M) {
	os.Exit(emulators.Main(m, emulators.KindAuth))
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// emulatorClient returns a client of the test binary's Auth emulator.
func emulatorClient(t *testing.T) *Client {
	t.Helper()
	t.Setenv(EmulatorHostEnv, emulators.AuthFor(t).Host)
	c := NewClient("emulator-key")
	if !c.Emulated() || c.BaseURL == "" {
		t.Fatalf("NewClient with %s set: BaseURL = %q, want the emulator", EmulatorHostEnv, c.BaseURL)
	}
	return c
}

var emailSeq atomic.Int64

// newEmail returns an address no other test uses.
func newEmail(name string) string {
	return fmt.Sprintf("%s-%d-%d@example.com", name, time.Now().UnixNano(), emailSeq.Add(1))
}

const password = "correct horse battery"

func TestClient_SignUpAndSignIn(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	email := newEmail("ada")
	start := time.Now()
	up, err := c.SignUp(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	if up.UID == "" || up.IDToken == "" || up.RefreshToken == "" || up.Email != email {
		t.Fatalf("SignUp = %+v, want a uid, tokens and the email", up)
	}
	if d := up.ExpiresAt.Sub(start); d < 50*time.Minute || d > 61*time.Minute {
		t.Errorf("ExpiresAt in %s, want about an hour", d)
	}
	claims := tokenClaims(t, up.IDToken)
	if claims["user_id"] != up.UID || claims["email"] != email {
		t.Errorf("ID token claims = %v, want user_id %s and email %s", claims, up.UID, email)
	}

	in, err := c.SignIn(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	if in.UID != up.UID || in.IDToken == "" {
		t.Errorf("SignIn = %+v, want the signed-up uid %s with a token", in, up.UID)
	}
}

func TestClient_Refusals(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	taken := newEmail("taken")
	if _, err := c.SignUp(ctx, taken, password); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"email taken", func() error { _, err := c.SignUp(ctx, taken, password); return err }, ErrEmailTaken},
		{"weak password", func() error { _, err := c.SignUp(ctx, newEmail("weak"), "123"); return err }, ErrWeakPassword},
		{"invalid email", func() error { _, err := c.SignUp(ctx, "not-an-email", password); return err }, ErrInvalidEmail},
		{"wrong password", func() error { _, err := c.SignIn(ctx, taken, "wrong password"); return err }, ErrBadCredentials},
		{"unknown email", func() error { _, err := c.SignIn(ctx, newEmail("nobody"), password); return err }, ErrBadCredentials},
		{"bad refresh token", func() error { _, err := c.Refresh(ctx, "not-a-refresh-token"); return err }, ErrSessionExpired},
		{"bad oob code", func() error { return c.ApplyActionCode(ctx, "not-a-code") }, ErrInvalidCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var ae *Error
			if !errors.As(err, &ae) || ae.Code == "" {
				t.Errorf("err = %v, want an *auth.Error with Firebase's code", err)
			}
		})
	}
}

func TestClient_Refresh(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	s, err := c.SignUp(ctx, newEmail("refresh"), password)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Refresh(ctx, s.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if r.UID != s.UID || r.IDToken == "" || r.RefreshToken == "" {
		t.Fatalf("Refresh = %+v, want uid %s and new tokens", r, s.UID)
	}
	if got := tokenClaims(t, r.IDToken)["user_id"]; got != s.UID {
		t.Errorf("refreshed token's user_id = %v, want %s", got, s.UID)
	}
}

func TestClient_PasswordReset(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	email := newEmail("forgetful")
	if _, err := c.SignUp(ctx, email, password); err != nil {
		t.Fatal(err)
	}
	if err := c.SendPasswordReset(ctx, email); err != nil {
		t.Fatal(err)
	}
	code := oobCode(t, ctx, email, "PASSWORD_RESET")
	if err := c.ConfirmPasswordReset(ctx, code, "a new long password"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SignIn(ctx, email, password); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("SignIn with the old password = %v, want ErrBadCredentials", err)
	}
	if _, err := c.SignIn(ctx, email, "a new long password"); err != nil {
		t.Errorf("SignIn with the new password: %v", err)
	}
}

func TestClient_EmailVerification(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	email := newEmail("verify")
	s, err := c.SignUp(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := c.Lookup(ctx, s.IDToken)
	if err != nil {
		t.Fatal(err)
	}
	if acc.EmailVerified || acc.UID != s.UID || acc.Email != email {
		t.Fatalf("Lookup before verification = %+v, want %s unverified", acc, s.UID)
	}
	if err := c.SendEmailVerification(ctx, s.IDToken); err != nil {
		t.Fatal(err)
	}
	if err := c.ApplyActionCode(ctx, oobCode(t, ctx, email, "VERIFY_EMAIL")); err != nil {
		t.Fatal(err)
	}
	if acc, err = c.Lookup(ctx, s.IDToken); err != nil || !acc.EmailVerified {
		t.Fatalf("Lookup after applying the code = %+v, %v; want verified", acc, err)
	}
	// Rules read email_verified from the token: a refreshed one carries it.
	r, err := c.Refresh(ctx, s.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if v := tokenClaims(t, r.IDToken)["email_verified"]; v != true {
		t.Errorf("refreshed token's email_verified = %v, want true", v)
	}
}

func TestClient_DeleteAccount(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	email := newEmail("leaving")
	s, err := c.SignUp(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteAccount(ctx, s.IDToken); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SignIn(ctx, email, password); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("SignIn after DeleteAccount = %v, want ErrBadCredentials", err)
	}
	if _, err := c.Refresh(ctx, s.RefreshToken); !errors.Is(err, ErrSessionExpired) {
		t.Errorf("Refresh after DeleteAccount = %v, want ErrSessionExpired", err)
	}
	if _, err := c.SignUp(ctx, email, password); err != nil {
		t.Errorf("signing up again after DeleteAccount: %v", err)
	}
}

func TestClient_Unavailable(t *testing.T) {
	ctx := testContext(t)
	// A port nobody listens on: take one and close it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c := &Client{APIKey: "secret-key", BaseURL: "http://" + addr}
	_, err = c.SignIn(ctx, "a@example.com", password)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("SignIn to a closed port = %v, want ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), "secret-key") {
		t.Errorf("error %q leaks the API key", err)
	}
	if err := c.SendPasswordReset(ctx, "a@example.com"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("SendPasswordReset to a closed port = %v, want ErrUnavailable", err)
	}
}

// oobCode returns the code of the last email of kind the emulator "sent" to email.
func oobCode(t *testing.T, ctx context.Context, email, kind string) string {
	t.Helper()
	a := emulators.AuthFor(t)
	url := fmt.Sprintf("http://%s/emulator/v1/projects/%s/oobCodes", a.Host, a.ProjectID)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		OOBCodes []struct {
			Email       string `json:"email"`
			OOBCode     string `json:"oobCode"`
			RequestType string `json:"requestType"`
		} `json:"oobCodes"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	code := ""
	for _, o := range out.OOBCodes {
		if o.Email == email && o.RequestType == kind {
			code = o.OOBCode
		}
	}
	if code == "" {
		t.Fatalf("no %s email sent to %s; the emulator holds %+v", kind, email, out.OOBCodes)
	}
	return code
}

// countingTransport counts requests to the Secure Token API.
type countingTransport struct{ refreshes atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Contains(r.URL.Path, "securetoken") {
		c.refreshes.Add(1)
	}
	return http.DefaultTransport.RoundTrip(r)
}

func TestTokenSource_RefreshesNearExpiry(t *testing.T) {
	ctx := testContext(t)
	c := emulatorClient(t)
	ct := &countingTransport{}
	c.HTTPClient = &http.Client{Transport: ct}
	s, err := c.SignUp(ctx, newEmail("clock"), password)
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	var saved []Session
	ts := c.TokenSource(s, WithClock(clock), OnRefresh(func(s Session) { saved = append(saved, s) }))

	tok, err := ts.Token(ctx)
	if err != nil || tok != s.IDToken || ct.refreshes.Load() != 0 {
		t.Fatalf("fresh token: Token = %v, %v after %d refreshes; want the session's token, no refresh", tok != "", err, ct.refreshes.Load())
	}

	advance(s.ExpiresAt.Sub(clock()) - DefaultRefreshMargin + time.Second) // inside the margin
	const callers = 16
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md, err := ts.GetRequestMetadata(ctx)
			if err == nil && !strings.HasPrefix(md["authorization"], "Bearer ") {
				err = fmt.Errorf("metadata %v, want a bearer token", md)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := ct.refreshes.Load(); n != 1 {
		t.Fatalf("%d concurrent callers near expiry made %d refreshes, want 1", callers, n)
	}
	got := ts.Session()
	if got.UID != s.UID || got.Email != s.Email || !got.ExpiresAt.After(clock().Add(50*time.Minute)) {
		t.Errorf("session after refresh = %+v, want uid and email kept and a new hour", got)
	}
	if len(saved) != 1 || saved[0].RefreshToken == "" {
		t.Errorf("OnRefresh saw %d sessions, want 1 with a refresh token", len(saved))
	}
	if _, err := ts.Token(ctx); err != nil || ct.refreshes.Load() != 1 {
		t.Errorf("Token right after refresh: %v, %d refreshes; want the new token without refreshing", err, ct.refreshes.Load())
	}
	if ts.RequireTransportSecurity() {
		t.Error("RequireTransportSecurity = true on the emulator, want false (plain loopback)")
	}
	if (&Client{}).TokenSource(s).RequireTransportSecurity() != true {
		t.Error("RequireTransportSecurity = false for production, want true")
	}
}

func TestTokenSource_NoRefreshToken(t *testing.T) {
	ts := (&Client{}).TokenSource(Session{IDToken: "x", ExpiresAt: time.Now().Add(time.Minute)})
	if _, err := ts.Token(testContext(t)); !errors.Is(err, ErrSessionExpired) {
		t.Fatalf("Token near expiry without refresh token = %v, want ErrSessionExpired", err)
	}
}
