// Package community is the domain of Regulars: members and their loyalty, events
// and their waitlists, forums, customer stories, co-creation polls, announcements
// and feedback.
//
// It knows nothing of Fyne or Firestore. Screens call the use cases on [Service];
// the use cases check the actor's permission and validate input before they touch
// a [Store]; each store (community/local, community/firestore) implements the
// atomic operations the invariants need and passes the one contract suite in
// community/storetest.
package community
