package search

import (
	"container/heap"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
)

// This file is the top-k evaluation of a free-text query (MaxScore,
// Turtle & Flood 1995). bleve walks every posting of every query term: a
// long question of 20 words is over 100 term queries (six views, restored
// spellings), and most of the time goes to the long postings lists of the
// terms that weigh least. topKQuery scores the same plan as the bleve
// query Build makes, with bleve's own term scorers, and gives every
// document the score bleve would give it; but it keeps the k best scores
// seen so far, and a document whose best possible score is below the k-th
// is not scored: the lists of the lightest terms, whose bounds add up to
// less than that, are only moved forward (Advance, which skips whole
// blocks) to the documents the other lists propose. The bounds take
// bleve's coordination factors into account. The hits are the same as
// bleve's; the total is then only the number of documents scored. A query
// with many postings is ranked by two engines at once, one per half of the
// index, which share the k-th best score (parallelTopK).

// intent is a should clause of a query that asks for more than its words
// (intent.go): the documents with term in field get the text's score once
// more, times factor, plus the score of the term.
type intent struct {
	field, term string
	boost       float64 // of the term
	text        string
	factor      float64
}

// intentQuery is a query that is an intent clause.
type intentQuery interface {
	query.Query
	intent(st *termStats) intent
}

// topKQuery is a free text with its document numbers, abbreviation
// expansions and intents, ranked for the k best hits.
type topKQuery struct {
	text    *textQuery
	numbers []*query.TermQuery // the document-number terms beside the text
	// partials are the regexps of partial document numbers ("nq 154"):
	// each is, in bleve, a disjunction of the terms it matches
	partials  []*query.RegexpQuery
	expansion *textQuery    // nil without expansions
	intents   []intentQuery // innermost first
	k         int
	// parallel is the number of text postings from which two engines
	// rank the two halves of the index at once; 0 never.
	parallel uint64
	// exact is the bleve query of the same (Build's).
	exact query.Query
	// filter, when set, is the documents the search is restricted to
	// (Filters): unscored, as in bleve's boolean query.
	filter query.Query
	// exclude, when set, is the documents left out (-word, -"phrase"):
	// bleve's must-not, which changes no score either.
	exclude query.Query
	// excluded are the excluded texts (Query.Exclude), each a phrase on
	// the folded title and body
	excluded []string
	// share, when set, hands the text's plan to the page's counting pass
	// (matchSetQuery), which runs beside this search and would otherwise
	// compute it again (for an accent-free query, the restoration too).
	share *planShare
}

// planShare passes one search's text plan to another running at the same
// time. The first set wins; set(nil) says there will be no plan, and the
// waiting side computes its own.
type planShare struct {
	once sync.Once
	done chan struct{}
	plan [][]termSpec
}

func newPlanShare() *planShare { return &planShare{done: make(chan struct{})} }

func (p *planShare) set(plan [][]termSpec) {
	p.once.Do(func() { p.plan = plan; close(p.done) })
}

// wait returns the shared plan, or nil when there is none or ctx ends.
func (p *planShare) wait(ctx context.Context) [][]termSpec {
	select {
	case <-p.done:
		return p.plan
	case <-ctx.Done():
		return nil
	}
}

// topK returns the top-k form of bq, built by Build from q, or nil when bq
// has parts a top-k evaluation does not bound: quoted phrases (scored
// parts of their own). Filters and exclusions are kept: bleve drops the documents
// outside them without changing any score, and so does the top-k engine.
func topK(q Query, bq query.Query, k int) *topKQuery {
	if k <= 0 || len(q.Phrases) > 0 {
		return nil
	}
	var intents []intentQuery
	cur := bq
	for {
		b, ok := cur.(*query.BooleanQuery)
		if !ok || b.Must == nil {
			return nil
		}
		must, ok := b.Must.(*query.ConjunctionQuery)
		if !ok || len(must.Conjuncts) != 1 {
			return nil
		}
		var should query.Query
		if b.Should != nil {
			s, ok := b.Should.(*query.DisjunctionQuery)
			if !ok || len(s.Disjuncts) != 1 {
				return nil
			}
			should = s.Disjuncts[0]
		}
		if in, ok := should.(intentQuery); ok {
			// withIntents: boolean{must: the rest, should: one intent}
			if b.Filter != nil || b.MustNot != nil {
				return nil // Build filters and excludes in the innermost query only
			}
			intents = append(intents, in)
			cur = must.Conjuncts[0]
			continue
		}
		t := &topKQuery{k: k, exact: bq, filter: b.Filter, exclude: b.MustNot, excluded: q.Exclude}
		if should != nil {
			if t.expansion, ok = should.(*textQuery); !ok || t.expansion.boost <= 0 {
				return nil
			}
		}
		parts, ok := must.Conjuncts[0].(*query.DisjunctionQuery)
		if !ok {
			return nil
		}
		for _, p := range parts.Disjuncts {
			switch p := p.(type) {
			case *textQuery:
				if t.text != nil || p.boost != 0 {
					return nil
				}
				t.text = p
			case *query.TermQuery:
				t.numbers = append(t.numbers, p)
			case *query.RegexpQuery:
				t.partials = append(t.partials, p)
			default:
				return nil
			}
		}
		if t.text == nil {
			return nil
		}
		for _, in := range intents {
			if in.intent(nil).text != t.text.text {
				return nil
			}
		}
		slices.Reverse(intents) // collected outside in
		t.intents = intents
		return t
	}
}

