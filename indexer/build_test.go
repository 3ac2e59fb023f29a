package indexer_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// buildDocs are the demo portal's articles and n documents made of its
// sentences, with types, numbers, dates and issuers; every 40th is longer
// than indexer.BuildMaxDocBytes (added after the builder, online).
func buildDocs(n int, seed uint64) []*corpus.Document {
	ss := demo.Sentences()
	rng := rand.New(rand.NewPCG(seed, 21))
	types := []string{"", "", "Nghị quyết", "Kế hoạch", "Quyết định"}
	var docs []*corpus.Document
	if seed == 1 {
		for _, a := range demo.Articles() {
			docs = append(docs, &corpus.Document{URL: "http://demo.test" + a.Path, Title: a.Title, Body: a.Body, Type: a.Type,
				Number: a.Number, Published: a.Published, Issuer: a.Issuer, Site: "demo.test"})
		}
	}
	for i := range n {
		var body strings.Builder
		paras := 2 + rng.IntN(10)
		if i%40 == 7 {
			paras = 120
		}
		for range paras {
			body.WriteString(ss[rng.IntN(len(ss))])
			body.WriteString(". ")
			if rng.IntN(3) == 0 {
				body.WriteString("\n")
			}
		}
		d := &corpus.Document{URL: fmt.Sprintf("http://build.test/%d/%d", seed, i), Title: ss[rng.IntN(len(ss))],
			Body: body.String(), Type: types[rng.IntN(len(types))], Site: "build.test"}
		if d.Type != "" {
			d.Number = fmt.Sprintf("%d/KH-UBND", 1+rng.IntN(300))
			d.Published = fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(15), 1+rng.IntN(12), 1+rng.IntN(28))
			d.Issuer = "UBND tỉnh"
		}
		docs = append(docs, d)
	}
	return docs
}

// buildQueries are questions made of the documents' sentences, as given
// and without marks, partial numbers, exclusions and a phrase.
func buildQueries() []string {
	ss := demo.Sentences()
	rng := rand.New(rand.NewPCG(5, 8))
	var qs []string
	for range 30 {
		w := strings.Fields(ss[rng.IntN(len(ss))])
		s := strings.Join(w[:min(len(w), 20)], " ")
		qs = append(qs, s, viet.Fold(s), "quy định nào về "+s)
	}
	return append(qs, "kế hoạch 45", "nghị quyết 154 về chuyển đổi số", "kh 12 ubnd", "chuyển đổi số -kế -hoạch",
		`"ủy ban nhân dân"`, "hòa giải ở cơ sở -\"hòa giải viên\"")
}

// sameIndex fails unless the two indexes hold the same statistics, the
// same applied sequence and rank every query the same: the same top 10,
// scores to 1e-9, ranked top-k and by bleve.
func sameIndex(t *testing.T, what string, a, b *indexer.Index, queries []string, texts search.Texts) {
	t.Helper()
	stats := func(ix *indexer.Index) (any, uint64) {
		r := reader(t, ix)
		defer r.Close()
		st, err := indexer.Stats(r)
		if err != nil {
			t.Fatal(err)
		}
		seq, err := ix.AppliedSeq()
		if err != nil {
			t.Fatal(err)
		}
		return st, seq
	}
	sa, qa := stats(a)
	sb, qb := stats(b)
	if !reflect.DeepEqual(sa, sb) || qa != qb {
		t.Fatalf("%s: statistics or sequence differ:\nonline %+v seq %d\nbuilt  %+v seq %d", what, sa, qa, sb, qb)
	}
	ctx := context.Background()
	sra, srb := search.New(a.Bleve(), search.WithTexts(texts)), search.New(b.Bleve(), search.WithTexts(texts))
	found := 0
	for _, q := range queries {
		for _, topOnly := range []bool{true, false} {
			req := search.Request{Query: q, Size: 10, TopOnly: topOnly}
			ra, err := sra.Search(ctx, req)
			if err != nil {
				t.Fatalf("%s: %q: %v", what, q, err)
			}
			rb, err := srb.Search(ctx, req)
			if err != nil {
				t.Fatalf("%s: %q: %v", what, q, err)
			}
			same := len(ra.Hits) == len(rb.Hits)
			for i := 0; same && i < len(ra.Hits); i++ {
				x, y := ra.Hits[i], rb.Hits[i]
				same = x.ID == y.ID && math.Abs(x.Score-y.Score) <= 1e-9*max(1, math.Abs(x.Score))
			}
			if !same {
				t.Errorf("%s: %q (top-k %v): online ranks %s, built %s", what, q, topOnly, hitList(ra.Hits), hitList(rb.Hits))
			}
			if len(ra.Hits) > 0 {
				found++
			}
		}
	}
	if found < len(queries)*2*9/10 {
		t.Errorf("%s: only %d of %d searches found anything: the comparison says little", what, found, 2*len(queries))
	}
}

func hitList(hs []search.Hit) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "\n  %s %.17g", h.ID, h.Score)
	}
	return b.String()
}

