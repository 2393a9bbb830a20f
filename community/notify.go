package community

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Notice kinds: the Kind of a Notification, and the suffix of the message
// that tells it.
const (
	NoticePoints         = "points"
	NoticePromoted       = "promoted"  // a seat freed up: off the waitlist
	NoticeCancelled      = "cancelled" // an event they were going to was called off
	NoticeStoryPublished = "story_published"
	NoticeReply          = "reply"   // a reply in a thread they started or posted in
	NoticeMention        = "mention" // someone @mentioned them
	NoticeIdeaPlanned    = "idea_planned"
	NoticeIdeaInProgress = "idea_in_progress"
	NoticeIdeaShipped    = "idea_shipped" // always a thank-you, with points when the community gives some
	NoticeIdeaDeclined   = "idea_declined"
	NoticeReminderDay    = "reminder_day"  // an event they are going to is tomorrow
	NoticeReminderSoon   = "reminder_soon" // ... starts within two hours
	NoticeFeedbackReply  = "feedback_reply"
	NoticeNote           = "note" // a note from the owner to a regular they miss
	NoticeRate           = "rate" // checked in: how was it?
)

// NoticeKinds are the kinds a member may mute, in the order the settings
// list them. Cancellations are never muted: a member must learn that the
// event they are going to is off.
var NoticeKinds = []string{
	NoticeReply, NoticeMention, NoticeIdeaPlanned, NoticeIdeaInProgress, NoticeIdeaShipped, NoticeIdeaDeclined,
	NoticeReminderDay, NoticeReminderSoon, NoticePromoted, NoticePoints, NoticeStoryPublished, NoticeFeedbackReply,
	NoticeNote, NoticeRate,
}

// Mutes reports whether the member muted notices of kind.
func (m Member) Mutes(kind string) bool { return m.Muted.Has(kind) }

// MuteList is a set of notice kinds, kept as their sorted comma-separated
// list so that a Member stays comparable with ==.
type MuteList string

