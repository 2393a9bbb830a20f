package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// useFontDir points the font lookup at dir, with an empty cache, for one test.
func useFontDir(t *testing.T, dir string) {
	t.Helper()
	dirs, cache := fontDirs, fontCache
	fontDirs, fontCache = []string{dir}, map[string]fyne.Resource{}
	t.Cleanup(func() { fontDirs, fontCache = dirs, cache })
}

// TestFontsFor_UrduPrefersNastaliq: Urdu is written in Nastaliq where the
// system has Noto Nastaliq Urdu, else in Noto Naskh Arabic; Persian and
// Hebrew get their Noto fonts; Latin-script languages use Fyne's own.
func TestFontsFor_UrduPrefersNastaliq(t *testing.T) {
	write := func(dir string, names ...string) {
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), []byte(n), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	all := t.TempDir()
	write(all, "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf", "NotoNaskhArabic-Regular.ttf",
		"NotoNaskhArabic-Bold.ttf", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf",
		"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf")
	naskhOnly := t.TempDir()
	write(naskhOnly, "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")

	tests := []struct {
		dir, lang, regular, bold string
	}{
		{all, "ur", "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"},
		{naskhOnly, "ur", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"},
		{all, "fa", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
		{all, "he", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"},
		{naskhOnly, "he", "", ""}, // missing: Fyne's font, not a crash
		{all, "ru", "", ""},
		{all, "pl", "", ""},
	}
	for _, tt := range tests {
		useFontDir(t, tt.dir)
		regular, bold := fontsFor(tt.lang)
		name := func(r fyne.Resource) string {
			if r == nil {
				return ""
			}
			return r.Name()
		}
		if name(regular) != tt.regular || name(bold) != tt.bold {
			t.Errorf("%s in %s: fonts %q, %q; want %q, %q", tt.lang, filepath.Base(tt.dir), name(regular), name(bold), tt.regular, tt.bold)
		}
	}
}
