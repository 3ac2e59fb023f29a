package search

import (
	"math"

	"github.com/vanban/vanban/corpus/viet"
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
	var r string
	if w.Restored > 0 {
		r = restore(t.Text, st)
	}
	spelled := t.Text
	if !viet.HasMarks(spelled) {
		spelled = r
	}
	sw := queryStops(spelled)
	cs := textClauses(t.Text, w, st, sw)
	if r != "" {
		// The restored spelling feeds the exact views only; the folded
		// views above already match every spelling.
		rw := Weights{Exact: w.Exact * w.Restored, Title: w.Title, Heading: w.Heading, IDFPower: w.IDFPower, Stop: w.Stop, Exam: w.Exam}
		cs = append(cs, textClauses(r, rw, st, sw)...)
	}
	return cs
}

// view is one analysis of the text and the fields indexed that way.
type view struct {
	analyzer string
	weight   float64
	fields   []viewField
}

// viewField is a field of a view and its boost relative to the view's
// weight. A field most documents leave empty (the headings of whole texts,
// the law of an article) is optional (idfOf names the view's body field):
// the terms it does not hold are left out, and its clause when it holds
// none, so that an index without such fields ranks as if they did not
// exist; and its terms weigh by their rarity in the body, not in the
// field, where a word as common as "tội" is as rare as the few documents
// that have the field at all.
type viewField struct {
	name  string
	boost float64
	idfOf string
}

// views are the views and fields a text is scored in.
func views(w Weights) []view {
	return []view{
		{indexer.AnalyzerExact, w.Exact, []viewField{{indexer.FieldBody, 1, ""}, {indexer.FieldTitle, w.Title, ""},
			{indexer.FieldHeading, w.Heading, indexer.FieldBody}}},
		{indexer.AnalyzerFold, w.Fold, []viewField{{indexer.FieldBodyFold, 1, ""}, {indexer.FieldTitleFold, w.Title, ""},
			{indexer.FieldHeadingFold, w.Heading, indexer.FieldBodyFold}, {indexer.FieldPartFold, w.Part, indexer.FieldBodyFold}}},
		{indexer.AnalyzerBigram, w.Bigram, []viewField{{indexer.FieldBodyBigram, 1, ""}, {indexer.FieldTitleBigram, w.Title, ""},
			{indexer.FieldHeadingBigram, w.Heading, indexer.FieldBodyBigram}}},
	}
}

// textClauses are the scored views of some free text: for each view and
// field, one term per distinct term, each boosted by its idf and stop-word
// weight.
func textClauses(text string, w Weights, st *termStats, sw stopWords) []engine.Clause {
	var cs []engine.Clause
	for _, v := range views(w) {
		if v.weight <= 0 {
			continue
		}
		terms := dedup(indexer.QueryTerms(text, v.analyzer))
		if len(terms) == 0 {
			continue
		}
		for _, f := range v.fields {
			boost := v.weight * f.boost
			if boost <= 0 {
				continue
			}
			fterms, pruneBy := terms, f.name
			if f.idfOf != "" && st != nil {
				// An optional field's terms are pruned by their frequency
				// in the body: a word in most documents is as common in a
				// heading, however few documents have headings.
				fterms, pruneBy = held(terms, f.name, st), f.idfOf
			}
			fterms = prune(fterms, pruneBy, st, w.MaxDF)
			if len(fterms) == 0 {
				continue
			}
			c := make(engine.Clause, len(fterms))
			for i, t := range fterms {
				g := sw.weight(t, v.analyzer != indexer.AnalyzerExact, w)
				c[i] = engine.Term{Field: f.name, Term: t, Boost: boost * termWeight(st, f, t, g, w)}
			}
			cs = append(cs, c)
		}
	}
	return cs
}

// held are the terms the field holds on the snapshot of st.
func held(terms []string, field string, st *termStats) []string {
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if st.docFreq(field, t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// termWeight is the boost of one term in field f: the idf correction
// times g, the stop-word factor. An optional field's term weighs the smaller of its
// idf in the field and in the body, to the power IDFPower: a word is as
// rare as the less rare of the two says (bleve multiplies in the field's
// own idf twice, which the boost divides out).
func termWeight(st *termStats, f viewField, t string, g float64, w Weights) float64 {
	if f.idfOf != "" && st != nil {
		own, body := st.idf(f.name, t), st.idf(f.idfOf, t)
		if own > 0 && body > 0 {
			return g * math.Pow(min(own, body), w.IDFPower) / (own * own)
		}
	}
	return idfWeight(g, st, f.name, t, w.IDFPower)
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
