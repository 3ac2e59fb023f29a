package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// dumpStore is every bucket, key, value and bucket sequence of s, nested
// buckets included.
func dumpStore(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		out[path+" #seq"] = fmt.Sprint(b.Sequence())
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(path+"/"+string(k), b.Bucket(k))
			}
			out[path+"/"+string(k)] = string(v)
			return nil
		})
	}
	if err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(string(name), b) })
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameDump(t *testing.T, when string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d entries, want %d", when, len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("%s: %q differs", when, k)
		}
	}
}

// bulkStore is a store at dir trained and filled in batches of 500
// documents (a bulk ingest's free pages), with a graph and tasks.
func bulkStore(t *testing.T, dir string) *Store {
	t.Helper()
	s := openTrainStore(t, dir)
	docs := genDocs(21, 2000)
	for i := 0; i < len(docs); i += 500 {
		if _, err := s.PutBatch(docs[i : i+500]); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestCompact: the compacted store holds the same buckets, keys, values
// and sequences in a smaller file, read back from disk, and takes writes
// in the new file; no copy is left beside it.
func TestCompact(t *testing.T) {
	dir := t.TempDir()
	s := bulkStore(t, dir)
	want := dumpStore(t, s)
	if len(want) < 4000 {
		t.Fatalf("only %d entries", len(want))
	}
	before, after, err := s.Compact(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if after >= before {
		t.Errorf("compacted %d → %d bytes", before, after)
	}
	if fi, err := os.Stat(s.Path()); err != nil || fi.Size() != after {
		t.Errorf("store.db: %v, %v; want %d bytes", fi, err, after)
	}
	if _, err := os.Stat(s.Path() + compactSuffix); !os.IsNotExist(err) {
		t.Errorf("the copy is left: %v", err)
	}
	sameDump(t, "compacted", dumpStore(t, s), want)
	extra := &Document{URL: "https://stnmt.example.gov.vn/moi", Title: "Quyết định mới", Body: "Ban hành quy chế tiếp công dân."}
	if _, err := s.Put(extra); err != nil {
		t.Fatal(err)
	}
	want = dumpStore(t, s)
	s.Close()
	s2 := openTestStore(t, dir)
	if _, err := s2.Get(extra.ID); err != nil {
		t.Errorf("the write after the compaction: %v", err)
	}
	sameDump(t, "reopened", dumpStore(t, s2), want)
}

// errAfter is a context whose Err is Canceled from its n-th call on.
type errAfter struct {
	context.Context
	n atomic.Int64
}

func (c *errAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestCompactInterrupted: a compaction stopped in the middle (its context
// ended halfway through the copy) leaves the store as it was and writable, and no copy beside it; a copy
// left by a crash in the middle is not read, and the next compaction
// replaces it.
func TestCompactInterrupted(t *testing.T) {
	dir := t.TempDir()
	s := bulkStore(t, dir)
	want := dumpStore(t, s)
	ctx := &errAfter{Context: context.Background()}
	ctx.n.Store(int64(len(want) / 2 / 256))
	if _, _, err := s.Compact(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted compaction: %v", err)
	}
	if _, err := os.Stat(s.Path() + compactSuffix); !os.IsNotExist(err) {
		t.Errorf("the copy is left: %v", err)
	}
	sameDump(t, "after the interruption", dumpStore(t, s), want)
	extra := &Document{URL: "https://stnmt.example.gov.vn/moi", Title: "Quyết định mới", Body: "Ban hành quy chế."}
	if _, err := s.Put(extra); err != nil {
		t.Fatal(err)
	}
	want = dumpStore(t, s)
	s.Close()

	// a crash in the middle: half a copy beside the store
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path()+compactSuffix, raw[:len(raw)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	s2 := openTestStore(t, dir)
	sameDump(t, "reopened beside half a copy", dumpStore(t, s2), want)
	if _, _, err := s2.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "compacted", dumpStore(t, s2), want)
	if _, err := os.Stat(s2.Path() + compactSuffix); !os.IsNotExist(err) {
		t.Errorf("the copy is left: %v", err)
	}
}

// TestCompactWaiter: a process that waited for the store's lock while it
// was compacted, once or several times over (each compaction replaces the
// file it waits on), opens the file the path names, never one unlinked
// under it: it sees what was written after the last compaction. The
// sleeps give the waiter time to hold the old file; without them the
// waiter opens the new file at once and the test passes as well.
func TestCompactWaiter(t *testing.T) {
	for _, tc := range []struct {
		name     string
		readOnly bool
		times    int
	}{
		{"once", false, 1},
		{"five times, read-only waiter", true, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := bulkStore(t, dir)
			opened := make(chan *Store, 1)
			go func() {
				w, err := OpenStore(dir, tc.readOnly, 20*time.Second)
				if err != nil {
					t.Error(err)
				}
				opened <- w
			}()
			time.Sleep(300 * time.Millisecond) // the waiter has the first file open
			for i := 0; i < tc.times; i++ {
				if _, _, err := s.Compact(context.Background()); err != nil {
					t.Fatal(err)
				}
				if tc.times > 1 {
					time.Sleep(200 * time.Millisecond) // the waiter takes the replaced file's lock and reopens
				}
			}
			extra := &Document{URL: "https://stnmt.example.gov.vn/moi", Title: "Quyết định sau lần nén cuối", Body: "Sửa đổi quy chế tiếp công dân của Sở Tài nguyên và Môi trường."}
			if _, err := s.Put(extra); err != nil {
				t.Fatal(err)
			}
			s.Close()
			w := <-opened
			if w == nil {
				return
			}
			defer w.Close()
			if _, err := w.Get(extra.ID); err != nil {
				t.Errorf("the waiter opened a replaced file: it misses the write after the last compaction: %v", err)
			}
		})
	}
}
