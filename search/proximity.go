package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/abbrev"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/bm25"
)

// Proximity of the query's words, as a rerank of a query's best hits
// (issue 19, docs/log/i19-prox-ranking.md). The ranking scores each
// pair of adjacent query syllables (the folded bigram views), not how
// close the query's words are when other words come between them ("thăng
// hạng … chức danh nghề nghiệp … viên chức"). After the ranking, the
// Depth best hits of a query of at most MaxWords syllables are read again
// in the folded views with their positions (the hits' titles and texts
// from the store, since the index keeps no positions of either: the cost
// is bounded by Depth whatever the collection's size) and each score is
// multiplied:
//
//	score × (1 + Weight·cover) × (1 + Phrase·[an expansion is in the text as a phrase])
//
// cover is the share of the query's weight (Σ idf of its distinct folded
// syllables) that the best window of Window positions of the body or the
// title holds; the expansions are the long forms of the abbreviations the
// query typed ("BPKCTT" → "biện pháp khẩn cấp tạm thời"), which the plan
// scores as loose words (Plan.Expansions): here a hit gets the phrase
// factor when it holds one of them word for word, or the abbreviation as
// typed. A query with neither signal is not reranked (no reader opened).

// ProximityOptions say when and how much the rerank weighs.
type ProximityOptions struct {
	// Weight multiplies the window cover (0: no window signal).
	Weight float64
	// Window is the number of positions of a window.
	Window int
	// Depth is the number of best hits reranked.
	Depth int
	// MaxWords: the window signal is for queries whose free text has at
	// most this many syllables.
	MaxWords int
	// Phrase multiplies the score of a hit holding the long form of one of
	// the query's abbreviations as a phrase, or the abbreviation as typed
	// (0: off). It applies to any query with such a long form.
	Phrase float64
}

// DefaultProximity are the options chosen on the dev sets
// (docs/log/i19-prox-ranking.md): the long forms as phrases, ×1.5 (×1.3–×2
// the same), and no window signal. The window (WindowProximity) gains
// on every short-query set but widens the gap without diacritics of one
// (shortq2-alqac23: 0.020 → 0.023, over the 0.02), so it is off
// until a measurement says otherwise. Depth 10: a page of 10 asks the
// top-k engine for no more hits than without the rerank (15, as good as
// 20–50 and 0.001 better than 10, cost short queries ~15 % of CPU at 20k
// documents through the engine's extra hits).
var DefaultProximity = ProximityOptions{Weight: 0, Window: 12, Depth: 10, MaxWords: 12, Phrase: 0.5}

// WindowProximity are DefaultProximity with the window signal on at the
// weight measured best: windows of 12 positions (8 and 20 gained less),
// Weight 0.6 (0.3–1 a plateau), queries of at most 12 syllables (the
// limit of related terms). search.WithProximity(search.WindowProximity)
// switches it on.
var WindowProximity = ProximityOptions{Weight: 0.6, Window: 12, Depth: 10, MaxWords: 12, Phrase: 0.5}

// WithProximity sets the proximity rerank's options (DefaultProximity
// otherwise).
func WithProximity(o ProximityOptions) Option { return func(s *Searcher) { s.proximity = o } }

// proxTerm is one distinct folded syllable of the query and its weight.
type proxTerm struct {
	term   string
	weight float64
}

// proxQuery is what the rerank reads of a query.
type proxQuery struct {
	terms   []proxTerm // the window's syllables; nil: no window signal
	phrases [][]string // folded long forms of ≥ 2 syllables
	// typed are the query's words when it has phrases: those that are
	// abbreviations (typedAbbrevs) weigh as their long forms
	typed []string
	o     ProximityOptions
	maxDF float64 // Weights.MaxDF: a window syllable more common is left out
}

