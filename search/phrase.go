package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// Quoted phrases on the folded body and title. Since layout 13 body_f
// keeps no positions (they were a quarter of the index, docs/log/i21-pos-performance.md), since layout 15 title_f neither ("i21-tpos"), so a phrase
// on either is evaluated in two steps:
//
//  1. the conjunction of its words on the view, built as bleve's phrase
//     searcher builds its own (a term searcher per position, a disjunction
//     where several terms share one, the phrase's query norm), so a
//     document scores what bleve's phrase query gave it: bleve's phrase
//     searcher returns its conjunction's match, positions only filter;
//  2. each document of that conjunction verified: for a phrase of two
//     words, by the postings of its bigram in the view's bigram view
//     (body_b, title_b) when they hold it (pairTerm); a body's candidate
//     lacking a pair of adjacent words of the phrase in both body_b and
//     body_bk (the pairs across breaks) is rejected from their postings
//     (breakPairs); otherwise on its
//     text in the corpus store (Texts, the text snippets are cut from; the
//     title from the record's head, titlesOf), analyzed as the view is
//     (indexer.ScanFold, indexer.ScanTitleFold): the phrase's terms at
//     consecutive positions, as bleve matched them on the index's
//     positions.
//
// The query is a bleve query of our own, so the ranking, the counts,
// facets, exclusions and the top-k engine's exclusion filter all see the
// same hits. Its cost is the conjunction's candidates, at most the
// document frequency of the phrase's rarest word: priced before the
// search (positions.go, verifyUnits per candidate against
// Budget.MaxPositions), counted as the search verifies them against the
// guard's limit (guard.go), and the context is looked at before each
// candidate. A phrase of one position (one word) needs no verification.

// verifyUnits is the price of verifying one candidate of a body phrase on
// its text, in the unit of Budget.MaxPositions (a posting read with
// positions, 4–5 µs as DefaultMaxPositions was measured): 5, ~25 µs.
// Reading the record from the store, decoding it and scanning the text
// measured 35–75 µs a candidate on the scale documents (BenchmarkBodyPhrase,
// under load; 40 % the scan); since the store reads the body alone
// (corpus.Store.Bodies) ~38 µs of process CPU, half of it the read and half
// the scan (docs/log/i21-edges.md). So a phrase of common words
// admitted at the budget's edge may still cost ~1.5× the CPU the budget
// was set for, and the price does not fall with the cost: it stays below
// it. A higher price refuses quoted phrases and exclusions of the ranking
// set on 3,000 scale documents (TestPositionsRealQueries,
// TestTopOnlySameHits: "Phú An số" verifies ~900 candidates), which the
// budget must admit (docs/log/i21-pos-performance.md). A title's candidate
// reads the record's head (a decode without the body): priced the same,
// an upper bound.
const verifyUnits = 5

// ErrNoTexts is the error of a search with a quoted phrase on the body or
// the title, or an abbreviation's rerank, by a Searcher without texts
// (WithTexts), or whose texts give no titles (titlesOf): the index keeps
// no positions of the body and title, the store's text has them.
var ErrNoTexts = errors.New("search: quoted phrases need the documents' texts and titles (search.WithTexts with a corpus store or Records)")

// phraseView is a folded view whose phrases are verified on texts: its
// field, its bigram view, its view of the pairs across breaks ("": none),
// how its text is analyzed and read.
type phraseView struct {
	field, bigram, breaks string
	scan                  func(text string, fn func(term []byte, pos int))
	read                  func(ctx context.Context, texts Texts, ids []string) (map[string]string, error)
}

// bodyView and titleView are the folded body and title.
var (
	bodyView  = phraseView{indexer.FieldBodyFold, indexer.FieldBodyBigram, indexer.FieldBodyBreakBigram, indexer.ScanFold, bodiesOf}
	titleView = phraseView{indexer.FieldTitleFold, indexer.FieldTitleBigram, "", indexer.ScanTitleFold, titlesOf}
)

// Heads is Texts whose records' heads can be read without their bodies
// (corpus.Store.Head): where a title phrase's candidates read the title.
type Heads interface {
	Head(id string) (*corpus.Document, error)
}

// bodiesOf returns the bodies of ids that texts holds.
func bodiesOf(ctx context.Context, texts Texts, ids []string) (map[string]string, error) {
	return texts.Bodies(ctx, ids)
}

// titlesOf returns the titles of ids that texts holds: from the records'
// heads (Heads), else the records (Records); ErrNoTexts when texts gives
// neither (a TextMap holds bodies only). An unknown ID has no entry.
func titlesOf(ctx context.Context, texts Texts, ids []string) (map[string]string, error) {
	var get func(string) (*corpus.Document, error)
	switch t := texts.(type) {
	case Heads:
		get = t.Head
	case Records:
		get = t.Get
	default:
		return nil, ErrNoTexts
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("search: titles: %w", err)
		}
		d, err := get(id)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("search: title of %s: %w", id, err)
		}
		out[id] = d.Title
	}
	return out, nil
}

