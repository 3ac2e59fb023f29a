package search

import (
	"context"
	"encoding/json"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Stopping a search when its context ends. bleve's collector looks at the
// context once every 1024 hits, and between two hits a searcher may walk
// long posting lists: a phrase searcher reads the positions of every
// document holding all its words before it finds one with the phrase, and
// a conjunction of such phrases multiplies that. So every read a search
// makes of the index goes through guardedReader: a term's postings stop
// with the context's error within checkEvery documents, and so do the
// dictionary walks of accent restoration and of partial numbers. Every
// searcher of the query, bleve's or the engine's, reads through it, so
// nothing of the search outlives its context by more than a few posting
// reads (TestCancelStopsWork counts them).

// checkEvery is how many postings a search reads (or dictionary terms a
// walk returns) between two looks at the context: a look is a
// non-blocking receive, a few nanoseconds, against tens for a posting.
const checkEvery = 32

// guarded is a query whose searcher reads the index through a
// guardedReader. The posting reads are counted in work, one counter a
// search: the postings of concurrent searches are not counted on one
// cache line.
type guarded struct {
	q    query.Query
	work *searchWork
}

// searchWork is what one search has read, and its limit: postings, and
// among them those read with positions (a phrase's words), which stop the
// search past maxPositions (0: no limit) with errPositions.
type searchWork struct {
	postings     atomic.Uint64
	positions    atomic.Uint64
	maxPositions uint64
	// checkpoint, when set, is called with the postings count at each
	// look at the context, just before it (Searcher.watch)
	checkpoint func(postings uint64)
}

// overPositions reports whether the search read more positions than its
// limit (and was stopped for it).
func (w *searchWork) overPositions() bool {
	return w.maxPositions > 0 && w.positions.Load() > w.maxPositions
}

func (g *guarded) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return g.q.Searcher(ctx, guard(ctx, r, g.work), m, o)
}

// guarded is q reading the index through a guard counting in work.
func (s *Searcher) guarded(q query.Query, work *searchWork) query.Query {
	if s.unguarded {
		return q
	}
	return &guarded{q: q, work: work}
}

// guard is r read through a guard for ctx, counting in work.
func (s *Searcher) guard(ctx context.Context, r index.IndexReader, work *searchWork) index.IndexReader {
	if s.unguarded {
		return r
	}
	return guard(ctx, r, work)
}

// MarshalJSON writes the query it guards.
func (g *guarded) MarshalJSON() ([]byte, error) { return json.Marshal(g.q) }

// guard returns r reading through ctx, or r itself when it is not a scorch
// snapshot: the reader forwards the optional interfaces a snapshot has
// (BM25 statistics, regexp, fuzzy and contains dictionaries), which
// bleve's searchers look for by type assertion, and another reader may
// lack them.
func guard(ctx context.Context, r index.IndexReader, work *searchWork) index.IndexReader {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return r
	}
	return &guardedReader{IndexSnapshot: snap, ctx: ctx, done: ctx.Done(), work: work}
}

// guardedReader is a snapshot whose term readers and dictionaries stop
// when ctx ends.
type guardedReader struct {
	*scorch.IndexSnapshot
	ctx  context.Context
	done <-chan struct{}
	work *searchWork
}

func (g *guardedReader) stopped() bool {
	select {
	case <-g.done:
		return true
	default:
		return false
	}
}

func (g *guardedReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	if g.stopped() {
		return nil, g.ctx.Err()
	}
	tfr, err := g.IndexSnapshot.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, err
	}
	return &guardedTFR{TermFieldReader: tfr, g: g, positions: vectors}, nil
}

func (g *guardedReader) FieldDict(field string) (index.FieldDict, error) {
	return g.dict(g.IndexSnapshot.FieldDict(field))
}

func (g *guardedReader) FieldDictRange(field string, start, end []byte) (index.FieldDict, error) {
	return g.dict(g.IndexSnapshot.FieldDictRange(field, start, end))
}

func (g *guardedReader) FieldDictPrefix(field string, prefix []byte) (index.FieldDict, error) {
	return g.dict(g.IndexSnapshot.FieldDictPrefix(field, prefix))
}

func (g *guardedReader) FieldDictRegexp(field, re string) (index.FieldDict, error) {
	return g.dict(g.IndexSnapshot.FieldDictRegexp(field, re))
}

func (g *guardedReader) FieldDictRegexpAutomaton(field, re string) (index.FieldDict, index.RegexAutomaton, error) {
	d, a, err := g.IndexSnapshot.FieldDictRegexpAutomaton(field, re)
	d, err = g.dict(d, err)
	return d, a, err
}

func (g *guardedReader) FieldDictFuzzy(field, term string, fuzziness int, prefix string) (index.FieldDict, error) {
	return g.dict(g.IndexSnapshot.FieldDictFuzzy(field, term, fuzziness, prefix))
}

func (g *guardedReader) FieldDictFuzzyAutomaton(field, term string, fuzziness int, prefix string) (index.FieldDict, index.FuzzyAutomaton, error) {
	d, a, err := g.IndexSnapshot.FieldDictFuzzyAutomaton(field, term, fuzziness, prefix)
	d, err = g.dict(d, err)
	return d, a, err
}

func (g *guardedReader) dict(d index.FieldDict, err error) (index.FieldDict, error) {
	if err != nil {
		return nil, err
	}
	if g.stopped() {
		d.Close()
		return nil, g.ctx.Err()
	}
	return &guardedDict{FieldDict: d, g: g}, nil
}

// guardedTFR is a term's postings that stop when the search's context
// ends. It counts the postings it returns.
type guardedTFR struct {
	index.TermFieldReader
	g         *guardedReader
	positions bool // read with positions (a phrase's word)
}

// step counts one posting and looks at the context every checkEvery
// postings of the search (not of this reader: a conjunction of phrases
// steps through many readers a few postings each). A posting read with
// positions counts against the search's limit too.
func (t *guardedTFR) step() error {
	w := t.g.work
	if t.positions && w.maxPositions > 0 && w.positions.Add(1) > w.maxPositions {
		return errPositions
	}
	return t.g.Step()
}

// Step counts one posting read without positions (the engine's term
// readers, engine.Guard, call it) and looks at the context every
// checkEvery postings of the search.
func (g *guardedReader) Step() error {
	n := g.work.postings.Add(1)
	if n%checkEvery != 0 {
		return nil
	}
	if g.work.checkpoint != nil {
		g.work.checkpoint(n)
	}
	if g.stopped() {
		return g.ctx.Err()
	}
	return nil
}

// Snapshot is the snapshot read (engine.Snapshotter).
func (g *guardedReader) Snapshot() *scorch.IndexSnapshot { return g.IndexSnapshot }

func (t *guardedTFR) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if err := t.step(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Next(pre)
}

func (t *guardedTFR) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if err := t.step(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Advance(id, pre)
}

// Optimize lets bleve merge the postings of a conjunction or of an
// unscored disjunction as it does without the guard (the merged reader of
// an unscored disjunction is a bitmap walk: the collector's own look at
// the context, every 1024 hits, bounds it).
func (t *guardedTFR) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := t.TermFieldReader.(index.Optimizable); ok {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}

// guardedDict is a dictionary walk that stops when the search's context
// ends.
type guardedDict struct {
	index.FieldDict
	g *guardedReader
	n int
}

func (d *guardedDict) Next() (*index.DictEntry, error) {
	if d.n++; d.n%checkEvery == 0 && d.g.stopped() {
		return nil, d.g.ctx.Err()
	}
	return d.FieldDict.Next()
}
