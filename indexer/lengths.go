package indexer

// BM25 collection statistics that do not depend on how the index is
// segmented (docs/log/ranking-07-collection-stats.md).
//
// bleve v2.6.3 takes BM25's average field length as ⌈Σ over segments of
// the number of distinct terms in the field's dictionary ÷ documents⌉
// (search/searcher/search_term.go bm25ScoreMetrics, index/scorch
// FieldCardinality): not a length at all, and one that grows with the
// number of segments and keeps the terms of deleted documents until a
// merge. So the same documents scored differently before and after a
// merge. Every document therefore carries its own field lengths, and the
// statistics of a snapshot are read from its live documents only:
//
//   - Each document gets one more field, FieldLengths, whose terms spell
//     the length of each of its indexed fields in base 16 (lengthRadix):
//     the term "body:1:7" when digit 1 of the body's length is 7 (no term
//     for a digit 0), and "#" once. The
//     length is the number of tokens bleve's own analysis produced for
//     the field (index.Field.AnalyzedLength, summed over the values of a
//     field given several times): the same number zap stores as the
//     field's norm, which the term scorer reads back as the document's
//     length. So the lengths come from the one analysis pass, in the same
//     batch as the document, and a crash cannot separate them.
//   - The total length of field f over the live documents of a snapshot
//     is Σ_k 16^k Σ_v v · (live documents holding "f:k:v"); bleve's term
//     readers
//     count live documents only (deletions and updates subtract
//     themselves), so the total is exact on any snapshot, merged or not,
//     with no state outside the documents. A few hundred such counts
//     per snapshot, cached by StatsCache. Until layout 16 the terms were
//     binary ("body:5": bit 5 set), 26.9 postings a scale-corpus document
//     (5.6 % of all the postings zap builds); base 16 takes about half.
//
// The statistics reach bleve's term scorer through the hook bleve itself
// has for scoring across shards (search.BM25StatsKey in the search's
// context): DocCount documents and FieldCardinality[f] = the total length
// of f, so that bleve's ⌈FieldCardinality ÷ DocCount⌉ is the true average
// length, rounded up once (search/bleve.go, statsQuery).

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
)

// FieldLengths is the field of every document's field lengths (above).
const FieldLengths = "lengths"

// lengthsMark is the term every document has in FieldLengths: the number
// of live documents holding it must be the number of documents.
const lengthsMark = "#"

// lengthRadix is the base the lengths are written in: a term per digit
// that is not 0. lengthBits is its logarithm.
const (
	lengthBits  = 4
	lengthRadix = 1 << lengthBits
)

// lengthTerm is the term of FieldLengths saying that digit k (base
// lengthRadix) of the length of field is v.
func lengthTerm(field string, k, v int) string {
	return field + ":" + strconv.Itoa(k) + ":" + strconv.Itoa(v)
}

// lengthTerms calls add with the term of each digit of n that is not 0.
func lengthTerms(field string, n int, add func(string)) {
	for k := 0; n>>(lengthBits*k) > 0; k++ {
		if v := n >> (lengthBits * k) & (lengthRadix - 1); v != 0 {
			add(lengthTerm(field, k, v))
		}
	}
}

// parseLengthTerm reads a term of lengthTerm back: the field and the
// amount the term adds to its length for each document holding it
// (v · 16^k). ok is false for the mark; err for a term no lengthTerm
// makes.
func parseLengthTerm(term string) (field string, amount int, ok bool, err error) {
	if term == lengthsMark {
		return "", 0, false, nil
	}
	j := strings.LastIndexByte(term, ':')
	i := strings.LastIndexByte(term[:max(j, 0)], ':')
	if i <= 0 {
		return "", 0, false, fmt.Errorf("indexer: stats: bad length term %q", term)
	}
	k, err1 := strconv.Atoi(term[i+1 : j])
	v, err2 := strconv.Atoi(term[j+1:])
	// no field is 2^44 tokens long (a bound that keeps the sums in an int)
	if err1 != nil || err2 != nil || k < 0 || k*lengthBits >= 44 || v <= 0 || v >= lengthRadix {
		return "", 0, false, fmt.Errorf("indexer: stats: bad length term %q", term)
	}
	return term[:i], v << (lengthBits * k), true, nil
}

// Document maps d with the index mapping m to the document the index
// holds: its fields (Fields) and their lengths (FieldLengths). Every
// write of a document goes through it (bleve.Batch.IndexAdvanced), or
// the statistics refuse the index.
func Document(m mapping.IndexMapping, d *corpus.Document) (*document.Document, error) {
	return documentOf(m, d, Fields(d), nil)
}

// documentOf is Document with the field values f (Fields, plus what the
// indexer adds: effect spans), analyzed with scratch from pool
// (shareAnalysis).
func documentOf(m mapping.IndexMapping, d *corpus.Document, f map[string]any, pool *scratchPool) (*document.Document, error) {
	doc := document.NewDocument(d.ID)
	if err := m.MapDocument(doc, f); err != nil {
		return nil, fmt.Errorf("indexer: map %s: %w", d.ID, err)
	}
	shareAnalysis(doc, pool)
	doc.AddField(&lengthsField{doc: doc})
	return doc, nil
}

