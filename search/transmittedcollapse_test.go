package search

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestCollapseTransmittedOtherYear: a file whose own number carries no year
// (918/QĐ-UBND, 2026) and whose cover slip transmits a plan of the year
// before is one number with the article page that adopted its header and
// with a second copy of the file: the copy collapse keys a yearless number
// by the document's own year, not by every year the file is filed under
// (the page holds 2026 only, the file 2025 and 2026). The plan posted
// alone stays a hit of its own. Documents written for the test.
func TestCollapseTransmittedOtherYear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	body := "Quyết định phê duyệt kế hoạch thu hồi đất, giao đất thực hiện dự án đường giao thông nông thôn."
	plan := corpus.Transmitted{Number: "57/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2025-12-30",
		Title: "Kế hoạch thu hồi đất, giao đất năm 2026"}
	file := func(id, url string) *corpus.Document {
		return &corpus.Document{ID: id, URL: url, Title: "Quyết định số 918/QĐ-UBND", Number: "918/QĐ-UBND", Type: "Quyết định",
			Issuer: "UBND tỉnh Phú An", Published: "2026-04-09", Body: body + " Kèm theo Kế hoạch số 57/KH-SNNMT.",
			File: &corpus.FileInfo{Kind: "docx", Transmitted: []corpus.Transmitted{plan}}}
	}
	docs := []*corpus.Document{
		file("tep/918-a.docx", "https://phuan.example/a/918.docx"),
		file("tep/918-b.docx", "https://phuan.example/b/918.docx"),
		{ID: "tin/918.html", Title: "Quyết định số 918/QĐ-UBND phê duyệt kế hoạch thu hồi đất", Number: "918/QĐ-UBND", Type: "Quyết định",
			Issuer: "UBND tỉnh Phú An", Published: "2026-04-09", Body: body},
		{ID: "so/57.pdf", Title: "Kế hoạch số 57/KH-SNNMT thu hồi đất, giao đất năm 2026", Number: "57/KH-SNNMT", Type: "Kế hoạch",
			Issuer: "Sở Nông nghiệp và Môi trường", Published: "2025-12-30", Body: "Kế hoạch thu hồi đất, giao đất thực hiện dự án đường giao thông nông thôn năm 2026."},
	}
	for _, batches := range [][][]*corpus.Document{{docs}, {docs[:1], docs[1:2], docs[2:]}} {
		ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range batches {
			if err := ix.Add(context.Background(), b); err != nil {
				t.Fatal(err)
			}
		}
		s := New(ix.Bleve(), WithTexts(docTexts(docs)))
		res, err := s.Search(context.Background(), Request{Query: "thu hồi đất", Size: 10, Facets: true, Collapse: true})
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		byNumber := map[string]int{}
		for _, h := range res.Hits {
			byNumber[h.Number]++
			if h.Number == "918/QĐ-UBND" && len(h.Copies) != 2 {
				t.Errorf("%d batches: 918/QĐ-UBND hit %s with copies %+v, want the other two", len(batches), h.ID, h.Copies)
			}
		}
		if len(res.Hits) != 2 || byNumber["918/QĐ-UBND"] != 1 || byNumber["57/KH-SNNMT"] != 1 {
			t.Errorf("%d batches: hits %v, want 918/QĐ-UBND once and 57/KH-SNNMT once", len(batches), byNumber)
		}
		if n := facetCount(res.Facets[indexer.FieldType], "Quyết định"); n != 1 {
			t.Errorf("%d batches: type facet Quyết định %d, want 1", len(batches), n)
		}
		if n := facetCount(res.Facets[indexer.FieldYear], "2026"); n != 1 {
			t.Errorf("%d batches: year facet 2026 %d, want 1 (the file; the plan alone is 2025)", len(batches), n)
		}
		if n := facetCount(res.Facets[indexer.FieldYear], "2025"); n != 2 {
			t.Errorf("%d batches: year facet 2025 %d, want 2 (the file's plan and the plan alone)", len(batches), n)
		}
	}
}
