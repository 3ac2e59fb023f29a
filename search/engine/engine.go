// Package engine evaluates a weighted term query on a bleve index snapshot
// faster than bleve's own searchers, with bleve's results: that is its one
// job. It does two things with the same query:
//
//   - NewSearcher ranks the k best documents (MaxScore, Turtle & Flood 1995)
//     and gives each the score bleve's searchers would give it, without
//     scoring the documents that cannot enter the top k;
//   - Count counts the documents the query matches and their facets on the
//     segments' postings bitmaps, without visiting the matches one by one.
//
// The query (Query) is a plain description of term lists; search.Build
// describes a user's query, and search compiles that description into
// bleve's query and into a Query of this package, so the two agree by
// construction. The engine depends on bleve's scoring: BM25 term scores
// (internal/bm25 has the formula and the bound), a disjunction's sum times
// the share of its clauses that matched, a boolean query's must and should
// parts added up, the query norm over every term's weight.
package engine

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
)

// Term is a term query: the documents holding Term in Field, scored by
// bleve's BM25 term scorer times Boost.
type Term struct {
	Field, Term string
	Boost       float64
}

// Clause is a disjunction of term queries, scored as bleve scores one: the
// sum of the matching terms' scores times the share of the terms that
// matched.
type Clause []Term

// Pattern is a regular expression over the terms of Field, scored as
// bleve scores a regexp query: the disjunction (a Clause) of the terms it
// matches in the snapshot, each ×Boost. A leading ^ is ignored, as bleve
// does.
type Pattern struct {
	Field, Regexp string
	Boost         float64
}

// Intent is a clause for what a query asks beyond its words: the
// documents holding Term in Field gain the term's score (×Boost) plus
// Factor times the score of the query's Text.
type Intent struct {
	Field, Term string
	Boost       float64
	Factor      float64
}

// Query is what the engine evaluates. bleve scores it as
//
//	Boolean(must:     Disjunction(Disjunction(Text…), Numbers…, Patterns…),
//	        should:   Disjunction(Expansion…),
//	        filter:   Filter,
//	        must_not: Exclude)
//
// wrapped once per intent, innermost first, in
//
//	Boolean(must: <the above>, should: Conjunction(Term(intent)^Boost, Disjunction(Text…)×Factor))
//
// where a text's terms scaled by Factor stand for the text ×Factor. Filter
// and Exclude are unscored queries; nil means none.
type Query struct {
	Text      []Clause // not empty
	Numbers   []Term
	Patterns  []Pattern
	Expansion []Clause
	Intents   []Intent
	Filter    query.Query
	Exclude   query.Query
}

// Options are how NewSearcher ranks.
type Options struct {
	K int // the number of best documents returned
	// Split is the number of postings of the text's terms from which two
	// engines rank the two halves of the index at once, on two
	// goroutines, sharing the k-th best score; 0 never.
	Split uint64
	// Postings are the snapshot's postings as the caller looked them up
	// (NewPostings on the same reader); nil: the engine looks its terms up.
	Postings *Postings
	// Bounds, when set, keeps the terms' exact score bounds per segment
	// between searches of the index (bounds.go); nil: the k1 bounds.
	Cache *Cache
}

