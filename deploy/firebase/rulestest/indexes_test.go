package rulestest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/regulars-app/regulars/internal/emulators"
)

// TestIndexes checks firestore.indexes.json: well formed for `firebase
// deploy`, no duplicates, and every indexed field is one the store writes
// (a renamed field in community/firestore must rename its index too). The
// emulator needs no indexes, so the queries themselves cannot prove them.
func TestIndexes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "firestore.indexes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Indexes []struct {
			CollectionGroup string `json:"collectionGroup"`
			QueryScope      string `json:"queryScope"`
			Fields          []struct {
				FieldPath   string `json:"fieldPath"`
				Order       string `json:"order"`
				ArrayConfig string `json:"arrayConfig"`
			} `json:"fields"`
		} `json:"indexes"`
		FieldOverrides []json.RawMessage `json:"fieldOverrides"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		t.Fatalf("firestore.indexes.json: %v", err)
	}
	stored := storedFields(t)
	seen := map[string]bool{}
	for _, ix := range file.Indexes {
		var key strings.Builder
		key.WriteString(ix.CollectionGroup + "/" + ix.QueryScope)
		if ix.QueryScope != "COLLECTION" && ix.QueryScope != "COLLECTION_GROUP" {
			t.Errorf("%s: queryScope %q", ix.CollectionGroup, ix.QueryScope)
		}
		if len(ix.Fields) < 2 {
			t.Errorf("%s: %d fields; single-field indexes are automatic", ix.CollectionGroup, len(ix.Fields))
		}
		for _, f := range ix.Fields {
			key.WriteString("/" + f.FieldPath + ":" + f.Order + f.ArrayConfig)
			if (f.Order == "") == (f.ArrayConfig == "") || (f.Order != "" && f.Order != "ASCENDING" && f.Order != "DESCENDING") {
				t.Errorf("%s.%s: order %q arrayConfig %q", ix.CollectionGroup, f.FieldPath, f.Order, f.ArrayConfig)
			}
			if !stored[f.FieldPath] {
				t.Errorf("%s.%s: the store writes no field of that name", ix.CollectionGroup, f.FieldPath)
			}
		}
		if seen[key.String()] {
			t.Errorf("duplicate index %s", key.String())
		}
		seen[key.String()] = true
	}
}

// storedFields returns the firestore tags of community/firestore's documents.
func storedFields(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "community", "firestore", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("community/firestore sources: %v (%d files)", err, len(files))
	}
	tag := regexp.MustCompile("`firestore:\"([a-zA-Z0-9_]+)")
	out := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tag.FindAllSubmatch(src, -1) {
			out[string(m[1])] = true
		}
	}
	return out
}

// TestIndexes_FirebaseValidates runs the pinned firebase-tools' own validation
// of the index file, the one `firebase deploy` runs before uploading it.
func TestIndexes_FirebaseValidates(t *testing.T) {
	root, err := emulators.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	api := filepath.Join(root, "node_modules", "firebase-tools", "lib", "firestore", "api.js")
	if _, err := os.Stat(api); err != nil {
		t.Fatalf("firebase-tools not installed (run npm ci): %v", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found on PATH: install Node.js 20+ (needed by firebase-tools)")
	}
	script := `const {FirestoreApi} = require(process.argv[1]);
const spec = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
new FirestoreApi().validateSpec(spec);`
	out, err := exec.Command(node, "-e", script, api, filepath.Join(root, "deploy", "firebase", "firestore.indexes.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("firebase-tools rejects firestore.indexes.json: %v\n%s", err, out)
	}
}

// TestIndexes_CoverStore checks the deployed file declares every index the
// store says its queries need (community/firestore/indexes.json, kept by the
// store with its queries). __name__ at the end of an index is implicit in the
// deployed file and ignored in the comparison.
func TestIndexes_CoverStore(t *testing.T) {
	load := func(path string) map[string]bool {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Indexes []struct {
				CollectionGroup string `json:"collectionGroup"`
				QueryScope      string `json:"queryScope"`
				Fields          []struct {
					FieldPath   string `json:"fieldPath"`
					Order       string `json:"order"`
					ArrayConfig string `json:"arrayConfig"`
				} `json:"fields"`
			} `json:"indexes"`
		}
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out := map[string]bool{}
		for _, ix := range file.Indexes {
			key := ix.CollectionGroup + "/" + ix.QueryScope
			for i, f := range ix.Fields {
				if f.FieldPath == "__name__" && i == len(ix.Fields)-1 {
					continue
				}
				key += "/" + f.FieldPath + ":" + f.Order + f.ArrayConfig
			}
			out[key] = true
		}
		return out
	}
	deployed := load(filepath.Join("..", "firestore.indexes.json"))
	for key := range load(filepath.Join("..", "..", "..", "community", "firestore", "indexes.json")) {
		if !deployed[key] {
			t.Errorf("the store needs index %s; deploy/firebase/firestore.indexes.json lacks it", key)
		}
	}
}
