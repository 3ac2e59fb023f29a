package bm25

import (
	"math"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) }

// TestBleveScorer checks the formulas against bleve's own term scorer
// (scorer.TermQueryScorer with BM25), which the top-k engine must bound:
// the idf, the score of a posting, and the bound no posting reaches.
func TestBleveScorer(t *testing.T) {
	if bsearch.BM25_k1 != K1 || bsearch.BM25_b != B {
		t.Fatalf("bleve's BM25 parameters are k1 %g, b %g; bm25 has %g, %g", bsearch.BM25_k1, bsearch.BM25_b, K1, B)
	}
	p := Default()
	for _, tt := range []struct {
		docs, df      uint64
		avg, boost    float64
		freq          uint64
		length, qnorm float64
	}{
		{1000, 1, 120, 1, 1, 120, 1},
		{1000, 999, 120, 1, 3, 40, 0.5},
		{2256, 17, 310.5, 0.37, 12, 1800, 0.02},
		{3, 3, 8, 30, 1, 2, 1},
		{50000, 250, 95, 2.5, 40, 95, 0.013},
		{50000, 250, 95, 2.5, 1000, 4, 0.013}, // past bleve's square-root cache
	} {
		s := scorer.NewTermQueryScorer([]byte("t"), "f", tt.boost, tt.docs, tt.df, tt.avg, bsearch.SearcherOptions{})
		s.SetQueryNorm(tt.qnorm)
		idf := IDF(float64(tt.docs), float64(tt.df))
		if got := math.Sqrt(s.Weight()) / tt.boost; !near(got, idf) {
			t.Errorf("IDF(%d, %d) = %.15g, bleve %.15g", tt.docs, tt.df, idf, got)
		}
		// bleve keeps a field's length as the norm 1/√length
		norm := float32(1 / math.Sqrt(tt.length))
		ctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(1, 0)}
		dm := s.Score(ctx, &index.TermFieldDoc{Term: "t", ID: index.IndexInternalID{0, 0, 0, 0, 0, 0, 0, 1}, Freq: tt.freq, Norm: float64(norm)})
		l := 1 / (float64(norm) * float64(norm))
		qw := tt.boost * idf * tt.qnorm
		want := qw * idf * p.BleveTF(math.Sqrt(float64(tt.freq)), p.Norm(l, tt.avg))
		if !near(dm.Score, want) {
			t.Errorf("%+v: bleve scores %.15g, BleveTF gives %.15g", tt, dm.Score, want)
		}
		if bound := qw * idf * p.MaxBleveTF(); dm.Score >= bound {
			t.Errorf("%+v: bleve scores %.15g, at or above the bound %.15g", tt, dm.Score, bound)
		}
	}
}

func TestScales(t *testing.T) {
	p := Default()
	for _, tt := range []struct{ tf, l, avg float64 }{{1, 10, 10}, {3, 5, 20}, {1, 400, 20}, {1e9, 20, 20}} {
		norm := p.Norm(tt.l, tt.avg)
		tf, btf := p.TF(tt.tf, norm), p.BleveTF(tt.tf, norm)
		if !near(tf*p.K1/(p.K1+1), btf) {
			t.Errorf("tf %g, norm %g: TF %g and BleveTF %g are not in the ratio k1/(k1+1)", tt.tf, norm, tf, btf)
		}
		if tf >= p.MaxTF() || btf >= p.MaxBleveTF() {
			t.Errorf("tf %g, norm %g: TF %g, BleveTF %g reach their limits %g, %g", tt.tf, norm, tf, btf, p.MaxTF(), p.MaxBleveTF())
		}
	}
	// a term in every document still counts a little, a rare one much more
	if idf := IDF(10, 10); idf <= 0 || idf >= IDF(10, 1) {
		t.Errorf("IDF(10, 10) = %g, IDF(10, 1) = %g", idf, IDF(10, 1))
	}
	// Score: the formula of the package comment, by hand (n 100, df 10,
	// tf 2, length 50 of average 25)
	want := math.Log(1+90.5/10.5) * 2 * 2.2 / (2 + 1.2*(0.25+0.75*2))
	if got := p.Score(100, 10, 2, 50, 25); !near(got, want) {
		t.Errorf("Score = %.15g, want %.15g", got, want)
	}
}

// TestScoreBits: Score gives, to the last bit, what plan linking computed
// with the formula written out (idf·tf·(k1+1)/(tf + k1·(1−b+b·dl/avgdl))),
// so linking can call it without moving any score across corpus.MinScore.
func TestScoreBits(t *testing.T) {
	p := Default()
	for _, tt := range []struct{ tf, df, n, dl, avgdl float64 }{
		{1, 1, 3, 12, 40.5}, {3, 7, 120, 220, 95.25}, {0.5, 2, 2, 1, 1}, {12, 300, 3100, 7, 63.1}, {2, 1, 41, 33.5, 33.5},
	} {
		idf := math.Log(1 + (tt.n-tt.df+0.5)/(tt.df+0.5))
		want := idf * tt.tf * (K1 + 1) / (tt.tf + K1*(1-B+B*tt.dl/tt.avgdl))
		if got := p.Score(tt.n, tt.df, tt.tf, tt.dl, tt.avgdl); got != want {
			t.Errorf("Score(%+v) = %.17g, the formula written out %.17g", tt, got, want)
		}
	}
}

// TestRound: sums of the same terms in different orders round to the same
// score; Round moves a score by at most 2⁻³⁶ of it, is idempotent and
// keeps order.
func TestRound(t *testing.T) {
	terms := []float64{0.1, 0.2, 0.3}
	var fwd, back float64
	for i := range terms {
		fwd += terms[i]
		back += terms[len(terms)-1-i]
	}
	if fwd == back {
		t.Fatalf("the two orders give the same sum, %.17g: no test", fwd)
	}
	if Round(fwd) != Round(back) {
		t.Errorf("Round(%.17g) = %.17g, Round(%.17g) = %.17g", fwd, Round(fwd), back, Round(back))
	}
	prev := 0.0
	for _, x := range []float64{0, 1e-300, 1e-9, 0.5, 1, 1 + 1e-12, 1 + 1e-9, 3.14159, 123456.789, 1e6} {
		r := Round(x)
		if math.Abs(r-x) > x*math.Ldexp(1, -RankBits) {
			t.Errorf("Round(%.17g) = %.17g: off by more than 2^-%d", x, r, RankBits)
		}
		if Round(r) != r {
			t.Errorf("Round(Round(%.17g)) = %.17g, want %.17g", x, Round(r), r)
		}
		if r < prev {
			t.Errorf("Round(%.17g) = %.17g below the rounding of a smaller score, %.17g", x, r, prev)
		}
		prev = r
	}
	if Round(1+1e-9) == Round(1) {
		t.Errorf("scores 1e-9 apart round to the same: too coarse for ranking")
	}
}
