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
// once are safe (-race, and the documents stay whole).
func TestReleaseMapped(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := genDocs(11, 4000)
	for i := 0; i < len(docs); i += 500 {
		if _, err := s.PutBatch(docs[i : i+500]); err != nil {
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
	more := genDocs(12, 1500)
	for i := 0; i < len(more); i += 300 {
		if _, err := s.PutBatch(more[i : i+300]); err != nil {
			t.Fatal(err)
		}
		if got := readAll(); len(got) != len(want)+i+300 {
			t.Fatalf("%d documents read beside the releases, want %d", len(got), len(want)+i+300)
		}
	}
	close(stop)
	wg.Wait()
}
