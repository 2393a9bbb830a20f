package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/internal/ui/bidi"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// Tabs shows one of its items at a time under a bar of tab buttons laid out
// from the reading direction's start: in Arabic the first tab sits at the
// right edge (container.AppTabs always runs from the left, and with many
// tabs hides the first ones behind its overflow menu once they are
// reversed). A bar wider than the screen scrolls.
type Tabs struct {
	widget.BaseWidget
	dir   bidi.Dir
	Items []*container.TabItem
	sel   int

	bar     *fyne.Container
	scroll  *container.Scroll
	content *fyne.Container
}

// NewTabs returns tabs in the reading order of d, the first selected.
func NewTabs(d bidi.Dir, items ...*container.TabItem) *Tabs {
	t := &Tabs{dir: d, Items: items}
	t.ExtendBaseWidget(t)
	return t
}

// Append adds a tab after the others.
func (t *Tabs) Append(item *container.TabItem) {
	t.Items = append(t.Items, item)
	t.Refresh()
}

// Select shows item.
func (t *Tabs) Select(item *container.TabItem) {
	for i, it := range t.Items {
		if it == item {
			t.SelectIndex(i)
		}
	}
}

// SelectIndex shows the tab at reading position i.
func (t *Tabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) {
		return
	}
	t.sel = i
	t.Refresh()
}

// Selected is the tab on show, nil when there is none.
func (t *Tabs) Selected() *container.TabItem {
	if t.sel < len(t.Items) {
		return t.Items[t.sel]
	}
	return nil
}

// SelectedIndex is the reading position of the tab on show.
func (t *Tabs) SelectedIndex() int { return t.sel }

// CreateRenderer lays the bar over the selected tab's content.
func (t *Tabs) CreateRenderer() fyne.WidgetRenderer {
	t.bar = container.NewHBox()
	t.scroll = container.NewHScroll(t.bar)
	t.content = container.NewStack()
	t.sync()
	under := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	under.SetMinSize(fyne.NewSize(1, 1))
	head := container.NewVBox(container.New(&barLayout{}, t.scroll), under)
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, t.content))
}

// Refresh shows the items' current texts and the selected content.
func (t *Tabs) Refresh() {
	if t.bar != nil {
		t.sync()
	}
	t.BaseWidget.Refresh()
}

// sync rebuilds the buttons and shows the selected content.
func (t *Tabs) sync() {
	var buttons []fyne.CanvasObject
	for i, it := range t.Items {
		b := widget.NewButtonWithIcon(bidi.Visual(t.dir, it.Text), it.Icon, func() { t.SelectIndex(i) })
		b.Importance = widget.LowImportance
		if i == t.sel {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	row := mirror.Row(t.dir, buttons...)
	t.bar.Objects = row.Objects
	t.bar.Layout = row.Layout
	t.bar.Refresh()
	if sel := t.Selected(); sel != nil {
		t.content.Objects = []fyne.CanvasObject{sel.Content}
	} else {
		t.content.Objects = nil
	}
	t.content.Refresh()
	t.scroll.Refresh()
	if t.dir.RTL() {
		t.scroll.ScrollToOffset(fyne.NewPos(max(0, t.bar.MinSize().Width-t.scroll.Size().Width), 0))
	}
}

// barLayout gives the scrolling bar its content's height and the full width.
type barLayout struct{}

func (barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		if s, ok := o.(*container.Scroll); ok {
			m = m.Max(fyne.NewSize(0, s.Content.MinSize().Height))
		}
	}
	return m
}