// MarshalJSON writes the bleve query it ranks like.
func (q *topKQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.exact) }

// matchSetQuery matches the documents q's exact query matches, unscored:
// the intents and the expansion only add to scores, so the matches are the
// documents with any term of the text or any document number. As one flat
// disjunction of term queries, bleve unions their postings bitmaps at once
// when no score is asked for, instead of merging nested disjunctions.
type matchSetQuery struct{ q *topKQuery }

func (m *matchSetQuery) Searcher(ctx context.Context, r index.IndexReader, im mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var plan [][]termSpec
	if m.q.share != nil {
		// the ranking's plan; only its terms matter here, so a snapshot
		// taken a moment apart (a write in between) changes nothing
		// beyond the terms that write added or removed
		plan = m.q.share.wait(ctx)
	}
	if plan == nil {
		plan = m.q.text.plan(newStats(r))
	}
	var ts []query.Query
	for _, c := range plan {
		for _, t := range c {
			ts = append(ts, term(t.field, t.term, 1))
		}
	}
	for _, n := range m.q.numbers {
		ts = append(ts, n)
	}
	for _, p := range m.q.partials {
		ts = append(ts, p)
	}
	var q query.Query = bleve.NewDisjunctionQuery(ts...)
	if m.q.filter != nil || m.q.exclude != nil {
		b := bleve.NewBooleanQuery()
		b.AddMust(q)
		if m.q.filter != nil {
			b.AddFilter(m.q.filter)
		}
		if m.q.exclude != nil {
			b.MustNot = m.q.exclude
		}
		q = b
	}
	return q.Searcher(ctx, r, im, o)
}

// MarshalJSON writes the query it matches like.
func (m *matchSetQuery) MarshalJSON() ([]byte, error) { return json.Marshal(m.q.exact) }

func (q *topKQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if q.share != nil {
		defer q.share.set(nil) // no plan made: the counting pass makes its own
	}
	if o.Explain || o.IncludeTermVectors || o.Score == "none" {
		return q.exact.Searcher(ctx, r, m, o)
	}
	if err := bleveAgrees(); err != nil {
		return nil, err
	}
	st := newStats(r)
	plan := q.text.plan(st)
	if q.share != nil {
		q.share.set(plan)
	}
	if len(plan) == 0 {
		return q.exact.Searcher(ctx, r, m, o)
	}
	var exp [][]termSpec
	if q.expansion != nil {
		exp = q.expansion.plan(st)
	}
	intents := make([]intent, len(q.intents))
	for i, in := range q.intents {
		intents[i] = in.intent(st)
	}
	build := func() (*maxScoreSearcher, error) {
		e, err := q.engine(ctx, r, o, plan, exp, intents)
		if err != nil {
			return nil, err
		}
		for _, f := range []struct {
			q   query.Query
			dst **docFilter
		}{{q.filter, &e.filter}, {q.exclude, &e.exclude}} {
			if f.q == nil {
				continue
			}
			fs, err := f.q.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
			if err != nil {
				_ = e.Close()
				return nil, fmt.Errorf("top-k filter: %w", err)
			}
			*f.dst = &docFilter{s: fs}
		}
		return e, nil
	}
	one, err := build()
	if err != nil {
		return nil, err
	}
	// A long question on a large index: two engines, each on half of the
	// documents, on two cores, sharing the k-th best score.
	docs, _ := r.DocCount()
	if runtime.GOMAXPROCS(0) < 2 || q.parallel == 0 || one.textPostings() < q.parallel || docs < 2 {
		return one, nil
	}
	two, err := build()
	if err != nil {
		_ = one.Close()
		return nil, err
	}
	shared := new(atomic.Uint64)
	one.hi, two.lo = docs/2, docs/2
	one.shared, two.shared = shared, shared
	return &parallelTopK{ctx: ctx, engines: []*maxScoreSearcher{one, two}}, nil
}

