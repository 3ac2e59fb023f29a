package indexer

import (
	"context"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

func TestLoaderRecordsAppliedSequence(t *testing.T) {
	ix, err := Open(t.TempDir()+"/index", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := benchDocs(120)
	load, err := ix.NewLoader(3)
	if err != nil {
		t.Fatal(err)
	}
	applied := 0
	load.Progress = func(n int, _ int64) { applied += n }
	for i := 0; i < len(docs); i += 10 {
		p, err := ix.Prepare(docs[i:i+10], uint64(i), uint64(i+10), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := load.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := load.Close(); err != nil {
		t.Fatal(err)
	}
	if seq, _ := ix.AppliedSeq(); seq != 120 || applied != 120 {
		t.Errorf("AppliedSeq = %d, progress %d; want 120, 120", seq, applied)
	}
	if n, _ := ix.DocCount(); n != 120 {
		t.Errorf("DocCount = %d, want 120", n)
	}
	t.Logf("before Compact: %d segments", rootSegments(t, ix))
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 120 {
		t.Errorf("DocCount after Compact = %d, want 120", n)
	}
	// Compact's promise is one segment in the index's snapshot. The files
	// of the merged-away segments are removed by scorch's persister when it
	// gets to it (Compact waits for that a bounded while, then returns):
	// counting files on disk measured the machine's load, not Compact.
	if n := rootSegments(t, ix); n != 1 {
		t.Errorf("after Compact the index's snapshot holds %d segments, want 1", n)
	}

	// A batch that does not continue the sequence is refused.
	load, err = ix.NewLoader(1)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := ix.Prepare(docs[:1], 121, 122, nil)
	if err := load.Add(p); err == nil || !strings.Contains(err.Error(), "sequence") {
		t.Errorf("Add of a batch after a gap: %v", err)
	}
	if err := load.Close(); err == nil {
		t.Error("Close after a refused batch: no error")
	}
	if seq, _ := ix.AppliedSeq(); seq != 120 {
		t.Errorf("AppliedSeq after a refused batch = %d, want 120", seq)
	}
}

// rootSegments is the number of segments in the snapshot ix searches now.
func rootSegments(t *testing.T, ix *Index) int {
	t.Helper()
	in, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := in.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader is %T, not a scorch snapshot", r)
	}
	return len(snap.Segments())
}
