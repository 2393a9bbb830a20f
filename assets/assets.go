// Package assets holds the files the app embeds: its icon (drawn once by a
// small program and committed as a PNG).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app's icon, as FyneApp.toml names it for packaging.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
