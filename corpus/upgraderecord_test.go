package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// TestUpgradeBadRecord: a progress record the resume cannot trust is not
// resumed, and the read-write open still upgrades the store: one whose
// end is past the store's last sequence (resumed, each touch moves a
// record to a sequence the walk reaches again: it never ended), one that
// is not JSON (the store could not be opened read-write again), one
// whose next is past its end, one naming a record to bring back that is
// not stored. Each ends at the uninterrupted upgrade's buckets.
func TestUpgradeBadRecord(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := Open(t.Context(), src, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, ref)
	ref.Close()

	ours := func(st upgradeState) []byte {
		st.Graph, st.Store = graph.Version, storeVersion
		raw, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	for _, tc := range []struct {
		name   string
		record []byte
	}{
		{"end past the last sequence", ours(upgradeState{Pass: passTouchSeqs, End: 1 << 40, Records: 2003})},
		{"end past, walk by ID", ours(upgradeState{Pass: passTouchIDs, End: 1 << 40, Records: 2003})},
		{"not JSON", []byte(`{"graph": 27, "pass": "touch by seq`)},
		{"next past the end", ours(upgradeState{Pass: passTouchSeqs, End: 3, Next: 1 << 40, Records: 2003})},
		{"a record to bring back not stored", ours(upgradeState{Pass: passFinish, End: 1 << 40, Next: 1 << 40, Records: 2003, Back: []string{"khong-co"}})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := bolt.Open(storeFile(dir), 0o644, nil)
			if err != nil {
				t.Fatal(err)
			}
			// under this binary's upgrading mark, as a kill leaves it: without
			// it the record is dropped unread and resumable never asked
			// (i29-rev-upgrade: the cases passed with its checks removed)
			err = db.Update(func(tx *bolt.Tx) error {
				meta := tx.Bucket(bucketMeta)
				return errors.Join(meta.Put([]byte("version"), []byte(upgradingFormat("6"))), meta.Put(metaUpgrade, tc.record))
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			s, err := Open(ctx, dir, OpenOptions{afterBatch: func(n int) {
				if n > 100 { // 2,003 records: 4 batches of the renumbering
					cancel()
				}
			}})
			if errors.Is(err, context.Canceled) {
				t.Fatal("the upgrade did not end in 100 transactions")
			}
			if err != nil {
				t.Fatalf("read-write open: %v", err)
			}
			defer s.Close()
			sameDump(t, tc.name, dumpStore(t, s), want)
		})
	}
}

// TestUpgradeForeignRecordKeepsBack: a format 6 store's upgrade by
// another binary (another graph.Version, this format) killed after its
// renumbering is begun again by this one, which takes the records to
// bring back from that binary's progress record: read again after the
// renumbering, the retired import's twin is newer than its tombstone and
// it would stay retired.
func TestUpgradeForeignRecordKeepsBack(t *testing.T) {
	dir := t.TempDir()
	upgradeSource(t, dir)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var last int
	probe := t.TempDir()
	upgradeSource(t, probe)
	ref, err := Open(t.Context(), probe, OpenOptions{batch: 500, afterBatch: func(n int) { last = n }})
	if err != nil {
		t.Fatal(err)
	}
	want := storeState(t, ref)
	ref.Close()
	_, err = Open(ctx, dir, OpenOptions{batch: 500, afterBatch: func(n int) {
		if n == last { // the renumbering done, the last batch of task marks not run
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled before the last transaction: %v", err)
	}
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		st, err := readUpgrade(tx)
		if err != nil {
			return err
		}
		if st == nil || st.Pass != passTasks || len(st.Back) != 1 {
			t.Fatalf("premise: progress record %+v, want the pass %q (after the renumbering) and one record to bring back", st, passTasks)
		}
		st.Graph = graph.Version - 1 // another binary's
		return st.put(tx)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := storeState(t, s)
	gone := func(state []string) int {
		n := 0
		for _, l := range state {
			if f := strings.Fields(l); len(f) > 2 && f[2] == "true" {
				n++
			}
		}
		return n
	}
	if g, w := gone(got), gone(want); g != w {
		t.Errorf("begun again after another binary's renumbering: %d tombstones, want %d (the retired import not brought back)", g, w)
	}
}
