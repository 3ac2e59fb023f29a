package corpus

import (
	"bytes"
	"context"
	"maps"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// snapshotBucket copies the keys and values of a bucket.
func snapshotBucket(t *testing.T, s *Store, name []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(name).ForEach(func(k, v []byte) error {
			out[string(k)] = bytes.Clone(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRelationCountsOtherGraph: a store whose graph another version wrote
// is read, opened read-only, without the counts it holds. A binary of an
// older graph version rebuilds the graph it knows (relto, relfrom …) when
// it opens the store to write and writes edges without counting them; the
// rellink and relcount buckets, which it does not know, stay as the newer
// binary left them. Read with those counts, a group's total is stale and
// its pages stop at the stale count.
func TestRelationCountsOtherGraph(t *testing.T) {
	const n = 30
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(groupDocs(n)); err != nil {
		t.Fatal(err)
	}
	links, groups := snapshotBucket(t, s, graphRelLink), snapshotBucket(t, s, graphRelCount)
	// what the older binary wrote after it: ten more documents based on 1579
	more := groupDocs(n + 10)[n+1 : n+11]
	if _, err := s.PutBatch(more); err != nil {
		t.Fatal(err)
	}
	kept := snapshotGraph(t, s) // what a rebuild on open must give again
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, x := range []struct {
			name []byte
			kv   map[string][]byte
		}{{graphRelLink, links}, {graphRelCount, groups}} {
			if err := tx.DeleteBucket(x.name); err != nil {
				return err
			}
			b, err := tx.CreateBucket(x.name)
			if err != nil {
				return err
			}
			for k, v := range x.kv {
				if err := b.Put([]byte(k), v); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	ro, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ro.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if g.Total != n+10 || len(g.Links) != n+10 {
		t.Errorf("read-only, graph of another version: %d links of %d, want %d", len(g.Links), g.Total, n+10)
	}
	ro.Close()

	// opened to write, the graph is rebuilt with its counts
	s, err = OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkRebuilt(t, s, "rebuilt")
	sameGraph(t, kept, snapshotGraph(t, s), "rebuilt on open")
	g, err = s.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 0, 100)
	if err != nil || g.Total != n+10 || len(g.Links) != n+10 {
		t.Errorf("rebuilt: %d links of %d, %v; want %d", len(g.Links), g.Total, err, n+10)
	}
}

// TestRelationCountsNoRebuild: a store whose graph has this version and
// its counts is not rebuilt when opened to write again (a rebuild at
// every open would read every document).
func TestRelationCountsNoRebuild(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(groupDocs(5)); err != nil {
		t.Fatal(err)
	}
	// a mark a rebuild would drop with its bucket
	mark := []byte("i\x00mark")
	err = s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(graphRelCount).Put(mark, []byte{1}) })
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		s.Close()
		if s, err = OpenStore(dir, false, time.Second); err != nil {
			t.Fatal(err)
		}
		err = s.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(graphRelCount).Get(mark) == nil {
				t.Errorf("open %d rebuilt the graph", i+1)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
}

// snapshotGraph copies the graph's edges and counts (relto, relfrom,
// rellink, relcount).
func snapshotGraph(t *testing.T, s *Store) map[string]map[string][]byte {
	t.Helper()
	out := map[string]map[string][]byte{}
	for _, name := range [][]byte{graphRelTo, graphRelFrom, graphRelLink, graphRelCount} {
		out[string(name)] = snapshotBucket(t, s, name)
	}
	return out
}

// sameGraph wants two snapshots of the graph equal.
func sameGraph(t *testing.T, want, got map[string]map[string][]byte, when string) {
	t.Helper()
	for name, kv := range want {
		if !maps.EqualFunc(kv, got[name], bytes.Equal) {
			t.Errorf("%s: bucket %s: %d entries, want %d (or values differ)", when, name, len(got[name]), len(kv))
		}
	}
}
