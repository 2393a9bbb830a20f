package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// managerTexts are the message IDs of a staff place's list: the "new" button,
// the empty list and the hint shown before anything is picked.
type managerTexts struct{ New, Empty, Pick string }

// managerPane is the frame the staff's list-and-detail places share (events,
// polls): a "new" button over the list, an empty state, a line for refusals,
// and beside the list on a desktop the detail of the picked row, which
// starts as an overview of the list (its figures and the "new" action).
type managerPane struct {
	list     *widget.List
	empty    fyne.CanvasObject
	detail   *fyne.Container // nil on a phone: rows open as pushed views
	overview *ui.Overview    // the detail before a row is picked; nil on a phone
	problem  *widget.Label
	root     fyne.CanvasObject
}

func newManagerPane(env *Env, texts managerTexts, share float64, length func() int,
	create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject),
	onOpen func(widget.ListItemID), onNew func()) managerPane {
	l := env.L()
	var p managerPane
	add := ui.NewIconButton(env, l.T(texts.New), theme.ContentAddIcon(), onNew)
	add.Importance = widget.HighImportance
	p.list = widget.NewList(length, create, update)
	p.list.OnSelected = onOpen
	p.empty = ui.NewEmptyState(nil, l.T(texts.Empty), l.T(texts.New), onNew)
	p.empty.Hide()
	p.problem = ui.NewRefusal(env)
	left := container.NewBorder(container.NewVBox(add, p.problem), nil, nil, nil, container.NewStack(p.list, p.empty))
	if env.Phone() {
		p.root = left
		return p
	}
	p.overview = ui.NewOverview(env, l.T(texts.Pick), l.T(texts.New), onNew)
	p.detail = container.NewStack(p.overview)
	p.root = mirror.Split(env, left, p.detail, share)
	return p
}

// showOverview sets the overview's figures and its line about what comes
// next (a desktop's detail before a row is picked; nothing on a phone).
func (p *managerPane) showOverview(figures []ui.Figure, next string) {
	if p.overview != nil {
		p.overview.SetFigures(figures, next)
	}
}

// listLines is a list row of text lines that sit together (ui.Compact), as
// the forum's rows do: a label alone is padded to a button's height, which
// spread a row's lines like separate rows. rowLine returns its i-th line.
func listLines(lines ...fyne.CanvasObject) *fyne.Container {
	for i, l := range lines {
		lines[i] = ui.Compact(l)
	}
	return container.NewPadded(container.NewVBox(lines...))
}

// rowLine returns line i of a row made by listLines.
func rowLine(row fyne.CanvasObject, i int) fyne.CanvasObject {
	return row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[i].(*fyne.Container).Objects[0]
}
