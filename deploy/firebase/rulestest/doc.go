// Package rulestest proves deploy/firebase/firestore.rules on the official
// Cloud Firestore emulator: every row of the permission table in
// community/permissions.go, and a list of abuses, is tried by each role
// (owner, staff, member, another member, a member whose email is not
// verified, a signed-in stranger) through the store's real write paths
// (community/firestore transactions, driven by community.Service where the
// use case allows the actor), carrying unsigned ID tokens as the members'
// credentials. Allowed actions must succeed; refused ones must fail with
// PermissionDenied from the emulator, not from the use case.
//
// The package holds only tests; run them with
//
//	go test ./deploy/firebase/rulestest
//
// (they start the emulator themselves through internal/emulators).
package rulestest