// parallelPostings is the number of text postings from which a query is
// evaluated in two halves at once (Searcher.parallel).
const parallelPostings = 200_000

// engine is one top-k searcher of the plan.
func (q *topKQuery) engine(ctx context.Context, r index.IndexReader, o bsearch.SearcherOptions, plan, exp [][]termSpec, intents []intent) (*maxScoreSearcher, error) {
	s := &maxScoreSearcher{k: q.k, hi: math.MaxUint64, ctx: ctx}
	fail := func(err error) (*maxScoreSearcher, error) {
		_ = s.Close()
		return nil, err
	}
	newList := func(field, term string, boost float64, clause int) (*posting, error) {
		ts, err := searcher.NewTermSearcher(ctx, r, term, field, boost, o)
		if err != nil {
			return nil, fmt.Errorf("top-k term %s:%s: %w", field, term, err)
		}
		p := &posting{s: ts, boost: boost, clause: clause}
		s.all = append(s.all, p)
		return p, nil
	}
	addPlan := func(pl [][]termSpec, dst *planLists) (weight float64, err error) {
		dst.clauseLen = make([]int, len(pl))
		for ci, c := range pl {
			dst.clauseLen[ci] = len(c)
			for _, t := range c {
				p, err := newList(t.field, t.term, t.boost, ci)
				if err != nil {
					return 0, err
				}
				dst.lists = append(dst.lists, p)
				weight += p.s.Weight()
			}
		}
		dst.sum = make([]float64, len(pl))
		dst.matched = make([]int, len(pl))
		return weight, nil
	}
	// bleve's query norm: the sum of the squared weights of every term
	// query; each intent's copy of the text weighs factor² as much.
	textWeight, err := addPlan(plan, &s.text)
	if err != nil {
		return fail(err)
	}
	weight := textWeight
	for _, n := range q.numbers {
		p, err := newList(n.Field(), n.Term, n.Boost(), 0)
		if err != nil {
			return fail(err)
		}
		p.kind = numberList
		s.numbers = append(s.numbers, p)
		weight += p.s.Weight()
	}
	s.partials.clauseLen = make([]int, len(q.partials))
	for ci, pq := range q.partials {
		terms, err := regexpTerms(r, pq)
		if err != nil {
			return fail(err)
		}
		s.partials.clauseLen[ci] = len(terms)
		for _, t := range terms {
			p, err := newList(pq.Field(), t, pq.Boost(), ci)
			if err != nil {
				return fail(err)
			}
			p.kind = partialList
			s.partials.lists = append(s.partials.lists, p)
			weight += p.s.Weight()
		}
	}
	s.partials.sum = make([]float64, len(q.partials))
	s.partials.matched = make([]int, len(q.partials))
	if len(exp) > 0 {
		ew, err := addPlan(exp, &s.expansion)
		if err != nil {
			return fail(err)
		}
		weight += ew
	}
	for _, it := range intents {
		p, err := newList(it.field, it.term, it.boost, 0)
		if err != nil {
			return fail(err)
		}
		p.factor, p.kind = it.factor, intentList
		s.intents = append(s.intents, p)
		weight += p.s.Weight() + textWeight*it.factor*it.factor
	}
	s.weight = weight
	if weight > 0 {
		s.SetQueryNorm(1 / math.Sqrt(weight))
	}
	return s, nil
}

