// Package rulestest proves deploy/firebase/firestore.rules on the official
// Cloud Firestore emulator, carrying unsigned ID tokens as the members'
// credentials, in two ways:
//
//   - The permission table (table_test.go): every row of
//     community/permissions.go, tried by each role (owner, staff, member,
//     another member, a member whose email is not verified, a signed-in
//     stranger) through the store's real write paths (community/firestore
//     transactions, driven by community.Service where the use case allows the
//     actor). Allowed actions must succeed; refused ones must fail with
//     PermissionDenied from the emulator, not from the use case.
//   - Attacks (attack_test.go, fields_test.go, random_test.go): commits a
//     hand-written client could send, one test per class of issue 9, every
//     field of every document a client can reach changed alone and all at
//     once by every role (also a member of another community), and a seeded
//     randomized run mixing the app's operations with hand-made commits near
//     them. After every commit the rules allow, invariants_test.go reads the
//     community back as admin and checks the invariants of DESIGN.md:
//     balances equal their ledgers and never go below zero, events' counters
//     and waitlists equal their RSVPs (first in, first out, never over
//     capacity), tallies equal the votes, one NPS answer per member per
//     month, threads' counters follow their posts, members' words and
//     authorship unchanged.
//
// TestMain prints, per invariant, how many attacks were tried and how many
// the rules refused, and the randomized run's seed (REGULARS_RULES_SEED
// replays it). go test hides a passing package's output when given package
// paths: see it with
//
//	go test -v ./deploy/firebase/rulestest
//
// or by running go test inside this directory. The tests start the emulator
// themselves through internal/emulators; REGULARS_FIRESTORE_EMULATOR=host:port
// points them at one already running (with other rules, say, to see which
// attacks those let through).
package rulestest
