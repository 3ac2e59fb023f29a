package engine

import (
	"context"
	"slices"
	"sync"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

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