// regexpTerms are the terms of the field that q's regexp matches, as
// bleve's regexp searcher finds them (leading ^ dropped).
func regexpTerms(r index.IndexReader, q *query.RegexpQuery) ([]string, error) {
	rr, ok := r.(index.IndexReaderRegexp)
	if !ok {
		return nil, fmt.Errorf("top-k: the index cannot list terms by regexp")
	}
	d, err := rr.FieldDictRegexp(q.Field(), strings.TrimPrefix(q.Regexp, "^"))
	if err != nil {
		return nil, fmt.Errorf("top-k: regexp %q: %w", q.Regexp, err)
	}
	defer d.Close()
	var terms []string
	seen := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return terms, nil
		}
		if !seen[e.Term] {
			seen[e.Term] = true
			terms = append(terms, e.Term)
		}
	}
}

// textPostings is the number of postings of the text terms.
func (s *maxScoreSearcher) textPostings() uint64 {
	var n uint64
	for _, l := range s.text.lists {
		n += l.s.Count()
	}
	return n
}

// parallelTopK runs its engines at once, each on its own range of
// documents; the engines share the k-th best score, which only ever bounds
// the final one from below, so every document of the top k is returned.
type parallelTopK struct {
	ctx     context.Context
	engines []*maxScoreSearcher
	ran     bool
	hits    []topHit
	next    int
}

type topHit struct {
	id    index.IndexInternalID
	score float64
}

func (p *parallelTopK) run() error {
	p.ran = true
	out := make([][]topHit, len(p.engines))
	errs := make([]error, len(p.engines))
	var wg sync.WaitGroup
	for i, e := range p.engines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(e.DocumentMatchPoolSize()+1, 0)}
			for {
				dm, err := e.Next(sc)
				if err != nil || dm == nil {
					errs[i] = err
					return
				}
				out[i] = append(out[i], topHit{slices.Clone(dm.IndexInternalID), dm.Score})
				sc.DocumentMatchPool.Put(dm)
			}
		}()
	}
	wg.Wait()
	for i := range p.engines {
		if errs[i] != nil {
			return errs[i]
		}
		p.hits = append(p.hits, out[i]...)
	}
	return nil
}

func (p *parallelTopK) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !p.ran {
		if err := p.run(); err != nil {
			return nil, err
		}
	}
	if p.next >= len(p.hits) {
		return nil, nil
	}
	h := p.hits[p.next]
	p.next++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], h.id...)
	dm.Score = h.score
	return dm, nil
}

