package tasks

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestImplementersCopyWithoutTasks: a circular without tasks stored as
// its page and as the file the page links (the same number, the file's
// Parent the page) is one implementer of the decree it details — on the
// table (the document page's chain) and in Store.Role — as a plan stored
// twice is.
func TestImplementersCopyWithoutTasks(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	putDocs(t, s, rolesDecree, rolesCircular)
	ids, err := s.ByNumber(rolesCircular.Number)
	if err != nil || len(ids) != 1 {
		t.Fatalf("ByNumber(%s) = %v, %v", rolesCircular.Number, ids, err)
	}
	file := *rolesCircular
	file.URL, file.Parent = "https://tw.example.gov.vn/files/tt-09-2031.pdf", ids[0]
	file.File = &corpus.FileInfo{Kind: "pdf", Name: "tt-09-2031.pdf", Size: 40213}
	putDocs(t, s, &file)
	decree, err := s.ByNumber(rolesDecree.Number)
	if err != nil || len(decree) != 1 {
		t.Fatalf("ByNumber(%s) = %v, %v", rolesDecree.Number, decree, err)
	}
	syncStore(t, s)
	docs, _, err := New(s, Options{}).Implementers(ctx, decree[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.ID)
	}
	if len(got) != 1 || got[0] != ids[0] {
		t.Errorf("table: implementers of the decree %v, want the circular's page %s alone", got, ids[0])
	}
	r, err := s.Role(decree[0])
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, d := range r.Implementers {
		got = append(got, d.ID)
	}
	if !slices.Equal(got, ids[:1]) {
		t.Errorf("Store.Role: implementers of the decree %v, want the circular's page %s alone", got, ids[0])
	}
}
