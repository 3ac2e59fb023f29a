package engine

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Reading a term's postings once per search. A long question is resolved
// into over a hundred terms, and each was looked up in every segment's
// dictionary three times: for its document frequency (the weights and the
// pruning of search), then once by each of the two engines of a split
// query, each time through a new bleve term reader that opens every
// segment's dictionary and an iterator per segment. On a 20,000-document
// index those lookups were a third of a question's CPU time. Postings
// looks each (field, term) up once per segment, and the engine's term
// readers iterate those postings lists, each only in the segments of its
// half of the index. bleve's term searcher scores what they read, as it
// scores what bleve's own reader reads: the same postings (live documents
// of the same lists), the same frequencies and norms.

// Postings are the postings lists of the terms of one snapshot, looked up
// once each. It is not safe for concurrent use: a search looks its terms
// up on one goroutine, then the engines iterate them (each its own
// iterators).
type Postings struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // offsets[i]: the first document number of segment i; one past the last at the end
	dicts   map[string][]segment.TermDictionary
	terms   map[[2]string]*termPostings
	guard   Guard
	snap    *scorch.IndexSnapshot
	cache   *Cache // nil: none
}

// termPostings are one term's postings lists, one per segment (nil where
// the segment does not hold the term), and its live documents.
type termPostings struct {
	term  []byte
	name  string // term
	field string
	lists []segment.PostingsList
	count uint64
}

// Guard is what a reader that bounds a search's reads (search's guard)
// offers the engine: Step is called once per posting read and returns an
// error when the search must stop.
type Guard interface {
	Step() error
}

// Snapshotter is a reader that wraps a scorch snapshot.
type Snapshotter interface {
	Snapshot() *scorch.IndexSnapshot
}

// NewPostings returns the postings of r's snapshot, or nil when r is not a
// scorch snapshot (or a Snapshotter). When r is a Guard, the term readers
// made from the postings step it once per posting. The document
// frequencies are kept in c, when not nil, for the later searches of the
// snapshot.
func NewPostings(r index.IndexReader, c *Cache) *Postings {
	snap := snapshotOf(r)
	if snap == nil {
		return nil
	}
	p := &Postings{segs: snap.Segments(), dicts: map[string][]segment.TermDictionary{}, terms: map[[2]string]*termPostings{}, snap: snap, cache: c}
	p.offsets = make([]uint64, len(p.segs)+1)
	for i, s := range p.segs {
		p.offsets[i+1] = p.offsets[i] + s.Segment().Count()
	}
	p.guard, _ = r.(Guard)
	return p
}

func snapshotOf(r index.IndexReader) *scorch.IndexSnapshot {
	switch s := r.(type) {
	case *scorch.IndexSnapshot:
		return s
	case Snapshotter:
		return s.Snapshot()
	}
	return nil
}

// DocFreq is the number of live documents holding term in field: the
// count bleve's term reader gives (and its scorer's idf uses).
func (p *Postings) DocFreq(field, term string) (uint64, error) {
	if t, ok := p.terms[[2]string{field, term}]; ok {
		return t.count, nil
	}
	if p.cache != nil {
		if df, ok := p.cache.docFreq(p.snap, field, term); ok {
			return df, nil
		}
	}
	t, err := p.lookup(field, term)
	if err != nil {
		return 0, err
	}
	if p.cache != nil {
		p.cache.putDocFreq(p.snap, field, term, t.count)
	}
	return t.count, nil
}

func (p *Postings) lookup(field, term string) (*termPostings, error) {
	k := [2]string{field, term}
	if t, ok := p.terms[k]; ok {
		return t, nil
	}
	ds, err := p.dictionaries(field)
	if err != nil {
		return nil, err
	}
	t := &termPostings{term: []byte(term), name: term, field: field, lists: make([]segment.PostingsList, len(p.segs))}
	for i, s := range p.segs {
		del := s.Deleted()
		if del != nil && del.IsEmpty() {
			del = nil // zap's faster path for a list without deletions (cursor.go)
		}
		pl, err := ds[i].PostingsList(t.term, del, nil)
		if err != nil {
			return nil, fmt.Errorf("engine: term %s:%s: %w", field, term, err)
		}
		if n := pl.Count(); n > 0 {
			t.lists[i] = pl
			t.count += n
		}
	}
	p.terms[k] = t
	return t, nil
}

