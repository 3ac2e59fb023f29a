package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/internal/storetest"
)

// fillStore writes n documents of about 1.5 KB (a docs bucket of a few
// levels) in one transaction, and closes the store.
func fillStore(t *testing.T, dir string, n int) []*Document {
	t.Helper()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := make([]*Document, n)
	for i := range docs {
		docs[i] = &Document{URL: fmt.Sprintf("https://sotuphap.example.gov.vn/tin/%04d.html", i),
			Title:     fmt.Sprintf("Kế hoạch số %d/KH-UBND về cải cách hành chính năm 2024", i+1),
			Body:      strings.Repeat(fmt.Sprintf("Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành triển khai nhiệm vụ %d. ", i), 14),
			Published: "2024-03-15"}
	}
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if err := s.PutKV("crawler/url", "https://sotuphap.example.gov.vn/tin/0000.html", []byte(`{"doc_id":"x"}`)); err != nil {
		t.Fatal(err)
	}
	return docs
}

func storeFile(dir string) string { return filepath.Join(dir, "store.db") }

// laterLeaf is a documents leaf that the check at open does not read (not
// the first under its branch).
func laterLeaf(t *testing.T, dir string) uint64 {
	t.Helper()
	leaves := storetest.DocLeaves(t, storeFile(dir))
	if len(leaves) < 3 {
		t.Fatalf("only %d document leaves", len(leaves))
	}
	return leaves[len(leaves)/2].ID
}

// TestDamagedLeaf: a leaf overwritten on disk. Before the guard, Count
// panicked ("Page expected to be…") and Put wrote into the damaged tree.
func TestDamagedLeaf(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, path string, id uint64)
	}{
		{"misnamed", func(t *testing.T, path string, id uint64) { storetest.MisnamePage(t, path, id) }},
		{"element outside the mapping", func(t *testing.T, path string, id uint64) {
			var b [4]byte
			binary.LittleEndian.PutUint32(b[:], 0x7fff0000) // pos of element 0
			storetest.Overwrite(t, path, id, 16+4, b[:])
		}},
		{"garbage", func(t *testing.T, path string, id uint64) {
			junk := []byte(strings.Repeat("\xff\x13\x00\x7f", 1024))
			storetest.Overwrite(t, path, id, 0, junk)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fillStore(t, dir, 300)
			path := storeFile(dir)
			tc.damage(t, path, laterLeaf(t, dir))

			s, err := OpenStore(dir, true, time.Second)
			if err != nil {
				t.Fatalf("open read-only (damage not on the skeleton): %v", err)
			}
			_, _, err = s.Count()
			var d *DamageError
			if !errors.As(err, &d) || !errors.Is(err, ErrDamaged) {
				t.Fatalf("Count on a damaged store: %v, want a *DamageError", err)
			}
			for _, want := range []string{path, "vanban store salvage", "vanban check"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			t.Logf("Count: %v", err)
			if s.Damage() == nil {
				t.Error("Damage() = nil after damage was found")
			}
			s.Close()
			if _, err := os.Stat(path + ".damaged"); err != nil {
				t.Errorf("no damage mark: %v", err)
			}
			before, _ := os.ReadFile(path)
			if _, err := OpenStore(dir, false, time.Second); !errors.Is(err, ErrDamaged) {
				t.Fatalf("read-write open of a store marked damaged: %v, want ErrDamaged", err)
			}
			s, err = OpenStore(dir, true, time.Second)
			if err != nil {
				t.Fatalf("read-only open of a marked store: %v", err)
			}
			defer s.Close()
			if _, err := s.Put(&Document{URL: "https://x.example/1", Title: "t", Body: "b"}); !errors.Is(err, ErrDamaged) {
				t.Errorf("Put into a marked store: %v, want ErrDamaged", err)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Error("the damaged store file changed")
			}
		})
	}
}

// TestDamageFoundAtOpen: damage to the pages the open check reads (a
// branch, the root bucket, both meta pages) refuses the open.
func TestDamageFoundAtOpen(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		damage     func(t *testing.T, path string)
	}{
		{"branch flags", "not a branch or leaf", func(t *testing.T, path string) {
			for _, p := range storetest.Pages(t, path) {
				if p.Flags == storetest.Branch {
					storetest.Overwrite(t, path, p.ID, 8, []byte{0x40, 0})
					return
				}
			}
			t.Fatal("no branch page")
		}},
		{"first leaf misnamed", "identifies as", func(t *testing.T, path string) {
			storetest.MisnamePage(t, path, firstLeaf(t, path))
		}},
		{"both meta pages", "meta pages", func(t *testing.T, path string) {
			storetest.Overwrite(t, path, 0, 16+16, []byte{1, 2, 3, 4})
			storetest.Overwrite(t, path, 1, 16+16, []byte{1, 2, 3, 4})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fillStore(t, dir, 300)
			tc.damage(t, storeFile(dir))
			for _, ro := range []bool{true, false} {
				_, err := OpenStore(dir, ro, time.Second)
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("OpenStore(readOnly %v) = %v, want ErrDamaged saying %q", ro, err, tc.want)
				}
			}
		})
	}
}

