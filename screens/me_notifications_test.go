package screens

import (
	"strings"
	"testing"
	"time"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/i18n"
)

// The expiry notices read as such in every language, with the balance and
// the day (not the catch-all "something happened").
func TestNotificationText_Expiry(t *testing.T) {
	for _, code := range []string{"en", "ar", "ja", "hi"} {
		l := i18n.New(code)
		other := l.T("MeNoteOther")
		soon := notificationText(l, community.Notification{Kind: community.NoteExpiring, Ref: "2026-12-01", Amount: 120})
		gone := notificationText(l, community.Notification{Kind: community.NoteExpired, Ref: "2026-12-01", Amount: 120})
		day := l.Date(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.UTC)
		if soon == other || gone == other || !strings.Contains(soon, l.Points(120)) || !strings.Contains(soon, day) || !strings.Contains(gone, l.Points(120)) {
			t.Errorf("%s: %q / %q (want %q and %q)", code, soon, gone, l.Points(120), day)
		}
	}
}