// dictionaries are field's dictionary in each segment, opened once.
func (p *Postings) dictionaries(field string) ([]segment.TermDictionary, error) {
	if ds, ok := p.dicts[field]; ok {
		return ds, nil
	}
	ds := make([]segment.TermDictionary, len(p.segs))
	for i, s := range p.segs {
		d, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, fmt.Errorf("engine: dictionary %s: %w", field, err)
		}
		ds[i] = d
	}
	p.dicts[field] = ds
	return ds, nil
}

// segmentOf is the segment holding document id.
func (p *Postings) segmentOf(id uint64) int {
	return sort.Search(len(p.segs), func(i int) bool { return p.offsets[i+1] > id })
}

// lazyMin is the length of a list in a segment from which a lazy reader
// walks it lazily: a shorter list costs little to walk, and its lazy
// cursor more to make than it saves (BenchmarkTopK's 3,000 documents in
// segments of ~150).
const lazyMin = 512

// reader is a term reader of field:term over the documents [lo, hi) (more
// precisely, over the segments holding them; the engine bounds its range
// itself). A lazy reader leaves a posting's frequency and norm unread
// until resolve is called (cursor.go) in the segments where the list has
// at least lazyMin postings; others read them with the posting.
func (p *Postings) reader(field, term string, lo, hi uint64, lazy bool) (*termReader, error) {
	t, err := p.lookup(field, term)
	if err != nil {
		return nil, err
	}
	r := &termReader{p: p, t: t, curs: make([]*cursor, len(p.segs)), lazy: lazy}
	r.seg = len(p.segs)
	for i, pl := range t.lists {
		if pl == nil || p.offsets[i+1] <= lo || p.offsets[i] >= hi {
			continue
		}
		r.curs[i] = newCursor(p.segs[i].Segment(), pl, lazy && pl.Count() >= lazyMin)
		r.seg = min(r.seg, i)
	}
	return r, nil
}

// termReader is an index.TermFieldReader over a term's postings lists: the
// documents, frequencies and norms bleve's own reader returns, read from
// the lists Postings looked up.
type termReader struct {
	p    *Postings
	t    *termPostings
	curs []*cursor // per segment; nil: a segment not read
	seg  int       // the segment being read
	num  uint64    // the document last read
	lazy bool      // Next and Advance leave the frequency and norm to resolve
}

func (r *termReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if g := r.p.guard; g != nil {
		if err := g.Step(); err != nil {
			return nil, err
		}
	}
	return r.next(pre)
}

func (r *termReader) next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	for ; r.seg < len(r.curs); r.seg++ {
		c := r.curs[r.seg]
		if c == nil {
			continue
		}
		n, ok, err := c.next()
		if err != nil {
			return nil, fmt.Errorf("engine: term %s:%s: %w", r.t.field, r.t.term, err)
		}
		if ok {
			return r.doc(n, pre), nil
		}
	}
	return nil, nil
}

// doc records the cursor's posting n of the segment being read in pre: its
// frequency and norm too, unless the reader is lazy (then resolve reads
// them, from an eager cursor of a short list at no cost).
func (r *termReader) doc(n uint64, pre *index.TermFieldDoc) *index.TermFieldDoc {
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	r.num = n + r.p.offsets[r.seg]
	pre.ID = index.NewIndexInternalID(pre.ID, r.num)
	pre.Freq, pre.Norm = 0, 0
	if !r.lazy {
		// an eager cursor has read them with the posting
		c := r.curs[r.seg]
		pre.Freq, pre.Norm = c.freq, c.norm
	}
	return pre
}

// resolve reads the frequency and norm of the posting last read into pre.
func (r *termReader) resolve(pre *index.TermFieldDoc) error {
	if r.seg >= len(r.curs) || r.curs[r.seg] == nil {
		return fmt.Errorf("engine: term %s:%s: no posting to resolve", r.t.field, r.t.term)
	}
	f, n, err := r.curs[r.seg].resolve()
	if err != nil {
		return fmt.Errorf("engine: term %s:%s: %w", r.t.field, r.t.term, err)
	}
	pre.Freq, pre.Norm = f, n
	return nil
}

