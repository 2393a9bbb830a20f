package screens

import (
	"bytes"
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// exports saves the community's data as CSV files (owner): members, the
// points ledger, event attendance and feedback, with progress while the data
// is read. Each is written through the save dialog Fyne 2.7 gives the
// platform (dialog.NewFileSave):
//
//   - Linux, Windows, macOS: Fyne's own save dialog (a Flatpak build,
//     -tags flatpak, uses the desktop portal's native one);
//   - Android: the system's document picker (ACTION_CREATE_DOCUMENT):
//     Downloads, Drive or any storage provider, with the file name proposed;
//   - iOS: the document picker in export mode (Files, iCloud Drive,
//     providers); Fyne proposes its own name there, not ours.
//
// Fyne 2.7 has no share sheet (Android's ACTION_SEND chooser, iOS's
// UIActivityViewController): sending a file to mail or chat from here would
// need native code of our own, so the owner saves the file and shares it
// from the Files app or Drive.
type exports struct {
	scope *Scope
	env   *Env
	comm  community.Community

	progress *ui.ProgressBar
	note     *widget.Label
	buttons  []*widget.Button
	root     fyne.CanvasObject
}

// exportLabels are the message IDs of each export's name and what it holds.
var exportLabels = map[community.Export][2]string{
	community.ExportMembers:    {"ExportMembers", "ExportMembersHint"},
	community.ExportLedger:     {"ExportLedger", "ExportLedgerHint"},
	community.ExportAttendance: {"ExportAttendance", "ExportAttendanceHint"},
	community.ExportFeedback:   {"ExportFeedback", "ExportFeedbackHint"},
}

// NewExports returns the exports screen (owner).
func NewExports(env *Env) fyne.CanvasObject { return newExports(env).root }

func newExports(env *Env) *exports {
	s := &exports{env: env}
	s.buildUI()
	s.scope = env.Open("exports", nil)
	svc := env.Svc
	s.scope.Go(func(ctx context.Context) func() {
		c, err := svc.Community(ctx)
		return func() {
			if err == nil {
				s.comm = c
			}
		}
	})
	return s
}

func (s *exports) buildUI() {
	l := s.env.L()
	s.progress = ui.NewProgressBar(s.env)
	s.progress.Hide()
	s.note = ui.NewRefusal(s.env)
	objs := []fyne.CanvasObject{ui.NewParagraph(l.T("ExportIntro"), s.env.RTL())}
	for _, x := range community.Exports {
		btn := widget.NewButton(bidi.Visual(s.env, l.T("ExportSave")), func() { s.onExport(x) })
		s.buttons = append(s.buttons, btn)
		labels := exportLabels[x]
		objs = append(objs, ui.NewCard(s.env, l.T(labels[0]), l.T(labels[1]), mirror.Row(s.env, btn)))
	}
	objs = append(objs, s.progress, s.note)
	s.root = container.NewVScroll(ui.Page(container.NewVBox(objs...)))
}

// onExport writes export x to memory with progress, then asks where to save it.
func (s *exports) onExport(x community.Export) {
	for _, b := range s.buttons {
		b.Disable()
	}
	ui.ShowRefusal(s.note, "")
	s.progress.SetValue(0)
	s.progress.SetText(s.env.L().T("ExportWorking"))
	s.progress.Show()
	svc, me := s.env.Svc, s.env.Me()
	s.scope.Go(func(ctx context.Context) func() {
		var buf bytes.Buffer
		err := svc.WriteExport(ctx, me, x, &buf, func(done, total int) {
			if total > 0 {
				fyne.Do(func() { s.progress.SetValue(float64(done) / float64(total)) })
			}
		})
		return func() {
			for _, b := range s.buttons {
				b.Enable()
			}
			s.progress.Hide()
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
				return
			}
			s.save(x, buf.Bytes())
		}
	})
}

// save shows the save dialog with the export's file name proposed.
func (s *exports) save(x community.Export, data []byte) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				ui.ShowRefusal(s.note, ErrorText(s.env.L(), err))
			}
			return // cancelled
		}
		_, err = io.Copy(w, bytes.NewReader(data))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			ui.ShowRefusal(s.note, s.env.L().T("ExportFailed"))
			return
		}
		ui.ShowNote(s.note, s.env.L().T("ExportSaved", map[string]any{"File": w.URI().Name()}))
	}, s.env.Win)
	d.SetFileName(x.FileName(s.comm, s.env.Svc.Now()))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}
