package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Explainer is what a FieldError needs of its screen: the reading direction
// and the words that explain an error to the user (a screen's Env).
type Explainer interface {
	bidi.Dir
	Explain(err error) string
}

// FieldError is a label in the theme's error colour, shown next to a field
// when a write is refused; it is hidden while there is nothing to say.
type FieldError struct {
	widget.Label
	ex Explainer
}

// NewFieldError returns a hidden FieldError that explains errors with ex.
func NewFieldError(ex Explainer) *FieldError {
	f := &FieldError{ex: ex}
	f.Importance = widget.DangerImportance
	f.Wrapping = fyne.TextWrapWord
	f.Alignment = mirror.Start(ex)
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

// SetError shows err explained in the user's language; nil hides the label.
func (f *FieldError) SetError(err error) {
	if err == nil {
		f.Clear()
		return
	}
	f.SetMessage(f.ex.Explain(err))
}

// SetMessage shows an already translated message; "" hides the label.
func (f *FieldError) SetMessage(msg string) {
	f.SetText(bidi.Visual(f.ex, msg))
	if msg == "" {
		f.Hide()
	} else {
		f.Show()
	}
}

// Clear hides the label.
func (f *FieldError) Clear() {
	f.Label.SetText("")
	f.Hide()
}

// NewFormRow stacks a field's label, its input and its refusal label, aligned
// to the reading direction's start. fe may be nil.
func NewFormRow(d bidi.Dir, label string, input fyne.CanvasObject, fe *FieldError) fyne.CanvasObject {
	objs := []fyne.CanvasObject{wrappedText(d, label, true, false), input}
	if fe != nil {
		objs = append(objs, fe)
	}
	return container.NewVBox(objs...)
}

// FormField is one labelled field of NewForm; Error may be nil.
type FormField struct {
	Label string
	Input fyne.CanvasObject
	Error *FieldError
}

// NewForm stacks fields as NewFormRow does, each label above its field at
// the reading start, with a gap between fields so that a label goes with the
// field under it. (Fyne's widget.Form keeps its labels in a column at the
// left in every language, and on a phone takes that column's width from
// every field.)
func NewForm(d bidi.Dir, fields ...FormField) *fyne.Container {
	rows := make([]fyne.CanvasObject, len(fields))
	for i, f := range fields {
		rows[i] = NewFormRow(d, f.Label, f.Input, f.Error)
	}
	return &fyne.Container{Layout: layout.NewCustomPaddedVBoxLayout(Space(Gap)), Objects: rows}
}

// NewRefusal returns a hidden label, in the theme's error colour, for
// refusals and confirmations shown next to what the user did (see
// ShowRefusal, ShowNote).
func NewRefusal(d bidi.Dir) *widget.Label {
	l := widget.NewLabel("")
	l.Alignment = mirror.Start(d)
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// ShowRefusal shows msg in l in the error colour, or hides l when msg is
// empty.
func ShowRefusal(l *widget.Label, msg string) {
	l.Importance = widget.DangerImportance
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// ShowNote shows a confirmation in l, in the theme's success colour.
func ShowNote(l *widget.Label, msg string) {
	l.Importance = widget.SuccessImportance
	l.SetText(msg)
	l.Show()
}
