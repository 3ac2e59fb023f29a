package indexer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// sameSegmentFiles fails unless the index directories a and b (an
// index's store directory) hold the same segment files, byte for byte
// after canonicalSegment (zap writes each field's section addresses in
// map order, in its merges too).
func sameSegmentFiles(t testing.TB, a, b string) {
	t.Helper()
	list := func(dir string) []string {
		names, err := filepath.Glob(filepath.Join(dir, "*.zap"))
		if err != nil {
			t.Fatal(err)
		}
		for i := range names {
			names[i] = filepath.Base(names[i])
		}
		slices.Sort(names)
		return names
	}
	na, nb := list(a), list(b)
	if !slices.Equal(na, nb) || len(na) == 0 {
		t.Fatalf("segment files differ: %s %v, %s %v", a, na, b, nb)
	}
	for _, name := range na {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(canonicalSegment(t, x), canonicalSegment(t, y)) {
			t.Errorf("%s differs: %d bytes in %s, %d in %s", name, len(x), a, len(y), b)
			continue
		}
		t.Logf("%s the same (%d bytes)", name, len(x))
	}
}

// TestBuildSameWithZapBatches: a build whose batch segments our writer
// writes (segwrite.go) and our merge merges (segmerge.go) gives the index
// that the build writing them with zap's New and Persist and merging them
// with zap's Merge gives: the same segment files, merged and kept, byte
// for byte (canonicalSegment). TestBuildSameAsOnline
// compares the built index's rankings and scores with the online path's.
func TestBuildSameWithZapBatches(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	dir := t.TempDir()
	store, err := corpus.OpenStore(filepath.Join(dir, "data"), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// documents longer than BuildMaxDocBytes are added online after
	// the build, into segments that scorch's own timing names and
	// merges: left out, the build is deterministic
	var docs []*corpus.Document
	for _, d := range append(segDemoDocs(), segGenDocs(n, 9)...) {
		if docBytes(d) <= BuildMaxDocBytes {
			docs = append(docs, d)
		}
	}
	if len(docs) < n*3/4 {
		t.Fatalf("only %d of %d documents short enough for the builder", len(docs), n)
	}
	for i := 0; i < len(docs); i += 300 {
		if _, err := store.PutBatch(docs[i:min(i+300, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		opts BuildOptions
	}{
		{"merged into one", BuildOptions{BatchDocs: 100, MergeMax: 4}},
		{"kept segments", BuildOptions{BatchDocs: 100, MergeMax: 5, FinalMergeDocs: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ours, theirs := tc.opts, tc.opts
			theirs.zapBatches = true
			a, b := filepath.Join(dir, tc.name, "ours"), filepath.Join(dir, tc.name, "zap")
			if _, err := Build(context.Background(), a, store, ours); err != nil {
				t.Fatal(err)
			}
			if _, err := Build(context.Background(), b, store, theirs); err != nil {
				t.Fatal(err)
			}
			sameSegmentFiles(t, filepath.Join(a, "store"), filepath.Join(b, "store"))
		})
	}
}

// TestSameIndexFiles compares the segment files of two index
// directories named by VANBAN_SEGCMP_A and VANBAN_SEGCMP_B (their store
// directories: a 100k ingest by main's binary and by this one,
// docs/log/i21-segw.md).
func TestSameIndexFiles(t *testing.T) {
	a, b := os.Getenv("VANBAN_SEGCMP_A"), os.Getenv("VANBAN_SEGCMP_B")
	if a == "" || b == "" {
		t.Skip("VANBAN_SEGCMP_A and VANBAN_SEGCMP_B name no index directories")
	}
	sameSegmentFiles(t, a, b)
}