// NewMuteList returns the set of kinds.
func NewMuteList(kinds []string) MuteList {
	var ks []string
	for _, k := range kinds {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return MuteList(strings.Join(ks, ","))
}

// Kinds lists the kinds, sorted.
func (l MuteList) Kinds() []string {
	if l == "" {
		return nil
	}
	return strings.Split(string(l), ",")
}

// Has reports whether kind is in the set.
func (l MuteList) Has(kind string) bool { return slices.Contains(l.Kinds(), kind) }

// Places a notice opens.
const (
	PlaceThread   = "thread"   // ID: the thread, Sub: the post
	PlaceEvent    = "event"    // ID: the event
	PlaceIdea     = "idea"     // ID: the poll, Sub: the idea
	PlaceStory    = "story"    // ID: the story
	PlaceFeedback = "feedback" // ID: the member's answer (with the owner's reply)
	PlaceCard     = "card"     // the member's loyalty card and history
)

// Target is what a notice is about: where tapping it goes.
type Target struct {
	Place string
	ID    string
	Sub   string
}

// Target returns what the notice opens; Place is "" for a kind this version
// does not know (written by a newer one).
func (n Notification) Target() Target {
	switch n.Kind {
	case NoticeReply, NoticeMention:
		return Target{PlaceThread, n.Ref, n.Sub}
	case NoticePromoted, NoticeCancelled, NoticeReminderDay, NoticeReminderSoon, NoticeRate:
		return Target{PlaceEvent, n.Ref, ""}
	case NoticeIdeaPlanned, NoticeIdeaInProgress, NoticeIdeaShipped, NoticeIdeaDeclined:
		return Target{PlaceIdea, n.Ref, n.Sub}
	case NoticeStoryPublished:
		return Target{PlaceStory, n.Ref, ""}
	case NoticeFeedbackReply:
		return Target{PlaceFeedback, n.Ref, ""}
	case NoticePoints, NoticeNote:
		return Target{PlaceCard, "", ""}
	}
	return Target{}
}

// UnreadCap bounds the unread count: UnreadCount reads at most UnreadCap+1
// notifications' index entries whatever the history, and a badge says "99+".
const UnreadCap = 99

// MaxExcerpt bounds Notification.Text (runes).
const MaxExcerpt = 140

// excerpt shortens text for a notice: one line, at most MaxExcerpt runes.
func excerpt(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= MaxExcerpt {
		return text
	}
	r := []rune(text)
	return string(r[:MaxExcerpt-1]) + "…"
}

// notify stores n unless its member muted its kind. It reads the member to
// know: on Firestore a member's client may not read another member, and
// firestore.rules refuses a notice of a muted kind instead (the refusal is
// the same silence). A member who no longer exists is told nothing.
func (s *Service) notify(ctx context.Context, n Notification) error {
	if n.At.IsZero() {
		n.At = s.now()
	}
	m, err := s.store.Member(ctx, n.MemberID)
	switch {
	case err == nil && m.Mutes(n.Kind):
		return nil
	case isNotFound(err):
		return nil
	}
	if err := s.store.Notify(ctx, n); err != nil && !isNotFound(err) {
		return fmt.Errorf("notify %s of %s: %w", n.MemberID, n.Kind, err)
	}
	return nil
}

// tellAll notifies each member once (never the actor), best effort: the
// action that caused the notices already succeeded, and a notice that failed
// is not worth failing it; the first error is returned for logs and tests.
func (s *Service) tellAll(ctx context.Context, actorID string, notes []Notification) error {
	var first error
	seen := map[string]bool{actorID: true, "": true}
	for _, n := range notes {
		if seen[n.MemberID] {
			continue
		}
		seen[n.MemberID] = true
		if err := s.notify(ctx, n); err != nil && first == nil && !errors.Is(err, ErrForbidden) {
			first = err
		}
	}
	return first
}

// Notifications returns the actor's notifications, newest first.
func (s *Service) Notifications(ctx context.Context, a Actor, limit int) ([]Notification, error) {
	return s.store.Notifications(ctx, a.ID, limit)
}

// MarkRead marks one of the actor's notifications read.
func (s *Service) MarkRead(ctx context.Context, a Actor, id string) error {
	return s.store.MarkRead(ctx, a.ID, id)
}

// MarkAllRead marks the actor's latest notifications read (the ones a list
// shows: at most limit, newest first).
func (s *Service) MarkAllRead(ctx context.Context, a Actor, limit int) error {
	notes, err := s.store.Notifications(ctx, a.ID, limit)
	if err != nil {
		return fmt.Errorf("mark all read: %w", err)
	}
	for _, n := range notes {
		if !n.Read {
			if err := s.store.MarkRead(ctx, a.ID, n.ID); err != nil && !isNotFound(err) {
				return fmt.Errorf("mark all read: %w", err)
			}
		}
	}
	return nil
}

// UnreadCount counts the actor's unread notifications, up to UnreadCap+1.
func (s *Service) UnreadCount(ctx context.Context, a Actor) (int, error) {
	n, err := s.store.UnreadCount(ctx, a.ID)
	return min(n, UnreadCap+1), err
}

// SetMuted chooses the kinds of notices the actor does not want.
func (s *Service) SetMuted(ctx context.Context, a Actor, kinds []string) (Member, error) {
	if err := a.require(ActEditProfile); err != nil {
		return Member{}, err
	}
	for _, k := range kinds {
		if !slices.Contains(NoticeKinds, k) {
			return Member{}, Invalid("muted", ReasonInvalid)
		}
	}
	muted := NewMuteList(kinds)
	return s.store.UpdateMember(ctx, a.ID, func(m *Member) error { m.Muted = muted; return nil })
}

// MaxPushToken bounds a device token (FCM tokens are about 160 characters).
const MaxPushToken = 4096

// SetPush records whether the actor wants notices pushed to this device while
// the app is closed, and the device's token; opting out forgets the token.
func (s *Service) SetPush(ctx context.Context, a Actor, optIn bool, token string) (Member, error) {
	if err := a.require(ActEditProfile); err != nil {
		return Member{}, err
	}
	token = strings.TrimSpace(token)
	if err := CheckOptional("push_token", token, MaxPushToken); err != nil {
		return Member{}, err
	}
	if !optIn {
		token = ""
	}
	return s.store.UpdateMember(ctx, a.ID, func(m *Member) error {
		m.PushOptIn, m.PushToken = optIn, token
		return nil
	})
}

// ---- replies and mentions ----

// Person is someone a member can @mention: a name and who it is.
type Person struct {
	ID   string
	Name string
}

// ParticipantScan is how many of a thread's latest posts a reply reads to
// find who took part: a bounded read whatever the thread's length; posters
// before them hear of replies only when they post again.
const ParticipantScan = 50

// Participants returns the people of a thread, the author first, then the
// posters in order, once each; anonymised (erased) posters are left out.
func Participants(t Thread, posts []Post) []Person {
	var out []Person
	seen := map[string]bool{"": true}
	add := func(id, name string) {
		if !seen[id] && name != "" {
			seen[id] = true
			out = append(out, Person{ID: id, Name: name})
		}
	}
	add(t.AuthorID, t.AuthorName)
	for _, p := range posts {
		if !p.Deleted {
			add(p.AuthorID, p.AuthorName)
		}
	}
	return out
}

// Mentions returns the people body @mentions, once each, in people's order.
// A mention is "@" and a person's full name or first name, compared folded
// (case, accents and letter variants, by lang: "@jose garcia" and "@José"
// mention José García); a first name shared by two people mentions neither,
// and the longest name wins ("@Ana María" is Ana María, not Ana).
func Mentions(body string, people []Person, lang string) []Person {
	folded := Fold(body, lang)
	type name struct {
		folded string
		who    int
	}
	var names []name
	firsts := map[string][]int{}
	for i, p := range people {
		full := Fold(strings.TrimSpace(p.Name), lang)
		if full == "" {
			continue
		}
		names = append(names, name{full, i})
		if f := strings.Fields(full); len(f) > 1 {
			firsts[f[0]] = append(firsts[f[0]], i)
		}
	}
	for f, who := range firsts {
		if len(who) == 1 {
			names = append(names, name{f, who[0]})
		}
	}
	slices.SortStableFunc(names, func(a, b name) int { return len(b.folded) - len(a.folded) })
	hit := make([]bool, len(people))
	for i := 0; i < len(folded); i++ {
		if folded[i] != '@' {
			continue
		}
		rest := folded[i+1:]
		for _, n := range names {
			if strings.HasPrefix(rest, n.folded) && wordEnds(rest[len(n.folded):]) {
				hit[n.who] = true
				break
			}
		}
	}
	var out []Person
	for i, p := range people {
		if hit[i] {
			out = append(out, p)
		}
	}
	return out
}

// wordEnds reports whether s starts where a word ends.
func wordEnds(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || !isWordRune(r)
}

// MentionPrefix returns what the member is typing after an "@" at the end of
// text (the composer completes it), and ok false when they are not typing a
// mention. A mention may hold spaces ("@Ana Ma"), not a line break.
func MentionPrefix(text string) (prefix string, ok bool) {
	at := strings.LastIndexByte(text, '@')
	if at < 0 || strings.ContainsRune(text[at:], '\n') {
		return "", false
	}
	if at > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:at]); isWordRune(r) {
			return "", false // an e-mail address, not a mention
		}
	}
	prefix = text[at+1:]
	if utf8.RuneCountInString(prefix) > MaxNameLen {
		return "", false
	}
	return prefix, true
}

