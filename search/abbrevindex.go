package search

import (
	"reflect"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/abbrev"
	"github.com/vanban/vanban/indexer"
)

// abbrevCache keeps the abbreviation dictionary of the last snapshot
// read: the built-in table and the definitions the snapshot's documents
// give (indexer.Abbrevs, abbrev.Select), built once per snapshot. Safe
// for concurrent use.
type abbrevCache struct {
	mu   sync.Mutex
	r    index.IndexReader
	dict *abbrev.Dict
}

// get returns the dictionary of snapshot r.
func (c *abbrevCache) get(r index.IndexReader) (*abbrev.Dict, error) {
	keyed := reflect.TypeOf(r).Comparable()
	if keyed {
		c.mu.Lock()
		if c.r == r {
			d := c.dict
			c.mu.Unlock()
			return d, nil
		}
		c.mu.Unlock()
	}
	mined, err := indexer.Abbrevs(r)
	if err != nil {
		return nil, err
	}
	d := builtinAbbrevs
	if sel := abbrev.Select(mined); len(sel) > 0 {
		d = builtinAbbrevs.With(sel)
	}
	if keyed {
		c.mu.Lock()
		c.r, c.dict = r, d
		c.mu.Unlock()
	}
	return d, nil
}

// expansions are the other side of the abbreviations of q's text by the
// built-in table and the definitions of the request's snapshot v; the
// built-in ones alone when the index has no snapshot to read (an alias of
// several indexes).
func (s *Searcher) expansions(v *pinned, q Query) ([]string, error) {
	r, release, ok, err := v.reader()
	if err != nil || !ok {
		return q.Expansions, nil
	}
	defer release()
	d, err := s.abbrevs.get(r)
	if err != nil {
		return nil, err
	}
	return heldExpansions(d.Expand(q.Text), newStats(r)), nil
}

// heldExpansions are the expansions of which the snapshot of st holds a
// word (folded, in a body or a title). One it holds none of can match
// nothing, and its terms would only lower the share of the expansion
// clause that every other document matches (bleve's coordination): "người
// lao động" gave "NLĐ" in a collection that never abbreviates it, and
// that moved the ranking of "BHXH BHYT … người lao động".
func heldExpansions(exps []string, st *termStats) []string {
	if st == nil {
		return exps
	}
	var out []string
	for _, e := range exps {
		for _, t := range indexer.QueryTerms(e, indexer.AnalyzerFold) {
			if st.docFreq(indexer.FieldBodyFold, t) > 0 || st.docFreq(indexer.FieldTitleFold, t) > 0 {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
