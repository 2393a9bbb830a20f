package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/regulars-app/regulars/internal/ui/bidi"
)

// TestNewFaintLine_CutsAtTheLogicalEnd: a row's meta line set with SetLine
// keeps its start when it is cut, in either direction; a label cut after
// the bidi reordering dropped the author's name of an Arabic forum row.
func TestNewFaintLine_CutsAtTheLogicalEnd(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name  string
		d     bidi.Dir
		text  string
		start string
	}{
		{"ltr", bidi.LeftToRight, "Lucía Fernández · 4 replies · 20 days ago", "Lucía Fernández"},
		{"rtl", bidi.RightToLeft, "Lucía Fernández – ٤ ردود – قبل ٢٠ يومًا", "Lucía Fernández"},
	} {
		p := NewFaintLine(tc.d)
		SetLine(tc.d, p, tc.text)
		p.Resize(fyne.NewSize(p.measure(tc.start+" – ٤")+2*p.Theme().Size(theme.SizeNameInnerPadding), p.MinSize().Height))
		lines := p.lineStrings(p.Size().Width)
		if len(lines) != 1 || !strings.HasPrefix(lines[0], tc.start) || lines[0] == tc.text {
			t.Errorf("%s: cut to %q, want one line starting %q, shorter than the text", tc.name, lines, tc.start)
		}
		if p.RTL != tc.d.RTL() {
			t.Errorf("%s: paragraph right to left = %v", tc.name, p.RTL)
		}
	}
}
