package search

import (
	"math"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
)

// Resolving a plan's texts into weighted terms, on the snapshot a search
// runs on: both compilations of a plan (bleve.go, topk.go) call clauses,
// so bleve's query and the top-k engine score the same terms.

// clauses are the scored terms of the text: a disjunction of clauses, each
// a disjunction of term queries (bleve scores a disjunction as the sum of
// its matching parts times the fraction that matched). st may be nil (no
// statistics: every term weighs the same, nothing is restored or pruned).
func (t Text) clauses(w Weights, st *termStats) []engine.Clause {
	if t.Boost > 0 {
		// bleve ignores the boost of a disjunction: scale the terms.
		w.Exact, w.Fold, w.Bigram = w.Exact*t.Boost, w.Fold*t.Boost, w.Bigram*t.Boost
	}
	cs := textClauses(t.Text, w, st)
	if w.Restored > 0 {
		if r := restore(t.Text, st); r != "" {
			// The restored spelling feeds the exact views only; the folded
			// views above already match every spelling.
			rw := Weights{Exact: w.Exact * w.Restored, Title: w.Title, IDFPower: w.IDFPower, Stop: w.Stop}
			cs = append(cs, textClauses(r, rw, st)...)
		}
	}
	return cs
}

// view is one analysis of the text and the fields indexed that way.
type view struct {
	analyzer    string
	body, title string
	weight      float64
}

// textClauses are the scored views of some free text: for each view and
// field, one term per distinct term, each boosted by its idf and stop-word
// weight.
func textClauses(text string, w Weights, st *termStats) []engine.Clause {
	var cs []engine.Clause
	for _, v := range []view{
		{indexer.AnalyzerExact, indexer.FieldBody, indexer.FieldTitle, w.Exact},
		{indexer.AnalyzerFold, indexer.FieldBodyFold, indexer.FieldTitleFold, w.Fold},
		{indexer.AnalyzerBigram, indexer.FieldBodyBigram, indexer.FieldTitleBigram, w.Bigram},
	} {
		if v.weight <= 0 {
			continue
		}
		terms := dedup(indexer.QueryTerms(text, v.analyzer))
		if len(terms) == 0 {
			continue
		}
		for _, f := range []struct {
			name  string
			boost float64
		}{{v.body, v.weight}, {v.title, v.weight * w.Title}} {
			if f.boost <= 0 {
				continue
			}
			fterms := prune(terms, f.name, st, w.MaxDF)
			c := make(engine.Clause, len(fterms))
			for i, t := range fterms {
				c[i] = engine.Term{Field: f.name, Term: t, Boost: f.boost * termWeight(st, f.name, t, w)}
			}
			cs = append(cs, c)
		}
	}
	return cs
}

// termWeight is the boost of one term: the idf correction and the stop-word
// factor.
func termWeight(st *termStats, field, t string, w Weights) float64 {
	g := 1.0
	if isStop(t) {
		g = w.Stop
	}
	return idfWeight(g, st, field, t, w.IDFPower)
}

// idfWeight is g times idf^(power−2) of term in field: bleve multiplies
// the idf into the query weight and the score of a term, so a term boosted
// this way weighs idf^power. Without statistics, or for a term the field
// does not hold, it is g.
func idfWeight(g float64, st *termStats, field, term string, power float64) float64 {
	if st != nil && power != 2 {
		if idf := st.idf(field, term); idf > 0 {
			g *= math.Pow(idf, power-2)
		}
	}
	return g
}

// termBoost is the boost of the intent's term on the snapshot of st.
func (in Intent) termBoost(st *termStats, w Weights) float64 {
	if !in.IDF {
		return in.Boost
	}
	return idfWeight(in.Boost, st, in.Field, in.Term, w.IDFPower)
}

func dedup(ts []string) []string {
	seen := make(map[string]bool, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