// proximityQuery is the rerank of q (planned with intents) under o, or
// nil when nothing is to be reranked. A query that cites an article by
// number or asks for a definition gets no window signal: its intent names
// the article it wants, whose text need not hold the query's words close
// together ("điều 36 luật hôn nhân", "thư viện số là gì").
func proximityQuery(q Query, intents []Intent, maxDF float64, o ProximityOptions) *proxQuery {
	if o.Depth <= 0 {
		return nil
	}
	pq := &proxQuery{o: o, maxDF: maxDF}
	if o.Weight > 0 && o.Window > 1 && !slices.ContainsFunc(intents, namesArticle) {
		words := indexer.QueryTerms(q.Text, indexer.AnalyzerFold)
		if n := len(words); n >= 2 && n <= o.MaxWords {
			seen := map[string]bool{}
			for _, w := range words {
				if !seen[w] {
					seen[w] = true
					pq.terms = append(pq.terms, proxTerm{term: w})
				}
			}
			if len(pq.terms) < 2 {
				pq.terms = nil
			}
		}
	}
	if o.Phrase > 0 {
		for _, e := range q.Expansions {
			if ws := indexer.QueryTerms(e, indexer.AnalyzerFold); len(ws) >= 2 {
				pq.phrases = append(pq.phrases, ws)
			}
		}
		if pq.phrases != nil {
			pq.typed = strings.Fields(q.Text)
		}
	}
	if pq.terms == nil && pq.phrases == nil {
		return nil
	}
	return pq
}

// definitionName is the name of the definition intent (definition.go).
const definitionName = "definition"

// namesArticle reports whether an intent asks for particular articles:
// by number, or the definitions.
func namesArticle(in Intent) bool {
	return in.Name == definitionName || strings.HasPrefix(in.Name, articleIntent)
}

// proxDoc holds the positions of the query's syllables in one hit, per
// field: positions[field][term].
type proxDoc map[string]map[string][]uint64

var proxFields = []string{indexer.FieldBodyFold, indexer.FieldTitleFold}

// rerank multiplies the scores of the first Depth hits by their factor and
// sorts them again (score descending, ID ascending, as Search orders).
func (pq *proxQuery) rerank(ctx context.Context, r index.IndexReader, hits []Hit, texts Texts) error {
	n := min(len(hits), pq.o.Depth)
	if n < 2 {
		return nil
	}
	top := hits[:n]
	if pq.terms != nil {
		if err := pq.weigh(ctx, r); err != nil {
			return err
		}
	}
	docs, err := pq.positions(ctx, top, texts)
	if err != nil {
		return err
	}
	for i := range top {
		top[i].Score *= pq.factor(docs[i])
	}
	sort.SliceStable(top, func(i, j int) bool {
		if top[i].Score != top[j].Score {
			return top[i].Score > top[j].Score
		}
		return top[i].ID < top[j].ID
	})
	return nil
}

// weigh sets each window syllable's weight: its idf in the folded body
// (BM25's, on the snapshot); 0 for a syllable no document holds, and for
// one in more than MaxDF of the documents ("của", "người"), whose
// positions are not read: its long postings list would cost most of the
// rerank for a weight near 0.
func (pq *proxQuery) weigh(ctx context.Context, r index.IndexReader) error {
	total, err := r.DocCount()
	if err != nil {
		return fmt.Errorf("search: proximity: document count: %w", err)
	}
	for i := range pq.terms {
		t := &pq.terms[i]
		tfr, err := r.TermFieldReader(ctx, []byte(t.term), indexer.FieldBodyFold, false, false, false)
		if err != nil {
			return fmt.Errorf("search: proximity: df: %w", err)
		}
		df := tfr.Count()
		_ = tfr.Close()
		if df > 0 && (pq.maxDF <= 0 || float64(df) <= pq.maxDF*float64(total)) {
			t.weight = bm25.IDF(float64(total), float64(df))
		}
	}
	return nil
}

// positions reads, for each hit, the positions of the query's syllables
// (window terms and phrase words) in the folded title and body from its
// title and text in texts (the index keeps none, layouts 13 and 15),
// analyzed as title_f and body_f are (indexer.ScanTitleFold,
// indexer.ScanFold): the same positions.
func (pq *proxQuery) positions(ctx context.Context, hits []Hit, texts Texts) ([]proxDoc, error) {
	terms := map[string]bool{}
	for _, t := range pq.terms {
		if t.weight > 0 {
			terms[t.term] = true
		}
	}
	for _, ph := range pq.phrases {
		for _, w := range ph {
			terms[w] = true
		}
	}
	docs := make([]proxDoc, len(hits))
	if len(hits) == 0 {
		return docs, nil
	}
	if texts == nil {
		return nil, ErrNoTexts
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	for _, v := range []phraseView{titleView, bodyView} {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("search: proximity: %w", err)
		}
		got, err := v.read(ctx, texts, ids)
		if err != nil {
			return nil, fmt.Errorf("search: proximity: texts: %w", err)
		}
		for i, h := range hits {
			text, ok := got[h.ID]
			if !ok {
				continue
			}
			var found map[string][]uint64
			v.scan(text, func(term []byte, p int) {
				if terms[string(term)] {
					if found == nil {
						found = map[string][]uint64{}
					}
					found[string(term)] = append(found[string(term)], uint64(p))
				}
			})
			if found == nil {
				continue
			}
			if docs[i] == nil {
				docs[i] = proxDoc{}
			}
			docs[i][v.field] = found
		}
	}
	return docs, nil
}

