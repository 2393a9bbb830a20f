package firestore_test

import (
	"errors"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/regulars-app/regulars/community/firestore"
)

func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{status.Error(codes.Aborted, "too much contention"), true},
		{status.Error(codes.InvalidArgument, "Transaction is invalid or closed."), true},
		{status.Error(codes.InvalidArgument, "bad field"), false},
		{status.Error(codes.Unavailable, "down"), false}, // a commit may have landed: not ours to retry
		{status.Error(codes.PermissionDenied, "rules"), false},
		{errors.New("plain"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := firestore.Retryable(tt.err); got != tt.want {
			t.Errorf("Retryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
