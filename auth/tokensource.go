package auth

import (
	"context"
	"fmt"
	"sync"
	"time"

	"google.golang.org/grpc/credentials"
)

// DefaultRefreshMargin is how long before expiry a TokenSource refreshes the
// ID token: long enough that a token handed to a request is still valid when
// the server checks it, even over a slow phone connection or a skewed clock.
const DefaultRefreshMargin = 5 * time.Minute

// TokenSource hands out a session's ID token and refreshes it before it
// expires. It is safe for concurrent use: concurrent callers wait for one
// refresh instead of each starting their own.
//
// It implements credentials.PerRPCCredentials, so it can be the per-RPC
// credential of the Firestore client:
//
//	firestore.NewClient(ctx, project,
//		option.WithoutAuthentication(), // no Google credentials: the member's token
//		option.WithGRPCDialOption(grpc.WithPerRPCCredentials(ts)))
//
// plus option.WithEndpoint and insecure transport credentials for an emulator.
type TokenSource struct {
	client *Client
	// Margin: refresh when the token expires within this; DefaultRefreshMargin if zero.
	margin time.Duration
	now    func() time.Time
	// onRefresh is told about every new session, to keep the refresh token.
	onRefresh func(Session)

	mu   sync.Mutex
	sess Session
}

// TokenSourceOption configures a TokenSource.
type TokenSourceOption func(*TokenSource)

// WithClock makes the token source read time from now (tests).
func WithClock(now func() time.Time) TokenSourceOption {
	return func(ts *TokenSource) { ts.now = now }
}

// OnRefresh calls fn with every refreshed session (under the source's lock:
// fn must be quick and must not call the source), e.g. to store the new
// refresh token for the next start of the app.
func OnRefresh(fn func(Session)) TokenSourceOption {
	return func(ts *TokenSource) { ts.onRefresh = fn }
}

// TokenSource returns a token source starting from a signed-in session.
func (c *Client) TokenSource(s Session, opts ...TokenSourceOption) *TokenSource {
	ts := &TokenSource{client: c, margin: DefaultRefreshMargin, now: time.Now, sess: s}
	for _, o := range opts {
		o(ts)
	}
	return ts
}

// Token returns a valid ID token, refreshing it first when it expires within
// the margin.
func (ts *TokenSource) Token(ctx context.Context) (string, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.sess.IDToken != "" && ts.now().Add(ts.margin).Before(ts.sess.ExpiresAt) {
		return ts.sess.IDToken, nil
	}
	if err := ts.refreshLocked(ctx); err != nil {
		return "", err
	}
	return ts.sess.IDToken, nil
}

// Refresh gets a new ID token now, whatever the old one's expiry: after the
// email is verified, so that security rules see email_verified == true, or
// after a role change.
func (ts *TokenSource) Refresh(ctx context.Context) (Session, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if err := ts.refreshLocked(ctx); err != nil {
		return Session{}, err
	}
	return ts.sess, nil
}

func (ts *TokenSource) refreshLocked(ctx context.Context) error {
	if ts.sess.RefreshToken == "" {
		return fmt.Errorf("auth token: no refresh token: %w", ErrSessionExpired)
	}
	ns, err := ts.client.Refresh(ctx, ts.sess.RefreshToken)
	if err != nil {
		return err
	}
	if ns.UID == "" {
		ns.UID = ts.sess.UID
	}
	ns.Email = ts.sess.Email
	if ns.RefreshToken == "" {
		ns.RefreshToken = ts.sess.RefreshToken
	}
	// Expiry by the source's clock, which tests move.
	ns.ExpiresAt = ts.now().Add(ns.ExpiresAt.Sub(ts.client.now()))
	ts.sess = ns
	if ts.onRefresh != nil {
		ts.onRefresh(ns)
	}
	return nil
}

// Replace makes the source hand out s's tokens from now on: the same
// member signed in again after their session ended (ErrSessionExpired).
func (ts *TokenSource) Replace(s Session) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.sess = s
	if ts.onRefresh != nil {
		ts.onRefresh(s)
	}
}

// Session returns the current session (its ID token may be near expiry; use
// Token for one to send).
func (ts *TokenSource) Session() Session {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.sess
}

var _ credentials.PerRPCCredentials = (*TokenSource)(nil)

// GetRequestMetadata implements credentials.PerRPCCredentials: it sends the ID
// token as "authorization: Bearer <token>".
func (ts *TokenSource) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	tok, err := ts.Token(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]string{"authorization": "Bearer " + tok}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials: tokens
// travel only over TLS, except to an emulator on a developer's machine.
func (ts *TokenSource) RequireTransportSecurity() bool { return !ts.client.Emulated() }
