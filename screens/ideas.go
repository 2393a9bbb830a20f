package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/internal/ui"
)

// ideasPolls is how many recent polls the ideas board gathers ideas from.
const ideasPolls = 20

// ideasBoard shows the co-creation ideas by status, most voted first, so
// members see what came of what they proposed and voted for.
type ideasBoard struct {
	env   *Env
	board map[community.IdeaStatus][]community.Idea
	gen   int

	content *fyne.Container
	problem *widget.Label
	root    fyne.CanvasObject
}

// NewIdeasBoard returns the ideas board on its own (NewPolls shows it too).
func NewIdeasBoard(env *Env) fyne.CanvasObject {
	b := newIdeasBoard(env)
	env.Subscribe(subKey("ideas"), b.onChange)
	return b.root
}

func newIdeasBoard(env *Env) *ideasBoard {
	b := &ideasBoard{env: env}
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
	b.gen++
	gen, svc := b.gen, b.env.Svc
	background(func() func() {
		board, err := svc.IdeasBoard(context.Background(), ideasPolls)
		return func() {
			if gen != b.gen {
				return
			}
			if err != nil {
				ui.ShowRefusal(b.problem, ErrorText(b.env.L(), err))
				return
			}
			ui.ShowRefusal(b.problem, "")
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
			b.content.Add(container.NewVBox(text, m))
		}
		b.content.Add(widget.NewSeparator())
	}
	b.root.Refresh() // the board changed size: lay it out again
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
