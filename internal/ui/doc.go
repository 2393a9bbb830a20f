// Package ui is the Regulars toolkit: the widgets Fyne does not have (bidi
// paragraphs, mirrored tabs, charts, avatars, tier badges, a progress bar
// that fills from the reading start), one a file with its test, and the
// label helpers every screen uses to show text in the reading direction.
// Screens (package screens) compose them; the toolkit knows nothing of the
// community or of screens.
//
// Every helper takes a bidi.Dir: an i18n.Localizer, a screen's Env, or a
// bidi.Direction. Interface text (a translated message) is put in visual
// order for right-to-left languages and aligned to the reading start; user
// content (names, titles, posts) is shown through a widget that implements
// UserData, in its own direction, so that the pseudo-locale test can tell it
// from interface text that should have gone through the message catalog.
package ui

// UserData is implemented by widgets that show user content rather than
// interface text. The pseudo-locale test skips them and everything inside.
type UserData interface {
	IsUserData() bool
}