// NewSearcher returns a bleve searcher of the K best documents of q in r,
// each with bleve's score; the documents that cannot enter the top K are
// not scored, so its Count is the number of documents scored, not the
// number of matches (use Count). o is handed to the term searchers; an
// Explain or unscored search is bleve's to run.
func NewSearcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q *Query, opt Options, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	switch {
	case opt.K <= 0:
		return nil, fmt.Errorf("engine: k %d, want > 0", opt.K)
	case len(q.Text) == 0:
		return nil, fmt.Errorf("engine: a query without text")
	case o.Explain || o.IncludeTermVectors || o.Score == "none":
		return nil, fmt.Errorf("engine: explanations, term vectors and unscored searches are bleve's")
	}
	if err := bleveAgrees(); err != nil {
		return nil, err
	}
	pst := opt.Postings
	if pst == nil {
		pst = NewPostings(r, opt.Cache)
	}
	if ctx != nil && ctx.Value(bsearch.FieldTermSynonymMapKey) != nil {
		pst = nil // bleve's term searchers read synonyms of their own
	}
	build := func(lo, hi uint64) (*maxScoreSearcher, error) {
		e, err := newMaxScore(ctx, r, q, opt.K, o, pst, opt.Cache, lo, hi)
		if err != nil {
			return nil, err
		}
		for _, f := range []struct {
			q   query.Query
			dst **docFilter
		}{{q.Filter, &e.filter}, {q.Exclude, &e.exclude}} {
			if f.q == nil {
				continue
			}
			fs, err := f.q.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
			if err != nil {
				_ = e.Close()
				return nil, fmt.Errorf("engine: filter: %w", err)
			}
			*f.dst = &docFilter{s: fs}
		}
		return e, nil
	}
	// A long question on a large index: two engines, each on half of the
	// documents, on two cores, sharing the k-th best score.
	docs, _ := r.DocCount()
	split := runtime.GOMAXPROCS(0) >= 2 && opt.Split > 0 && docs >= 2
	if split && pst != nil {
		n, err := pst.textPostings(q.Text)
		if err != nil {
			return nil, err
		}
		split = n >= opt.Split
	}
	hi := uint64(math.MaxUint64)
	if split && pst != nil {
		hi = docs / 2
	}
	one, err := build(0, hi)
	if err != nil {
		return nil, err
	}
	if split && pst == nil {
		split = one.textPostings() >= opt.Split
	}
	if !split {
		return one, nil
	}
	two, err := build(docs/2, math.MaxUint64)
	if err != nil {
		_ = one.Close()
		return nil, err
	}
	shared := new(atomic.Uint64)
	one.hi = docs / 2
	one.shared, two.shared = shared, shared
	return &parallelTopK{ctx: ctx, engines: []*maxScoreSearcher{one, two}}, nil
}

// newMaxScore is one top-k searcher of q: a term searcher per term, the
// query norm bleve would compute.
func newMaxScore(ctx context.Context, r index.IndexReader, q *Query, k int, o bsearch.SearcherOptions, pst *Postings, bounds *Cache, lo, hi uint64) (*maxScoreSearcher, error) {
	s := &maxScoreSearcher{k: k, lo: lo, hi: hi, ctx: ctx, pst: pst}
	if bounds != nil {
		s.bshift = bounds.shift
	}
	fail := func(err error) (*maxScoreSearcher, error) {
		_ = s.Close()
		return nil, err
	}
	newList := func(t Term, clause int, kind int8) (*posting, error) {
		var ts bsearch.Searcher
		var rp *replay
		var blocks *listBlocks
		var err error
		tfmax := bm25.Default().MaxBleveTF()
		if pst != nil {
			var tr *termReader
			if tr, err = pst.reader(t.Field, t.Term, lo, hi, kind == textList); err == nil {
				rp = &replay{termReader: tr}
				ts, err = termSearcher(ctx, r, rp, tr.t, t.Boost, o)
			}
			if avg, ok := avgLength(ctx, r, t.Field); err == nil && bounds != nil && ok {
				var bs [][]blockMax
				if tfmax, bs, err = bounds.tfBound(tr, avg, kind == textList); bs != nil {
					blocks = &listBlocks{segs: bs, avg: avg}
				}
			}
		} else {
			ts, err = searcher.NewTermSearcher(ctx, r, t.Term, t.Field, t.Boost, o)
		}
		if err != nil {
			return nil, fmt.Errorf("engine: term %s:%s: %w", t.Field, t.Term, err)
		}
		p := &posting{s: ts, rp: rp, blocks: blocks, boost: t.Boost, tfmax: tfmax, clause: clause, kind: kind}
		s.all = append(s.all, p)
		return p, nil
	}
	addClauses := func(cs []Clause, kind int8, dst *planLists) (weight float64, err error) {
		dst.clauseLen = make([]int, len(cs))
		for ci, c := range cs {
			dst.clauseLen[ci] = len(c)
			for _, t := range c {
				p, err := newList(t, ci, kind)
				if err != nil {
					return 0, err
				}
				dst.lists = append(dst.lists, p)
				weight += p.s.Weight()
			}
		}
		dst.sum = make([]float64, len(cs))
		dst.matched = make([]int, len(cs))
		return weight, nil
	}
	// bleve's query norm: the sum of the squared weights of every term
	// query; each intent's copy of the text weighs factor² as much.
	textWeight, err := addClauses(q.Text, textList, &s.text)
	if err != nil {
		return fail(err)
	}
	weight := textWeight
	for _, n := range q.Numbers {
		p, err := newList(n, 0, numberList)
		if err != nil {
			return fail(err)
		}
		s.numbers = append(s.numbers, p)
		weight += p.s.Weight()
	}
	// a pattern is, in bleve, the disjunction of the terms it matches
	s.partials.clauseLen = make([]int, len(q.Patterns))
	for ci, pq := range q.Patterns {
		terms, err := Expand(r, pq)
		if err != nil {
			return fail(err)
		}
		s.partials.clauseLen[ci] = len(terms)
		for _, t := range terms {
			p, err := newList(t, ci, partialList)
			if err != nil {
				return fail(err)
			}
			s.partials.lists = append(s.partials.lists, p)
			weight += p.s.Weight()
		}
	}
	s.partials.sum = make([]float64, len(q.Patterns))
	s.partials.matched = make([]int, len(q.Patterns))
	if len(q.Expansion) > 0 {
		ew, err := addClauses(q.Expansion, expansionList, &s.expansion)
		if err != nil {
			return fail(err)
		}
		weight += ew
	}
	for _, it := range q.Intents {
		p, err := newList(Term{Field: it.Field, Term: it.Term, Boost: it.Boost}, 0, intentList)
		if err != nil {
			return fail(err)
		}
		p.factor = it.Factor
		s.intents = append(s.intents, p)
		weight += p.s.Weight() + textWeight*it.Factor*it.Factor
	}
	s.weight = weight
	if weight > 0 {
		s.SetQueryNorm(1 / math.Sqrt(weight))
	}
	return s, nil
}

