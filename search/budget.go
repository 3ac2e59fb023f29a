package search

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/vanban/vanban/indexer"
)

// What a query may cost. A plan is priced before it runs, from its shape
// alone (Plan.Cost): how many words each text scores in its six views, how
// many quoted phrases must be matched position by position, how many
// exclusions each document is checked against, how many regular
// expressions walk the number dictionaries. A unit is about one
// millisecond of CPU on 20,000 documents when the words are the most
// frequent ones (measured on the scale corpus, docs/log/perf-costly-queries.md):
//
//	a quoted phrase ("của các")              ~30 ms   30 units
//	an exclusion (-word, -"phrase")          ~30–45   30
//	a word of a text (per text it is in)     ~1       1   (twice when every match is scored)
//	an intent (document type, definition)    rescoring the text: its words again, a quarter each
//	a document number (number and cites)     ~1       1 a term
//	a partial number ("nq 154")              ~2       2 a regexp
//	an abbreviation expanded (per word)      ~1       1
//
// A query over Budget.Max is refused before it runs (CostError, with what to
// shorten); a query of Budget.Expensive or more waits for one of a few
// slots (Searcher.admit), so that a handful of costly searches cannot take
// every core from the cheap ones.

// Unit prices of a plan's parts.
const (
	unitPhrase    = 30
	unitExclusion = 30
	unitWord      = 1
	unitNumber    = 1
	unitPattern   = 2
	unitExpansion = 1
	// intentShare divides the price of the words an intent scores again:
	// they are scored only in the documents holding the intent's term (a
	// type, a definitions title), a conjunction; measured, two intents
	// over 40 words added 5–10 ms to 18.
	intentShare = 4
)

// Cost is the price of a plan, by part.
type Cost struct {
	Words      int  // words of the texts, each counted once per text it is in
	Phrases    int  // quoted phrases
	Exclusions int  // excluded words and phrases
	Numbers    int  // document-number terms (two a number: its own field and cites)
	Patterns   int  // regular expressions of partial numbers (two a partial number)
	Expansions int  // words of the abbreviation expansions
	Intents    int  // intent clauses, each scoring the query's text once more
	IntentText int  // words of that text
	Exhaustive bool // every match is scored (sorted by a field, quoted phrases): words cost twice
	// Positions are the postings with positions the quoted phrases and
	// exclusions read in the title, and their candidates in the body, each
	// verified on its text priced as verifyUnits postings (phrase.go),
	// priced on the index (positions.go); not in Units:
	// Budget.MaxPositions bounds them.
	Positions int
}

// Units is the total price.
func (c Cost) Units() int {
	n := 0
	for _, p := range c.parts() {
		n += p.units
	}
	return n
}

// costPart is one line of a price: what, how many, and the units.
type costPart struct {
	what    string // plural noun, for the message
	count   int
	units   int
	shorten string // what to do about it
}

func (c Cost) parts() []costPart {
	word := unitWord
	if c.Exhaustive {
		word *= 2
	}
	return []costPart{
		{"quoted phrases", c.Phrases, c.Phrases * unitPhrase, "use fewer quoted phrases"},
		{"exclusions", c.Exclusions, c.Exclusions * unitExclusion, "use fewer -exclusions"},
		// the words, and their share scored again by the intents
		{"words", c.Words, word * (c.Words + c.Intents*c.IntentText/intentShare), "use fewer words"},
		{"intents", c.Intents, c.Intents, "name fewer document types"},
		{"document-number terms", c.Numbers, c.Numbers * unitNumber, "give fewer document numbers"},
		{"partial-number patterns", c.Patterns, c.Patterns * unitPattern, "give fewer partial numbers (\"nq 154\")"},
		{"abbreviation expansion words", c.Expansions, c.Expansions * unitExpansion, "use fewer abbreviations"},
	}
}

// Cost prices the plan; exhaustive says whether every match is scored
// (evaluation: not top-k).
func (p Plan) Cost(exhaustive bool) Cost {
	c := Cost{Phrases: len(p.Phrases), Exclusions: len(p.Exclude), Numbers: len(p.Numbers),
		Patterns: len(p.Partials), Intents: len(p.Intents), Exhaustive: exhaustive}
	for _, t := range p.Texts {
		c.Words += wordCount(t.Text)
	}
	if p.Expansion != nil {
		c.Expansions = wordCount(p.Expansion.Text)
	}
	if c.Intents > 0 {
		c.IntentText = wordCount(p.text())
	}
	return c
}

// wordCount is the number of distinct words of text, as the folded view
// reads them (a text's clauses hold one term per distinct word and view).
func wordCount(text string) int {
	return len(dedup(indexer.QueryTerms(text, indexer.AnalyzerFold)))
}

// Budget bounds what a query may cost.
type Budget struct {
	// Max is the most a query may cost: a costlier one is refused
	// (CostError). 0 means no limit.
	Max int
	// Expensive is the cost from which a search waits for one of Slots
	// (0: none waits).
	Expensive int
	// Slots is how many expensive searches run at once; Queue how many may
	// wait for a slot beyond them (a search finding the queue full fails
	// with ErrBusy).
	Slots, Queue int
	// MaxPositions is the most postings with positions a query's quoted
	// phrases and exclusions may read (a body candidate verified on its
	// text counting verifyUnits), priced on the index before the search
	// (positions.go); a search reading twice that is stopped. 0 means no
	// limit.
	MaxPositions int
}

