package web

import (
	"regexp"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestChainParty (i31-party): the written Party chain of
// corpus/testdata/party end to end — a Politburo resolution (83-NQ/TW),
// the Tỉnh ủy's plan implementing it (45-KH/TU), the UBND's plan
// implementing that plan (312/KH-UBND) and a Sở's letter under it
// (1025/SKHCN-CĐS). Each text's roles name its one parent and its one
// implementer (the UBND plan, which names the resolution only through
// the Tỉnh ủy's plan, implements the plan, not the resolution; so the
// letter), and each document page's chain shows the levels in order:
// those above it, then those under it.
func TestChainParty(t *testing.T) {
	docs, err := corpus.ReadJSONLFile("../../corpus/testdata/party/docs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	h, store := pageService(t, docs)
	for _, tt := range []struct {
		number       string
		parents      []string
		implementers []string
		chain        []string // the page's chain but the document itself, in order
	}{
		{"83-NQ/TW", nil, []string{"45-KH/TU"}, []string{"45-KH/TU", "312/KH-UBND"}},
		{"45-KH/TU", []string{"83-NQ/TW"}, []string{"312/KH-UBND"}, []string{"83-NQ/TW", "312/KH-UBND", "1025/SKHCN-CĐS"}},
		{"312/KH-UBND", []string{"45-KH/TU"}, []string{"1025/SKHCN-CĐS"}, []string{"83-NQ/TW", "45-KH/TU", "1025/SKHCN-CĐS"}},
		{"1025/SKHCN-CĐS", []string{"312/KH-UBND"}, nil, []string{"83-NQ/TW", "45-KH/TU", "312/KH-UBND"}},
	} {
		id := docID(t, store, tt.number)
		role, err := store.Role(id)
		if err != nil {
			t.Fatal(err)
		}
		var parents, impl []string
		for _, d := range role.Parents {
			parents = append(parents, d.Number)
		}
		for _, d := range role.Implementers {
			impl = append(impl, d.Number)
		}
		if !slices.Equal(parents, tt.parents) || !slices.Equal(impl, tt.implementers) {
			t.Errorf("%s: Role parents %q implementers %q, want %q %q", tt.number, parents, impl, tt.parents, tt.implementers)
		}
		page := serve(t, h, "/doc/"+id, 200)
		chain := section(page, `id="thuc-hien"`, "</ol>")
		var got []string
		for _, m := range regexp.MustCompile(`>(\d+[-/][^<]*(?:NQ/TW|KH/TU|KH-UBND|SKHCN-CĐS))<`).FindAllStringSubmatch(chain, -1) {
			if m[1] != tt.number {
				got = append(got, m[1])
			}
		}
		if !slices.Equal(got, tt.chain) {
			t.Errorf("%s: the page's chain names %q, want %q\n%s", tt.number, got, tt.chain, chain)
		}
	}
}
