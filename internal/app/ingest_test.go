package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

const ingestLines = `{"_id":"d1","title":"Nghị quyết số 154/NQ-CP","text":"Về phát triển kinh tế - xã hội. Hoà bình.","number":"154/NQ-CP","type":"Nghị quyết","published":"2022-11-23"}
{"_id":"d2","title":"Kế hoạch triển khai","text":"Triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022."}

{"_id":"ignored","url":"https://Portal.example/tin/3","title":"Tin thể thao","text":"Giải bóng đá thiếu niên."}
`

// ingestLine is ingest's summary, then the task table's line when it
// recomputed some (syncTasks).
var ingestLine = regexp.MustCompile(`^ingested (\d+) docs \((\d+) new, (\d+) changed, (\d+) unchanged\) in [0-9.]+s: [0-9]+ docs/s, [0-9.]+ MB/s\n(?:tasks: \d+ documents? recomputed, \d+ with \d+ tasks?\n)?$`)

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

// ingested returns a data directory holding ingestLines, stored and
// indexed.
func ingested(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(file, []byte(ingestLines), 0o644); err != nil {
		t.Fatal(err)
	}
	ingest(t, data, file, false)
	return data
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

// TestIngestDatesBOMLimits: a JSON Lines file saved with a byte order mark
// failed on line 1; "23/11/2022" and "2022-11-23T10:00:00Z" were stored
// as given and the documents vanished from date filters; a document over
// the text limit was kept whole (3.2 GB of memory for 52.7 MB). Now the
// BOM is skipped, the dates read, a value that is no date dropped with a
// warning naming its line, and the long document kept cut, all counted.
func TestIngestDatesBOMLimits(t *testing.T) {
	lines := "\xEF\xBB\xBF" +
		`{"_id":"a","title":"Nghị quyết về phát triển du lịch","text":"Phát triển du lịch bền vững.","published":"23/11/2022"}` + "\n" +
		`{"_id":"b","title":"Kế hoạch phát triển du lịch","text":"Triển khai phát triển du lịch.","published":"2022-11-23T10:00:00Z"}` + "\n" +
		`{"_id":"c","title":"Thông báo về du lịch","text":"Lịch nghỉ lễ.","published":"sáng nay"}` + "\n" +
		`{"_id":"d","title":"Báo cáo du lịch","text":"` + strings.Repeat("Lượng khách du lịch tăng mạnh trong năm. ", 1000) + `","published":"2022-11-24"}` + "\n"
	file := filepath.Join(t.TempDir(), "bom.jsonl")
	os.WriteFile(file, []byte(lines), 0o644)
	data := t.TempDir()
	stdout, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1e6, MaxDocBytes: 20_000})
	if err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, "warnings: 1 dates dropped (not a date), 1 documents cut at the text limit\n") {
		t.Errorf("ingest printed %q, want the warning counts", stdout)
	}
	for _, want := range []string{`bom.jsonl:3: c: published "sáng nay" is not a date`, "bom.jsonl:4: d: text of 51.0 KB is over the limit of 20.0 KB a document keeps: kept cut at 20.0 KB"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"a": "2022-11-23", "b": "2022-11-23", "c": "", "d": "2022-11-24"} {
		if d, err := store.Get(id); err != nil || d.Published != want {
			t.Errorf("%s: published %q (%v), want %q", id, d.Published, err, want)
		}
	}
	if d, _ := store.Get("d"); len(d.Title)+len(d.Body) > 20_000 || d.Truncated == 0 {
		t.Errorf("long document kept with %d bytes, Truncated %d", len(d.Title)+len(d.Body), d.Truncated)
	}
	store.Close()
	day, _ := time.Parse(time.DateOnly, "2022-11-23")
	stdout, _, err = call(t, data, RunSearch, SearchOptions{Query: "du lịch", JSON: true, Limit: 10, Filters: search.Filters{From: day, To: day}})
	if err != nil || !strings.Contains(stdout, `"id":"a"`) || !strings.Contains(stdout, `"id":"b"`) || strings.Contains(stdout, `"id":"d"`) {
		t.Errorf("date filter 2022-11-23: %v %s", err, stdout)
	}
}

// TestIngestCompactsStore: the first ingest of a collection (stored in
// bulk batches, then built) writes the store afresh once, and leaves no
// copy beside it; a later ingest into the index does not.
func TestIngestCompactsStore(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(file, []byte(ingestLines), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		_, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, MemLimitMB: 512})
		if err != nil {
			t.Fatalf("ingest %d: %v: %s", i, err, stderr)
		}
		if got := strings.Contains(stderr, `"msg":"compacted store"`); got != want {
			t.Errorf("ingest %d: compacted %v, want %v: %s", i, got, want, stderr)
		}
		if _, err := os.Stat(filepath.Join(data, "store.db.compact")); !os.IsNotExist(err) {
			t.Errorf("ingest %d: a copy is left beside the store: %v", i, err)
		}
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if last, _ := store.LastSeq(); last != 3 {
		t.Errorf("LastSeq %d after the compaction, want 3", last)
	}
}