// DefaultBudget admits a long question (a thousand bytes of free words
// costs about 250) or a few phrases and exclusions beside it, refuses the
// repeated phrases that took seconds, and runs the searches costing 100 or
// more (about 0.1 s of CPU on 20k documents) on half the cores at most.
func DefaultBudget() Budget {
	slots := max(1, runtime.GOMAXPROCS(0)/2)
	return Budget{Max: 400, Expensive: 100, Slots: slots, Queue: 16 * slots, MaxPositions: DefaultMaxPositions}
}

// CostError is a query refused for its cost before it ran. Its message
// says what to shorten.
type CostError struct {
	Cost Cost
	Max  int
	// MaxPositions is the positions budget, when the query's phrases
	// exceed it (Cost.Positions).
	MaxPositions int
	// Fit is how many of the costliest part the budget admits with the
	// rest of the query unchanged.
	Fit int
	// Stopped is set when the search was stopped while running, having
	// read more positions than its limit (guard.go).
	Stopped bool
	phrases []phrasePrice // the phrases' prices, costliest first
}

func (e *CostError) Error() string {
	if e.MaxPositions > 0 {
		return e.positionsMessage()
	}
	ps := e.Cost.parts()
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].units > ps[j].units })
	var b strings.Builder
	fmt.Fprintf(&b, "query too costly: %d units, at most %d:", e.Cost.Units(), e.Max)
	sep := " "
	for _, p := range ps {
		if p.units > 0 {
			fmt.Fprintf(&b, "%s%d %s (%d)", sep, p.count, p.what, p.units)
			sep = ", "
		}
	}
	fmt.Fprintf(&b, "; %s (at most %d with the rest unchanged)", ps[0].shorten, e.Fit)
	return b.String()
}

// costError is the error of q over the budget: its price, and how many of
// its costliest part fit, found by pricing q again with fewer of them
// (the price grows with each part: FuzzCost).
func (s *Searcher) costError(q Query, r Request, c Cost) *CostError {
	ps := c.parts()
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].units > ps[j].units })
	top := ps[0]
	fits := func(k int) bool {
		p := Build(shrink(q, top.what, k), r.Filters, s.weights)
		topOnly, _ := evaluation(p, r)
		return p.Cost(!topOnly).Units() <= s.budget.Max
	}
	// the largest k ≤ count that fits: sort.Search finds the first that
	// does not
	fit := sort.Search(top.count+1, func(k int) bool { return !fits(k) }) - 1
	return &CostError{Cost: c, Max: s.budget.Max, Fit: max(fit, 0)}
}

// shrink is q with only the first k items of the part named what.
func shrink(q Query, what string, k int) Query {
	switch what {
	case "quoted phrases":
		q.Phrases = q.Phrases[:min(k, len(q.Phrases))]
	case "exclusions":
		q.Exclude = q.Exclude[:min(k, len(q.Exclude))]
	case "words":
		w := strings.Fields(q.Text)
		q.Text = strings.Join(w[:min(k, len(w))], " ")
	case "document-number terms":
		q.Numbers = q.Numbers[:min(k/2, len(q.Numbers))]
	case "partial-number patterns":
		q.Partial = q.Partial[:min(k/2, len(q.Partial))]
	case "abbreviation expansion words", "intents":
		if k == 0 {
			q.Expansions = nil
		}
	}
	return q
}

// expensive reports whether a search of cost c waits for a slot: priced
// Expensive units or more, or its phrases reading a quarter of the
// positions budget or more (four such searches at once took both cores
// for 0.4–0.8 s on 3,000 documents: docs/log/perf-costly-queries.md).
func (b Budget) expensive(c Cost) bool {
	return c.Units() >= b.Expensive || b.MaxPositions > 0 && 4*c.Positions >= b.MaxPositions
}

// ErrBusy is returned when too many expensive searches are already waiting.
var ErrBusy = errors.New("search: too many costly searches at once; try again shortly")

// admission runs the expensive searches a few at a time.
type admission struct {
	slots   chan struct{}
	queue   int64
	waiting atomic.Int64
}

func newAdmission(b Budget) *admission {
	if b.Expensive <= 0 || b.Slots <= 0 {
		return nil
	}
	return &admission{slots: make(chan struct{}, b.Slots), queue: int64(b.Queue)}
}

// admit waits for a slot for a search of cost c, when it is expensive,
// and returns the function that frees it. A cheap search never waits.
func (s *Searcher) admit(ctx context.Context, c Cost) (release func(), err error) {
	a := s.admission
	if a == nil || !s.budget.expensive(c) {
		return func() {}, nil
	}
	select {
	case a.slots <- struct{}{}:
		return func() { <-a.slots }, nil
	default:
	}
	if a.waiting.Add(1) > a.queue {
		a.waiting.Add(-1)
		return nil, ErrBusy
	}
	defer a.waiting.Add(-1)
	select {
	case a.slots <- struct{}{}:
		return func() { <-a.slots }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("search: waiting for a slot for a costly search: %w", ctx.Err())
	}
}