// MentionCandidates returns the people whose name has a word starting with
// prefix (or the whole name starting with it), folded by lang, at most
// limit, in people's order; everyone when prefix is empty.
func MentionCandidates(prefix string, people []Person, lang string, limit int) []Person {
	p := Fold(strings.TrimSpace(prefix), lang)
	var out []Person
	for _, who := range people {
		name := Fold(who.Name, lang)
		match := p == "" || strings.HasPrefix(name, p)
		for _, w := range strings.Fields(name) {
			match = match || strings.HasPrefix(w, p)
		}
		if match {
			out = append(out, who)
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out
}

// CompleteMention replaces the mention being typed at the end of text with
// the person's full name and a space.
func CompleteMention(text string, p Person) string {
	at := strings.LastIndexByte(text, '@')
	if at < 0 {
		return text
	}
	return text[:at+1] + p.Name + " "
}

// replyNotices are the notices of a new post: a mention for each person it
// mentions, a reply for the thread's author and the other participants; one
// each, never its author.
func replyNotices(t Thread, p Post, people []Person) []Notification {
	var out []Notification
	seen := map[string]bool{p.AuthorID: true, "": true}
	text := excerpt(p.Body)
	for _, who := range Mentions(p.Body, people, p.Lang) {
		if !seen[who.ID] {
			seen[who.ID] = true
			out = append(out, Notification{ID: NoticeMention + ":" + p.ID + ":" + who.ID, MemberID: who.ID, Kind: NoticeMention,
				Ref: t.ID, Sub: p.ID, Title: t.Title, Text: text, From: p.AuthorName, At: p.At})
		}
	}
	for _, who := range people {
		if !seen[who.ID] {
			seen[who.ID] = true
			out = append(out, Notification{ID: NoticeReply + ":" + p.ID + ":" + who.ID, MemberID: who.ID, Kind: NoticeReply,
				Ref: t.ID, Sub: p.ID, Title: t.Title, Text: text, From: p.AuthorName, At: p.At})
		}
	}
	return out
}

// ThreadPeople returns who took part in a thread, for mentions and their
// completion: its author and the posters of its latest ParticipantScan posts.
func (s *Service) ThreadPeople(ctx context.Context, threadID string) ([]Person, error) {
	t, err := s.store.Thread(ctx, threadID)
	if err != nil {
		return nil, fmt.Errorf("people of %s: %w", threadID, err)
	}
	posts, err := s.store.Posts(ctx, threadID, max(int64(t.Posts)-ParticipantScan+1, 1), ParticipantScan)
	if err != nil {
		return nil, fmt.Errorf("people of %s: %w", threadID, err)
	}
	return Participants(t, posts), nil
}

// tellReply notifies the people of a thread of a new post.
func (s *Service) tellReply(ctx context.Context, p Post) error {
	t, err := s.store.Thread(ctx, p.ThreadID)
	if err != nil {
		return fmt.Errorf("tell reply %s: %w", p.ID, err)
	}
	posts, err := s.store.Posts(ctx, p.ThreadID, max(p.Seq-ParticipantScan, 1), ParticipantScan)
	if err != nil {
		return fmt.Errorf("tell reply %s: %w", p.ID, err)
	}
	return s.tellAll(ctx, p.AuthorID, replyNotices(t, p, Participants(t, posts)))
}

// ---- event reminders ----

// Reminder lead times: a day before an event, and two hours before.
const (
	ReminderDayBefore = 24 * time.Hour
	ReminderSoon      = 2 * time.Hour
)

// DueReminders returns the reminders due at now for the members going to e:
// within a day of its start the "tomorrow" one, within two hours the "soon"
// one (only the latest due: a member who opens the app an hour before hears
// "soon", not both). None for a cancelled event, one that started, or a
// member not going (cancelled, waiting; checked in is there already). IDs
// are kind, event and member: producing them again changes nothing.
func DueReminders(e Event, rsvps []RSVP, now time.Time) []Notification {
	if e.Cancelled || !now.Before(e.StartsAt) {
		return nil
	}
	kind := ""
	switch left := e.StartsAt.Sub(now); {
	case left <= ReminderSoon:
		kind = NoticeReminderSoon
	case left <= ReminderDayBefore:
		kind = NoticeReminderDay
	default:
		return nil
	}
	var out []Notification
	for _, r := range rsvps {
		if r.Status != StatusGoing || r.EventID != e.ID && r.EventID != "" {
			continue
		}
		out = append(out, Notification{ID: kind + ":" + e.ID + ":" + r.MemberID, MemberID: r.MemberID, Kind: kind,
			Ref: e.ID, Title: e.Title, At: now})
	}
	return out
}

// ReminderScan is how many of a member's latest RSVPs Remind reads.
const ReminderScan = 30

// Remind produces the actor's own due event reminders: the app calls it when
// it starts, every quarter of an hour while it runs and when it resumes (a
// member's phone has no server to wake it; push would, docs/push.md). It
// returns the reminders due; each is stored once (its ID), so calling again
// produces nothing new.
//
// What it reads, billed per document on Firestore: the member's next RSVP
// (NextRSVP: one document, or one read for none; a waiter's position adds
// an aggregation count). Most of the time that event is more than a day
// away, or there is none, and that is all. Otherwise the member's latest
// ReminderScan RSVPs, the event of each going one starting within a day,
// and for each reminder due the member (notify reads it for their mutes);
// storing a reminder that is already there changes nothing.
func (s *Service) Remind(ctx context.Context, a Actor) ([]Notification, error) {
	if err := a.require(ActRSVP); err != nil {
		return nil, err
	}
	now := s.now()
	// The next RSVP is the one to the event that starts first of those not
	// ended (going, waiting or checked in, not cancelled): when it starts
	// more than a day from now, so does every event the member is going to.
	next, err := s.store.NextRSVP(ctx, a.ID, now)
	if isNotFound(err) || err == nil && next.EventStartsAt.Sub(now) > ReminderDayBefore {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("remind %s: %w", a.ID, err)
	}
	rsvps, err := s.store.MemberRSVPs(ctx, a.ID, ReminderScan)
	if err != nil {
		return nil, fmt.Errorf("remind %s: %w", a.ID, err)
	}
	var out []Notification
	for _, r := range rsvps {
		if r.Status != StatusGoing || !r.EventStartsAt.After(now) || r.EventStartsAt.Sub(now) > ReminderDayBefore {
			continue
		}
		e, err := s.store.Event(ctx, r.EventID)
		if isNotFound(err) {
			continue
		} else if err != nil {
			return out, fmt.Errorf("remind %s: %w", a.ID, err)
		}
		for _, n := range DueReminders(e, []RSVP{r}, now) {
			if err := s.notify(ctx, n); err != nil {
				return out, err
			}
			out = append(out, n)
		}
	}
	return out, nil
}
