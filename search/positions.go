package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	index "github.com/blevesearch/bleve_index_api"
)

// Pricing quoted phrases on the index. A phrase's cost is not its shape:
// it is matched as a conjunction of its words' postings, verified
// candidate by candidate in the body and the title (phrase.go), and a pair of words found in nearly every document costs
// ~190 ms of CPU on 6,000 documents while a phrase holding one rare word
// costs nothing (docs/log/perf-costly-queries.md). So after the shape budget
// (Cost.Units, no index read) a plan's phrases and exclusions are priced
// on the snapshot, from the document frequency of each word (one
// dictionary lookup a word and field): a phrase whose rarest word is in d
// documents of the folded body or title has there d candidates (one unit
// each), of which those verified on their stored text or title cost
// verifyUnits more: all of them, but for a phrase of two words those whose
// bigram (body_b, title_b) does not hold (phrase.go). Over Budget.MaxPositions the query is refused before it
// runs (a CostError naming the costliest phrase); a search that
// reads more than twice the budget in positions anyway (the snapshot
// changed under it) is stopped with the same error (guard.go).

// phrasePrice is the positional price of one quoted phrase or exclusion.
type phrasePrice struct {
	Text     string
	Postings int
}

// positionsPrice prices p's phrases and exclusions on r.
func positionsPrice(r index.IndexReader, p Plan) ([]phrasePrice, error) {
	var out []phrasePrice
	add := func(text string) error {
		n, err := phrasePostings(r, text)
		if err != nil {
			return err
		}
		out = append(out, phrasePrice{Text: text, Postings: n})
		return nil
	}
	for _, ph := range p.Phrases {
		if err := add(ph.Text); err != nil {
			return nil, err
		}
	}
	for _, x := range p.Exclude {
		if err := add(x); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// phrasePostings is the postings a phrase reads with their verification,
// in the unit of Budget.MaxPositions: in the folded body and title, which
// keep no positions (layouts 13 and 15), the candidates its rarest word
// admits, one unit each, and verifyUnits more for each verified on the
// document's stored text or title (phrase.go): all of them, but for a
// phrase of two words those whose folded bigram (body_b, title_b) holds.
// A phrase of one position is a term query, read without positions or
// verification: counted as its word count times its documents.
func phrasePostings(r index.IndexReader, text string) (int, error) {
	total := 0
	for _, v := range []phraseView{bodyView, titleView} {
		slots := phraseSlots(v.scan, text)
		rarest, words := ^uint64(0), 0
		for _, slot := range slots {
			for _, w := range slot {
				if w == "" {
					continue
				}
				words++
				n, err := docFreq(r, v.field, w)
				if err != nil {
					return 0, fmt.Errorf("search: document frequency of a phrase word in %s: %w", v.field, err)
				}
				rarest = min(rarest, n)
			}
		}
		if rarest == ^uint64(0) {
			continue
		}
		if len(slots) < 2 {
			total += words * int(rarest)
			continue
		}
		// each candidate verified on its text, but for a phrase of two
		// words those whose bigram view holds it (a posting read each)
		verified := int(rarest)
		if pair := pairTerm(slots); pair != "" {
			n, err := docFreq(r, v.bigram, pair)
			if err != nil {
				return 0, fmt.Errorf("search: document frequency of a phrase's bigram: %w", err)
			}
			verified = max(0, verified-int(n))
		}
		total += int(rarest) + verified*verifyUnits
	}
	return total, nil
}

// docFreq is the number of documents whose field holds term.
func docFreq(r index.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// positionsTotal is the sum of the prices.
func positionsTotal(ps []phrasePrice) int {
	n := 0
	for _, p := range ps {
		n += p.Postings
	}
	return n
}

// priceOnIndex prices the phrases and exclusions of p on the current
// snapshot of the index. It returns the prices, and nil when the index
// has no snapshot to read (an alias of several indexes): the guard's stop
// then bounds the search alone.
func (s *Searcher) priceOnIndex(v *pinned, p Plan) ([]phrasePrice, error) {
	if s.idx == nil || s.unpriced || len(p.Phrases)+len(p.Exclude) == 0 || s.budget.MaxPositions <= 0 {
		return nil, nil
	}
	r, release, ok, err := v.reader()
	if err != nil || !ok {
		return nil, nil
	}
	defer release()
	return positionsPrice(r, p)
}

// positionsError is the CostError of a query whose phrases cost more
// than the budget's positions: the costliest phrases named, and how many
// of the quoted phrases fit with the rest unchanged (the phrases are kept
// in the query's order, as shrink keeps them).
func (s *Searcher) positionsError(c Cost, ps []phrasePrice, nPhrases int) *CostError {
	fit, sum := 0, 0
	for _, p := range ps[:nPhrases] {
		if sum+p.Postings > s.budget.MaxPositions-positionsTotal(ps[nPhrases:]) {
			break
		}
		sum += p.Postings
		fit++
	}
	c.Positions = positionsTotal(ps)
	worst := append([]phrasePrice(nil), ps...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].Postings > worst[j].Postings })
	return &CostError{Cost: c, Max: s.budget.Max, MaxPositions: s.budget.MaxPositions, Fit: fit, phrases: worst}
}

// positionsMessage is the message of a CostError over the positions
// budget.
func (e *CostError) positionsMessage() string {
	var b strings.Builder
	if e.Stopped {
		fmt.Fprintf(&b, "query too costly: stopped after its quoted phrases and exclusions read %d postings with positions, at most %d", e.Cost.Positions, 2*e.MaxPositions)
		b.WriteString("; quote fewer or rarer words: a phrase costs its word count times the documents holding its rarest word")
		return b.String()
	}
	fmt.Fprintf(&b, "query too costly: its quoted phrases and exclusions read %d postings with positions in this index, at most %d:", e.Cost.Positions, e.MaxPositions)
	sep := " "
	for i, p := range e.phrases {
		if i == 3 {
			fmt.Fprintf(&b, "%s%d more", sep, len(e.phrases)-i)
			break
		}
		fmt.Fprintf(&b, "%s%q (%d)", sep, p.Text, p.Postings)
		sep = ", "
	}
	fmt.Fprintf(&b, "; quote fewer or rarer words: a phrase costs its word count times the documents holding its rarest word (at most %d of the quoted phrases with the rest unchanged)", e.Fit)
	return b.String()
}

// errPositions is the guard's stop of a search that read more postings
// with positions than its limit.
var errPositions = errors.New("search: more postings with positions read than the budget allows")

// DefaultMaxPositions is Budget.MaxPositions by default: about 50 ms of
// CPU (4–5 µs a priced position, phrase and scoring together: ten quoted
// frequent pairs on 3,000 documents, 67,500 positions, 274 ms; three,
// 20,900, 100 ms). At 20,000, four clients sending the two frequent pairs
// it admitted raised the normal p99 2–2.7× (scripts/serve-hardening.sh);
// at 10,000 one pair fits on those 3,000 documents. The costliest query
// of the ALQAC and dev sets, priced on its own corpus, reads 2,020
// (TestPositionsRealQueries); the budget is absolute, so on a larger index
// fewer phrases of common words fit (docs/log/perf-costly-queries.md).
const DefaultMaxPositions = 10_000
