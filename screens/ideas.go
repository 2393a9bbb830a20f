package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
	"github.com/regulars-app/regulars/internal/ui/mirror"
)

// ideasPolls is how many recent polls the ideas board gathers ideas from.
const ideasPolls = 20

// ideasBoard shows the co-creation ideas by status, most voted first, so
// members see what came of what they proposed and voted for.
type ideasBoard struct {
	env   *Env
	scope *Scope
	board map[community.IdeaStatus][]community.Idea
	loads loader // the newest load wins

	content *fyne.Container
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewIdeasBoard returns the ideas board on its own (NewPolls shows it too).
func NewIdeasBoard(env *Env) fyne.CanvasObject {
	var b *ideasBoard
	scope := env.Open("ideas", func(c community.Change) { b.onChange(c) })
	b = newIdeasBoard(env, scope)
	return b.root
}

// newIdeasBoard builds the board within scope: its own when shown alone, the
// polls screen's inside it (which then tells it of changes).
func newIdeasBoard(env *Env, scope *Scope) *ideasBoard {
	b := &ideasBoard{env: env, scope: scope}
	b.buildUI()
	b.load()
	return b
}

func (b *ideasBoard) buildUI() {
	b.content = container.NewVBox()
	b.problem = ui.NewRefusal(b.env)
	b.root = container.NewVScroll(container.NewVBox(b.problem, b.content))
}

func (b *ideasBoard) load() {
	svc := b.env.Svc
	b.loads.Load(b.scope, func(ctx context.Context) func() {
		board, err := svc.IdeasBoard(ctx, ideasPolls)
		return func() {
			if loadFailed(b.env, b.problem, err) {
				return
			}
			b.board = board
			b.render()
		}
	})
}

func (b *ideasBoard) render() {
	l := b.env.L()
	b.content.RemoveAll()
	total := 0
	for _, ideas := range b.board {
		total += len(ideas)
	}
	if total == 0 {
		b.content.Add(ui.NewEmptyState(nil, l.T("IdeasEmpty"), "", nil))
		b.root.Refresh()
		return
	}
	for _, st := range community.IdeaStatuses {
		ideas := b.board[st]
		b.content.Add(ui.NewHeading(b.env, l.N("IdeasStatus"+statusSuffix(st), len(ideas))))
		if len(ideas) == 0 {
			b.content.Add(ui.NewFaint(b.env, l.T("IdeasNone")))
		}
		for _, idea := range ideas {
			text := ui.NewDataLabel(b.env, idea.Text, false)
			meta := l.N("IdeasVotes", idea.Votes)
			if idea.ByName != "" {
				meta = l.N("IdeasVotesBy", idea.Votes, map[string]any{"Name": idea.ByName})
			}
			m := ui.NewFaint(b.env, "")
			ui.SetLine(b.env, m, meta)
			talk := ui.NewIconButton(b.env, l.T("IdeaComments"), theme.MailReplyIcon(), func() { b.onComments(idea) })
			talk.Importance = widget.LowImportance
			b.content.Add(container.NewVBox(text, mirror.Border(b.env, nil, nil, nil, talk, m)))
		}
		b.content.Add(widget.NewSeparator())
	}
	b.root.Refresh() // the board changed size: lay it out again
}

// onComments opens what members say about an idea.
func (b *ideasBoard) onComments(idea community.Idea) {
	b.env.Push(b.env.L().T("IdeaComments"), NewIdeaComments(b.env, idea.PollID, idea.ID, idea.Text))
}

func (b *ideasBoard) onChange(c community.Change) {
	if c.Kind == community.KindPoll || c.Kind == community.KindVote {
		b.load()
	}
}

// statusSuffix is an idea status in CamelCase for message IDs ("in_progress"
// gives "InProgress").
func statusSuffix(st community.IdeaStatus) string {
	switch st {
	case community.IdeaPending:
		return "Pending"
	case community.IdeaOpen:
		return "Open"
	case community.IdeaPlanned:
		return "Planned"
	case community.IdeaInProgress:
		return "InProgress"
	case community.IdeaShipped:
		return "Shipped"
	default:
		return "Declined"
	}
}