// viewPhrase is a quoted phrase on a folded view, verified on texts.
type viewPhrase struct {
	view  phraseView
	text  string
	boost float64
	texts Texts
}

// bodyPhraseQuery is the phrase text on the folded body, boosted, verified
// on texts.
func bodyPhraseQuery(text string, boost float64, texts Texts) query.Query {
	return viewPhraseQuery(bodyView, text, boost, texts)
}

// titlePhraseQuery is the phrase text on the folded title, boosted,
// verified on the titles of texts.
func titlePhraseQuery(text string, boost float64, texts Texts) query.Query {
	return viewPhraseQuery(titleView, text, boost, texts)
}

func viewPhraseQuery(v phraseView, text string, boost float64, texts Texts) query.Query {
	if _, ok := texts.(positionalTexts); ok {
		return phrase(v.field, text, boost)
	}
	return &viewPhrase{view: v, text: text, boost: boost, texts: texts}
}

// positionalTexts, as a Searcher's texts, has phrases evaluated as layout
// 12 did: bleve's phrase query on body_f's and title_f's positions, which
// only an index built with them answers. Tests set it, for the
// expectation the verified phrases must meet (TestBodyPhrasesAsPositions).
type positionalTexts struct{ Texts }

// MarshalJSON writes the phrase query it stands for.
func (q *viewPhrase) MarshalJSON() ([]byte, error) {
	p := bleve.NewMatchPhraseQuery(q.text)
	p.SetField(q.view.field)
	p.SetBoost(q.boost)
	return json.Marshal(p)
}

func (q *viewPhrase) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	slots := phraseSlots(q.view.scan, q.text)
	if len(slots) == 0 {
		return bleve.NewMatchNoneQuery().Searcher(ctx, r, m, o)
	}
	var parts []bsearch.Searcher
	closeAll := func() {
		for _, s := range parts {
			_ = s.Close()
		}
	}
	for _, slot := range slots {
		var ts []bsearch.Searcher
		for _, t := range slot {
			if t == "" {
				continue
			}
			s, err := searcher.NewTermSearcher(ctx, r, t, q.view.field, q.boost, o)
			if err != nil {
				closeAll()
				for _, s := range ts {
					_ = s.Close()
				}
				return nil, fmt.Errorf("search: phrase word: %w", err)
			}
			ts = append(ts, s)
		}
		switch {
		case len(ts) == 1 && len(slot) == 1:
			parts = append(parts, ts[0])
		case len(ts) > 0:
			d, err := searcher.NewDisjunctionSearcher(ctx, r, ts, 1, o)
			if err != nil {
				closeAll()
				return nil, fmt.Errorf("search: phrase position: %w", err)
			}
			parts = append(parts, d)
		}
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, parts, o)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("search: phrase words: %w", err)
	}
	// bleve's phrase searcher sets its conjunction's query norm again
	// from the conjunction's weight (the same value): done the same way
	conj.SetQueryNorm(1 / math.Sqrt(conj.Weight()))
	if len(slots) == 1 {
		return conj, nil
	}
	if q.texts == nil {
		_ = conj.Close()
		return nil, ErrNoTexts
	}
	v := &verifiedSearcher{Searcher: conj, ctx: ctx, r: r, view: q.view, slots: slots, texts: q.texts}
	if g, ok := r.(*guardedReader); ok {
		v.work = g.work
	}
	if pair := pairTerm(slots); pair != "" {
		tfr, err := r.TermFieldReader(ctx, []byte(pair), q.view.bigram, false, false, false)
		if err != nil {
			_ = conj.Close()
			return nil, fmt.Errorf("search: phrase bigram: %w", err)
		}
		v.pair.tfr = tfr
	}
	if q.view.breaks != "" {
		for _, pair := range breakPairs(slots) {
			var ps [2]postings
			for k, field := range []string{q.view.bigram, q.view.breaks} {
				tfr, err := r.TermFieldReader(ctx, []byte(pair), field, false, false, false)
				if err != nil {
					_ = v.Close()
					if k == 1 {
						_ = ps[0].tfr.Close()
					}
					return nil, fmt.Errorf("search: phrase pair: %w", err)
				}
				ps[k].tfr = tfr
			}
			v.pairs = append(v.pairs, ps)
		}
	}
	return v, nil
}

