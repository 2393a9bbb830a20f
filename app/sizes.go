package app

import "fyne.io/fyne/v2"

// Window sizes of a phone and a desktop, at which the shell's tests and the
// screenshot gallery (cmd/screenshots) render the screens.
var (
	PhoneSize   = fyne.NewSize(390, 844)
	DesktopSize = fyne.NewSize(1280, 800)
)
