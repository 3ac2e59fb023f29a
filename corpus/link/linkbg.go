package link

// Knowledge of a collection larger than the documents linked: the index
// a plan lives in (indexer.LinkBackground) knows which terms go together
// (its learned associations, docs/log/ranking-12-associations.md) and how common each
// term is among all its documents. Linking can use both (Params):
//
//   - RelatedWeight: each syllable pair of an item brings the terms the
//     background associates with it (NPMI ≥ RelatedMin) at RelatedWeight ×
//     NPMI, when no term of the item's query has them already; they count
//     as the item's own words for the "nothing specific" decision. So an
//     item saying "nhu yếu phẩm" may meet a passage saying "thực phẩm".
//   - BackgroundIDF: every term's weight is multiplied by its idf in the
//     background to the power BackgroundIDF (a term the background lacks
//     has the largest idf), so words common in every document of the
//     collection ("tổ chức", "các đơn vị") weigh less than the
//     passage-and-item statistics of two documents say.
//
// Both are 0 by default: without a background, and with it at the
// default weights, links are what they are without (docs/log/i17-para.md, has the figures).

import "math"

// RelatedTerm is a term a background associates with another, with the
// strength of the association in (0, 1].
type RelatedTerm struct {
	Term   string
	Weight float64
}

// Background is what linking may ask of a larger collection. Terms
// are those of outline.ScanTerms: a folded syllable ("thuc") or two separated by
// a space ("thuc pham"). Implementations must be safe for concurrent use.
type Background interface {
	// Related returns the terms associated with a syllable pair,
	// strongest first (nil for none).
	Related(pair string) []RelatedTerm
	// DocFreq returns the number of the collection's documents holding
	// term, and the number of its documents.
	DocFreq(term string) (df, n float64)
}

// backgroundWeights returns the weight factor of each term of df from
// bg's document frequencies, idf^gamma (nil when gamma is 0 or there is
// no background: every factor 1).
func backgroundWeights(bg Background, df map[string]float64, gamma float64) map[string]float64 {
	if bg == nil || gamma == 0 {
		return nil
	}
	tw := make(map[string]float64, len(df))
	for term := range df {
		d, n := bg.DocFreq(term)
		tw[term] = math.Pow(math.Log(1+(n-d+0.5)/(d+0.5)), gamma)
	}
	return tw
}

// weight is the background factor of term (1 without one).
func (l *linker) weight(term string) float64 {
	if l.tw == nil {
		return 1
	}
	if w, ok := l.tw[term]; ok {
		return w
	}
	return 1
}

// expand adds to q the terms the background associates with the syllable
// pairs of the item's own text (pairs), each at RelatedWeight × its
// strength, when the query lacks them and some passage holds them; they
// join the item's own words (q.own).
func (l *linker) expand(q *itemQuery, pairs map[string]float64) {
	if l.bg == nil || l.p.RelatedWeight == 0 {
		return
	}
	add := map[string]float64{}
	for term := range pairs {
		if !isPair(term) {
			continue
		}
		for _, r := range l.bg.Related(term) {
			if r.Weight < l.p.RelatedMin {
				break
			}
			if _, ok := q.terms[r.Term]; ok || len(l.post[r.Term]) == 0 {
				continue
			}
			add[r.Term] = max(add[r.Term], l.p.RelatedWeight*r.Weight)
		}
	}
	for term, w := range add {
		q.terms[term] = w
		q.own[term] = 1
	}
}

// isPair reports a term of two syllables.
func isPair(term string) bool {
	for i := 0; i < len(term); i++ {
		if term[i] == ' ' {
			return true
		}
	}
	return false
}
