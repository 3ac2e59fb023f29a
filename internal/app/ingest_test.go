package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

const ingestLines = `{"_id":"d1","title":"Nghị quyết số 154/NQ-CP","text":"Về phát triển kinh tế - xã hội. Hoà bình.","number":"154/NQ-CP","type":"Nghị quyết","published":"2022-11-23"}
{"_id":"d2","title":"Kế hoạch triển khai","text":"Triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022."}

{"_id":"ignored","url":"https://Portal.example/tin/3","title":"Tin thể thao","text":"Giải bóng đá thiếu niên."}
`

var ingestLine = regexp.MustCompile(`^ingested (\d+) docs \((\d+) new, (\d+) changed, (\d+) unchanged\) in [0-9.]+s: [0-9]+ docs/s, [0-9.]+ MB/s\n$`)

func ingest(t *testing.T, data, file string, compact bool) []string {
	t.Helper()
	stdout, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 100, MemLimitMB: 512, Compact: compact})
	if err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	m := ingestLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("ingest printed %q", stdout)
	}
	return m[1:]
}

func TestIngestIdempotent(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(file, []byte(ingestLines), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ingest(t, data, file, false); strings.Join(got, " ") != "3 3 0 0" {
		t.Errorf("first ingest: docs, new, changed, unchanged = %v, want 3 3 0 0", got)
	}
	if got := ingest(t, data, file, false); strings.Join(got, " ") != "3 0 0 3" {
		t.Errorf("second ingest: %v, want 3 0 0 3", got)
	}
	changed := strings.Replace(ingestLines, "Hoà bình.", "Hoà bình và ổn định.", 1)
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ingest(t, data, file, true); strings.Join(got, " ") != "3 0 1 2" {
		t.Errorf("after an edit: %v, want 3 0 1 2", got)
	}

	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	last, _ := store.LastSeq()
	if last != 4 {
		t.Errorf("store LastSeq = %d, want 4 (3 new, 1 changed)", last)
	}
	if _, err := store.Get(corpus.IDForURL("https://portal.example/tin/3")); err != nil {
		t.Errorf("a record with a URL gets the URL's ID: %v", err)
	}
	if refs, _ := store.CitedBy("154/NQ-CP"); len(refs) != 1 || refs[0] != "d2" {
		t.Errorf("CitedBy(154/NQ-CP) = %v, want [d2]", refs)
	}
	ix, err := indexer.Open(indexer.DirFor(data), indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 3 {
		t.Errorf("index holds %d documents, want 3", n)
	}
	if seq, _ := ix.AppliedSeq(); seq != last {
		t.Errorf("index applied seq %d, store %d", seq, last)
	}

	stdout, _, err := call(t, data, RunSearch, SearchOptions{Query: "ổn định", JSON: true, Limit: 10})
	if err != nil || !strings.Contains(stdout, `"id":"d1"`) {
		t.Errorf("search after re-ingest: %v, %s", err, stdout)
	}
	queries := filepath.Join(t.TempDir(), "queries.jsonl")
	os.WriteFile(queries, []byte(`{"_id":"q1","text":"phát triển kinh tế xã hội"}`+"\n"+`{"_id":"q2","text":"bóng đá"}`+"\n"), 0o644)
	stdout, stderr, err := call(t, data, RunSearch, SearchOptions{Bench: queries, Passes: 2, Limit: 10})
	if err != nil || !strings.HasPrefix(stdout, "2 queries × 2 passes on 3 documents: p50 ") {
		t.Errorf("search --bench: %v, %q %s", err, stdout, stderr)
	}
}

func TestIngestBadInput(t *testing.T) {
	_, _, err := call(t, t.TempDir(), RunIngest, IngestOptions{Files: []string{filepath.Join(t.TempDir(), "missing.jsonl")}, BatchBytes: 1e6})
	if !plain(err) || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"_id":"a","title":"x","text":"y"}`+"\n{not json\n"), 0o644)
	_, _, err = call(t, t.TempDir(), RunIngest, IngestOptions{Files: []string{bad}, BatchBytes: 1e6})
	if !plain(err) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: %v", err)
	}
}
