package search

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/indexer/assoc"
	"github.com/vanban/vanban/search/engine"
)

// Related terms: a short query's folded bigrams ("ly hon") bring the terms
// the collection associates with them (indexer/assoc: "hon nhan", "ket
// hon"), as light optional clauses on the folded bigram views. They are
// part of the plan (Plan.Related), so bleve's query and the top-k engine
// score the same terms; they share the should clause of the abbreviation
// expansions (expansionClauses) and, like them, only add to the score of
// a document the query's own words already match. docs/log/ranking-12-associations.md.

// Related are a plan's related terms: term queries on the folded bigram
// views, each Boost times its idf^(IDFPower−2) on the snapshot.
type Related struct {
	Terms    []engine.Term
	IDFPower float64
}

// RelatedOptions say when and how much related terms weigh.
type RelatedOptions struct {
	// Weight is a related term's boost as a share of a query bigram of the
	// same rarity, times the association's strength (0: off).
	Weight float64
	// PerUnit is the number of related terms taken per query bigram.
	PerUnit int
	// MaxWords: a query is short when its free text has at most this many
	// syllables; longer ones get no related terms.
	MaxWords int
	// MinStrength is the weakest association taken.
	MinStrength float64
	// IDFPower is the power of a related term's idf in its weight, like
	// Weights.IDFPower for the query's terms (0: the same as those).
	IDFPower float64
}

// DefaultRelated are the options chosen on the dev sets: off. Every
// weight measured (0.03–0.2, 1–5 terms per bigram, strength ≥ 0.3 or
// ≥ 0.5) left the four short-query dev sets level or a little lower
// (docs/log/ranking-12-associations.md); MeasuredRelated switches them on.
var DefaultRelated = RelatedOptions{Weight: 0, PerUnit: 1, MaxWords: 12, MinStrength: 0.5}

// MeasuredRelated are the options that cost the dev sets least when on
// (mean nDCG@10 −0.001 over the four sets and both spellings): for a
// collection where the short queries use the texts' own words less.
var MeasuredRelated = RelatedOptions{Weight: 0.05, PerUnit: 1, MaxWords: 12, MinStrength: 0.5}

// WithRelated sets the related-terms options (DefaultRelated otherwise).
func WithRelated(o RelatedOptions) Option { return func(s *Searcher) { s.relatedOpt = o } }

