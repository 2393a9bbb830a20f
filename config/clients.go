package config

import (
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/regulars-app/regulars/auth"
)

// AuthClient returns the Firebase Auth client of the configuration: the Auth
// emulator when AuthEmulatorHost is set, Google otherwise.
func (c Config) AuthClient() *auth.Client {
	ac := &auth.Client{APIKey: c.APIKey}
	if c.AuthEmulatorHost != "" {
		ac.BaseURL = "http://" + c.AuthEmulatorHost
		if ac.APIKey == "" {
			ac.APIKey = "emulator" // the emulator checks no key, but the API wants one
		}
	}
	return ac
}

// FirestoreOptions are the options of firestore.NewClient(ctx, c.Project, ...)
// that carry the signed-in member's ID token (creds, usually an
// *auth.TokenSource) with every call, so that security rules apply. No Google
// credentials are used: members have none. With FirestoreEndpoint set the
// client dials that emulator over plain gRPC; FIRESTORE_EMULATOR_HOST is
// deliberately not used, as the Go client then sends an admin token and the
// emulator skips the rules.
func (c Config) FirestoreOptions(creds credentials.PerRPCCredentials) []option.ClientOption {
	opts := []option.ClientOption{
		option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithPerRPCCredentials(creds)),
	}
	if c.FirestoreEndpoint != "" {
		opts = append(opts,
			option.WithEndpoint(c.FirestoreEndpoint),
			option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	}
	return opts
}
