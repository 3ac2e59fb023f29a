package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"

	"github.com/vanban/vanban/internal/childtest"
)

// TestBuildSyncsInstalledSegments: every segment a build installs is
// synced before the index's root names it, as zap's Persist synced a
// batch's segment (a build of one batch installs that batch's file
// unmerged). Run under strace, which shows each fsync's file; skipped
// without strace.
func TestBuildSyncsInstalledSegments(t *testing.T) {
	if dir := os.Getenv("VANBAN_SYNC_HELPER"); dir != "" {
		installOneBatch(t, dir)
		return
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		skipOutsideCI(t, "no strace (apt-get install -y strace; .ci/run installs it)")
	}
	dir := t.TempDir()
	trace := filepath.Join(dir, "trace")
	cmd := exec.Command(strace, "-f", "-y", "-e", "trace=fsync,fdatasync", "-o", trace,
		os.Args[0], "-test.run=^TestBuildSyncsInstalledSegments$")
	cmd.Env = append(os.Environ(), "VANBAN_SYNC_HELPER="+dir)
	if out, err := childtest.Output(t, cmd); err != nil {
		skipOutsideCI(t, fmt.Sprintf("strace cannot run the test: %v\n%s", err, out))
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	// the file as written or as installed
	batch, seg := filepath.Join(dir, "build", "b00000000.zap"), filepath.Join(dir, "store", "000000000002.zap")
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "sync(") && (strings.Contains(line, batch+">") || strings.Contains(line, seg+">")) {
			return
		}
	}
	t.Fatalf("the installed segment %s was never synced; fsyncs:\n%s", seg, data)
}

// installOneBatch writes one batch's segment and installs it in dir/store,
// as a build of one batch does.
func installOneBatch(t *testing.T, dir string) {
	w, done := newSegWriter(context.Background(), filepath.Join(dir, "build"), 2, 0, slog.New(slog.DiscardHandler))
	defer done()
	w.zapBatches = os.Getenv("VANBAN_SYNC_ZAP") != ""
	if err := os.MkdirAll(w.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	docs := edgeDocs(3, func(i int, d *document.Document) {
		d.AddField(document.NewTextFieldCustom("t", nil, []byte("nghị định"), 1, nil))
	})
	if err := w.writeBatch(0, docs); err != nil {
		t.Fatal(err)
	}
	if err := w.install([]string{w.batchPath(0)}, filepath.Join(dir, "store"), nil); err != nil {
		t.Fatal(err)
	}
}

// skipOutsideCI skips the test with why, or fails it under CI=true, where
// .ci/run installs the tools the tests need.
func skipOutsideCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}
