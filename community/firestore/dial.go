package firestore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Config says how Dial reaches Firestore and as whom.
type Config struct {
	ProjectID   string // the Firebase project
	CommunityID string // the community the store keeps: communities/{CommunityID}
	// Endpoint is host:port of a Firestore emulator (plain gRPC on loopback);
	// empty for the real service (firestore.googleapis.com:443, TLS).
	Endpoint string
	// IDToken returns the signed-in member's Firebase ID token. It is called
	// for every RPC (it should cache the token and refresh it before it
	// expires) and sent as "authorization: Bearer <token>", so that security
	// rules apply to every request, on the emulator and on the real service.
	IDToken func(ctx context.Context) (string, error)
	// MemberID is the signed-in member's uid: Watch also follows their own
	// document and notifications. Optional.
	MemberID string
	// Admin bypasses security rules. With Endpoint it sends the emulator's
	// admin token ("owner", what the Go client sends under
	// FIRESTORE_EMULATOR_HOST); without it the client uses Application
	// Default Credentials (a service account): admin subcommands only, never
	// code shipped to members' phones.
	Admin bool
	// Shards is how many counter documents a poll's tally is spread over
	// (DefaultShards when zero).
	Shards int
	// Timeout bounds each operation whose context has no deadline
	// (DefaultTimeout when zero).
	Timeout time.Duration
	// ClientOptions are added to the client's options (e.g. a ReadCounter's).
	ClientOptions []option.ClientOption
}

// Dial connects to Firestore as cfg says and returns the community's store.
// Its Close closes the connection.
func Dial(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.ProjectID == "" || cfg.CommunityID == "" {
		return nil, errors.New("dial firestore: project and community IDs are required")
	}
	var opts []option.ClientOption
	switch {
	case cfg.Endpoint != "":
		opts = append(opts, option.WithEndpoint(cfg.Endpoint), option.WithoutAuthentication(),
			option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
		switch {
		case cfg.Admin:
			opts = append(opts, option.WithGRPCDialOption(grpc.WithPerRPCCredentials(bearer{token: staticToken(emulatorAdminToken)})))
		case cfg.IDToken != nil:
			opts = append(opts, option.WithGRPCDialOption(grpc.WithPerRPCCredentials(bearer{token: cfg.IDToken})))
		}
	case cfg.Admin:
		// Application Default Credentials: the client's own defaults.
	case cfg.IDToken != nil:
		// The real service over TLS, authenticated as the member: no OAuth
		// token of the app, the Firebase ID token instead, as the Firestore
		// client SDKs do, so security rules decide.
		opts = append(opts, option.WithoutAuthentication(),
			option.WithGRPCDialOption(grpc.WithPerRPCCredentials(bearer{token: cfg.IDToken, secure: true})))
	default:
		return nil, errors.New("dial firestore: neither an ID token nor admin access")
	}
	mon := &connMonitor{}
	opts = append(opts, mon.options()...)
	opts = append(opts, cfg.ClientOptions...)
	client, err := firestore.NewClient(ctx, cfg.ProjectID, opts...)
	if err != nil {
		return nil, fmt.Errorf("dial firestore %s: %w", cfg.ProjectID, err)
	}
	var sopts []Option
	if cfg.Shards > 0 {
		sopts = append(sopts, WithShards(cfg.Shards))
	}
	if cfg.Timeout != 0 {
		sopts = append(sopts, WithTimeout(cfg.Timeout))
	}
	if cfg.MemberID != "" {
		sopts = append(sopts, WithMember(cfg.MemberID))
	}
	if !cfg.Admin {
		sopts = append(sopts, WithServerTimes())
	}
	s := New(ctx, client, cfg.CommunityID, sopts...)
	s.owned = true
	mon.hub.Store(s.hub)
	return s, nil
}

// emulatorAdminToken is the bearer token the Firestore emulator treats as an
// admin (rules do not apply).
const emulatorAdminToken = "owner"

func staticToken(t string) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return t, nil }
}

// bearer is a gRPC per-RPC credential carrying a Firebase ID token.
type bearer struct {
	token  func(context.Context) (string, error)
	secure bool // refuse to send the token without TLS (the real service)
}

// GetRequestMetadata implements credentials.PerRPCCredentials.
func (b bearer) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	t, err := b.token(ctx)
	if err != nil {
		return nil, fmt.Errorf("firebase id token: %w", err)
	}
	return map[string]string{"authorization": "Bearer " + t}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials.
func (b bearer) RequireTransportSecurity() bool { return b.secure }
