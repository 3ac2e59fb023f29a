package search

import (
	"context"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
	"github.com/vanban/vanban/search/engine"
)

// termStats answers document-frequency questions about the index snapshot a
// search runs on. A nil *termStats means "no statistics": every term
// gets the same weight.
type termStats struct {
	r     index.IndexReader
	pst   *engine.Postings // the snapshot's postings, looked up once (nil: not a scorch snapshot)
	n     float64
	cache map[[2]string]uint64
	dicts map[[2]string]map[string]bool // field, key → its spellings' terms (prefetch)
	// noPrefetch makes prefetch do nothing (tests compare both ways)
	noPrefetch bool
}

// newStats reads statistics from r, the reader the search runs on. It
// returns nil for an empty index.
func newStats(r index.IndexReader) *termStats { return newStatsCached(r, nil) }

// newStatsCached is newStats keeping the document frequencies in c (nil:
// none) for the later searches of the snapshot.
func newStatsCached(r index.IndexReader, c *engine.Cache) *termStats {
	n, err := r.DocCount()
	if err != nil || n == 0 {
		return nil
	}
	return &termStats{r: r, pst: engine.NewPostings(r, c), n: float64(n), cache: map[[2]string]uint64{}}
}

// docFreq is the number of documents with term in field.
func (s *termStats) docFreq(field, term string) uint64 {
	k := [2]string{field, term}
	if df, ok := s.cache[k]; ok {
		return df
	}
	var df uint64
	if s.pst != nil {
		df, _ = s.pst.DocFreq(field, term)
	} else if tfr, err := s.r.TermFieldReader(context.Background(), []byte(term), field, false, false, false); err == nil {
		df = tfr.Count()
		tfr.Close()
	}
	s.cache[k] = df
	return df
}

// idf is the BM25 idf of term in field (bm25.IDF, as bleve computes it).
// It is 0 for a term the field does not hold.
func (s *termStats) idf(field, term string) float64 {
	df := s.docFreq(field, term)
	if df == 0 {
		return 0
	}
	return bm25.IDF(s.n, float64(df))
}

// dict lists the terms of field spelled like key up to Vietnamese marks
// (foldPattern's regular expression). (Dictionaries do not report counts;
// use docFreq.)
func (s *termStats) dict(field, key string) map[string]bool {
	if d, ok := s.dicts[[2]string{field, key}]; ok {
		return d
	}
	if s.pst != nil {
		out := map[string]bool{}
		if err := s.walk(field, []string{key}, func(t string) { out[t] = true }); err != nil {
			return nil
		}
		return out
	}
	rr, ok := s.r.(index.IndexReaderRegexp)
	if !ok {
		return nil
	}
	d, err := rr.FieldDictRegexp(field, foldPattern(key))
	if err != nil {
		return nil
	}
	defer d.Close()
	out := map[string]bool{}
	for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
		out[e.Term] = true
	}
	return out
}

// walk calls each for every term of field spelled like one of keys, on the
// segments' dictionaries with one automaton (spellingAutomaton), looking at
// the search's context every checkEvery terms.
func (s *termStats) walk(field string, keys []string, each func(term string)) error {
	g, _ := s.r.(*guardedReader)
	n := 0
	return s.pst.Terms(field, newSpellingAutomaton(keys), func(t string) error {
		if n++; g != nil && n%checkEvery == 0 && g.stopped() {
			return g.ctx.Err()
		}
		each(t)
		return nil
	})
}

// prefetchChunk is how many patterns one regexp dictionary walk matches at
// once, on a reader that is not a scorch snapshot.
const prefetchChunk = 16

// prefetch answers dict(field, k) for every key in advance, in one
// dictionary walk (with regular expressions, on a reader that is not a
// scorch snapshot: one per prefetchChunk keys, each compiled to an
// automaton and walked over every segment's dictionary). Every term a
// key's spellings match must fold to the key, so that the terms can be
// told apart by fold; a walk that fails is left to dict.
func (s *termStats) prefetch(field string, keys []string, fold func(string) string) {
	if s.noPrefetch {
		return
	}
	rr, isRegexp := s.r.(index.IndexReaderRegexp)
	if s.pst == nil && !isRegexp {
		return
	}
	if s.dicts == nil {
		s.dicts = map[[2]string]map[string]bool{}
	}
	var todo []string
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if seen[k] || fold(k) != k { // a key that does not fold to itself is left to dict
			continue
		}
		seen[k] = true
		if _, done := s.dicts[[2]string{field, k}]; !done {
			todo = append(todo, k)
		}
	}
	if len(todo) == 0 {
		return
	}
	if s.pst != nil {
		byKey := make(map[string]map[string]bool, len(todo))
		for _, k := range todo {
			byKey[k] = map[string]bool{}
		}
		err := s.walk(field, todo, func(t string) {
			if set, ok := byKey[fold(t)]; ok {
				set[t] = true
			}
		})
		if err != nil {
			return
		}
		for k, set := range byKey {
			s.dicts[[2]string{field, k}] = set
		}
		return
	}
	for len(todo) > 0 {
		chunk := todo[:min(prefetchChunk, len(todo))]
		todo = todo[len(chunk):]
		alts := make([]string, len(chunk))
		byKey := make(map[string]map[string]bool, len(chunk))
		for i, k := range chunk {
			alts[i] = foldPattern(k)
			byKey[k] = map[string]bool{}
		}
		d, err := rr.FieldDictRegexp(field, "(?:"+strings.Join(alts, "|")+")")
		if err != nil {
			continue
		}
		for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
			if set, ok := byKey[fold(e.Term)]; ok {
				set[e.Term] = true
			}
		}
		d.Close()
		for _, k := range chunk {
			s.dicts[[2]string{field, k}] = byKey[k]
		}
	}
}

// postings are the snapshot's postings as st looked them up, for the
// engine to read the same lists (nil without statistics).
func (s *termStats) postings() *engine.Postings {
	if s == nil {
		return nil
	}
	return s.pst
}
