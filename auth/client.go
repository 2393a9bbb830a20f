// Package auth signs members in with Firebase Authentication (email and
// password) through the Identity Toolkit and Secure Token REST APIs, with
// net/http only: no SDK ships to members' phones.
//
// A Client talks to Google's endpoints, or to the Firebase Auth emulator when
// FIREBASE_AUTH_EMULATOR_HOST is set (see NewClient). A Session is a signed-in
// member; a TokenSource keeps its ID token fresh and serves as the per-RPC
// credential of the Firestore client, so that security rules apply to every
// request the app makes.
//
// Failures are typed: errors.Is(err, ErrEmailTaken), ErrBadCredentials,
// ErrWeakPassword, ErrRateLimited, ... and ErrUnavailable when the
// service cannot be reached, so that screens can say what happened in the
// member's language.
package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Production endpoints of the REST APIs.
const (
	identityToolkitURL = "https://identitytoolkit.googleapis.com/v1/"
	secureTokenURL     = "https://securetoken.googleapis.com/v1/token"
)

// EmulatorHostEnv names the environment variable that points the Firebase
// tools and SDKs, and NewClient, at the Auth emulator (host:port).
const EmulatorHostEnv = "FIREBASE_AUTH_EMULATOR_HOST"

// Client calls Firebase Auth for one Firebase project. The zero value of
// optional fields is usable; a Client is safe for concurrent use.
type Client struct {
	// APIKey is the project's Web API key (Firebase console, project
	// settings). The emulator accepts any value.
	APIKey string
	// BaseURL, when set, replaces Google's hosts: requests go to
	// BaseURL/identitytoolkit.googleapis.com/v1/... and
	// BaseURL/securetoken.googleapis.com/v1/token, the layout of the Auth
	// emulator (e.g. "http://127.0.0.1:9099"). Empty means production.
	BaseURL string
	// HTTPClient sends the requests; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
	// Now is the clock used to compute Session.ExpiresAt; nil means time.Now.
	Now func() time.Time
}

// NewClient returns a client for the project's API key. When
// FIREBASE_AUTH_EMULATOR_HOST is set, it talks to that emulator instead.
func NewClient(apiKey string) *Client {
	c := &Client{APIKey: apiKey}
	if host := os.Getenv(EmulatorHostEnv); host != "" {
		c.BaseURL = "http://" + host
	}
	return c
}

// Emulated reports whether the client talks to an emulator (BaseURL is set)
// rather than to Google over TLS.
func (c *Client) Emulated() bool { return c.BaseURL != "" }

// Session is a signed-in account.
type Session struct {
	UID          string
	Email        string
	IDToken      string    // the JWT Firestore checks; short-lived (an hour)
	RefreshToken string    // long-lived; trades for new ID tokens
	ExpiresAt    time.Time // when IDToken stops being accepted
}

// String shows who the session is, never its tokens: a session printed
// by mistake (%v, %+v, %s, a panic) keeps them out of logs and crash output.
func (s Session) String() string {
	return fmt.Sprintf("auth.Session{UID: %q, Email: %q, IDToken: %s, RefreshToken: %s, ExpiresAt: %s}", s.UID, s.Email,
		redacted(s.IDToken), redacted(s.RefreshToken), s.ExpiresAt.Format(time.RFC3339))
}

// GoString is String for %#v.
func (s Session) GoString() string { return s.String() }

func redacted(token string) string {
	if token == "" {
		return `""`
	}
	return "[redacted]"
}

// SignUp creates an email and password account and returns it signed in.
func (c *Client) SignUp(ctx context.Context, email, password string) (Session, error) {
	return c.passwordCall(ctx, "accounts:signUp", email, password)
}

// SignIn signs an existing account in.
func (c *Client) SignIn(ctx context.Context, email, password string) (Session, error) {
	return c.passwordCall(ctx, "accounts:signInWithPassword", email, password)
}

func (c *Client) passwordCall(ctx context.Context, method, email, password string) (Session, error) {
	var out struct {
		LocalID      string `json:"localId"`
		Email        string `json:"email"`
		IDToken      string `json:"idToken"`
		RefreshToken string `json:"refreshToken"`
		ExpiresIn    string `json:"expiresIn"`
	}
	req := map[string]any{"email": email, "password": password, "returnSecureToken": true}
	if err := c.call(ctx, method, req, &out); err != nil {
		return Session{}, fmt.Errorf("auth %s: %w", method, err)
	}
	if out.IDToken == "" || out.LocalID == "" {
		return Session{}, fmt.Errorf("auth %s: answer without an ID token: %w", method, ErrUnavailable)
	}
	return Session{UID: out.LocalID, Email: out.Email, IDToken: out.IDToken, RefreshToken: out.RefreshToken,
		ExpiresAt: c.expiry(out.ExpiresIn)}, nil
}

