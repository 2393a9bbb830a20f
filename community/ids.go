package community

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewID returns a random 20-character identifier, safe as a Firestore document ID
// and as an idempotency key.
func NewID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms.
	return idEncoding.EncodeToString(b[:])[:20]
}

// MemberCode derives the short code printed on a member card (and in its QR
// code) from the member ID: "RG-" and 8 upper-case characters.
func MemberCode(memberID string) string {
	s := strings.ToUpper(memberID)
	if len(s) > 8 {
		s = s[:8]
	}
	return "RG-" + s
}
