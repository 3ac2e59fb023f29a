package search

// The documents sharing a number, read once per index snapshot for the
// collapse (collapse.go).

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
)

// copyVals are a copy's facet values as the index holds them (doc values).
// A file filed under each document its cover slip transmits holds each
// one's type, issuer and year (indexer.MappingVersion 27), so those are
// lists, in the doc values' order.
type copyVals struct {
	// key is the group: the number key (a file filed under several: its
	// own, ownKeys), and its own year when the key has none.
	key            string
	types, issuers []string
	site           string
	years          []string // none when the document has no date
	// own is the year of the document's own date (indexer.FieldPublished),
	// "" for none: a yearless number's group. A file is filed under the
	// years of the documents it transmits too (years), which its article
	// page and the other postings of its number are not.
	own string
}

// visit adds the doc value term of field to v (a bleve doc value visitor):
// a keyword's term, the year's full-precision number.
func (v *copyVals) visit(field string, term []byte) {
	switch field {
	case indexer.FieldType:
		v.types = append(v.types, string(term))
	case indexer.FieldIssuer:
		v.issuers = append(v.issuers, string(term))
	case indexer.FieldSite:
		v.site = cmp.Or(v.site, string(term))
	case indexer.FieldYear:
		if i, ok := fullPrecision(term); ok {
			v.years = append(v.years, strconv.Itoa(int(numeric.Int64ToFloat64(i))))
		}
	case indexer.FieldPublished:
		if i, ok := fullPrecision(term); ok {
			v.own = strconv.Itoa(time.Unix(0, i).UTC().Year())
		}
	}
}

// fullPrecision is the value of a numeric or date doc value term when it
// is the full-precision one (shift 0) of the terms bleve indexes for it.
func fullPrecision(term []byte) (int64, bool) {
	pc := numeric.PrefixCoded(term)
	if sh, err := pc.Shift(); err != nil || sh != 0 {
		return 0, false
	}
	i, err := pc.Int64()
	return i, err == nil
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
			if _, ok := keyOf[id]; !ok { // a document holding several terms comes once
				keyOf[id] = t
				ids = append(ids, id)
			}
		}
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
	own, err := ownKeys(ctx, v.r, keyOf)
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
		if k, ok := own[id]; ok { // a file filed under several numbers groups by its own
			if k == indexer.NoOwnNumber {
				continue
			}
			v.key = k
		}
		if !yearInKey.MatchString(v.key) {
			if v.own == "" {
				continue // a yearless number of an undated document: no group
			}
			v.key += "|" + v.own
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

// facetValues reads the facet values of ids from the index's doc values.
func (s *Searcher) facetValues(ctx context.Context, v *pinned, ids []string) (map[string]copyVals, error) {
	dvr, err := v.r.DocValueReader(facetFields)
	if err != nil {
		return nil, fmt.Errorf("collapse: facet values: %w", err)
	}
	out := make(map[string]copyVals, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("collapse: facet values: %w", err)
		}
		in, err := v.r.InternalID(id)
		if err != nil {
			return nil, fmt.Errorf("collapse: facet values of %s: %w", id, err)
		}
		var cv copyVals
		if err := dvr.VisitDocValues(in, cv.visit); err != nil {
			return nil, fmt.Errorf("collapse: facet values of %s: %w", id, err)
		}
		out[id] = cv
	}
	return out, nil
}

// ownKeys are the own number keys (indexer.FieldNumberOwn) of the
// documents of keyOf filed under several numbers: a file whose cover slip
// transmits several documents is filed under each, and is a copy only of
// a document whose own number is its own (its first document's): two
// copies of the file, or the file and the page it is attached to, fold;
// the file and another holding its second document alone do not. The
// field holds those files only, so its dictionary is short.
func ownKeys(ctx context.Context, r index.IndexReader, keyOf map[string]string) (map[string]string, error) {
	dict, err := r.FieldDict(indexer.FieldNumberOwn)
	if err != nil {
		return nil, fmt.Errorf("collapse: own numbers: %w", err)
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, fmt.Errorf("collapse: own numbers: %w", err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	dict.Close()
	own := map[string]string{}
	for _, t := range terms {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("collapse: %w", err)
		}
		tfr, err := r.TermFieldReader(ctx, []byte(t), indexer.FieldNumberOwn, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("collapse: own number %q: %w", t, err)
		}
		for {
			p, err := tfr.Next(nil)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("collapse: own number %q: %w", t, err)
			}
			if p == nil {
				break
			}
			id, err := r.ExternalID(p.ID)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("collapse: own number %q: %w", t, err)
			}
			if _, ok := keyOf[id]; ok {
				own[id] = t
			}
		}
		tfr.Close()
	}
	return own, nil
}
