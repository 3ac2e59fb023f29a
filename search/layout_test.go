package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// Layout is the same documents indexed in one known segment layout.
type Layout struct {
	Name  string
	Index bleve.Index
}

// keepSegments is the scorch configuration under which every batch stays a
// segment of its own: scorch's merger only merges segments of fewer than
// MaxSegmentSize/2 live documents, and with MaxSegmentSize 1 there are
// none; safe batches are persisted one by one, so the persister has no two
// segments to merge either. The layout then does not depend on timing.
var keepSegments = map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": 1}}

// Layouts indexes docs three ways, each reopened read-only (no merge
// changes it while it is searched) and checked to have the layout it
// names:
//
//   - "one segment": vanban's bulk path (Index.Add) then Index.Compact;
//   - "segments": batches of 250 documents, one segment each;
//   - "segments, deletions, updates": the documents in another order, in
//     batches of 180, with documents indexed and deleted after their batch,
//     and an earlier version of every sixth document indexed one batch
//     before the document itself (so the earlier one is a deleted document
//     of an older segment, whose terms stay in that segment's dictionary).
func Layouts(t testing.TB, docs []*corpus.Document) []Layout {
	t.Helper()
	dir := t.TempDir()
	out := []Layout{{"one segment", compacted(t, filepath.Join(dir, "one"), docs)}}

	path := filepath.Join(dir, "segments")
	idx := newKeepSegments(t, path)
	for i := 0; i < len(docs); i += 250 {
		indexBatch(t, idx, docs[i:min(i+250, len(docs))])
	}
	out = append(out, Layout{"segments", reopen(t, idx, path, (len(docs)+249)/250, false)})

	path = filepath.Join(dir, "updates")
	idx = newKeepSegments(t, path)
	order := slices.Clone(docs)
	rng := rand.New(rand.NewPCG(22, 1))
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	var earlier []*corpus.Document // versions to replace in the next batch
	batches := 0
	for i := 0; i < len(order); i += 180 {
		batch := slices.Clone(order[i:min(i+180, len(order))])
		var gone []string
		for j, d := range batch {
			if j%11 == 0 { // a document that will be deleted
				o := order[rng.IntN(len(order))]
				g := &corpus.Document{ID: fmt.Sprintf("gone-%d-%d", i, j), Title: o.Title, Body: d.Body + "\n" + o.Body}
				batch = append(batch, g)
				gone = append(gone, g.ID)
			}
		}
		var next []*corpus.Document
		for j, d := range batch[:min(180, len(batch))] {
			if j%6 == 0 && i+180 < len(order) { // indexed now in another version, replaced in the next batch
				old := *d
				old.Title = order[rng.IntN(len(order))].Title
				old.Body = d.Body + "\n" + strings.Repeat(old.Title+". ", 1+j%3)
				batch[j] = &old
				next = append(next, d)
			}
		}
		batch = append(batch, earlier...)
		earlier = next
		indexBatch(t, idx, batch)
		batches++
		for _, id := range gone {
			if err := idx.Delete(id); err != nil {
				t.Fatal(err)
			}
		}
	}
	out = append(out, Layout{"segments, deletions, updates", reopen(t, idx, path, batches, true)})
	return out
}

// compacted is docs indexed by vanban's own path, merged into one segment.
func compacted(t testing.TB, path string, docs []*corpus.Document) bleve.Index {
	t.Helper()
	ix, err := indexer.Open(path, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	return reopen(t, ix.Bleve(), path, 1, false)
}

func newKeepSegments(t testing.TB, path string) bleve.Index {
	t.Helper()
	idx, err := bleve.NewUsing(path, indexer.NewMapping(), scorch.Name, scorch.Name, keepSegments)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// indexBatch indexes docs in one batch, as vanban writes documents
// (indexer.Document: with their field lengths).
func indexBatch(t testing.TB, idx bleve.Index, docs []*corpus.Document) {
	t.Helper()
	b := idx.NewBatch()
	for _, d := range docs {
		doc, err := indexer.Document(idx.Mapping(), d)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.IndexAdvanced(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
}

// reopen closes idx and opens it read-only, and fails unless it has
// segments segments, with deleted documents or none as deletions says.
func reopen(t testing.TB, idx bleve.Index, path string, segments int, deletions bool) bleve.Index {
	t.Helper()
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var layout []string
	deleted := false
	for _, ss := range r.(*scorch.IndexSnapshot).Segments() {
		layout = append(layout, fmt.Sprintf("%d of %d live", ss.Count(), ss.Segment().Count()))
		deleted = deleted || ss.Count() < ss.Segment().Count()
	}
	if len(layout) != segments || deleted != deletions {
		t.Fatalf("%s: segments %s; want %d, deletions %v", path, strings.Join(layout, ", "), segments, deletions)
	}
	return idx
}

// SameRanking fails unless a search for q finds, on every layout, the top
// ten of the first layout: the same documents in the same order with the
// same scores (to 1e-9), ranked top-k (the engine) or by bleve alone.
func SameRanking(t *testing.T, layouts []Layout, searchers []*Searcher, q string) {
	t.Helper()
	for _, topOnly := range []bool{true, false} {
		var want []Hit
		for i, s := range searchers {
			res, err := s.Search(context.Background(), Request{Query: q, Size: 10, TopOnly: topOnly})
			if err != nil {
				t.Fatalf("%s: %q: %v", layouts[i].Name, q, err)
			}
			if i == 0 {
				want = res.Hits
				continue
			}
			if !sameRanking(res.Hits, want) {
				t.Errorf("%q (top-k %v): %s ranks\n%s\n%s ranks\n%s", q, topOnly, layouts[i].Name, hitList(res.Hits), layouts[0].Name, hitList(want))
			}
		}
	}
}

func sameRanking(got, want []Hit) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if got[i].ID != want[i].ID || !sameScore(got[i].Score, want[i].Score) {
			return false
		}
	}
	return true
}

func hitList(hs []Hit) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "  %s %.17g\n", h.ID, h.Score)
	}
	return b.String()
}

// TestSameRankingAnyLayout: the same documents rank the same whatever
// their segmentation, deleted documents and earlier versions included;
// and bleve's own statistics differ between the layouts, so the test
// tells the two apart (without exact statistics it fails).
func TestSameRankingAnyLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three on-disk indexes of 1,200 documents")
	}
	docs := scaleDocs(1200)
	layouts := Layouts(t, docs)
	var searchers []*Searcher
	for _, l := range layouts {
		searchers = append(searchers, New(l.Index, WithTexts(docTexts(docs))))
	}
	queries := topOnlyQueries(t)
	for _, q := range queries {
		SameRanking(t, layouts, searchers, q)
	}
	// the figures bleve would have used
	var avg []string
	for _, l := range layouts {
		adv, err := l.Index.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		n, _ := r.DocCount()
		card, err := r.(*scorch.IndexSnapshot).FieldCardinality(indexer.FieldBodyBigram)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		avg = append(avg, fmt.Sprintf("%s %d/%d", l.Name, card, n))
	}
	if avg[0] == avg[1] || avg[0] == avg[2] {
		t.Errorf("bleve's figures for body_b (dictionary size / documents) do not differ between layouts: %v", avg)
	}
	t.Logf("%d queries, the same top 10 on %d layouts; bleve's own body_b figures: %s", len(queries), len(layouts), strings.Join(avg, ", "))
}