func (p *parallelTopK) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	for {
		dm, err := p.Next(ctx)
		if err != nil || dm == nil || dm.IndexInternalID.Compare(id) >= 0 {
			return dm, err
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

func (p *parallelTopK) Close() error {
	var first error
	for _, e := range p.engines {
		if err := e.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (p *parallelTopK) Weight() float64 { return p.engines[0].Weight() }

func (p *parallelTopK) SetQueryNorm(n float64) {
	for _, e := range p.engines {
		e.SetQueryNorm(n)
	}
}

func (p *parallelTopK) Count() uint64 { return p.engines[0].Count() }
func (p *parallelTopK) Min() int      { return 0 }

func (p *parallelTopK) Size() int {
	n := 64 + 32*len(p.hits)
	for _, e := range p.engines {
		n += e.Size()
	}
	return n
}

func (p *parallelTopK) DocumentMatchPoolSize() int { return 1 }

// posting is one term query's postings in the top-k searcher.
type posting struct {
	s      bsearch.Searcher
	cur    *bsearch.DocumentMatch // nil before the first read, at the end, or when taken
	id     uint64                 // cur's document; math.MaxUint64 at the end
	read   bool                   // the list has been read
	ub     float64                // the term's highest possible score
	boost  float64
	clause int     // in a plan
	factor float64 // of an intent
	kind   int8    // textList, numberList, partialList or intentList
}

const (
	textList int8 = iota
	numberList
	partialList
	intentList
)

// planLists are the postings of a textQuery plan.
type planLists struct {
	lists     []*posting
	clauseLen []int
	sum       []float64 // per clause: the scores of the matching terms
	matched   []int     // per clause: how many terms matched
}

func (p *planLists) reset() {
	clear(p.sum)
	clear(p.matched)
}

func (p *planLists) add(l *posting) {
	p.sum[l.clause] += l.cur.Score
	p.matched[l.clause]++
}

// bound is the text score of a document matching cnt[c] terms of clause c
// with scores summing to sum[c], computed as bleve does (see score).
func (p *planLists) bound(cnt []int, sum []float64) float64 {
	var text float64
	n := 0
	for c, k := range cnt {
		if k > 0 {
			n++
			text += sum[c] * float64(k) / float64(p.clauseLen[c])
		}
	}
	return text * float64(n) / float64(len(p.clauseLen)) * (1 + 1e-9)
}

// score is bleve's score of a textQuery: each clause a disjunction (sum ×
// the share of its terms that matched), the text a disjunction of clauses.
func (p *planLists) score() (float64, bool) {
	var text float64
	n := 0
	for c, sum := range p.sum {
		if p.matched[c] > 0 {
			n++
			text += sum * float64(p.matched[c]) / float64(p.clauseLen[c])
		}
	}
	if n == 0 {
		return 0, false
	}
	return text * float64(n) / float64(len(p.sum)), true
}

// maxScoreSearcher is the search.Searcher of topKQuery. A document's score
// is bleve's:
//
//	(text + numbers) × share of them matched   — the must disjunction
//	+ expansion                                — a should clause
//	+ Σ intents matched: term + factor × text  — nested should clauses
type maxScoreSearcher struct {
	text      planLists  // lists ascending by upper bound, after start
	numbers   []*posting // always read
	partials  planLists  // always read; one clause per partial number
	expansion planLists  // lists descending by upper bound
	intents   []*posting // always read
	all       []*posting
	k         int
	weight    float64
	qnorm     float64
	lo, hi    uint64         // the documents this searcher ranks: [lo, hi)
	shared    *atomic.Uint64 // the k-th best score of all engines (float64 bits); nil alone
	ctx       context.Context
	steps     int // candidates since the context was last checked

	started   bool
	prefix    []float64 // prefix[i]: the bound of a document only text.lists[:i] match
	restCnt   []int     // per clause: how many of text.lists[:essential] are in it
	restSum   []float64 // per clause: the sum of their bounds
	rc        []int     // restCnt, as a candidate's lists are read
	rs        []float64 // restSum, likewise
	cv        []float64 // per clause: its bound for the candidate
	expBound  float64   // the sum of the bounds of the expansion lists
	essential int       // text.lists[essential:] propose documents
	best      scoreHeap // the k best scores returned
	theta     float64   // the k-th best score, 0 before k
	done      bool
	filter    *docFilter // the documents allowed; nil: all
	exclude   *docFilter // the documents left out; nil: none
	iscore    []float64  // per intent: its term's score at the candidate, -1 if none
	prop      []*posting
	propFrom  int        // the essential index prop was made for
	atD       []*posting // the proposers on the candidate
}

func internalID(dm *bsearch.DocumentMatch) (uint64, error) {
	if len(dm.IndexInternalID) != 8 {
		return 0, fmt.Errorf("top-k: unexpected internal id %x", dm.IndexInternalID)
	}
	return binary.BigEndian.Uint64(dm.IndexInternalID), nil
}

func idBytes(id uint64) index.IndexInternalID {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

// upperBound is the highest score a term searcher can give: bleve's BM25
// term score is queryWeight·idf·BleveTF < queryWeight·idf·MaxBleveTF
// (bm25), with queryWeight = boost·idf·queryNorm and Weight() = (boost·idf)².
func upperBound(s bsearch.Searcher, boost, qnorm float64) float64 {
	if boost <= 0 {
		return 0
	}
	return s.Weight() * qnorm * bm25.Default().MaxBleveTF() / boost * (1 + 1e-9)
}

// bleveAgrees reports an error unless bleve's term scorer uses the BM25
// parameters the bounds are computed with. bleve keeps them in package
// variables (search.BM25_k1, search.BM25_b) that vanban never sets; this
// is the one place that reads them.
func bleveAgrees() error {
	if bsearch.BM25_k1 != bm25.K1 || bsearch.BM25_b != bm25.B {
		return fmt.Errorf("top-k: bleve's BM25 parameters (k1 %g, b %g) are not bm25's (%g, %g): its bounds would not hold",
			bsearch.BM25_k1, bsearch.BM25_b, bm25.K1, bm25.B)
	}
	return nil
}

func (s *maxScoreSearcher) start(ctx *bsearch.SearchContext) error {
	s.started = true
	for _, l := range s.all {
		l.ub = upperBound(l.s, l.boost, s.qnorm)
	}
	byBound := func(a, b *posting) int {
		switch {
		case a.ub < b.ub:
			return -1
		case a.ub > b.ub:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(s.text.lists, byBound)
	// The bound of a document that only the lightest lists match: bleve
	// scales each clause by the share of its terms that matched and the
	// text by the share of clauses, so the bound is that of matching all
	// of them, shares included — far below the plain sum of their bounds.
	nc := len(s.text.clauseLen)
	cnt, sum := make([]int, nc), make([]float64, nc)
	s.prefix = make([]float64, len(s.text.lists)+1)
	for i, l := range s.text.lists {
		cnt[l.clause]++
		sum[l.clause] += l.ub
		s.prefix[i+1] = s.text.bound(cnt, sum)
	}
	s.restCnt, s.restSum = make([]int, nc), make([]float64, nc)
	s.rc, s.rs, s.cv = make([]int, nc), make([]float64, nc), make([]float64, nc)
	slices.SortStableFunc(s.expansion.lists, func(a, b *posting) int { return byBound(b, a) })
	for _, l := range s.expansion.lists {
		s.expBound += l.ub
	}
	s.iscore = make([]float64, len(s.intents))
	for _, l := range slices.Concat(s.text.lists, s.numbers, s.partials.lists, s.intents) {
		var err error
		if s.lo > 0 {
			err = l.advance(ctx, s.lo)
		} else {
			err = l.next(ctx)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (l *posting) next(ctx *bsearch.SearchContext) error {
	if l.cur != nil {
		ctx.DocumentMatchPool.Put(l.cur)
	}
	dm, err := l.s.Next(ctx)
	return l.set(dm, err)
}

// advance moves the list to the first document at or after id.
func (l *posting) advance(ctx *bsearch.SearchContext, id uint64) error {
	if l.read && l.id >= id {
		return nil
	}
	if l.cur != nil {
		ctx.DocumentMatchPool.Put(l.cur)
	}
	dm, err := l.s.Advance(ctx, idBytes(id))
	return l.set(dm, err)
}

func (l *posting) set(dm *bsearch.DocumentMatch, err error) error {
	l.read, l.cur, l.id = true, dm, math.MaxUint64
	if err != nil {
		l.cur = nil
		return err
	}
	if dm != nil {
		l.id, err = internalID(dm)
	}
	return err
}

// moveEssential takes out of the essential set the text lists whose bounds,
// with the expansion's, add up to less than theta: a document only they
// match cannot enter the top k.
func (s *maxScoreSearcher) moveEssential() {
	for s.essential < len(s.text.lists) && s.prefix[s.essential+1]+s.expBound < s.theta {
		l := s.text.lists[s.essential]
		s.restCnt[l.clause]++
		s.restSum[l.clause] += l.ub
		s.essential++
	}
}

func (s *maxScoreSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for {
		if s.steps++; s.steps >= 4096 {
			s.steps = 0
			if s.ctx != nil {
				if err := s.ctx.Err(); err != nil {
					return nil, err
				}
			}
		}
		if s.shared != nil {
			if t := math.Float64frombits(s.shared.Load()); t > s.theta {
				s.theta = t
				s.moveEssential()
			}
		}
		// the candidate: the lowest document of the essential text lists,
		// the numbers and the intents' terms
		d := uint64(math.MaxUint64)
		s.atD = s.atD[:0]
		for _, l := range s.proposers() {
			switch {
			case l.id < d:
				d = l.id
				s.atD = append(s.atD[:0], l)
			case l.id == d:
				s.atD = append(s.atD, l)
			}
		}
		if d >= s.hi {
			s.done = true
			return nil, nil
		}
		if s.filter != nil {
			in, next, err := s.filter.at(ctx, d)
			if err != nil {
				return nil, err
			}
			if !in {
				// nothing before the filter's next document can match
				if next >= s.hi {
					s.done = true
					return nil, nil
				}
				for _, l := range s.atD {
					if err := l.advance(ctx, next); err != nil {
						return nil, err
					}
				}
				continue
			}
		}
		if s.exclude != nil {
			out, _, err := s.exclude.at(ctx, d)
			if err != nil {
				return nil, err
			}
			if out {
				for _, l := range s.atD {
					if err := l.next(ctx); err != nil {
						return nil, err
					}
				}
				continue
			}
		}
		dm, err := s.score(ctx, d)
		if err != nil || dm != nil {
			return dm, err
		}
	}
}

// score scores the candidate d and moves the proposing lists past it. It
// returns nil when d cannot enter the top k or is not a match.
func (s *maxScoreSearcher) score(ctx *bsearch.SearchContext, d uint64) (*bsearch.DocumentMatch, error) {
	var out *bsearch.DocumentMatch
	take := func(l *posting) {
		if out == nil {
			out, l.cur = l.cur, nil
		}
	}
	// what is known at d: the intents, the numbers, the essential lists
	var mult, iadd float64 // intents: Σ factor, Σ term score
	for i, l := range s.intents {
		s.iscore[i] = -1
		if l.id == d {
			s.iscore[i] = l.cur.Score
			mult += l.factor
			iadd += l.cur.Score
		}
	}
	var nsum float64
	nmatched := 0
	for _, l := range s.numbers {
		if l.id == d {
			nsum += l.cur.Score
			nmatched++
			take(l)
		}
	}
	if len(s.partials.clauseLen) > 0 {
		// each partial number is a part of its own, scaled by the share
		// of its terms that matched
		s.partials.reset()
		for _, l := range s.partials.lists {
			if l.id == d {
				s.partials.add(l)
				take(l)
			}
		}
		for c, sum := range s.partials.sum {
			if m := s.partials.matched[c]; m > 0 {
				nsum += sum * float64(m) / float64(s.partials.clauseLen[c])
				nmatched++
			}
		}
	}
	s.text.reset()
	for _, l := range s.atD {
		if l.kind == textList {
			s.text.add(l)
			take(l)
		}
	}
	// the lighter text lists, heaviest first, while d can still make it:
	// the text's bound is kept per clause (matched and unread terms)
	copy(s.rc, s.restCnt)
	copy(s.rs, s.restSum)
	clauses := len(s.text.clauseLen)
	var total float64
	touched := 0
	for c := range clauses {
		s.cv[c] = 0
		if a := s.text.matched[c] + s.rc[c]; a > 0 {
			touched++
			s.cv[c] = float64(a) / float64(s.text.clauseLen[c]) * (s.text.sum[c] + s.rs[c])
			total += s.cv[c]
		}
	}
	complete := true
	for i := s.essential - 1; i >= 0; i-- {
		tb := total * float64(touched) / float64(clauses) * (1 + 1e-9)
		if (1+mult)*tb+nsum+iadd+s.expBound < s.theta {
			complete = false
			break
		}
		l := s.text.lists[i]
		c := l.clause
		if err := l.advance(ctx, d); err != nil {
			return nil, err
		}
		s.rc[c]--
		s.rs[c] -= l.ub
		if s.rc[c] == 0 {
			s.rs[c] = 0
		}
		if l.id == d {
			s.text.add(l)
			take(l)
		}
		old := s.cv[c]
		s.cv[c] = 0
		if a := s.text.matched[c] + s.rc[c]; a > 0 {
			s.cv[c] = float64(a) / float64(s.text.clauseLen[c]) * (s.text.sum[c] + s.rs[c])
		} else {
			touched--
		}
		total += s.cv[c] - old
	}
	var score float64
	ok := false
	if complete {
		var err error
		if score, ok, err = s.exact(ctx, d, nsum, nmatched); err != nil {
			return nil, err
		}
	}
	// move the proposing lists past d
	for _, l := range s.atD {
		if err := l.next(ctx); err != nil {
			return nil, err
		}
	}
	if !ok || score < s.theta {
		if out != nil {
			ctx.DocumentMatchPool.Put(out)
		}
		return nil, nil
	}
	out.Score = score
	if len(s.best) < s.k {
		heap.Push(&s.best, score)
	} else if score > s.best[0] {
		s.best[0] = score
		heap.Fix(&s.best, 0)
	}
	if len(s.best) == s.k && s.best[0] > s.theta {
		s.theta = s.best[0]
		if s.shared != nil {
			// publish the k-th best if it is the best bound of all engines
			for {
				old := s.shared.Load()
				if math.Float64frombits(old) >= s.theta || s.shared.CompareAndSwap(old, math.Float64bits(s.theta)) {
					break
				}
			}
		}
		s.moveEssential()
	}
	return out, nil
}

// proposers are the lists whose documents are candidates: the numbers,
// the intents' terms and the essential text lists.
func (s *maxScoreSearcher) proposers() []*posting {
	if s.prop == nil || s.propFrom != s.essential {
		s.prop = slices.Concat(s.numbers, s.partials.lists, s.intents, s.text.lists[s.essential:])
		s.propFrom = s.essential
	}
	return s.prop
}

// exact is d's score, once every text list is on or past d; ok is false
// when d is not a match, or its expansion cannot lift it into the top k.
func (s *maxScoreSearcher) exact(ctx *bsearch.SearchContext, d uint64, nsum float64, nmatched int) (float64, bool, error) {
	text, matched := s.text.score()
	parts := nmatched
	if matched {
		parts++
	}
	if parts == 0 {
		return 0, false, nil
	}
	must := (text + nsum) * float64(parts) / float64(1+len(s.numbers)+len(s.partials.clauseLen))
	var intents float64
	if matched {
		for i, l := range s.intents {
			if s.iscore[i] >= 0 {
				intents += s.iscore[i] + l.factor*text
			}
		}
	}
	score := must
	if len(s.expansion.lists) > 0 {
		s.expansion.reset()
		var known float64
		rest := s.expBound
		for _, l := range s.expansion.lists {
			if must+intents+known+rest < s.theta {
				return 0, false, nil
			}
			rest -= l.ub
			if err := l.advance(ctx, d); err != nil {
				return 0, false, err
			}
			if l.id == d {
				known += l.cur.Score
				s.expansion.add(l)
			}
		}
		if e, ok := s.expansion.score(); ok {
			score += e
		}
	}
	if matched {
		for i, l := range s.intents {
			if s.iscore[i] >= 0 {
				score += s.iscore[i] + l.factor*text
			}
		}
	}
	return score, true, nil
}

func (s *maxScoreSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	// Not called by the collector (topKQuery is the whole query); kept
	// correct: move the proposing lists to id, then go on.
	if len(id) != 8 {
		return nil, fmt.Errorf("top-k: unexpected internal id %x", id)
	}
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	target := binary.BigEndian.Uint64(id)
	for _, l := range s.proposers() {
		if err := l.advance(ctx, target); err != nil {
			return nil, err
		}
	}
	return s.Next(ctx)
}

func (s *maxScoreSearcher) Close() error {
	var first error
	for _, l := range s.all {
		if err := l.s.Close(); err != nil && first == nil {
			first = err
		}
	}
	for _, f := range []*docFilter{s.filter, s.exclude} {
		if f != nil {
			if err := f.s.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// docFilter answers whether candidates, in increasing order, are among
// a filter searcher's documents.
type docFilter struct {
	s       bsearch.Searcher
	cur     *bsearch.DocumentMatch
	id      uint64 // cur's document; math.MaxUint64 once exhausted
	started bool
}

// at reports whether d is in the filter, and the filter's first document
// at or after d. Calls must come with d increasing.
func (f *docFilter) at(ctx *bsearch.SearchContext, d uint64) (bool, uint64, error) {
	if !f.started || f.id < d {
		f.started = true
		if f.cur != nil {
			ctx.DocumentMatchPool.Put(f.cur)
			f.cur = nil
		}
		dm, err := f.s.Advance(ctx, idBytes(d))
		if err != nil {
			return false, 0, err
		}
		f.cur, f.id = dm, math.MaxUint64
		if dm != nil {
			if f.id, err = internalID(dm); err != nil {
				return false, 0, err
			}
		}
	}
	return f.id == d, f.id, nil
}

func (s *maxScoreSearcher) Weight() float64 { return s.weight }

func (s *maxScoreSearcher) SetQueryNorm(n float64) {
	s.qnorm = n
	for _, l := range s.all {
		l.s.SetQueryNorm(n)
	}
}

func (s *maxScoreSearcher) Count() uint64 {
	var n uint64
	for _, l := range s.all {
		n += l.s.Count()
	}
	return n
}

func (s *maxScoreSearcher) Min() int { return 0 }

func (s *maxScoreSearcher) Size() int {
	n := 256 + 8*len(s.best)
	for _, l := range s.all {
		n += l.s.Size() + 64
	}
	return n
}

func (s *maxScoreSearcher) DocumentMatchPoolSize() int {
	n := len(s.all) + 1
	for _, f := range []*docFilter{s.filter, s.exclude} {
		if f != nil {
			n += f.s.DocumentMatchPoolSize() + 1
		}
	}
	return n
}

// scoreHeap is a min-heap of scores.
type scoreHeap []float64

func (h scoreHeap) Len() int           { return len(h) }
func (h scoreHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h scoreHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoreHeap) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *scoreHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
