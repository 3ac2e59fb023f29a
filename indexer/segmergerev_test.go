package indexer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// TestSegmentMergeReviewEdges (i21-mergerev): our merge is zap's at edges
// the generated documents do not reach: one field with different options
// in different inputs (stored in one and not the other, term vectors in
// one, doc values in one; in both orders, as the and-ed options clear
// bits or not), and, skipped with -short, a term in exactly 4,096 and
// 4,097 documents of a container gathered from two inputs, documents
// across the 65,536 boundary from two inputs, a 1-hit posting past 16
// bits, positions renumbered across a postings chunk's bound.
func TestSegmentMergeReviewEdges(t *testing.T) {
	kw := NewMapping().AnalyzerNamed("keyword")
	fold := NewMapping().AnalyzerNamed(AnalyzerFold)
	opts := func(o index.FieldIndexingOptions) func(int, *document.Document) {
		return func(i int, d *document.Document) {
			d.AddField(document.NewTextFieldCustom("f", nil, []byte(fmt.Sprintf("quyết định %d số %d", i%3, i%5)), o, fold))
			d.AddField(document.NewTextFieldCustom("k", nil, []byte(fmt.Sprint(i%4)), index.IndexField|index.DocValues, kw))
		}
	}
	full := index.IndexField | index.StoreField | index.IncludeTermVectors | index.DocValues
	a := edgeDocs(30, opts(full))
	b := edgeDocs(20, opts(index.IndexField))
	c := edgeDocs(10, opts(index.IndexField|index.StoreField))
	nofreq := func(extra bool) func(int, *document.Document) {
		return func(i int, d *document.Document) {
			d.AddField(document.NewTextFieldCustom("nv", nil, []byte(fmt.Sprintf("điều %d khoản %d", i%3, i%5)),
				index.IndexField|index.IncludeTermVectors|index.SkipFreqNorm, fold))
			if extra {
				d.AddField(document.NewTextFieldCustom("x", nil, []byte("x"), index.IndexField, kw))
			}
		}
	}
	tests := []struct {
		name    string
		batches [][]index.Document
	}{
		{"term vectors without frequencies, fields differ", [][]index.Document{edgeDocs(7, nofreq(false)), edgeDocs(5, nofreq(true))}},
		{"options cleared", [][]index.Document{a, b, c}},
		{"options narrower first", [][]index.Document{b, a, c}},
		{"stored first", [][]index.Document{c, a}},
	}
	if !testing.Short() {
		const n = 66000
		docs := edgeDocs(n, func(i int, d *document.Document) {
			o := index.IndexField | index.DocValues
			add := func(term string) {
				d.AddField(document.NewTextFieldCustom("k", nil, []byte(term), o, kw))
			}
			if i < 1<<16 && i%16 == 0 {
				add("x4096")
				add("x4097")
			}
			if i == 1 {
				add("x4097")
			}
			if i >= 65530 && i < 65540 {
				add("edge")
			}
			if i == 65537 {
				add("one")
			}
			if i >= 1<<16 {
				add("hi")
			}
			if i%3 == 0 {
				d.AddField(document.NewTextFieldCustom("v", nil, []byte(strings.Repeat("văn bản ", 1+i%4)),
					index.IndexField|index.IncludeTermVectors, fold))
			}
		})
		tests = append(tests, struct {
			name    string
			batches [][]index.Document
		}{"container edges", split(docs, 32768+5, 32768-10, 400)})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths := writeSegs(t, t.TempDir(), "b", tc.batches, false)
			all := sameMerge(t, nil, "all", paths)
			sameMerge(t, nil, "again", []string{paths[0], all})
		})
	}
}

// TestSegmentMergeRandomOptions (i21-mergerev): our merge is zap's for
// inputs whose fields take random options, each input its own (indexed or
// not, stored, term vectors, doc values, frequencies skipped; not doc
// values per document or uncompressed, which the production mapping does
// not use and which crash zap's merge, the reference, when inputs differ
// in them: it decodes into a slice of the mapped file), with fields missing from some
// inputs and documents holding random subsets of a small vocabulary
// (terms in one input only, in all, 1-hit terms), merged in one level and
// two.
func TestSegmentMergeRandomOptions(t *testing.T) {
	m := NewMapping()
	fold, kw := m.AnalyzerNamed(AnalyzerFold), m.AnalyzerNamed("keyword")
	choices := []index.FieldIndexingOptions{
		index.IndexField,
		index.IndexField | index.StoreField,
		index.IndexField | index.IncludeTermVectors,
		index.IndexField | index.StoreField | index.IncludeTermVectors | index.DocValues,
		index.IndexField | index.DocValues,
		index.IndexField | index.SkipFreqNorm,
		index.IndexField | index.IncludeTermVectors | index.SkipFreqNorm,
		index.StoreField,
	}
	words := []string{"luật", "nghị định", "thông tư", "quyết định", "điều", "khoản", "số", "năm", "bộ tài chính", "ủy ban"}
	runs := 60
	if testing.Short() {
		runs = 10
	}
	for seed := range runs {
		rng := rand.New(rand.NewPCG(uint64(seed), 21))
		var batches [][]index.Document
		for b := range 2 + rng.IntN(4) {
			opts := make([]index.FieldIndexingOptions, 5)
			for f := range opts {
				opts[f] = choices[rng.IntN(len(choices))]
			}
			present := rng.Uint32()
			n := 1 + rng.IntN(40)
			if rng.IntN(4) == 0 {
				n = 1
			}
			docs := make([]index.Document, n)
			for i := range docs {
				d := document.NewDocument(fmt.Sprintf("r%d-%d-%d", seed, b, i))
				for f, o := range opts {
					if present&(1<<f) == 0 || rng.IntN(3) == 0 {
						continue
					}
					var text []string
					for range 1 + rng.IntN(4) {
						text = append(text, words[rng.IntN(len(words)-f)])
					}
					an := fold
					if f%2 == 1 {
						an = kw
					}
					var aps []uint64
					if rng.IntN(5) == 0 {
						aps = []uint64{uint64(rng.IntN(3))}
					}
					d.AddField(document.NewTextFieldCustom(fmt.Sprintf("f%d", f), aps, []byte(strings.Join(text, " ")), o, an))
				}
				prepareForSegment(d)
				docs[i] = d
			}
			batches = append(batches, docs)
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			paths := writeSegs(t, t.TempDir(), "b", batches, seed%3 == 2)
			all := sameMerge(t, nil, "all", paths)
			h := max(len(paths)/2, 1)
			first := sameMerge(t, nil, "first", paths[:h])
			sameMerge(t, nil, "level2", []string{first, all})
		})
	}
}
