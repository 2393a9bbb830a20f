package uitheme

import (
	"image/color"
	"testing"
)

// Whatever accent a café picks (a pale yellow, a navy, grey), the primary
// colour derived from it reads at 4.5:1 as text on the backgrounds and under
// the text drawn on it, in both variants; and so do the semantic colours.
func TestNewPalette_Contrast(t *testing.T) {
	accents := []color.NRGBA{DefaultAccent, {0xff, 0xee, 0x00, 0xff}, {0x0b, 0x1f, 0x4d, 0xff}, {0x80, 0x80, 0x80, 0xff}, {0xe0, 0x8a, 0x4f, 0xff}}
	for _, dark := range []bool{false, true} {
		for _, a := range accents {
			p := NewPalette(dark, a)
			pairs := []struct {
				name   string
				fg, bg color.NRGBA
			}{
				{"on primary", p.OnPrimary, p.Primary},
				{"primary on background", p.Primary, p.Background},
				{"primary on surface", p.Primary, p.Surface},
				{"primary on input", p.Primary, p.Input},
				{"foreground on background", p.Foreground, p.Background},
				{"secondary on background", p.Secondary, p.Background},
				{"secondary on input", p.Secondary, p.Input},
				{"foreground on button", p.Foreground, p.Button},
				{"success on background", p.Success, p.Background},
				{"success on input", p.Success, p.Input},
				{"warning on background", p.Warning, p.Background},
				{"error on background", p.Error, p.Background},
				{"on success", p.OnSuccess, p.Success},
				{"on warning", p.OnWarning, p.Warning},
				{"on error", p.OnError, p.Error},
			}
			for _, pr := range pairs {
				if c := Contrast(pr.fg, pr.bg); c < 4.5 {
					t.Errorf("dark=%v accent %v: %s %.2f:1", dark, a, pr.name, c)
				}
			}
		}
	}
}

func TestContrast_KnownValues(t *testing.T) {
	white, black := color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0, 0, 0, 0xff}
	if c := Contrast(white, black); c < 20.9 || c > 21.1 {
		t.Errorf("white on black %.2f, want 21", c)
	}
	// The old primary under white text (issue 15: about 2.6:1).
	if c := Contrast(white, color.NRGBA{0xe0, 0x8a, 0x4f, 0xff}); c > 2.8 || c < 2.4 {
		t.Errorf("white on #e08a4f %.2f, want about 2.6", c)
	}
}