// Advance moves to the first document at or after id. The engine only
// moves its lists forward.
func (r *termReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if len(id) != 8 {
		return nil, fmt.Errorf("engine: unexpected internal id %x", id)
	}
	return r.advance(binary.BigEndian.Uint64(id), pre)
}

// advance is Advance to document d.
func (r *termReader) advance(d uint64, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if g := r.p.guard; g != nil {
		if err := g.Step(); err != nil {
			return nil, err
		}
	}
	s := r.p.segmentOf(d)
	if s >= len(r.curs) {
		r.seg = len(r.curs)
		return nil, nil
	}
	if s > r.seg {
		r.seg = s
	}
	if s == r.seg && r.curs[s] != nil {
		n, ok, err := r.curs[s].advance(d - r.p.offsets[s])
		if err != nil {
			return nil, fmt.Errorf("engine: term %s:%s: %w", r.t.field, r.t.term, err)
		}
		if ok {
			return r.doc(n, pre), nil
		}
		r.seg++
	}
	return r.next(pre)
}

func (r *termReader) Count() uint64 { return r.t.count }
func (r *termReader) Close() error  { return nil }
func (r *termReader) Size() int     { return 64 + 16*len(r.curs) }

// termSearcher is bleve's term searcher of field:term reading r: bleve
// computes its weight and scores as for its own reader.
func termSearcher(ctx context.Context, ir index.IndexReader, r index.TermFieldReader, t *termPostings, boost float64, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return searcher.NewTermSearcherBytes(ctx, &oneTerm{IndexReader: ir, r: r}, t.term, t.field, boost, o)
}

// replay is the term reader of bleve's term searcher of a posting the
// engine walks itself: the engine moves the termReader, without a score
// for the postings it only passes over (most of those a list is advanced
// past), and has bleve's searcher score the posting it stands on when it
// needs the score: the searcher's read (Next or Advance) returns that
// posting, so the score is bleve's by construction.
type replay struct {
	*termReader
	tfd index.TermFieldDoc // the posting the engine stands on
}

func (r *replay) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	return r.current(pre), nil
}

func (r *replay) Advance(_ index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	return r.current(pre), nil
}

func (r *replay) current(pre *index.TermFieldDoc) *index.TermFieldDoc {
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	pre.ID = append(pre.ID[:0], r.tfd.ID...)
	pre.Freq, pre.Norm = r.tfd.Freq, r.tfd.Norm
	return pre
}

// oneTerm is ir whose term reader is r: what bleve's term searcher reads
// when the engine makes one. bleve reads its BM25 statistics from the
// reader (index.BM25Reader), so they are forwarded.
type oneTerm struct {
	index.IndexReader
	r index.TermFieldReader
}

func (o *oneTerm) TermFieldReader(context.Context, []byte, string, bool, bool, bool) (index.TermFieldReader, error) {
	return o.r, nil
}

func (o *oneTerm) FieldCardinality(field string) (int, error) {
	if b, ok := o.IndexReader.(index.BM25Reader); ok {
		return b.FieldCardinality(field)
	}
	return 0, nil
}

// textPostings is the number of postings of the text's terms.
func (p *Postings) textPostings(text []Clause) (uint64, error) {
	var n uint64
	for _, c := range text {
		for _, t := range c {
			df, err := p.DocFreq(t.Field, t.Term)
			if err != nil {
				return 0, err
			}
			n += df
		}
	}
	return n, nil
}

// Terms calls each for every term of field that a accepts, once per
// segment holding it (the same term may come from several segments), in
// no particular order across segments; it stops at the first error each
// returns. The terms of deleted documents are walked too, as bleve's
// dictionary walks do.
func (p *Postings) Terms(field string, a segment.Automaton, each func(term string) error) error {
	ds, err := p.dictionaries(field)
	if err != nil {
		return err
	}
	for _, d := range ds {
		it := d.AutomatonIterator(a, nil, nil)
		for {
			e, err := it.Next()
			if err != nil {
				return fmt.Errorf("engine: terms of %s: %w", field, err)
			}
			if e == nil {
				break
			}
			if err := each(e.Term); err != nil {
				return err
			}
		}
	}
	return nil
}