// phraseSlots are the terms of a phrase by position from its first, as
// the view's analysis (scan) gives them and bleve's match-phrase query
// places them (tokenStreamToPhrase):
// several terms share a position (a document number and the word after
// it), and a position no term holds is "" (any term).
func phraseSlots(scan func(string, func([]byte, int)), text string) [][]string {
	type at struct {
		term string
		pos  int
	}
	var ts []at
	first, last := math.MaxInt, 0
	scan(text, func(term []byte, pos int) {
		ts = append(ts, at{string(term), pos})
		first, last = min(first, pos), max(last, pos)
	})
	if len(ts) == 0 {
		return nil
	}
	slots := make([][]string, last-first+1)
	for _, t := range ts {
		slots[t.pos-first] = append(slots[t.pos-first], t.term)
	}
	for i, s := range slots {
		if s == nil {
			slots[i] = []string{""}
		}
	}
	return slots
}

// pairTerm is the folded bigram of a phrase of two words, as body_b and
// title_b hold it ("chinh phu"), or "" for another phrase. A document
// whose bigram view holds it holds the phrase: the bigram view pairs two
// words that follow each other with no break between them, which the
// folded view places at consecutive positions (a document number's key
// takes no position of its own, and its parts are words; title_b, as
// title_f, leaves out the "Điều N." that opens an article's title, and
// a bigram it keeps starts after it). The converse does not hold (they pair
// no words across a comma or a line break, a phrase matches there), so a
// candidate without the bigram is verified on its text.
func pairTerm(slots [][]string) string {
	if len(slots) != 2 || len(slots[0]) != 1 || len(slots[1]) != 1 || slots[0][0] == "" || slots[1][0] == "" {
		return ""
	}
	return slots[0][0] + " " + slots[1][0]
}