// firstLeaf is the documents leaf holding the smallest IDs, the one the
// open check reads under the root branch.
func firstLeaf(t *testing.T, path string) uint64 {
	t.Helper()
	f := testBoltFile(t, path)
	bs, err := f.buckets()
	if err != nil {
		t.Fatal(err)
	}
	id := bs["docs"].root
	for {
		p, err := f.page(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.flags == boltLeaf {
			return id
		}
		_, _, id, _ = p.elem(0)
	}
}

// testBoltFile opens the store file at path with the tolerant reader.
func testBoltFile(t *testing.T, path string) *boltFile {
	t.Helper()
	fh, size, err := openSized(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fh.Close() })
	f, err := openBoltFile(fh, size)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestOneMetaPageTorn: a torn write of the last meta page is bbolt's crash
// recovery (the other meta is used), not damage.
func TestOneMetaPageTorn(t *testing.T) {
	dir := t.TempDir()
	fillStore(t, dir, 20)
	storetest.Overwrite(t, storeFile(dir), 0, 16+56, []byte{9, 9, 9, 9})
	s, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatalf("one bad meta page: %v", err)
	}
	s.Close()
}

// pageKeys returns the keys held by page id of the store file.
func pageKeys(t *testing.T, path string, id uint64) []string {
	t.Helper()
	p, err := testBoltFile(t, path).page(id)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i := range p.count {
		k, _, _, _ := p.elem(i)
		keys = append(keys, string(k))
	}
	return keys
}

