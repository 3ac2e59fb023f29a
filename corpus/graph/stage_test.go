package graph

import (
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// graphDump is every key and value of the root's graph buckets, and
// whether a staging bucket is left.
func graphDump(t *testing.T, s *testDB) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err := s.db.View(func(tx *bolt.Tx) error {
		for _, b := range graphBucketNames {
			bk := tx.Bucket(b)
			if bk == nil {
				return fmt.Errorf("no bucket %s", b)
			}
			if err := bk.ForEach(func(k, v []byte) error {
				out[string(b)+"/"+string(k)] = string(v)
				return nil
			}); err != nil {
				return err
			}
		}
		if HasStage(tx) {
			out["staging left"] = "yes"
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// stageDocs builds docs into a staging graph, batch documents a
// transaction (BeginStage in the first), each batch's tally flushed.
func stageDocs(t *testing.T, s *testDB, docs []tdoc, batch int) {
	t.Helper()
	s.update(BeginStage)
	for i := 0; i < len(docs); i += batch {
		s.update(func(tx *bolt.Tx) error {
			g, err := Staged(tx, s.c)
			if err != nil {
				return err
			}
			tl := NewTally()
			for _, d := range docs[i:min(i+batch, len(docs))] {
				v := d.entry()
				if err := g.Put(d.ID, &v, nil, tl, nil); err != nil {
					return err
				}
			}
			return g.Flush(tl)
		})
	}
}

// TestStageSwap: a graph built into the staging bucket over several
// transactions and swapped in is the graph one transaction's Put of the
// same documents builds (every bucket's keys and values, the counts
// included), whatever the batch; the graph at the root is the old one
// until the swap, and the staging bucket is gone after it.
func TestStageSwap(t *testing.T) {
	docs := append(append(append([]tdoc{}, edgeDocs...), groupDocs(7)...), amendDocs(5)...)
	ref := openTestDB(t)
	ref.put(docs...)
	want := graphDump(t, ref)
	if len(want) < 50 {
		t.Fatalf("premise: %d graph entries, want a graph of some size", len(want))
	}

	for _, batch := range []int{1, 3, len(docs)} {
		t.Run(fmt.Sprintf("batch %d", batch), func(t *testing.T) {
			s := openTestDB(t)
			old := []tdoc{refsCiting(3)} // the graph readers read until the swap
			s.put(old...)
			before := graphDump(t, s)
			stageDocs(t, s, docs, batch)
			if got := graphDump(t, s); len(got) != len(before)+1 || got["staging left"] != "yes" {
				t.Fatalf("before the swap: %d root entries (staging %q), want the old graph's %d and a staging bucket", len(got), got["staging left"], len(before))
			}
			s.update(Swap)
			got := graphDump(t, s)
			if len(got) != len(want) {
				t.Fatalf("swapped: %d entries, want %d", len(got), len(want))
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("swapped: %q differs", k)
				}
			}
		})
	}
}

// TestSwapAfterCommit: Swap's premise. bbolt's MoveBucket moves a bucket
// as its parent last stored it: what a transaction wrote into the staged
// graph before swapping it in is lost. (If bbolt ever keeps those writes,
// this test fails and the upgrade's extra transaction before the swap,
// corpus's graphStep, can go.)
func TestSwapAfterCommit(t *testing.T) {
	s := openTestDB(t)
	s.update(BeginStage)
	d := decisionA
	s.update(func(tx *bolt.Tx) error {
		g, err := Staged(tx, s.c)
		if err != nil {
			return err
		}
		v := d.entry()
		if err := g.Put(d.ID, &v, nil, NewTally(), nil); err != nil {
			return err
		}
		return Swap(tx)
	})
	if got := graphDump(t, s); got["refs/"+d.ID] != "" {
		t.Fatalf("a write swapped in its own transaction was kept (%d entries): Swap's comment and graphStep's extra transaction are out of date", len(got))
	}
}

// TestDropStage: BeginStage drops a half-built staging graph, so a build
// begun again starts empty; DropStage without one is a no-op.
func TestDropStage(t *testing.T) {
	s := openTestDB(t)
	s.update(DropStage)
	stageDocs(t, s, []tdoc{decisionA, decisionB}, 1)
	stageDocs(t, s, []tdoc{decisionB}, 1)
	s.update(Swap)
	got := graphDump(t, s)
	if got["refs/"+decisionA.ID] != "" || got["refs/"+decisionB.ID] == "" {
		t.Fatalf("refs after a build begun again: A %t, B %t; want B only", got["refs/"+decisionA.ID] != "", got["refs/"+decisionB.ID] != "")
	}
	if err := s.db.Update(Swap); err == nil {
		t.Fatal("Swap without a staging graph: no error")
	}
}