// lengthsField is the FieldLengths field of doc. Its terms are computed
// from the other fields' analyzed lengths when the segment is built, that
// is after scorch has analyzed every field of the document (analysis
// comes first: it produces what a segment is made of). Nothing reads them
// earlier: the mapping has no composite field (_all is disabled), the only
// thing scorch's analysis hands a field's terms to.
type lengthsField struct {
	doc   *document.Document
	done  bool
	freqs index.TokenFrequencies
}

func (f *lengthsField) terms() index.TokenFrequencies {
	if f.done {
		return f.freqs
	}
	f.done = true
	lens := map[string]int{}
	for _, g := range f.doc.Fields {
		if g != f && g.Name() != "_id" && g.Options().IsIndexed() {
			lens[g.Name()] += g.AnalyzedLength()
		}
	}
	f.freqs = index.TokenFrequencies{}
	add := func(term string) { // no frequency: SkipFreqNorm
		f.freqs[term] = &index.TokenFreq{Term: []byte(term)}
	}
	add(lengthsMark)
	for name, n := range lens {
		lengthTerms(name, n, add)
	}
	return f.freqs
}

func (f *lengthsField) Name() string             { return FieldLengths }
func (f *lengthsField) ArrayPositions() []uint64 { return nil }

// Options: indexed without frequencies and norms. Only the number of
// documents holding a term is read (Stats), so zap keeps one byte per
// posting instead of a frequency and a norm (layout 12).
func (f *lengthsField) Options() index.FieldIndexingOptions {
	return index.IndexField | index.SkipFreqNorm
}
func (f *lengthsField) Analyze()                  {}
func (f *lengthsField) Value() []byte             { return nil }
func (f *lengthsField) NumPlainTextBytes() uint64 { return 0 }
func (f *lengthsField) EncodedFieldType() byte    { return 't' }
func (f *lengthsField) AnalyzedLength() int       { return len(f.terms()) }
func (f *lengthsField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return f.terms()
}

// Size is an estimate of the field's memory, for scorch's accounting.
func (f *lengthsField) Size() int { return 64 + 48*len(f.freqs) }

// ErrNoLengths is returned for an index whose documents do not all carry
// their field lengths: written by hand rather than through Document.
var ErrNoLengths = errors.New("indexer: documents without field lengths")

// Stats reads the BM25 statistics of the snapshot r: the number of live
// documents and, for every field, the total length of its live documents'
// values (0 for a field no live document has). They are the same for
// the same documents however they are segmented.
func Stats(r index.IndexReader) (*bsearch.BM25Stats, error) {
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("indexer: stats: %w", err)
	}
	count := func(term string) (uint64, error) {
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), FieldLengths, false, false, false)
		if err != nil {
			return 0, fmt.Errorf("indexer: stats: %s: %w", term, err)
		}
		c := tfr.Count()
		return c, tfr.Close()
	}
	marked, err := count(lengthsMark)
	if err != nil {
		return nil, err
	}
	if marked != n {
		return nil, fmt.Errorf("%w: %d of %d documents have them (rebuild the index with `vanban index --rebuild`)", ErrNoLengths, marked, n)
	}
	st := &bsearch.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{}}
	fields, err := r.Fields()
	if err != nil {
		return nil, fmt.Errorf("indexer: stats: %w", err)
	}
	// every field a query may name, whether or not a document has it:
	// bleve refuses a term query on a field the statistics leave out. "*"
	// is the field of the term searcher bleve's scorch makes of several
	// unscored ones (optimize.go, "unadorned" disjunctions and
	// conjunctions); it has no dictionary, so bleve's own figure is 0 too.
	for _, f := range slices.Concat(fields, mappedFields, []string{"*"}) {
		st.FieldCardinality[f] = 0
	}
	dict, err := r.FieldDict(FieldLengths)
	if err != nil {
		return nil, fmt.Errorf("indexer: stats: %w", err)
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("indexer: stats: %w", err)
		}
		if e == nil {
			break
		}
		field, amount, ok, err := parseLengthTerm(e.Term)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // the mark
		}
		// the dictionary's count includes deleted documents: the term
		// reader's does not
		live, err := count(e.Term)
		if err != nil {
			return nil, err
		}
		st.FieldCardinality[field] += int(live) * amount
	}
	return st, nil
}

// mappedFields are the fields of the index mapping.
var mappedFields = func() []string {
	var out []string
	for name, dm := range NewMapping().DefaultMapping.Properties {
		for _, f := range dm.Fields {
			out = append(out, cmp.Or(f.Name, name))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// StatsCache keeps the statistics of the last snapshot read, so that the
// searches between two writes read them once. Safe for concurrent use.
type StatsCache struct {
	mu    sync.Mutex
	r     index.IndexReader
	stats *bsearch.BM25Stats
}

// Get returns Stats(r), computed once per snapshot (a snapshot is the
// same reader value until the next write).
func (c *StatsCache) Get(r index.IndexReader) (*bsearch.BM25Stats, error) {
	keyed := reflect.TypeOf(r).Comparable()
	if keyed {
		c.mu.Lock()
		if c.r == r {
			st := c.stats
			c.mu.Unlock()
			return st, nil
		}
		c.mu.Unlock()
	}
	st, err := Stats(r)
	if err != nil || !keyed {
		return st, err
	}
	c.mu.Lock()
	c.r, c.stats = r, st
	c.mu.Unlock()
	return st, nil
}