// Expand is the clause of the terms of p's field that its regexp matches
// (leading ^ dropped, as bleve does) and that a live document holds: the
// query a pattern stands for in both evaluations (search compiles a
// pattern into this clause for bleve too). bleve's own regexp query also
// takes the terms only deleted documents held, until a merge drops them,
// and each is a clause of its disjunction, whose coordination factor
// (the share of clauses matched) then depends on how the index is
// segmented.
func Expand(r index.IndexReader, p Pattern) (Clause, error) {
	rr, ok := r.(index.IndexReaderRegexp)
	if !ok {
		return nil, fmt.Errorf("engine: the index cannot list terms by regexp")
	}
	d, err := rr.FieldDictRegexp(p.Field, strings.TrimPrefix(p.Regexp, "^"))
	if err != nil {
		return nil, fmt.Errorf("engine: regexp %q: %w", p.Regexp, err)
	}
	defer d.Close()
	var c Clause
	seen := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("engine: regexp %q: %w", p.Regexp, err)
		}
		if e == nil {
			return c, nil
		}
		if seen[e.Term] {
			continue
		}
		seen[e.Term] = true
		live, err := liveDocs(r, p.Field, e.Term)
		if err != nil {
			return nil, err
		}
		if live > 0 {
			c = append(c, Term{Field: p.Field, Term: e.Term, Boost: p.Boost})
		}
	}
}

// liveDocs is the number of live documents holding term in field (the
// dictionary's own counts include deleted ones).
func liveDocs(r index.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("engine: term %s:%s: %w", field, term, err)
	}
	n := tfr.Count()
	return n, tfr.Close()
}

// bleveAgrees reports an error unless bleve's term scorer uses the BM25
// parameters the bounds are computed with (bm25.K1, bm25.B). bleve keeps
// them in package variables (search.BM25_k1, search.BM25_b) that vanban
// never sets; this is the one place that reads them.
func bleveAgrees() error {
	if bsearch.BM25_k1 != bm25.K1 || bsearch.BM25_b != bm25.B {
		return fmt.Errorf("engine: bleve's BM25 parameters (k1 %g, b %g) are not bm25's (%g, %g): the bounds would not hold",
			bsearch.BM25_k1, bsearch.BM25_b, bm25.K1, bm25.B)
	}
	return nil
}