// relatedTerms are the related terms of q's free text by table t: for each
// query bigram its PerUnit strongest associations that are neither stop
// words nor bigrams of the query, each term once with its strongest
// weight, as term queries on the folded bigram views of body and title
// (×Weights.Title), boosted Weight × strength × the bigram view's weight;
// nil when the query is not short or the options are off.
func relatedTerms(text string, t *assoc.Table, o RelatedOptions, w Weights) *Related {
	if o.Weight <= 0 || t.Len() == 0 || w.Bigram <= 0 {
		return nil
	}
	if n := len(indexer.QueryTerms(text, indexer.AnalyzerFold)); n == 0 || n > o.MaxWords {
		return nil
	}
	units := indexer.QueryTerms(text, indexer.AnalyzerBigram)
	best := map[string]float64{}
	var order []string
	for _, u := range units {
		if stopSyllable(u) {
			continue
		}
		taken := 0
		for _, r := range t.Related(u) {
			if taken == o.PerUnit || r.Weight < o.MinStrength {
				break
			}
			if stopSyllable(r.Term) || slices.Contains(units, r.Term) {
				continue
			}
			taken++
			if old, ok := best[r.Term]; !ok {
				order = append(order, r.Term)
				best[r.Term] = r.Weight
			} else {
				best[r.Term] = max(old, r.Weight)
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	out := &Related{IDFPower: cmp.Or(o.IDFPower, w.IDFPower)}
	for _, f := range []struct {
		name  string
		boost float64
	}{{indexer.FieldBodyBigram, 1}, {indexer.FieldTitleBigram, w.Title}} {
		if f.boost <= 0 {
			continue
		}
		for _, term := range order {
			out.Terms = append(out.Terms, engine.Term{Field: f.name, Term: term, Boost: o.Weight * best[term] * w.Bigram * f.boost})
		}
	}
	return out
}

// stopSyllable reports whether a folded bigram is a stop word or holds a
// function syllable ("cua vien", "nhung it"): its associations are those
// of a function word's neighbours, not of a notion.
func stopSyllable(bigram string) bool {
	return stopExact[bigram] || stopFold[bigram] || !assoc.Learnable(bigram)
}

// relatedClauses are the plan's related terms resolved on the snapshot of
// st: one clause per field, each term weighed by its idf like a query
// term (idf^(IDFPower−2)), the terms the field does not hold and those too
// common (Weights.MaxDF) left out. st may be nil (no statistics).
func (p Plan) relatedClauses(st *termStats) []engine.Clause {
	if p.Related == nil {
		return nil
	}
	rs := p.Related.Terms
	var cs []engine.Clause
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j].Field == rs[i].Field {
			j++
		}
		field := rs[i].Field
		var c engine.Clause
		for _, r := range rs[i:j] {
			if st != nil && (st.docFreq(field, r.Term) == 0 || len(prune([]string{r.Term}, field, st, p.Weights.MaxDF)) == 0) {
				continue
			}
			c = append(c, engine.Term{Field: field, Term: r.Term, Boost: idfWeight(r.Boost, st, field, r.Term, p.Related.IDFPower)})
		}
		if len(c) > 0 {
			cs = append(cs, c)
		}
		i = j
	}
	return cs
}

// expansionClauses are the clauses of the plan's one should clause: the
// abbreviation expansion's text, then the related terms. Both
// compilations (bleve.go, topk.go) score them as one disjunction.
func (p Plan) expansionClauses(st *termStats) []engine.Clause {
	var cs []engine.Clause
	if p.Expansion != nil {
		cs = p.Expansion.clauses(p.Weights, st)
	}
	return append(cs, p.relatedClauses(st)...)
}

// hasExpansion reports whether the plan has a should clause of expansions.
func (p Plan) hasExpansion() bool { return p.Expansion != nil || p.Related != nil }

// expansionQuery is the plan's should clause as a bleve query.
type expansionQuery struct{ p Plan }

func (q *expansionQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return clausesQuery(q.p.expansionClauses(newStats(r))).Searcher(ctx, r, m, o)
}

// MarshalJSON writes the query as built without index statistics.
func (q *expansionQuery) MarshalJSON() ([]byte, error) {
	return json.Marshal(clausesQuery(q.p.expansionClauses(nil)))
}

// relatedCache keeps the decoded association table of the index, decoded
// again only when the stored bytes change (a Sync that learned again).
type relatedCache struct {
	mu     sync.Mutex
	raw    []byte // the stored value decoded last (scorch keeps it unchanged)
	table  *assoc.Table
	warned bool
}

// get returns the index's table, nil when it has none or it cannot be
// read (logged once: searches then go without related terms).
func (c *relatedCache) get(raw []byte) *assoc.Table {
	c.mu.Lock()
	defer c.mu.Unlock()
	if raw == nil {
		return nil
	}
	if c.raw != nil && len(raw) == len(c.raw) && (&raw[0] == &c.raw[0] || bytes.Equal(raw, c.raw)) {
		return c.table
	}
	t, err := assoc.Decode(raw)
	if err != nil {
		if !c.warned {
			slog.Warn("search: no related terms: the index's associations cannot be read; `vanban index` learns them again", "err", err)
			c.warned = true
		}
		t = nil
	}
	c.raw, c.table = raw, t
	return t
}

// related returns the related terms of q on the request's snapshot v.
func (s *Searcher) related(v *pinned, q Query) *Related {
	if s.relatedOpt.Weight <= 0 || s.idx == nil {
		return nil
	}
	var raw []byte
	var err error
	if v.r != nil {
		raw, err = v.r.GetInternal(indexer.AssociationsKey())
	} else {
		raw, err = s.idx.GetInternal(indexer.AssociationsKey())
	}
	if err != nil {
		return nil
	}
	return relatedTerms(q.Text, s.relatedCache.get(raw), s.relatedOpt, s.weights)
}
