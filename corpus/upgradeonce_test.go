package corpus

import (
	"os"
	"strconv"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	bolt "go.etcd.io/bbolt"
)

// upgradedAtOnce is the store file raw upgraded from format was in ONE
// transaction, as before the upgrade in batches (upgradeOnce: the graph
// rebuilt in place, every live record touched, the stamp, the format's
// passes), dumped: the reference the batched upgrade must equal.
func upgradedAtOnce(t *testing.T, raw []byte, was string) map[string]string {
	t.Helper()
	path := storeFile(t.TempDir())
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: &guardedDB{DB: db, path: path}, path: path, cache: link.NewCache(storeCacheParents)}
	defer s.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		c, err := loadCodec(tx, nil)
		if err != nil {
			return err
		}
		s.codec.Store(c)
		return s.upgradeOnce(tx, c, was, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dumpStore(t, s)
}

// TestUpgradeBatchedIsOnce: the upgrade in batches (the graph built into
// the staging bucket and swapped in, the renumbering after the swap, both
// walks) ends at exactly the buckets the one-transaction upgrade makes,
// for any batch: records, sequences, graph and its counts, task marks,
// meta; no staging bucket or upgrading mark left.
func TestUpgradeBatchedIsOnce(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src) // format 6, an older graph, a retired import
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	want := upgradedAtOnce(t, raw, "6")
	if want["meta/version"] != "7" {
		t.Fatalf("premise: the one-transaction upgrade ends at format %q", want["meta/version"])
	}
	for _, batch := range []int{97, 5000} {
		dir := t.TempDir()
		if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(t.Context(), dir, OpenOptions{batch: batch})
		if err != nil {
			t.Fatal(err)
		}
		got := dumpStore(t, s)
		s.Close()
		sameDump(t, "batches of "+strconv.Itoa(batch), got, want)
	}
}
