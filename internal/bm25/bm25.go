// Package bm25 is the BM25 ranking function (Robertson & Zaragoza, "The
// Probabilistic Relevance Framework: BM25 and Beyond", 2009) and its two
// parameters, in one place for every scorer of vanban. It is a leaf: std
// only, so that corpus (plan linking) and search (the top-k engine, term
// weights) can both import it.
//
// A term's BM25 score in a document is
//
//	IDF(n, df) · TF(tf, Norm(length, avg))
//
// where n is the number of documents, df how many hold the term, tf how
// often the document holds it, length the document's (field's, passage's)
// length and avg the average length:
//
//	IDF(n, df)  = ln(1 + (n − df + 0.5) / (df + 0.5))     (> 0 for df ≤ n)
//	Norm(l, avg) = 1 − b + b·l/avg
//	TF(tf, norm) = tf·(k1 + 1) / (tf + k1·norm)          (0 … k1+1)
//
// Two scales of the same formula are in use:
//
//   - Robertson's, above (Lucene's too): a plan item scored against resolution
//     passages (corpus/link/link.go) reads score = Σ weight·IDF·TF over the item's
//     terms, so that a score has the same meaning as corpus.MinScore. Score
//     is that term score, bit for bit as linking computes it today.
//   - bleve's term scorer (search/scorer/scorer_term.go in bleve v2.6), which
//     search must reproduce to the last bit and bound from above: it leaves out
//     the constant factor (k1+1)/k1, takes tf = √(term frequency) and the
//     length from the field norm, and multiplies by the query weight
//     boost·IDF·queryNorm. BleveTF and MaxBleveTF are that form.
//
// The parameters are constants: bleve keeps its own in package variables
// (search.BM25_k1, search.BM25_b) that vanban never sets; search/engine
// checks once, before it ranks, that they agree with these.
package bm25

import "math"

// The parameters every vanban scorer uses: bleve's defaults. k1 1.0–2.0 and
// b 0.3–0.9 moved nDCG@10 by less than 0.01 on the tuning sets, in opposite
// directions on the two (docs/log/ranking-04-ablation.md).
const (
	K1 = 1.2  // term-frequency saturation
	B  = 0.75 // length normalisation
)

// Params are BM25's two parameters.
type Params struct {
	K1 float64 // saturation: how fast repeated occurrences stop adding
	B  float64 // length normalisation: 0 none, 1 full
}

// Default returns the parameters K1 and B.
func Default() Params { return Params{K1: K1, B: B} }

// IDF is the inverse document frequency of a term held by df of n
// documents: ln(1 + (n − df + 0.5)/(df + 0.5)), as Lucene and bleve compute
// it. It is positive whenever df ≤ n.
func IDF(n, df float64) float64 {
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Norm is the length normalisation of a document of length l among
// documents of average length avg: 1 − b + b·l/avg.
func (p Params) Norm(l, avg float64) float64 {
	return 1 - p.B + p.B*l/avg
}

// TF is the saturated term frequency in Robertson's scale:
// tf·(k1+1)/(tf + k1·norm). It grows with tf from 0 towards MaxTF.
func (p Params) TF(tf, norm float64) float64 {
	return tf * (p.K1 + 1) / (tf + p.K1*norm)
}

// MaxTF is the limit of TF as tf grows: k1 + 1.
func (p Params) MaxTF() float64 { return p.K1 + 1 }

// Score is one term's BM25 score in Robertson's scale for a document of
// length l: IDF(n, df) · TF(tf, Norm(l, avg)), computed in the order
// idf·tf·(k1+1) / (tf + k1·norm), which is the order of corpus/link/link.go's
// own bm25(tf, df, n, dl, avgdl): replacing that call by
// Default().Score(n, df, tf, dl, avgdl) changes no bit of a link score.
func (p Params) Score(n, df, tf, l, avg float64) float64 {
	return IDF(n, df) * tf * (p.K1 + 1) / (tf + p.K1*p.Norm(l, avg))
}

// BleveTF is the saturated term frequency in bleve's scale:
// tf·k1/(tf + k1·norm), that is TF·k1/(k1+1). bleve's term score is
// queryWeight · IDF · BleveTF(√freq, norm), with queryWeight =
// boost · IDF · queryNorm.
func (p Params) BleveTF(tf, norm float64) float64 {
	return tf * p.K1 / (tf + p.K1*norm)
}

// MaxBleveTF is the limit of BleveTF as tf grows: k1. No document scores a
// term above queryWeight · IDF · MaxBleveTF in bleve.
func (p Params) MaxBleveTF() float64 { return p.K1 }

// RankBits is the number of significant bits (of float64's 53) a ranking
// score keeps (Round).
const RankBits = 36

// Round is score x at the precision vanban ranks by: RankBits significant
// bits, rounded to nearest (within 2⁻³⁶ of x, relatively). The same documents give the same BM25 terms
// whatever the index layout, but a sum of a hundred terms taken in another
// order (bleve's disjunction heap, the engine's lists, both following the
// segment layout) differs in its last bits, and two documents of equal
// score would be ordered by that noise. Rounded, they are equal and are
// ordered by document ID. x must be finite and not negative, as scores are.
// Round(Round(x)) == Round(x).
func Round(x float64) float64 {
	const drop = 52 - (RankBits - 1) // mantissa bits dropped
	b := math.Float64bits(x)
	b = (b + 1<<(drop-1)) &^ (1<<drop - 1)
	return math.Float64frombits(b)
}
