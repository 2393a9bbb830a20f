package ui

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// NewLogo is the business's logo, size units across: its image (PNG or SVG,
// from the community's brand) or, without one, its name's initials on the
// accent colour.
func NewLogo(name string, logo []byte, size float32) fyne.CanvasObject {
	if len(logo) == 0 {
		return NewAvatar(name, size)
	}
	file := "logo.png"
	if bytes.Contains(logo[:min(len(logo), 512)], []byte("<svg")) {
		file = "logo.svg"
	}
	img := canvas.NewImageFromResource(fyne.NewStaticResource(file, logo))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}