// breakPairs are the folded pairs of adjacent words of a body phrase
// ("luong co") that a document holding the phrase holds in body_b (no
// break between them) or body_bk (a break), once each: the pairs of two
// adjacent slots of one term each. A slot of several terms (a document
// number's key and its first part) or none ("") is left to the text, and
// so is a term with a '/' or '-': a document number's key (doctype.NumberKey,
// which always holds one) shares its position with the number's first
// part, so a document may hold it where no pair of words does; a term
// without either is a word's (foldTerm), at the position of that word,
// and two words at consecutive positions are a pair of the two views
// (indexer.AnalyzerBreakBigram).
func breakPairs(slots [][]string) []string {
	word := func(slot []string) bool {
		return len(slot) == 1 && slot[0] != "" && !strings.ContainsAny(slot[0], "/-")
	}
	var out []string
	for k := 0; k+1 < len(slots); k++ {
		if word(slots[k]) && word(slots[k+1]) {
			if p := slots[k][0] + " " + slots[k+1][0]; !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// postings are a term's postings advanced with a phrase's candidates
// (which come in increasing order): at is where they stand (nil: not read
// yet), done once they are exhausted.
type postings struct {
	tfr  index.TermFieldReader
	at   index.IndexInternalID
	tfd  index.TermFieldDoc
	done bool
}

// has reports whether the postings hold the candidate iid.
func (p *postings) has(iid index.IndexInternalID) (bool, error) {
	if p.tfr == nil || p.done {
		return false, nil
	}
	if p.at == nil || bytes.Compare(p.at, iid) < 0 {
		d, err := p.tfr.Advance(iid, p.tfd.Reset())
		if err != nil {
			return false, err
		}
		if d == nil {
			p.done = true
			return false, nil
		}
		p.at = append(p.at[:0], d.ID...)
	}
	return bytes.Equal(p.at, iid), nil
}

func (p *postings) close() error {
	if p.tfr == nil {
		return nil
	}
	return p.tfr.Close()
}

// verifiedSearcher is the conjunction of a phrase's words, each of its
// documents kept when its text holds the phrase.
type verifiedSearcher struct {
	bsearch.Searcher
	ctx   context.Context
	r     index.IndexReader
	view  phraseView
	slots [][]string
	texts Texts
	work  *searchWork // nil when the index is read without the guard
	// pair, for a phrase of two words, is the postings of its bigram in
	// the bigram view (pairTerm): a candidate they hold holds the phrase
	pair postings
	// pairs are the postings of each of breakPairs in the bigram view and
	// in the view of pairs across breaks: a candidate that neither of
	// some pair's holds does not hold the phrase
	pairs [][2]postings
}

// Close closes the conjunction and the pairs' postings.
func (s *verifiedSearcher) Close() error {
	err := s.Searcher.Close()
	for _, p := range append([]*postings{&s.pair}, s.pairPostings()...) {
		if perr := p.close(); err == nil {
			err = perr
		}
	}
	return err
}

func (s *verifiedSearcher) pairPostings() []*postings {
	var out []*postings
	for k := range s.pairs {
		out = append(out, &s.pairs[k][0], &s.pairs[k][1])
	}
	return out
}

// inPair reports whether the candidate's bigram view holds the phrase's bigram.
// Candidates come in increasing order.
func (s *verifiedSearcher) inPair(iid index.IndexInternalID) (bool, error) {
	ok, err := s.pair.has(iid)
	if err != nil {
		return false, fmt.Errorf("search: phrase bigram: %w", err)
	}
	return ok, nil
}

// lacksPair reports whether the candidate lacks one of the phrase's
// breakPairs in both views: then it does not hold the phrase.
func (s *verifiedSearcher) lacksPair(iid index.IndexInternalID) (bool, error) {
	for k := range s.pairs {
		in := false
		for j := range s.pairs[k] {
			ok, err := s.pairs[k][j].has(iid)
			if err != nil {
				return false, fmt.Errorf("search: phrase pair: %w", err)
			}
			if ok {
				in = true // the other's stay behind, advanced when needed
				break
			}
		}
		if !in {
			return true, nil
		}
	}
	return false, nil
}

func (s *verifiedSearcher) Next(sc *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(sc)
	return s.filter(sc, dm, err)
}

func (s *verifiedSearcher) Advance(sc *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(sc, id)
	return s.filter(sc, dm, err)
}

// filter returns dm or the next candidate whose text holds the phrase.
func (s *verifiedSearcher) filter(sc *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for dm != nil && err == nil {
		ok, verr := s.verify(dm.IndexInternalID)
		if verr != nil {
			return nil, verr
		}
		if ok {
			return dm, nil
		}
		sc.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(sc)
	}
	return dm, err
}

// verify reports whether the document's stored text holds the phrase. A
// document the store no longer has holds nothing.
func (s *verifiedSearcher) verify(iid index.IndexInternalID) (bool, error) {
	if err := s.ctx.Err(); err != nil {
		return false, err
	}
	pair, err := s.inPair(iid)
	if err != nil {
		return false, err
	}
	lacks := false
	if !pair {
		if lacks, err = s.lacksPair(iid); err != nil {
			return false, err
		}
	}
	if w := s.work; w != nil {
		// a candidate counts one unit, as the price counts it (the
		// views keep no positions whose reading would count), and
		// verifyUnits more when its text is read
		units := uint64(1)
		if !pair && !lacks {
			units += verifyUnits
		}
		if n := w.positions.Add(units); w.maxPositions > 0 && n > w.maxPositions {
			return false, errPositions
		}
		if w.checkpoint != nil {
			w.checkpoint(w.postings.Load())
		}
		if err := s.ctx.Err(); err != nil {
			return false, err
		}
	}
	if pair || lacks {
		return pair, nil
	}
	id, err := s.r.ExternalID(iid)
	if err != nil {
		return false, fmt.Errorf("search: phrase candidate: %w", err)
	}
	texts, err := s.view.read(s.ctx, s.texts, []string{id})
	if err != nil {
		return false, fmt.Errorf("search: phrase candidate's text: %w", err)
	}
	text, ok := texts[id]
	return ok && holdsPhrase(s.view.scan, text, s.slots), nil
}

// holdsPhrase reports whether the analysis of text (scan) holds the
// phrase's slots at consecutive positions: a term of slot k at p+k for
// every non-empty slot k, as bleve's phrase searcher matches locations.
func holdsPhrase(scan func(string, func([]byte, int)), text string, slots [][]string) bool {
	at := map[string][]int{} // term → the slots it fills
	// a term's first byte and length tell most of a text's terms from the
	// phrase's before the map is looked up
	var first [256]bool
	var lens uint64 // bit n: a term of n bytes (n < 64); longer ones are looked up
	for k, slot := range slots {
		for _, t := range slot {
			if t != "" {
				at[t] = append(at[t], k)
				first[t[0]] = true
				if len(t) < 64 {
					lens |= 1 << len(t)
				}
			}
		}
	}
	pos := make([][]int, len(slots)) // slot → the positions its terms hold, increasing
	scan(text, func(term []byte, p int) {
		if !first[term[0]] || len(term) < 64 && lens&(1<<len(term)) == 0 {
			return
		}
		for _, k := range at[string(term)] {
			pos[k] = append(pos[k], p)
		}
	})
next:
	for _, p := range pos[0] {
		for k := 1; k < len(slots); k++ {
			if len(slots[k]) == 1 && slots[k][0] == "" {
				continue
			}
			if _, ok := slices.BinarySearch(pos[k], p+k); !ok {
				continue next
			}
		}
		return true
	}
	return false
}
