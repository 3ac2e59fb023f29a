package search

// The documents sharing a number, read once per index snapshot for the
// collapse (collapse.go).

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
)

// copyVals are a copy's facet values as the index holds them (doc values).
type copyVals struct {
	key               string // the group: number key, and year when the key has none
	typ, issuer, site string
	year              string // "" when the document has no date
}

// dups are the collection's documents that share a number with another.
type dups struct {
	of  map[string]copyVals // by document ID
	ids []string
}

// dupCache keeps the dups of the last snapshot read.
type dupCache struct {
	mu sync.Mutex
	r  index.IndexReader
	d  *dups
}

// yearInKey matches a number key that carries its year ("97/2026/tt-btc").
var yearInKey = regexp.MustCompile(`(^|/)(19|20)\d\d(/|$)`)

// dups returns the duplicate numbers of the request's snapshot v.
func (s *Searcher) dups(ctx context.Context, v *pinned) (*dups, error) {
	if v.r == nil {
		return &dups{}, nil // not a scorch index: nothing collapses
	}
	r := v.r
	keyed := reflect.TypeOf(r).Comparable()
	if keyed {
		s.dupc.mu.Lock()
		if s.dupc.r == r && s.dupc.d != nil {
			d := s.dupc.d
			s.dupc.mu.Unlock()
			return d, nil
		}
		s.dupc.mu.Unlock()
	}
	d, err := s.readDups(ctx, v)
	if err != nil {
		return nil, err
	}
	if keyed {
		s.dupc.mu.Lock()
		s.dupc.r, s.dupc.d = r, d
		s.dupc.mu.Unlock()
	}
	return d, nil
}

// readDups reads the dups of the request's snapshot v: the number terms of
// several live documents (segment by segment, collapsesegs.go, on a scorch
// snapshot), and the copies' facet values.
func (s *Searcher) readDups(ctx context.Context, v *pinned) (*dups, error) {
	keyOf := map[string]string{}
	var ids []string
	add := func(t string, these []string) bool {
		if len(ids)+len(these) > maxCopies {
			slog.Warn("collapse: too many documents share a number; the rest are not collapsed", "max", maxCopies)
			return false
		}
		for _, id := range these {
			keyOf[id] = t
		}
		ids = append(ids, these...)
		return true
	}
	var err error
	var vals map[string]copyVals // the copies' facet values, from their segments
	if is, ok := v.r.(*scorch.IndexSnapshot); ok {
		vals = map[string]copyVals{}
		err = s.segs.sharedTerms(ctx, is, indexer.FieldNumber, vals, add)
	} else {
		err = sharedByTermReaders(ctx, v.r, indexer.FieldNumber, add)
	}
	if err != nil {
		return nil, err
	}
	d := &dups{of: make(map[string]copyVals, len(ids))}
	if len(ids) == 0 {
		return d, nil
	}
	if vals == nil {
		if vals, err = s.facetValues(ctx, v, ids); err != nil {
			return nil, err
		}
	}
	groups := map[string][]string{}
	for _, id := range ids {
		v := vals[id]
		v.key = keyOf[id]
		if !yearInKey.MatchString(v.key) {
			if v.year == "" {
				continue // a yearless number of an undated document: no group
			}
			v.key += "|" + v.year
		}
		d.of[id] = v
		groups[v.key] = append(groups[v.key], id)
	}
	for k, g := range groups {
		if len(g) < 2 {
			for _, id := range g {
				delete(d.of, id)
			}
			delete(groups, k)
			continue
		}
		d.ids = append(d.ids, g...)
	}
	sort.Strings(d.ids)
	return d, nil
}

// sharedByTermReaders is sharedTerms on any reader: the dictionary walked
// for its terms (not its counts: TestZapDictionaryCountDefect) and each
// term's postings read over the snapshot.
func sharedByTermReaders(ctx context.Context, r index.IndexReader, field string, fn func(term string, ids []string) bool) error {
	dict, err := r.FieldDict(field)
	if err != nil {
		return fmt.Errorf("collapse: number dictionary: %w", err)
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return fmt.Errorf("collapse: number dictionary: %w", err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	dict.Close()
	for _, t := range terms {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("collapse: %w", err)
		}
		these, err := postingIDs(ctx, r, field, t)
		if err != nil {
			return err
		}
		if len(these) >= 2 && !fn(t, these) {
			return nil
		}
	}
	return nil
}

// postingIDs are the IDs of the documents holding term t of field.
func postingIDs(ctx context.Context, r index.IndexReader, field, t string) ([]string, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(t), field, false, false, false)
	if err != nil {
		return nil, fmt.Errorf("collapse: postings of %q: %w", t, err)
	}
	defer tfr.Close()
	if tfr.Count() < 2 {
		return nil, nil
	}
	var ids []string
	for {
		p, err := tfr.Next(nil)
		if err != nil {
			return nil, fmt.Errorf("collapse: postings of %q: %w", t, err)
		}
		if p == nil {
			return ids, nil
		}
		id, err := r.ExternalID(p.ID)
		if err != nil {
			return nil, fmt.Errorf("collapse: postings of %q: %w", t, err)
		}
		ids = append(ids, id)
	}
}

// facetValues reads the facet values of ids from the index's doc values:
// one search of those documents sorted by the facet fields, whose sort
// keys are the values.
func (s *Searcher) facetValues(ctx context.Context, v *pinned, ids []string) (map[string]copyVals, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Score = "none"
	req.SortBy([]string{indexer.FieldType, indexer.FieldIssuer, indexer.FieldSite, indexer.FieldYear, "_id"})
	res, err := v.search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("collapse: facet values: %w", err)
	}
	out := make(map[string]copyVals, len(res.Hits))
	for _, h := range res.Hits {
		if len(h.Sort) < 4 {
			continue
		}
		v := copyVals{typ: present(h.Sort[0]), issuer: present(h.Sort[1]), site: present(h.Sort[2])}
		if i, err := numeric.PrefixCoded(h.Sort[3]).Int64(); err == nil {
			v.year = strconv.Itoa(int(numeric.Int64ToFloat64(i)))
		}
		out[h.ID] = v
	}
	return out, nil
}

// present is a sort key as a value: "" for a document without one (bleve
// gives those its HighTerm).
func present(k string) string {
	if k == bsearch.HighTerm || k == bsearch.LowTerm {
		return ""
	}
	return k
}
