package search

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestOneSnapshotPerRequest: an index write between two passes of a
// request (the hook Searcher.between, not timing) changes nothing the
// request answers: every pass reads the snapshot pinned when it started.
// Before, the fold search and the ranking read different snapshots: a
// copy written after the fold search was listed beside its number's hit
// and the total counted the documents written meanwhile; and the count of
// the units, run after the ranking, counted a document the list did not
// hold.
func TestOneSnapshotPerRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds on-disk indexes")
	}
	// written mid-request: a third copy of 77/2026/NĐ-CP and a new
	// document holding the query's words
	late := []*corpus.Document{
		{ID: "nd/z.md", Title: "Nghị định 77/2026/NĐ-CP (bản gốc)", Number: "77/2026/NĐ-CP", Type: "Nghị định", Issuer: "Chính phủ", Published: "2026-05-10",
			Body: "Nghị định quy định việc tiếp công dân và xử lý đơn khiếu nại, tố cáo; bản gốc."},
		{ID: "tin/3.html", Title: "Tin: tiếp công dân cuối năm", Type: "Tin", Published: "2026-12-01", Body: "Lãnh đạo tỉnh tiếp công dân cuối năm tại trụ sở tiếp công dân."},
	}
	cases := []struct {
		pass              string
		collapse, minimum bool
		topOnly           bool
	}{
		{pass: "folded", collapse: true},
		{pass: "folded", collapse: true, topOnly: true},
		{pass: "folded", collapse: true, minimum: true},
		{pass: "ranked", minimum: true},
		{pass: "ranked", collapse: true, minimum: true},
	}
	ctx := context.Background()
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/collapse=%v/minmatch=%v/topOnly=%v", c.pass, c.collapse, c.minimum, c.topOnly), func(t *testing.T) {
			docs := copiesDocs()
			ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if err := ix.Add(ctx, docs); err != nil {
				t.Fatal(err)
			}
			texts := docTexts(append(docs, late...))
			s := New(ix.Bleve(), WithTexts(texts))
			req := Request{Query: "tiep cong dan", Size: 100, Facets: true, Collapse: c.collapse, MinMatch: c.minimum, TopOnly: c.topOnly}
			want, err := s.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			written := false
			s.between = func(pass string) {
				if pass != c.pass || written {
					return
				}
				written = true
				if err := ix.Add(ctx, late); err != nil {
					t.Error(err)
				}
			}
			got, err := s.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if !written {
				t.Fatalf("the request never passed %q", c.pass)
			}
			if got.Total != want.Total || got.Listed != want.Listed || got.Folded != want.Folded {
				t.Errorf("written mid-request: total %d listed %d folded %d, want %d %d %d (the snapshot it started on)",
					got.Total, got.Listed, got.Folded, want.Total, want.Listed, want.Folded)
			}
			if len(got.Hits) != len(want.Hits) {
				t.Fatalf("written mid-request: %d hits, want %d", len(got.Hits), len(want.Hits))
			}
			seen := map[string]string{}
			for i, h := range got.Hits {
				if h.ID != want.Hits[i].ID {
					t.Errorf("hit %d: %s, want %s", i, h.ID, want.Hits[i].ID)
				}
				// a number without its year groups one year's documents
				if k := h.Number + " " + h.Published[:min(4, len(h.Published))]; c.collapse && h.Number != "" {
					if other, ok := seen[k]; ok {
						t.Errorf("number %s listed twice: %s and %s", k, other, h.ID)
					}
					seen[k] = h.ID
				}
			}
			for f, fs := range want.Facets {
				for _, v := range fs {
					if n := facetCount(got.Facets[f], v.Value); n != v.Count {
						t.Errorf("facet %s=%s: %d, want %d", f, v.Value, n, v.Count)
					}
				}
			}
			// the next request reads the new snapshot
			after, err := s.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if after.Total == want.Total && after.Listed == want.Listed {
				t.Errorf("after the write: total %d listed %d, unchanged", after.Total, after.Listed)
			}
		})
	}
}

// mustPin pins s's current snapshot for the rest of the test.
func mustPin(tb testing.TB, s *Searcher) *pinned {
	tb.Helper()
	v, err := s.pin()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(v.Close)
	return v
}
