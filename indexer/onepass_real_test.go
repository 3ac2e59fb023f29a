package indexer

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/shared"
)

// TestOnePassRealText: the titles and bodies of the real ALQAC corpora,
// analyzed document after document with one scratch pool (so with the
// lexicon the earlier documents left, and with new lexicons when one grows
// past its bound), give every view's analyzer's tokens: terms,
// positions, offsets, frequencies and lengths.
func TestOnePassRealText(t *testing.T) {
	if testing.Short() {
		t.Skip("reads two corpora")
	}
	views := viewAnalyzers(t)
	opts := index.IndexField | index.IncludeTermVectors
	docs, dropped := 0, 0
	for _, c := range []struct {
		set      string
		maxTerms int
	}{{"alqac22", 0}, {"alqac23-train", 0}, {"alqac22", 400}} {
		pool := scratchPool{maxTerms: c.maxTerms}
		set := c.set
		for _, d := range readBenchCorpus(t, shared.Path(t, "eval", set, "corpus.jsonl")) {
			docs++
			doc := document.NewDocument(d.ID)
			var want []string
			for i, text := range []string{d.Title, d.Body} {
				for name, a := range views {
					field := fmt.Sprintf("%s/%d", name, i)
					alone := analyzedAlone(field, text, opts, a)
					want = append(want, freqString(alone.AnalyzedLength(), alone.AnalyzedTokenFrequencies()))
					doc.AddField(document.NewTextFieldCustom(field, []uint64{3}, []byte(text), opts, a))
				}
			}
			shareAnalysis(doc, &pool)
			pass := doc.Fields[0].(*viewField).pass
			var sc *scratch
			for i, f := range doc.Fields {
				f.Analyze()
				if i == 0 {
					sc = pass.scratch
				}
				if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[i] {
					t.Fatalf("%s: %s:\n got %s\nwant %s", d.ID, f.Name(), got, want[i])
				}
			}
			if sc != nil && len(sc.terms) > pool.bound() {
				dropped++
			}
		}
	}
	if dropped == 0 {
		t.Error("no lexicon dropped: the small bound is not tested")
	}
	t.Logf("%d documents, %d lexicons dropped", docs, dropped)
}