func TestCheckAndSalvage(t *testing.T) {
	dir := t.TempDir()
	docs := fillStore(t, dir, 300)
	path := storeFile(dir)
	ctx := context.Background()

	rep, err := CheckStore(ctx, dir)
	if err != nil || !rep.OK() || rep.Documents != 300 || rep.KV != 1 {
		t.Fatalf("check of a sound store: %+v, %v", rep, err)
	}
	leaf := laterLeaf(t, dir)
	lost := pageKeys(t, path, leaf)
	storetest.MisnamePage(t, path, leaf)

	rep, err = CheckStore(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problems[0], fmt.Sprintf("page %d: page identifies as", leaf)) ||
		!strings.Contains(rep.Problems[0], fmt.Sprintf("keys lost: from %q", lost[0])) {
		t.Fatalf("check of a damaged store: %q", rep.Problems)
	}
	if rep.Documents != 300-len(lost) {
		t.Errorf("check read %d documents, want %d", rep.Documents, 300-len(lost))
	}
	if _, err := OpenStore(dir, false, time.Second); !errors.Is(err, ErrDamaged) {
		t.Errorf("check did not mark the store: open for writing = %v", err)
	}

	srep, err := Salvage(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := dir
	if _, err := os.Stat(srep.Kept); err != nil || srep.Kept == path {
		t.Errorf("the damaged file is not kept: %q, %v", srep.Kept, err)
	}
	if _, err := os.Stat(path + ".damaged"); !os.IsNotExist(err) {
		t.Errorf("the damage mark is still there: %v", err)
	}
	var left []string
	if ents, _ := os.ReadDir(dir); true {
		for _, e := range ents {
			left = append(left, filepath.Join(dir, e.Name()))
		}
	}
	if want := []string{srep.Report, path, srep.Kept}; !slices.Equal(left, want) {
		t.Errorf("left in the data directory: %v (want the report, store.db and the kept file: %v)", left, want)
	}
	if kept, err := ReadSalvageReport(srep.Report); err != nil || !reflect.DeepEqual(kept, srep) {
		t.Errorf("the report kept beside the store: %+v, %v; want %+v", kept, err, srep)
	}
	if srep.Documents != 300-len(lost) || srep.KV != 1 || len(srep.Lost) != 1 {
		t.Errorf("salvage: %d documents, %d state values, lost %q; want %d, 1, one damaged page", srep.Documents, srep.KV, srep.Lost, 300-len(lost))
	}
	if strings.Join(srep.LostIDs, " ") != strings.Join(lost, " ") {
		t.Errorf("lost IDs %v, want the damaged page's %v", srep.LostIDs, lost)
	}
	s, err := OpenStore(out, false, time.Second)
	if err != nil {
		t.Fatalf("open the salvaged store: %v", err)
	}
	for _, d := range docs {
		if slices.Contains(lost, d.ID) {
			continue
		}
		if got, err := s.Get(d.ID); err != nil || got.Body != d.Body || got.Hash != d.Hash || got.Published != d.Published {
			t.Fatalf("salvaged %s: %v, %+v", d.ID, err, got)
		}
	}
	if v, _ := s.GetKV("crawler/url", "https://sotuphap.example.gov.vn/tin/0000.html"); string(v) != `{"doc_id":"x"}` {
		t.Errorf("crawl state not salvaged: %q", v)
	}
	s.Close()
	if rep, err := CheckStore(ctx, out); err != nil || !rep.OK() {
		t.Errorf("the salvaged store does not check clean: %+v %v", rep, err)
	}
}

// TestCheckClearsMark: a mark left by a false alarm (the store checks
// clean) is removed by the check, and writing is allowed again.
func TestCheckClearsMark(t *testing.T) {
	dir := t.TempDir()
	fillStore(t, dir, 5)
	markDamaged(&DamageError{Path: storeFile(dir), Found: time.Now(), Detail: "test"})
	if _, err := OpenStore(dir, false, time.Second); !errors.Is(err, ErrDamaged) {
		t.Fatalf("marked store opened for writing: %v", err)
	}
	rep, err := CheckStore(context.Background(), dir)
	if err != nil || !rep.OK() || !rep.Cleared {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatalf("open after a clean check: %v", err)
	}
	s.Close()
}

// FuzzBoltFile: the tolerant reader never panics, whatever the bytes. The
// seed is a small bbolt file (512-byte pages: a short input fuzzes fast)
// with a branch, leaves, an overflow value and an inline bucket.
func FuzzBoltFile(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.db")
	db, err := bolt.Open(path, 0o644, &bolt.Options{PageSize: 512})
	if err != nil {
		f.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		docs, _ := tx.CreateBucket([]byte("docs"))
		for i := range 12 {
			docs.Put(fmt.Appendf(nil, "%016x", i), fmt.Appendf(nil, `{"id":"%016x","body":"Điều %d."}`, i, i))
		}
		docs.Put([]byte("big"), bytes.Repeat([]byte("Khoản 1. "), 80))
		kv, _ := tx.CreateBucket([]byte("kv"))
		return kv.Put([]byte("ns\x00k"), []byte("v"))
	})
	db.Close()
	if err != nil {
		f.Fatal(err)
	}
	seed, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	bf, err := openBoltFile(bytes.NewReader(seed), int64(len(seed)))
	if err != nil {
		f.Fatal(err)
	}
	seed = seed[:bf.meta.hwm*uint64(bf.meta.pageSize)] // the pages in use
	f.Add(seed, 0, byte(0))
	f.Add(seed, 512*3+20, byte(0xff))
	f.Fuzz(func(t *testing.T, b []byte, at int, x byte) {
		if at >= 0 && at < len(b) {
			b[at] ^= x
		}
		bf, err := openBoltFile(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		bf.checkFreelist()
		bs, _ := bf.buckets()
		for _, ref := range bs {
			for _, skeleton := range []bool{false, true} {
				w := newWalker(bf, skeleton)
				w.walkBucket(ref)
			}
		}
	})
}

// BenchmarkOpenCheck measures the check OpenStore runs on a store of
// 20,000 documents of 1.5 KB (about 40 MB): pages read and time per open.
//
//	go test ./corpus -run '^$' -bench OpenCheck -count 6 | benchstat /dev/stdin
func BenchmarkOpenCheck(b *testing.B) {
	dir := b.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		docs := make([]*Document, 1000)
		for j := range docs {
			n := i*1000 + j
			docs[j] = &Document{URL: fmt.Sprintf("https://portal.example.gov.vn/tin/%d.html", n), Title: fmt.Sprintf("Kế hoạch số %d/KH-UBND", n),
				Body: strings.Repeat(fmt.Sprintf("Giao các sở, ngành triển khai nhiệm vụ %d đúng tiến độ. ", n), 24)}
		}
		if _, err := s.PutBatch(docs); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	fi, _ := os.Stat(storeFile(dir))
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		if pages, err = quickCheck(storeFile(dir)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages-read")
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
}
