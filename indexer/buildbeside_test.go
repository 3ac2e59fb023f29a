package indexer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/vanban/vanban/indexer"
)

// TestBuildWhileMerging: the work a build runs beside its last merges
// (ingest's compaction of the store) runs once, after the store's last
// read of the batches, and the build returns only after it; the index is
// the same as without it. Under -race a read of the store while the
// compaction swaps its file is reported. The hook's error fails the build
// and leaves the index at the path as it was; a cancel during it stops
// the build with the context's error.
func TestBuildWhileMerging(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	put(t, store, buildDocs(600, 3)) // every 40th long: read again after the hook
	plain := filepath.Join(dir, "plain")
	if _, err := indexer.Build(ctx, plain, store, indexer.BuildOptions{Workers: 2, BatchDocs: 50, MergeMax: 3}); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	compacted := filepath.Join(dir, "compacted")
	st, err := indexer.Build(ctx, compacted, store, indexer.BuildOptions{Workers: 2, BatchDocs: 50, MergeMax: 3,
		WhileMerging: func(ctx context.Context) error {
			calls.Add(1)
			_, _, err := store.Compact(ctx)
			return err
		}})
	if err != nil || calls.Load() != 1 {
		t.Fatalf("Build with the compaction beside its merges: %v (%d calls, want 1)", err, calls.Load())
	}
	if st.Indexed != 600+len(buildDocs(0, 3)) {
		t.Errorf("indexed %d documents", st.Indexed)
	}
	a, b := open(t, plain), open(t, compacted)
	sameIndex(t, "compacted beside the merges", a, b, buildQueries(), store)

	for _, tc := range []struct {
		name string
		hook func(ctx context.Context, cancel func()) error
		want func(error) bool
	}{
		{"fails", func(context.Context, func()) error { return errors.New("the disk is full") },
			func(err error) bool { return err != nil && strings.Contains(err.Error(), "the disk is full") }},
		{"cancelled", func(ctx context.Context, cancel func()) error { cancel(); <-ctx.Done(); return ctx.Err() },
			func(err error) bool { return errors.Is(err, context.Canceled) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			var returned atomic.Bool
			_, err := indexer.Build(ctx, plain, store, indexer.BuildOptions{Workers: 2, BatchDocs: 50, MergeMax: 3,
				WhileMerging: func(ctx context.Context) error {
					defer returned.Store(true)
					return tc.hook(ctx, cancel)
				}})
			if !tc.want(err) || !returned.Load() {
				t.Fatalf("Build: %v (the hook returned before it: %v)", err, returned.Load())
			}
			if _, err := os.Stat(plain + ".build"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the failed build's directory is left: %v", err)
			}
			if n, err := a.DocCount(); err != nil || n == 0 {
				t.Errorf("the index at the path after a failed build: %d documents, %v", n, err)
			}
		})
	}
}

// TestBuildFullLevelWaits: a merge level that is full when the last batch
// arrives is not merged on its own first but goes into the final merge
// as it is: nine batches, three at a time, are merged by two merges of
// three and a final one of five (two merged, three batches), not by
// three merges of three and a final one of three; the index is the same
// as one batch of every document.
func TestBuildFullLevelWaits(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, _ := shortDocsStore(t, dir) // 400 documents
	one := filepath.Join(dir, "one")
	if _, err := indexer.Build(ctx, one, store, indexer.BuildOptions{Workers: 1, BatchDocs: 1000}); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	levels := filepath.Join(dir, "levels")
	if _, err := indexer.Build(ctx, levels, store, indexer.BuildOptions{Workers: 2, BatchDocs: 45, MergeMax: 3,
		Log: slog.New(slog.NewJSONHandler(&logged, nil))}); err != nil {
		t.Fatal(err)
	}
	var merged struct{ Merges, Inputs, Segments int }
	for line := range strings.Lines(logged.String()) {
		if strings.Contains(line, `"merges"`) {
			if err := json.Unmarshal([]byte(line), &merged); err != nil {
				t.Fatal(err)
			}
		}
	}
	if merged.Merges != 3 || merged.Inputs != 3+3+5 || merged.Segments != 1 {
		t.Errorf("merges of nine batches three at a time: %+v, want 3 merges of 11 inputs into 1 segment", merged)
	}
	sameIndex(t, "a full level in the final merge", open(t, one), open(t, levels), buildQueries(), store)
}
