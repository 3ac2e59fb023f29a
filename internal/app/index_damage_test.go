package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/indexer"
)

// TestIndexOlderLayout: an index of the layout before this binary's (its
// lengths field in binary until layout 16) is refused with the versions
// and the command that rebuilds it, and `vanban index --rebuild` gives a
// working index of this layout back.
func TestIndexOlderLayout(t *testing.T) {
	data := ingested(t)
	b, err := bleve.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	old := strconv.Itoa(indexer.MappingVersion - 1)
	if err := b.SetInternal([]byte("vanban:mapping"), []byte(old)); err != nil {
		t.Fatal(err)
	}
	b.Close()
	_, _, err = call(t, data, RunSearch, SearchOptions{Query: "phát triển", Limit: 5})
	if err == nil || !strings.Contains(err.Error(), `layout version "`+old+`"`) || !strings.Contains(err.Error(), "vanban index --rebuild") {
		t.Fatalf("search on an index of layout %s: %v", old, err)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{Rebuild: true}); err != nil {
		t.Fatalf("index --rebuild: %v: %s", err, stderr)
	}
	if stdout, _, err := call(t, data, RunSearch, SearchOptions{Query: "phát triển", Limit: 5, JSON: true}); err != nil || !strings.Contains(stdout, `"id":"d1"`) {
		t.Errorf("search after the rebuild: %v %s", err, stdout)
	}
}

// TestIndexMissingSegment: with a segment file of the index gone, search
// failed with bleve's "error parsing mapping JSON" followed by an empty
// mapping. Now the error names the index and says to rebuild it, and the
// rebuild gives a working index back.
func TestIndexMissingSegment(t *testing.T) {
	data := ingested(t)
	segs, _ := filepath.Glob(filepath.Join(data, "index", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment file")
	}
	for _, s := range segs {
		os.Remove(s)
	}
	_, _, err := call(t, data, RunSearch, SearchOptions{Query: "phát triển", Limit: 5})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(data, "index")) || !strings.Contains(err.Error(), "vanban index --rebuild") ||
		strings.Contains(err.Error(), "mapping contents") {
		t.Fatalf("search on an index without its segments: %v", err)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{Rebuild: true}); err != nil {
		t.Fatalf("index --rebuild: %v: %s", err, stderr)
	}
	if stdout, _, err := call(t, data, RunSearch, SearchOptions{Query: "phát triển", Limit: 5, JSON: true}); err != nil || !strings.Contains(stdout, `"id":"d1"`) {
		t.Errorf("search after the rebuild: %v %s", err, stdout)
	}
}

// TestExtractRefusesBinary: `vanban extract` on a binary printed the
// HTML extractor's reading of it and exited 0. An executable and bytes
// with no magic number are refused.
func TestExtractRefusesBinary(t *testing.T) {
	random := make([]byte, 4096) // every byte value but NUL, in turn: no magic number
	for i := range random {
		random[i] = byte(i*97%255) + 1
	}
	rnd := filepath.Join(t.TempDir(), "data.bin")
	os.WriteFile(rnd, random, 0o644)
	for _, f := range []string{os.Args[0], rnd} { // the test binary is an executable
		stdout, _, err := call(t, t.TempDir(), RunExtract, ExtractOptions{File: f})
		if err == nil || stdout != "" {
			t.Errorf("extract %s: %v, printed %d bytes; want a refusal", filepath.Base(f), err, len(stdout))
		}
	}
}
