package search

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// rootRefs is how many holders the index's current snapshot has, read from
// scorch's IndexSnapshot (its reference count is unexported: read, never
// set, through reflect), the reader taken to look at it not counted.
func rootRefs(t *testing.T, idx bleve.Index) int64 {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader %T, want *scorch.IndexSnapshot", r)
	}
	return reflect.ValueOf(is).Elem().FieldByName("refs").Int() - 1
}

// TestSnapshotCancelReleases: a snapshot whose search is cancelled (the
// request gone) still lets its pinned index go on Close, as the web's and
// the commands' callers do (defer Close): nothing stays pinned after a
// cancelled, a failed or a finished search, by Searcher.Snapshot or
// PinIndex.
//
// The index is written, closed and opened read-only: a writable scorch
// index's persister and merger hold its current snapshot for a while
// after each write (scorch's persisterLoop and mergerLoop AddRef the root
// while they work), so its count of holders moves on its own; a read-only
// one starts neither loop, and the root's only holder is the index itself
// (its count is 1) until a reader takes it.
func TestSnapshotCancelReleases(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := indexer.Open(dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []*corpus.Document{
		{ID: "kh12", Title: "Kế hoạch số 12/KH-UBND", Number: "12/KH-UBND", Type: "Kế hoạch", Published: "2025-10-01", Body: "Triển khai thực hiện chuyển đổi số."},
		{ID: "qd12", Title: "Quyết định số 12/QĐ-UBND", Number: "12/QĐ-UBND", Type: "Quyết định", Published: "2025-10-03", Body: "Thành lập ban chỉ đạo."},
	}
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = indexer.Open(dir, indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := New(ix.Bleve())
	const before = 1 // the index's own hold on its root
	if got := rootRefs(t, ix.Bleve()); got != before {
		t.Fatalf("read-only index: %d holders of its snapshot, want %d", got, before)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	number := func(id string) (string, error) {
		for _, d := range docs {
			if d.ID == id {
				return d.Number, nil
			}
		}
		return "", errors.New("unknown")
	}
	for _, tc := range []struct {
		name string
		pin  func() (*Snapshot, error)
		ctx  context.Context
		run  func(context.Context, *Snapshot) error
	}{
		{"Snapshot, cancelled", s.Snapshot, cancelled, func(c context.Context, sn *Snapshot) error {
			_, err := NumbersNamed(c, sn, "12", number)
			return err
		}},
		{"PinIndex, cancelled", func() (*Snapshot, error) { return PinIndex(ix.Bleve()) }, cancelled, func(c context.Context, sn *Snapshot) error {
			_, err := sn.Search(c, bleve.NewSearchRequest(bleve.NewMatchAllQuery()))
			return err
		}},
		{"Snapshot, refused request", s.Snapshot, ctx, func(c context.Context, sn *Snapshot) error {
			req := bleve.NewSearchRequest(bleve.NewMatchAllQuery())
			req.Fields = []string{"*"}
			_, err := sn.Search(c, req)
			return err
		}},
		{"Snapshot, finished", s.Snapshot, ctx, func(c context.Context, sn *Snapshot) error {
			nums, err := NumbersNamed(c, sn, "12", number)
			if err == nil && len(nums) != 2 {
				t.Errorf("finished: %q, want both 12s", nums)
			}
			return nil
		}},
	} {
		sn, err := tc.pin()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := rootRefs(t, ix.Bleve()); got != before+1 {
			t.Fatalf("%s: pinned: %d holders, want %d", tc.name, got, before+1)
		}
		err = tc.run(tc.ctx, sn)
		if tc.ctx == cancelled && !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err %v, want context.Canceled", tc.name, err)
		}
		if tc.name == "Snapshot, refused request" && err == nil {
			t.Errorf("%s: a request with fields was taken", tc.name)
		}
		sn.Close()
		sn.Close() // twice: no second release
		if got := rootRefs(t, ix.Bleve()); got != before {
			t.Errorf("%s: after Close %d holders, want %d (a snapshot left pinned, or let go twice)", tc.name, got, before)
		}
	}
}
