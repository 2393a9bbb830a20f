package screens

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/regulars-app/regulars/community"
	"github.com/regulars-app/regulars/community/demo"
)

// markdownCases are post bodies as members write them, and as a hostile
// client could store them (the store keeps what the Firestore rules let
// through, so the screen must draw anything).
var markdownCases = []string{
	"Try a **Comandante**", "# Heading\n\nText", "- one\n- two\n  - nested", "1. first\n2. second",
	"```go\nfmt.Println(1)\n```", "`inline` code", "[link](https://example.com)", "![img](missing.png)",
	"> quote\n> > nested", "| a | b |\n|---|---|\n| 1 | 2 |", "---", "***", "*", "_", "`", "**", "[", "](", "![](",
	"مرحبا **بالجميع**", "שלום עולם", "混合 mixed عربي", "<script>alert(1)</script>", "&amp; &lt;",
	"\u202eevil", "a\u200bb", "line\\\nbreak", strings.Repeat("> ", 200) + "deep", strings.Repeat("- ", 200) + "x",
	strings.Repeat("word ", 300), strings.Repeat("x", 1500), "", " ", "\n\n\n", "😀 **🎉**",
}

// maxFuzzBody bounds the inputs: laying out a post takes time that grows
// faster than its length (a 10,000-character post, the longest the app
// accepts, takes seconds; see docs/performance.md), and slow inputs would
// leave the fuzzer running a handful of cases.
const maxFuzzBody = 2000

var plainWords = regexp.MustCompile(`^[A-Za-z0-9]+( [A-Za-z0-9]+)*$`)

// FuzzThread_PostMarkdown draws a thread whose post body is the input, as
// the forum does (the body is Markdown): it never panics, shows the post,
// paints, and shows plain words exactly as written.
func FuzzThread_PostMarkdown(f *testing.F) {
	for _, c := range markdownCases {
		f.Add(c)
	}
	fx := newFixture(f)
	env := fx.env(demo.MemberID, "en")
	me := fx.actor(demo.MemberID)
	n := 0
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > maxFuzzBody {
			return
		}
		n++
		id := fmt.Sprintf("fuzz-%d", n)

		_, _, err := fx.store.CreateThread(context.Background(), community.Thread{ID: id, Category: "general", Title: "Fuzz",
			AuthorID: me.ID, AuthorName: me.Name, Lang: "en", CreatedAt: demo.Now, LastPostAt: demo.Now},
			community.Post{ID: "p1", AuthorID: me.ID, AuthorName: me.Name, Lang: "en", Body: body, At: demo.Now})
		if err != nil {
			t.Fatalf("store refused the thread: %v", err)
		}
		s := newThread(env, id)
		defer env.Close("thread")
		fx.show(s.root, phoneSize)
		if s.length() != 1 {
			t.Fatalf("thread shows %d posts, want 1", s.length())
		}
		_ = fx.win.Canvas().Capture()
		if plainWords.MatchString(body) {
			// Wrapping may break a long word anywhere: compare without spaces.
			got := visibleText(s.list)
			if !strings.Contains(noSpace(got), noSpace(body)) {
				t.Fatalf("body %.80q drawn as %.200q", body, got)
			}
		}
	})
}

// noSpace drops spaces, and the zero-width spaces that start the runs a
// long text is cut into (ui.ParseMarkdown): they are not drawn.
func noSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u200b", "")), "")
}

// visibleText joins the texts drawn under o, each preceded by a space.
func visibleText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *canvas.Text:
			b.WriteString(" " + v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
