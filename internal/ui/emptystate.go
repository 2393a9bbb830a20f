package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewEmptyState is what an empty list shows: what is missing and what to do
// next, with an optional button that does it (actionText "" or action nil
// for none). icon may be nil.
func NewEmptyState(icon fyne.Resource, text, actionText string, action func()) fyne.CanvasObject {
	msg := secondaryWrapped(text)
	msg.Label.Alignment = fyne.TextAlignCenter
	objs := []fyne.CanvasObject{}
	if icon != nil {
		img := widget.NewIcon(theme.NewDisabledResource(icon))
		objs = append(objs, container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(theme.IconInlineSize()*2), img)))
	}
	objs = append(objs, msg)
	if actionText != "" && action != nil {
		b := widget.NewButton(actionText, action)
		b.Importance = widget.HighImportance
		objs = append(objs, container.NewCenter(b))
	}
	return Inset(container.NewVBox(objs...), Gap)
}