// factor is a hit's multiplier.
func (pq *proxQuery) factor(d proxDoc) float64 {
	f := 1.0
	if pq.terms != nil {
		var total float64
		for _, t := range pq.terms {
			total += t.weight
		}
		if total > 0 {
			best := 0.0
			for _, field := range proxFields {
				best = max(best, windowCover(d[field], pq.terms, pq.o.Window))
			}
			f *= 1 + pq.o.Weight*best/total
		}
	}
	for _, ph := range pq.phrases {
		if slices.ContainsFunc(proxFields, func(field string) bool { return hasPhrase(d[field], ph) }) {
			f *= 1 + pq.o.Phrase
			break
		}
	}
	return f
}

// windowCover is the largest sum of the weights of distinct terms found
// together within window consecutive positions.
func windowCover(pos map[string][]uint64, terms []proxTerm, window int) float64 {
	type occ struct {
		pos uint64
		t   int
	}
	var occs []occ
	for i, t := range terms {
		if t.weight <= 0 {
			continue
		}
		for _, p := range pos[t.term] {
			occs = append(occs, occ{p, i})
		}
	}
	if len(occs) == 0 {
		return 0
	}
	slices.SortFunc(occs, func(a, b occ) int {
		if a.pos != b.pos {
			if a.pos < b.pos {
				return -1
			}
			return 1
		}
		return a.t - b.t
	})
	count := make([]int, len(terms))
	var cur, best float64
	lo := 0
	for _, o := range occs {
		if count[o.t] == 0 {
			cur += terms[o.t].weight
		}
		count[o.t]++
		for occs[lo].pos+uint64(window) <= o.pos {
			l := occs[lo]
			count[l.t]--
			if count[l.t] == 0 {
				cur -= terms[l.t].weight
			}
			lo++
		}
		best = max(best, cur)
	}
	return best
}

// hasPhrase reports whether the words follow each other in pos.
func hasPhrase(pos map[string][]uint64, words []string) bool {
	first := pos[words[0]]
next:
	for _, p := range first {
		for k := 1; k < len(words); k++ {
			if _, ok := slices.BinarySearch(pos[words[k]], p+uint64(k)); !ok {
				continue next
			}
		}
		return true
	}
	return false
}

// proximityRerank reranks hits by pq on the request's snapshot v, the
// one ranked (the hits are found in it by their IDs). An index that gives
// no reader (an alias of several indexes) is left in its order.
func (s *Searcher) proximityRerank(ctx context.Context, v *pinned, pq *proxQuery, hits []Hit) error {
	r, release, ok, err := v.reader()
	if err != nil {
		return fmt.Errorf("search: proximity: %w", err)
	}
	if !ok {
		return nil
	}
	defer release()
	if pq.typed != nil {
		d, err := s.abbrevs.get(r)
		if err != nil {
			return fmt.Errorf("search: proximity: %w", err)
		}
		pq.typedAbbrevs(d)
	}
	return pq.rerank(ctx, r, hits, s.texts)
}

// typedAbbrevs adds the query's words that the dictionary expands on
// their own ("HĐLĐ", "bpkctt") as phrases of one word: a hit holding the
// abbreviation as typed gets the factor its long form gets, so an exact
// match is not put below the expansion.
func (pq *proxQuery) typedAbbrevs(d *abbrev.Dict) {
	for _, w := range pq.typed {
		if len(d.Expand(w)) == 0 {
			continue
		}
		for _, t := range indexer.QueryTerms(w, indexer.AnalyzerFold) {
			pq.phrases = append(pq.phrases, []string{t})
		}
	}
}
