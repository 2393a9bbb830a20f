package ui

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
)

func TestNewLogo(t *testing.T) {
	if _, ok := NewLogo("Café Lumen", nil, 32).(*Avatar); !ok {
		t.Error("without an image the logo should be the initials")
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4"/></svg>`)
	img, ok := NewLogo("Café Lumen", svg, 32).(*canvas.Image)
	if !ok {
		t.Fatal("with an image the logo should draw it")
	}
	if img.Resource.Name() != "logo.svg" || img.MinSize().Width != 32 {
		t.Errorf("logo %s at %v, want logo.svg 32 across", img.Resource.Name(), img.MinSize())
	}
}