// Refresh trades a refresh token for a new ID token. The returned session has
// no Email (the Secure Token API does not return it).
func (c *Client) Refresh(ctx context.Context, refreshToken string) (Session, error) {
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}}
	endpoint := secureTokenURL
	if c.BaseURL != "" {
		endpoint = strings.TrimRight(c.BaseURL, "/") + "/securetoken.googleapis.com/v1/token"
	}
	var out struct {
		UserID       string `json:"user_id"`
		IDToken      string `json:"id_token"`
		RefreshToken string `json:"refresh_token"`
		ExpiresIn    string `json:"expires_in"`
	}
	err := c.post(ctx, endpoint, "application/x-www-form-urlencoded", []byte(form.Encode()), &out)
	if err != nil {
		return Session{}, fmt.Errorf("auth refresh: %w", err)
	}
	if out.IDToken == "" {
		return Session{}, fmt.Errorf("auth refresh: answer without an ID token: %w", ErrUnavailable)
	}
	return Session{UID: out.UserID, IDToken: out.IDToken, RefreshToken: out.RefreshToken,
		ExpiresAt: c.expiry(out.ExpiresIn)}, nil
}

// SendPasswordReset asks Firebase to email a password reset link. To avoid
// telling strangers which addresses have accounts, screens should say "if an
// account exists, we sent a link" whatever the answer, except ErrRateLimited
// and ErrUnavailable.
func (c *Client) SendPasswordReset(ctx context.Context, email string) error {
	req := map[string]any{"requestType": "PASSWORD_RESET", "email": email}
	if err := c.call(ctx, "accounts:sendOobCode", req, nil); err != nil {
		return fmt.Errorf("auth password reset: %w", err)
	}
	return nil
}

// SendEmailVerification asks Firebase to email the signed-in account a link
// that verifies its address. Voting and posting need a verified address.
func (c *Client) SendEmailVerification(ctx context.Context, idToken string) error {
	req := map[string]any{"requestType": "VERIFY_EMAIL", "idToken": idToken}
	if err := c.call(ctx, "accounts:sendOobCode", req, nil); err != nil {
		return fmt.Errorf("auth email verification: %w", err)
	}
	return nil
}

// ApplyActionCode applies the code of a verification link (the oobCode
// parameter), as opening the link does.
func (c *Client) ApplyActionCode(ctx context.Context, oobCode string) error {
	if err := c.call(ctx, "accounts:update", map[string]any{"oobCode": oobCode}, nil); err != nil {
		return fmt.Errorf("auth apply code: %w", err)
	}
	return nil
}

// ConfirmPasswordReset sets a new password with the code of a reset link.
func (c *Client) ConfirmPasswordReset(ctx context.Context, oobCode, newPassword string) error {
	req := map[string]any{"oobCode": oobCode, "newPassword": newPassword}
	if err := c.call(ctx, "accounts:resetPassword", req, nil); err != nil {
		return fmt.Errorf("auth confirm password reset: %w", err)
	}
	return nil
}

// DeleteAccount deletes the signed-in account from Firebase Auth, after the
// app has erased the member's data (the community service's DeleteAccount): the
// email can then sign up again as a new member.
func (c *Client) DeleteAccount(ctx context.Context, idToken string) error {
	if err := c.call(ctx, "accounts:delete", map[string]any{"idToken": idToken}, nil); err != nil {
		return fmt.Errorf("auth delete account: %w", err)
	}
	return nil
}

// Account is what Lookup tells about the signed-in account.
type Account struct {
	UID           string
	Email         string
	EmailVerified bool
}

// Lookup returns the account the ID token belongs to. A new ID token (Refresh)
// is needed before security rules see a change of EmailVerified.
func (c *Client) Lookup(ctx context.Context, idToken string) (Account, error) {
	var out struct {
		Users []struct {
			LocalID       string `json:"localId"`
			Email         string `json:"email"`
			EmailVerified bool   `json:"emailVerified"`
		} `json:"users"`
	}
	if err := c.call(ctx, "accounts:lookup", map[string]any{"idToken": idToken}, &out); err != nil {
		return Account{}, fmt.Errorf("auth lookup: %w", err)
	}
	if len(out.Users) == 0 {
		return Account{}, fmt.Errorf("auth lookup: %w", ErrBadCredentials)
	}
	u := out.Users[0]
	return Account{UID: u.LocalID, Email: u.Email, EmailVerified: u.EmailVerified}, nil
}

// call posts a JSON request to an Identity Toolkit v1 method.
func (c *Client) call(ctx context.Context, method string, req, out any) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	endpoint := identityToolkitURL
	if c.BaseURL != "" {
		endpoint = strings.TrimRight(c.BaseURL, "/") + "/identitytoolkit.googleapis.com/v1/"
	}
	return c.post(ctx, endpoint+method, "application/json", body, out)
}

// post sends one request with the API key and decodes a 2xx answer into out
// (when not nil); other answers become typed errors.
func (c *Client) post(ctx context.Context, endpoint, contentType string, body []byte, out any) error {
	u := endpoint + "?key=" + url.QueryEscape(c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The URL carries the API key: keep it out of messages and logs.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("%w: read answer: %v", ErrUnavailable, err)
	}
	if resp.StatusCode/100 != 2 {
		return parseError(resp.StatusCode, data)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%w: decode answer: %v", ErrUnavailable, err)
	}
	return nil
}

var defaultHTTPClient = &http.Client{Timeout: 30 * time.Second}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// expiry turns an "expiresIn" of seconds into a time; an hour when missing,
// as Firebase ID tokens always last an hour.
func (c *Client) expiry(expiresIn string) time.Time {
	secs, err := strconv.Atoi(expiresIn)
	if err != nil || secs <= 0 {
		secs = 3600
	}
	return c.now().Add(time.Duration(secs) * time.Second)
}
