package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{"Amira Haddad": "AH", "lucía": "L", "Nguyễn Văn Minh": "NM", "  ": "?", "أميرة حداد": "أح"} {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAvatar_DrawsInitialsInACircle(t *testing.T) {
	test.NewTempApp(t)
	a := NewAvatar("Amira Haddad", 40)
	if a.MinSize() != fyne.NewSquareSize(40) {
		t.Errorf("min size %v, want 40 square", a.MinSize())
	}
	a.Resize(fyne.NewSize(60, 40))
	r := test.TempWidgetRenderer(t, a)
	circle, text := r.Objects()[0].(*canvas.Circle), r.Objects()[1].(*canvas.Text)
	if text.Text != "AH" {
		t.Errorf("initials %q, want AH", text.Text)
	}
	if circle.Size() != fyne.NewSquareSize(40) || circle.Position().X != 10 {
		t.Errorf("circle at %v size %v, want centred 40 square", circle.Position(), circle.Size())
	}
	var u fyne.CanvasObject = a
	if d, ok := u.(UserData); !ok || !d.IsUserData() {
		t.Error("an avatar's initials are not user data")
	}
}
