package indexer_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/vanban/vanban/indexer"
)

// TestBuildLeavesNoScratch (i21-mergerev): the term lists written beside
// the build's segment files (segterms.go) are its scratch: none is left
// in the index a build installs, whether it merges every segment into one
// or keeps its merged segments; a build cancelled while it merges leaves
// neither its directory nor the index at the path changed; and the soft
// memory limit the merges lower is the process's again after a build,
// whether it succeeded, was cancelled or failed beside its merges.
func TestBuildLeavesNoScratch(t *testing.T) {
	const limit = 3 << 30
	old := debug.SetMemoryLimit(limit)
	defer debug.SetMemoryLimit(old)
	ctx := context.Background()
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	put(t, store, buildDocs(500, 21))
	scratch := func(t *testing.T, path string) []string {
		t.Helper()
		var left []string
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".terms") {
				left = append(left, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return left
	}
	for _, tc := range []struct {
		name string
		opts indexer.BuildOptions
	}{
		{"one segment", indexer.BuildOptions{Workers: 2, BatchDocs: 40, MergeMax: 3}},
		{"segments kept", indexer.BuildOptions{Workers: 2, BatchDocs: 40, MergeMax: 3, FinalMergeDocs: 100, KeepLevel: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if _, err := indexer.Build(ctx, path, store, tc.opts); err != nil {
				t.Fatal(err)
			}
			if left := scratch(t, path); len(left) > 0 {
				t.Errorf("term lists left in the index: %q", left)
			}
			if got := debug.SetMemoryLimit(-1); got != limit {
				t.Errorf("memory limit after the build %d, want %d", got, limit)
			}
			ix := open(t, path)
			if n, err := ix.DocCount(); err != nil || n == 0 {
				t.Fatalf("the index built: %d documents, %v", n, err)
			}
			// cancelled as its merges run: the index at the path stays
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			opts := tc.opts
			batches := 0
			opts.Progress = func(indexer.SyncStats) {
				if batches++; batches == 7 {
					cancel()
				}
			}
			if _, err := indexer.Build(cctx, path, store, opts); !errors.Is(err, context.Canceled) {
				t.Fatalf("a build cancelled as it merges: %v", err)
			}
			if _, err := os.Stat(path + ".build"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the cancelled build's directory is left: %v", err)
			}
			if got := debug.SetMemoryLimit(-1); got != limit {
				t.Errorf("memory limit after a cancelled build %d, want %d", got, limit)
			}
			// failed beside its merges
			opts.Progress = nil
			opts.WhileMerging = func(context.Context) error { return errors.New("no space left") }
			if _, err := indexer.Build(ctx, path, store, opts); err == nil {
				t.Fatal("a build whose work beside the merges failed succeeded")
			}
			if got := debug.SetMemoryLimit(-1); got != limit {
				t.Errorf("memory limit after a failed build %d, want %d", got, limit)
			}
			if n, err := ix.DocCount(); err != nil || n == 0 {
				t.Errorf("the index at the path after the failed builds: %d documents, %v", n, err)
			}
		})
	}
}
