package search

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// Number-level collapse (Request.Collapse): the same document ingested
// from several files or pages — one document number, several IDs — is one
// hit, its best-scoring copy, the others folded in its Copies; the total
// and the facets count the number once. It is Elasticsearch's field
// collapsing on a keyword field with its inner hits, done exactly:
//
//   - the copies are the collection's documents sharing a number key
//     (doctype.NumberKey: number, year, type and issuer in one key, so
//     "97/2026/TT-BTC" copies and nothing else); a key without a year
//     ("154/NQ-CP", "73-CP": numbers restart each year) groups only the
//     documents of one published year, and a document without a number
//     never collapses. They are found once per index snapshot from the
//     number field's dictionary (dupCache): the terms held by several
//     documents, whose postings are the copies.
//   - per query, one unscored search of the plan restricted to those
//     copies says which match; each group of k matching copies folds k-1
//     hits, so ranking From+Size plus the folded count is enough for the
//     page to hold its Size numbers, whatever their order: a page is the
//     numbers [From, From+Size) of one ranked list, and page 2 never
//     repeats page 1's numbers.
//   - the total loses the folded copies, and each facet value counts a
//     number once (a group whose copies disagree on a value — one typed
//     "Bộ Tài chính", one "BTC" — counts once under each).
//
// The cost beside the search is that search of the copies, bounded by
// maxCopies, and the ranking of the folded hits.

// maxCopies bounds the documents a collection's duplicate numbers may hold
// for the collapse to be exact: beyond, the first maxCopies (in number
// order) are collapsed and a warning is logged once per snapshot.
const maxCopies = 10_000

// maxFolded bounds the hits a page ranks beyond its own to fold copies.
const maxFolded = 1_000

