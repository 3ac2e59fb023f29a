package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// TestReadCommandsHalfUpgraded: a store an upgrade in batches left half
// done (i28-upgrade: meta "version" holds the upgrading mark, the graph
// perhaps already swapped in and stamped by this very binary) is served
// read-only, and GraphCurrent calls its graph stale. The warning must say
// what is so — the upgrade is half done, a read-write open finishes it —
// not that another version built the graph: this binary may have built
// it (i28-rev-refs). Both the mark of this binary's upgrade and that of
// an older binary's (graph.Version−1, which this binary begins again) are
// tried; `vanban check` says the same.
func TestReadCommandsHalfUpgraded(t *testing.T) {
	for _, g := range []int{graph.Version, graph.Version - 1} {
		t.Run(fmt.Sprint("graph ", g), func(t *testing.T) {
			data := t.TempDir()
			if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 3)}}); err != nil {
				t.Fatalf("ingest: %v: %s", err, stderr)
			}
			markHalfUpgraded(t, data, g)
			_, stderr, err := call(t, data, RunRefs, RefsOptions{Arg: "154/NQ-CP"})
			want := "vanban refs: warning: " + graphHalfRead + "\n"
			if err != nil || strings.Count(stderr, want) != 1 || strings.Contains(stderr, graphOther) {
				t.Errorf("refs on a half-upgraded store: %v; stderr %q, want once:\n%s", err, stderr, want)
			}
			stdout, _, err := call(t, data, RunCheck, CheckOptions{})
			if err != nil || !strings.Contains(stdout, graphHalf) || strings.Contains(stdout, graphOther) {
				t.Errorf("check on a half-upgraded store: %v; stdout %q, want %q", err, stdout, graphHalf)
			}
		})
	}
}

// markHalfUpgraded writes the upgrading mark an upgrade in batches to
// graph g leaves in meta "version" (corpus/upgradebatch.go's format:
// "WAS upgrading to format N, graph G (half done: …)").
func markHalfUpgraded(t *testing.T, data string, g int) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(data, "store.db"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		v := string(meta.Get([]byte("version")))
		return meta.Put([]byte("version"), fmt.Appendf(nil, "%s upgrading to format %s, graph %d (half done: open it read-write with the vanban that began it)", v, v, g))
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
}
