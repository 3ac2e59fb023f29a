package indexer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/shared"
)

// TestCitedKeysCoverGraph: the index's cites field holds every number the
// citation graph stores for a document, so a document found by the graph
// ("Nghị định số 73-CP") is found by a number search too. Both read numbers
// with viet.ScanNumber and key them with doctype.NumberKey.
func TestCitedKeysCoverGraph(t *testing.T) {
	for _, body := range []string{
		"Căn cứ Nghị định số 73-CP ngày 25/10/1993 của Chính phủ;",
		"Bãi bỏ Quyết định 217-HĐBT và Nghị quyết 24-NQ/TW.",
		"Thông tư số 11/2020/TT- BGTVT, Nghị quyết số 154 /NQ-CP, Thông tư 05/2018/TT_BTC.",
	} {
		checkCitedKeys(t, &corpus.Document{ID: "x", Body: body})
	}
	if got := citedKeys("Căn cứ Nghị định số 73-CP ngày 25/10/1993"); !slices.Contains(got, "73-cp") {
		t.Errorf("citedKeys of a text citing 73-CP = %q, want 73-cp among them", got)
	}
}

// TestCitedKeysCoverGraphGovdocs runs the same check over the 232 real
// documents of shared/data/govdocs.
func TestCitedKeysCoverGraphGovdocs(t *testing.T) {
	dir := shared.Path(t, "data", "govdocs")
	parts, err := filepath.Glob(filepath.Join(dir, "govdocs_part*.jsonl"))
	if err != nil || len(parts) == 0 {
		t.Fatalf("no govdocs parts in %s: %v", dir, err)
	}
	n := 0
	for _, p := range parts {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var d struct {
				Body string `json:"body_markdown"`
			}
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			checkCitedKeys(t, &corpus.Document{ID: "x", Body: d.Body})
			n++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d documents: every graph key is in the index's cites", n)
}

func checkCitedKeys(t *testing.T, d *corpus.Document) {
	t.Helper()
	keys, _ := Fields(d)[FieldCites].([]string)
	for _, r := range corpus.DocRefs(d) {
		if !slices.Contains(keys, r.LookupKey()) {
			t.Errorf("graph key %q (%q) not among the index's cited keys", r.LookupKey(), r.Text)
		}
	}
}