// Copy is another document of a hit's number (Request.Collapse): its ID,
// address and title, in rank order when it was ranked, else by ID.
type Copy struct {
	ID    string `json:"id"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	// File is the kind of the file the copy was read from, as Hit.File;
	// Dead says that file answers 404 or 410 now (MarkDead).
	File string           `json:"file,omitempty"`
	Dead *corpus.DeadMark `json:"dead,omitempty"`
}

// foldPlan is what a query's matches fold: the matching copies of each
// number with several, and how many hits that removes.
type foldPlan struct {
	groups map[string][]string // number key → its matching copies, by ID
	keyOf  map[string]string   // matching copy → its key
	folded int
}

// foldsOf is the fold plan of plan p on the request's snapshot v: the
// copies that match it.
func (s *Searcher) foldsOf(ctx context.Context, v *pinned, p Plan, d *dups) (*foldPlan, error) {
	f := &foldPlan{groups: map[string][]string{}, keyOf: map[string]string{}}
	if len(d.ids) == 0 {
		return f, nil
	}
	work := &searchWork{}
	defer func() { s.postings.Add(work.postings.Load()) }()
	q := bleve.NewConjunctionQuery(s.guarded(p.bleveQuery(s.texts), work), bleve.NewDocIDQuery(d.ids))
	req := bleve.NewSearchRequestOptions(q, len(d.ids), 0, false)
	req.Score = "none"
	req.SortBy([]string{"_id"})
	res, err := v.search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("collapse: copies matching: %w", err)
	}
	for _, h := range res.Hits {
		k := d.of[h.ID].key
		f.groups[k] = append(f.groups[k], h.ID)
	}
	for k, g := range f.groups {
		if len(g) < 2 {
			delete(f.groups, k)
			continue
		}
		f.folded += len(g) - 1
		for _, id := range g {
			f.keyOf[id] = k
		}
	}
	return f, nil
}

// collapsed runs r on the request's snapshot v with its numbers
// collapsed: the ranking of From+Size hits plus those folded, walked in
// order keeping a number's first copy.
func (s *Searcher) collapsed(ctx context.Context, v *pinned, r Request) (*Result, Query, error) {
	d, err := s.dups(ctx, v)
	if err != nil {
		return nil, Query{}, err
	}
	if len(d.ids) == 0 {
		return s.rank(ctx, v, r, MaxSize)
	}
	q, p, _, err := s.prepare(v, r)
	if err != nil {
		return s.rank(ctx, v, r, MaxSize) // the same error, counted as rank counts it
	}
	f, err := s.foldsOf(ctx, v, p, d)
	if err != nil {
		return nil, q, err
	}
	if s.between != nil {
		s.between("folded")
	}
	if f.folded == 0 {
		return s.rank(ctx, v, r, MaxSize)
	}
	// the copies the total counts: those holding the query's units when
	// it counts by them (Request.MinMatch), a subset of the list's
	fc := f
	if p.units != nil {
		pc := p
		pc.Filters.units = p.units
		if fc, err = s.foldsOf(ctx, v, pc, d); err != nil {
			return nil, q, err
		}
	}
	size := r.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, MaxSize)
	from := max(r.From, 0)
	// The page needs From+Size numbers: ranked From+Size+folded hits
	// surely hold them. Most queries need far fewer (the copies are seldom
	// all ranked first): rank twice the page, and double while the hits
	// ranked fall short of the numbers and more were left.
	need, most := from+size, from+size+min(f.folded, maxFolded)
	var out *Result
	var ranked, kept []Hit
	for w := min(2*need, most); ; w = min(2*w, most) {
		wide := r
		wide.From, wide.Size = 0, w
		if out, q, err = s.rank(ctx, v, wide, w); err != nil {
			return nil, q, err
		}
		ranked, kept = out.Hits, keepFirst(out.Hits, f)
		if len(kept) >= need || len(ranked) < w || w == most {
			break
		}
	}
	at := make(map[string]int, len(ranked))
	for i, h := range ranked {
		at[h.ID] = i
	}
	out.Hits = kept[min(from, len(kept)):min(from+size, len(kept))]
	for i := range out.Hits {
		h := &out.Hits[i]
		k, ok := f.keyOf[h.ID]
		if !ok {
			continue
		}
		others := make([]string, 0, len(f.groups[k])-1)
		for _, id := range f.groups[k] {
			if id != h.ID {
				others = append(others, id)
			}
		}
		sort.SliceStable(others, func(a, b int) bool {
			ia, oka := at[others[a]]
			ib, okb := at[others[b]]
			switch {
			case oka && okb:
				return ia < ib
			case oka != okb:
				return oka
			}
			return others[a] < others[b]
		})
		for _, id := range others {
			h.Copies = append(h.Copies, Copy{ID: id})
		}
	}
	out.Total -= min(out.Total, uint64(fc.folded))
	out.Listed -= min(out.Listed, uint64(f.folded))
	out.Folded = f.folded
	if out.Facets != nil {
		foldFacets(out.Facets, fc, d)
	}
	return out, q, nil
}

// keepFirst are the hits of ranked without the copies of a number ranked
// before.
func keepFirst(ranked []Hit, f *foldPlan) []Hit {
	kept := make([]Hit, 0, len(ranked))
	seen := map[string]bool{}
	for _, h := range ranked {
		if k, ok := f.keyOf[h.ID]; ok {
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		kept = append(kept, h)
	}
	return kept
}

// foldFacets counts each number once in fs: a value its k matching copies
// share loses k-1.
func foldFacets(fs map[string][]Facet, f *foldPlan, d *dups) {
	for _, g := range f.groups {
		per := map[string]map[string]int{}
		add := func(field, v string) {
			if v == "" {
				return
			}
			if per[field] == nil {
				per[field] = map[string]int{}
			}
			per[field][v]++
		}
		for _, id := range g {
			v := d.of[id]
			for _, t := range v.types {
				add(indexer.FieldType, t)
			}
			for _, is := range v.issuers {
				add(indexer.FieldIssuer, is)
			}
			add(indexer.FieldSite, v.site)
			for _, y := range v.years {
				add(indexer.FieldYear, y)
			}
		}
		for field, counts := range per {
			list := fs[field]
			for i := range list {
				if c := counts[list[i].Value]; c > 1 {
					list[i].Count -= c - 1
				}
			}
		}
	}
	for _, list := range fs {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Count > list[j].Count })
	}
}

// copies sets the address and title of the hits' copies from the records.
func (s *Searcher) copies(ctx context.Context, hits []Hit) error {
	var ids []string
	for _, h := range hits {
		for _, c := range h.Copies {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	docs, ok, err := s.records(ctx, ids)
	if err != nil || !ok {
		return err
	}
	for i := range hits {
		for j := range hits[i].Copies {
			c := &hits[i].Copies[j]
			if d := docs[c.ID]; d != nil {
				c.URL, c.Title = d.URL, d.Title
				if d.File != nil {
					c.File = d.File.Kind
				}
			}
		}
	}
	return nil
}