func openStore(t *testing.T, dir string) *corpus.Store {
	t.Helper()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func put(t *testing.T, store *corpus.Store, docs []*corpus.Document) {
	t.Helper()
	for i := 0; i < len(docs); i += 300 {
		if _, err := store.PutBatch(docs[i:min(i+300, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
}

func open(t *testing.T, path string) *indexer.Index {
	t.Helper()
	ix, err := indexer.Open(path, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestBuildSameAsOnline: the store's documents indexed by the offline
// builder (Build) and by the online path (Sync) give the same statistics
// and the same rankings; the built index records the store's sequence, so
// the next Sync indexes only what changed after it, and both indexes
// still agree after it.
func TestBuildSameAsOnline(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 2,500 documents twice")
	}
	ctx := context.Background()
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	docs := buildDocs(1200, 1)
	put(t, store, docs)
	// changed and removed documents: the store keeps their tombstones and
	// new sequences
	for i, d := range docs[:300] {
		switch i % 3 {
		case 0:
			c := *d
			c.Body += " Sửa đổi, bổ sung một số điều."
			if _, err := store.Put(&c); err != nil {
				t.Fatal(err)
			}
		case 1:
			if _, err := store.MarkGone(d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}

	online := open(t, filepath.Join(dir, "online"))
	if _, err := online.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	builtPath := filepath.Join(dir, "built")
	calls := 0
	st, err := indexer.Build(ctx, builtPath, store, indexer.BuildOptions{Workers: 2, BatchDocs: 100, Progress: func(indexer.SyncStats) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	live, _ := online.DocCount()
	if uint64(st.Indexed) != live || calls == 0 {
		t.Errorf("Build indexed %d documents (%d progress calls); the online index has %d", st.Indexed, calls, live)
	}
	if _, err := os.Stat(builtPath + ".build"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build directory is left behind: %v", err)
	}
	built := open(t, builtPath)
	queries := buildQueries()
	sameIndex(t, "after the build", online, built, queries, store)

	// the nightly increment continues from the built index's sequence
	more := buildDocs(150, 2)
	put(t, store, more)
	if _, err := store.MarkGone(docs[400].ID); err != nil {
		t.Fatal(err)
	}
	// the store's changes after the build: the new documents, the removed
	// one, and those whose effect the new ones changed
	from, _ := built.AppliedSeq()
	changed := 0
	if err := store.Changes(ctx, from, func(*corpus.Document) error { changed++; return nil }); err != nil {
		t.Fatal(err)
	}
	if changed < len(more)+1 || changed > len(more)+50 {
		t.Fatalf("%d store changes after the build's sequence %d, want about %d", changed, from, len(more)+1)
	}
	for _, ix := range []*indexer.Index{online, built} {
		st, err := ix.Sync(ctx, store, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Indexed+st.Removed != changed || st.Removed != 1 {
			t.Errorf("%s: the increment indexed %d and removed %d, want %d changes, 1 removed", ix.Path(), st.Indexed, st.Removed, changed)
		}
	}
	sameIndex(t, "after an increment", online, built, queries, store)
}

// TestBuildCancelledKeepsIndex: a cancelled build leaves the index it was
// to replace as it was, and no build directory.
func TestBuildCancelledKeepsIndex(t *testing.T) {
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	put(t, store, buildDocs(200, 3))
	path := filepath.Join(dir, "index")
	if _, err := indexer.Build(context.Background(), path, store, indexer.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	put(t, store, buildDocs(600, 4))
	ctx, cancel := context.WithCancel(context.Background())
	_, err := indexer.Build(ctx, path, store, indexer.BuildOptions{BatchDocs: 100, Progress: func(indexer.SyncStats) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	if _, err := os.Stat(path + ".build"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build directory is left behind: %v", err)
	}
	ix := open(t, path)
	if n, _ := ix.DocCount(); n != 200 {
		t.Errorf("the old index holds %d documents, want 200", n)
	}
}

// TestBuildEmptyStore: an empty store builds an empty index at its
// sequence; a swap that was interrupted is reported, not mistaken for a
// new index.
func TestBuildEmptyStore(t *testing.T) {
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	path := filepath.Join(dir, "index")
	if _, err := indexer.Build(context.Background(), path, store, indexer.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.Open(path, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 0 {
		t.Errorf("DocCount = %d", n)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, path+".old"); err != nil {
		t.Fatal(err)
	}
	if _, err := indexer.Open(path, indexer.Options{}); err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("Open with only the old index beside it: %v", err)
	}
}

// TestBuildMergeLevels: segments built by several workers and merged over
// several levels (20 batches of 20 documents, three at a time: levels of
// 3, 9 and 27 batches, and the rest merged once at the end), or in
// batches cut by the heap budget, make one segment and the same index as
// one batch of every document, with the documents in the store's order
// whichever worker finished first.
func TestBuildMergeLevels(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, want := shortDocsStore(t, dir)
	build := func(name string, opts indexer.BuildOptions) *indexer.Index {
		t.Helper()
		path := filepath.Join(dir, name)
		if _, err := indexer.Build(ctx, path, store, opts); err != nil {
			t.Fatal(err)
		}
		if segs, err := filepath.Glob(filepath.Join(path, "store", "*.zap")); err != nil || len(segs) != 1 {
			t.Fatalf("%s: segment files %v (%v), want one", name, segs, err)
		}
		ix := open(t, path)
		if got := docOrder(t, ix); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: %d documents, not in the store's order of %d", name, len(got), len(want))
		}
		return ix
	}
	one := build("one", indexer.BuildOptions{Workers: 1, BatchDocs: 1000})
	levels := build("levels", indexer.BuildOptions{Workers: 4, BatchDocs: 20, MergeMax: 3})
	sameIndex(t, "merged over levels", one, levels, buildQueries(), store)
	// a heap budget of 2 MB: batches of at most 2 MB / 170 / 2 workers ≈
	// 6 KB of text, a few documents each, cut by size, not count
	budget := build("budget", indexer.BuildOptions{Workers: 2, HeapBytes: 2 << 20, MergeMax: 4})
	sameIndex(t, "batches cut by the heap budget", one, budget, buildQueries(), store)
}

// TestBuildKeepsMergedSegments: a build larger than FinalMergeDocs merges
// its batches by levels as it goes (up to KeepLevel when it is given),
// keeps the merged segments and merges only the batches after them into
// one; the index holds the store's
// documents in its order with the same statistics and scores as the one
// segment of a small build.
func TestBuildKeepsMergedSegments(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, want := shortDocsStore(t, dir)
	var one *indexer.Index
	for _, c := range []struct {
		name     string
		opts     indexer.BuildOptions
		segments int
		docs     []int
	}{
		// 400 documents under the limit: one segment, whatever MergeMax
		{"one", indexer.BuildOptions{Workers: 1, BatchDocs: 20, MergeMax: 3}, 1, []int{400}},
		// 20 batches of 20, three merged at a time: two segments of nine
		// batches (two levels up), then batches 19 and 20 merged into one
		{"kept", indexer.BuildOptions{Workers: 4, BatchDocs: 20, MergeMax: 3, FinalMergeDocs: 100}, 3, []int{180, 180, 40}},
		// KeepLevel 1: merges of three stop at the first level, kept (six
		// of three batches), and batches 19 and 20 are merged into one
		{"kept at level 1", indexer.BuildOptions{Workers: 3, BatchDocs: 20, MergeMax: 3, KeepLevel: 1, FinalMergeDocs: 100}, 7, []int{60, 60, 60, 60, 60, 60, 40}},
		// 20 batches, five at a time: four of 100, nothing after them
		{"kept, no tail", indexer.BuildOptions{Workers: 2, BatchDocs: 20, MergeMax: 5, FinalMergeDocs: -1}, 4, []int{100, 100, 100, 100}},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
		if _, err := indexer.Build(ctx, path, store, c.opts); err != nil {
			t.Fatal(err)
		}
		segs, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
		if err != nil || len(segs) != c.segments {
			t.Fatalf("%s: segment files %v (%v), want %d", c.name, segs, err, c.segments)
		}
		ix := open(t, path)
		if got := docOrder(t, ix); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: %d documents, not in the store's order of %d", c.name, len(got), len(want))
		}
		if got := segmentDocs(t, ix); fmt.Sprint(got) != fmt.Sprint(c.docs) {
			t.Errorf("%s: documents per segment %v, want %v", c.name, got, c.docs)
		}
		if one == nil {
			one = ix
		} else {
			sameIndex(t, c.name, one, ix, buildQueries(), store)
		}
	}
}

// segmentDocs lists the documents of each segment of ix's snapshot, in order.
func segmentDocs(t *testing.T, ix *indexer.Index) []int {
	t.Helper()
	r := reader(t, ix)
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader %T is not a scorch snapshot", r)
	}
	var n []int
	for _, s := range snap.Segments() {
		n = append(n, int(s.Count()))
	}
	return n
}

// shortDocsStore is a store in dir/data of 400 documents, none long
// enough for the online part of a build, and their IDs in its order.
func shortDocsStore(t *testing.T, dir string) (*corpus.Store, []string) {
	t.Helper()
	store := openStore(t, filepath.Join(dir, "data"))
	var docs []*corpus.Document
	for _, d := range buildDocs(450, 5) {
		if len(d.Title)+len(d.Body)+len(d.Summary) <= indexer.BuildMaxDocBytes {
			docs = append(docs, d)
		}
	}
	put(t, store, docs[:400])
	var want []string
	if err := store.Changes(context.Background(), 0, func(d *corpus.Document) error { want = append(want, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	return store, want
}

// docOrder lists the index's document IDs in the order of their internal
// numbers.
func docOrder(t *testing.T, ix *indexer.Index) []string {
	t.Helper()
	r := reader(t, ix)
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	var ids []string
	for {
		in, err := all.Next()
		if err != nil {
			t.Fatal(err)
		}
		if in == nil {
			return ids
		}
		id, err := r.ExternalID(in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
}

// reader opens a reader of ix's current snapshot; the caller closes it.
func reader(t *testing.T, ix *indexer.Index) index.IndexReader {
	t.Helper()
	adv, err := ix.Bleve().Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
