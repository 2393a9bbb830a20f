package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/screens"
)

// Place is one top-level destination of the app. The phone's bottom tabs and
// the desktop's side navigation are both built from Places.
type Place struct {
	ID        string // what Navigator.Show takes: "home", "events", ...
	Title     string // message ID of its name
	Icon      fyne.Resource
	New       func(*screens.Env) fyne.CanvasObject
	StaffOnly bool // the owner's and staff's tools; members never see them
	OwnerOnly bool // the owner's alone (set with StaffOnly): staff never see them
	// Wide places (a list beside the detail of what is picked in it) take
	// the desktop window's whole width; the others are kept to a readable
	// width.
	Wide bool
}

// Places is the one list of destinations, members' first.
func Places() []Place {
	return []Place{
		{ID: "home", Title: "TabHome", Icon: theme.HomeIcon(), New: screens.NewHome},
		{ID: "events", Title: "TabEvents", Icon: theme.CalendarIcon(), New: screens.NewEvents},
		{ID: "forum", Title: "TabForum", Icon: theme.MailReplyAllIcon(), New: screens.NewForum},
		{ID: "polls", Title: "TabPolls", Icon: theme.ListIcon(), New: screens.NewPolls},
		{ID: "me", Title: "TabMe", Icon: theme.AccountIcon(), New: screens.NewMe},

		{ID: "counter", Wide: true, Title: "NavCounter", Icon: theme.ConfirmIcon(), New: screens.NewCounter, StaffOnly: true},
		{ID: "announce", Wide: true, Title: "NavAnnounce", Icon: theme.MailSendIcon(), New: screens.NewAnnounce, StaffOnly: true},
		{ID: "events-manager", Wide: true, Title: "NavEventsManager", Icon: theme.DocumentCreateIcon(), New: screens.NewEventsManager, StaffOnly: true},
		{ID: "members", Wide: true, Title: "NavMembers", Icon: theme.AccountIcon(), New: screens.NewMembers, StaffOnly: true},
		{ID: "moderation", Title: "NavModeration", Icon: theme.WarningIcon(), New: screens.NewModeration, StaffOnly: true},
		{ID: "polls-manager", Wide: true, Title: "NavPollsManager", Icon: theme.SettingsIcon(), New: screens.NewPollsManager, StaffOnly: true},
		{ID: "insights", Title: "NavInsights", Icon: theme.GridIcon(), New: screens.NewInsights, StaffOnly: true},
		{ID: "settings", Title: "NavSettings", Icon: theme.SettingsIcon(), New: screens.NewSettings, StaffOnly: true, OwnerOnly: true},
		{ID: "export", Title: "NavExport", Icon: theme.DownloadIcon(), New: screens.NewExports, StaffOnly: true, OwnerOnly: true},
	}
}

// placesFor returns the places role may see.
func placesFor(role community.Role) []Place {
	var out []Place
	for _, p := range Places() {
		if p.StaffOnly && !role.IsStaff() || p.OwnerOnly && role != community.RoleOwner {
			continue
		}
		out = append(out, p)
	}
	return out
}
