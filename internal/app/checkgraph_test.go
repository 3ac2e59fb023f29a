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

// TestCheckStaleGraph: `vanban check` says when the index's effect spans
// may be stale — a store whose graph another version built (served as it
// is by read-only commands), then, once a read-write open rebuilt it, the
// documents it moved to new sequences as changes the index lacks — and is
// quiet after `vanban index`.
func TestCheckStaleGraph(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 20)}}); err != nil {
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
	stdout, _, err := call(t, data, RunCheck, CheckOptions{})
	if err != nil || !strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "up to date") {
		t.Errorf("check of an older graph: %v\n%s", err, stdout)
	}
	s, err := corpus.OpenStore(data, false, time.Second) // rebuilds the graph
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, _, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil || strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "20 changes behind the store") {
		t.Errorf("check after the rebuild: %v\n%s", err, stdout)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	stdout, _, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil || strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "up to date") {
		t.Errorf("check after index: %v\n%s", err, stdout)
	}
}
