package app

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// TestRefsStaleGraph (i27-rev-numkey): `vanban refs` on a data directory
// whose citation graph another version built (a store written by the
// binary before graph.Version changed the number's key: "25/SXD.QLN" was
// 25/sxd-qln there) reads it as it is, a read-only open rebuilding
// nothing, so its numbers and citers can disagree with the search, which
// reads the index; it says so on stderr, naming `vanban index`, and is
// quiet once a read-write open rebuilt the graph.
func TestRefsStaleGraph(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 5)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	db, err := bolt.Open(filepath.Join(data, "store.db"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
	const warn = "citation graph was built by another version"
	for _, arg := range []string{"154/NQ-CP", "25/SXD.QLN"} {
		_, stderr, err := call(t, data, RunRefs, RefsOptions{Arg: arg})
		if err != nil || !strings.Contains(stderr, warn) || !strings.Contains(stderr, "vanban index") {
			t.Errorf("refs %s of an older graph: %v; stderr %q, want a warning naming `vanban index`", arg, err, stderr)
		}
	}
	s, err := corpus.OpenStore(data, false, time.Second) // rebuilds the graph
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunRefs, RefsOptions{Arg: "154/NQ-CP"}); err != nil || strings.Contains(stderr, warn) {
		t.Errorf("refs after the rebuild: %v; stderr %q, want no warning", err, stderr)
	}
}
