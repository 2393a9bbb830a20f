package bench

import (
	"context"
	"fmt"
	"strings"

	gfs "cloud.google.com/go/firestore"
)

// docData is one document of a dump.
type docData struct {
	path string // relative to the database's documents
	data map[string]any
}

// Dump reads every document under doc (itself included), recursively. The
// emulator keeps its data in memory only, so the fault runs carry a
// community across a restart this way: what Firestore's durable storage
// does for a real server.
func Dump(ctx context.Context, client *gfs.Client, doc *gfs.DocumentRef) ([]docData, error) {
	var out []docData
	snap, err := doc.Get(ctx)
	if err == nil {
		out = append(out, docData{path: doc.Path, data: snap.Data()})
	}
	cols, err := doc.Collections(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("dump %s: %w", doc.Path, err)
	}
	for _, col := range cols {
		refs, err := col.DocumentRefs(ctx).GetAll()
		if err != nil {
			return nil, fmt.Errorf("dump %s: %w", col.Path, err)
		}
		for _, ref := range refs {
			sub, err := Dump(ctx, client, ref)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
	}
	return out, nil
}

// Restore writes a dump into client's database.
func Restore(ctx context.Context, client *gfs.Client, docs []docData) error {
	b := newBulk(ctx, client, 4)
	for _, d := range docs {
		b.set(client.Doc(relPath(d.path)), d.data)
	}
	return b.wait()
}

// relPath turns projects/p/databases/d/documents/a/b into a/b.
func relPath(full string) string {
	if _, rel, ok := strings.Cut(full, "/documents/"); ok {
		return rel
	}
	return full
}
