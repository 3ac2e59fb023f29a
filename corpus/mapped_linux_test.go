package corpus

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// rssFileKB is the process's resident memory mapped from files, in kB.
func rssFileKB(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestReleaseMapped: the store's pages a reader of the whole store has
// mapped leave the resident memory, and the documents read afterwards are
// the same; reads, writes (which grow and remap the file) and releases at
// once are safe (-race, and the documents stay whole). The sizes are the
// least that check this: a store of 250 records (512 KB; the resident
// drop is measured against its size) which the writes beside the releases
// grow past the size bbolt mapped it at, so it is remapped under them
// (4,000 + 1,500 records before round 24: 246 s of CI at load 21–30).
func TestReleaseMapped(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := genDocs(11, 250)
	for i := 0; i < len(docs); i += 125 {
		if _, err := s.PutBatch(docs[i : i+125]); err != nil {
			t.Fatal(err)
		}
	}
	readAll := func() map[string]string {
		got := map[string]string{}
		if err := s.Changes(context.Background(), 0, func(d *Document) error { got[d.ID] = d.Body; return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	want := readAll()
	before := rssFileKB(t)
	if err := s.ReleaseMapped(); err != nil {
		t.Fatal(err)
	}
	after := rssFileKB(t)
	t.Logf("store %d bytes; resident file pages %d kB → %d kB", fi.Size(), before, after)
	if drop := int64(before-after) << 10; drop < fi.Size()/4 {
		t.Errorf("resident file pages %d kB → %d kB after the release: less than a quarter of the store's %d bytes", before, after, fi.Size())
	}
	if got := readAll(); len(got) != len(want) {
		t.Fatalf("after the release %d documents, before %d", len(got), len(want))
	} else {
		for id, body := range want {
			if got[id] != body {
				t.Fatalf("document %s differs after the release", id)
			}
		}
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := s.ReleaseMapped(); err != nil {
				t.Error(err)
				return
			}
		}
	})
	// Five batches beside the releases (as many as before round 24), and
	// more until the file has grown past the size bbolt mapped it at (a power of two of at least its size, doubling up
	// to 1 GB), so at least one remap happened under them. How far a
	// batch grows the file depends on the read transactions open beside
	// it; ten batches of 100 always do (1,250 records in all: under the
	// 2,000 at which the store trains its dictionary, a rewrite of every
	// record that would cost more than the rest of the test).
	mapped := mmapSize(fi.Size())
	more := genDocs(12, 1000)
	size, batches := fi.Size(), 0
	for i := 0; i < len(more) && (batches < 5 || size <= mapped); i += 100 {
		if _, err := s.PutBatch(more[i : i+100]); err != nil {
			t.Fatal(err)
		}
		batches++
		if got := readAll(); len(got) != len(want)+i+100 {
			t.Fatalf("%d documents read beside the releases, want %d", len(got), len(want)+i+100)
		}
		grown, err := os.Stat(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		size = grown.Size()
	}
	close(stop)
	wg.Wait()
	t.Logf("store %d → %d bytes in %d batches beside the releases (mapped at %d)", fi.Size(), size, batches, mapped)
	if size <= mapped {
		t.Errorf("the store grew %d → %d bytes beside the releases, within the %d bytes it was mapped at: no remap was checked", fi.Size(), size, mapped)
	}
}

// mmapSize is the smallest power of two of at least n bytes, at least
// 32 KB: the size bbolt maps a file of n bytes at, below 1 GB.
func mmapSize(n int64) int64 {
	m := int64(32 << 10)
	for m < n {
		m <<= 1
	}
	return m
}
