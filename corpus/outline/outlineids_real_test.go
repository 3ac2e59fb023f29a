package outline

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// TestOutlineIDsUniqueReal: over the real documents of ../shared/data
// (the decrees and circulars of govdocs, the development set's plans),
// every item ID and every passage ID is unique within its document, and
// an ID holds the quote mark exactly when its item is Quoted — the
// outline checker's id-collision count, as a test that runs by default
// (it skips without ../shared, and fails under CI=true).
func TestOutlineIDsUniqueReal(t *testing.T) {
	for _, folder := range []struct {
		name string
		read func(testing.TB, string) []checkDoc
	}{{"govdocs", readGovdocs}, {"plans", readPlans}} {
		docs := folder.read(t, shared.Path(t, "data", folder.name))
		if len(docs) == 0 {
			t.Fatalf("%s: no documents", folder.name)
		}
		quoted := 0
		for _, d := range docs {
			o := Parse(d.body)
			seen := map[string]bool{}
			for _, it := range o.Items {
				if seen[it.ID] {
					t.Errorf("%s %s: item ID %q twice", folder.name, d.name, it.ID)
				}
				seen[it.ID] = true
				if it.Quoted {
					quoted++
				}
				if it.Quoted != strings.Contains(it.ID, quoteMark) {
					t.Errorf("%s %s: item %q Quoted %v", folder.name, d.name, it.ID, it.Quoted)
				}
			}
			seen = map[string]bool{}
			for _, p := range o.Passages() {
				if seen[p.ID] {
					t.Errorf("%s %s: passage ID %q twice", folder.name, d.name, p.ID)
				}
				seen[p.ID] = true
			}
		}
		t.Logf("%s: %d documents, %d quoted items", folder.name, len(docs), quoted)
	}
}
