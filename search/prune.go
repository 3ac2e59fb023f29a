package search

// pruneMinDocs is the index size from which prune leaves terms out: on
// smaller indexes every query is fast anyway.
const pruneMinDocs = 1000

// prune leaves out the terms of one field that occur in more than maxDF of
// the documents (a fraction; 0 keeps every term), keeping at least the
// rarest term. Such terms weigh almost nothing (the weight grows with
// idf^IDFPower) but their postings cover most of the index, and walking them
// is where a long query's time goes. With maxDF 0.3, nDCG@10 rose on
// alqac22, alqac23-test and alqac23oct-test, and on the 100k scale corpus
// the 110 alqac23-test queries walk 3.4× fewer postings: p50 430 → 123 ms,
// p99 1,348 → 350 ms (docs/log/perf-choices.md).
func prune(terms []string, field string, st *termStats, maxDF float64) []string {
	if maxDF <= 0 || st == nil || st.n < pruneMinDocs || len(terms) < 2 {
		return terms
	}
	limit := maxDF * st.n
	out := make([]string, 0, len(terms))
	rarest, rarestDF := "", ^uint64(0)
	for _, t := range terms {
		df := st.docFreq(field, t)
		if float64(df) <= limit {
			out = append(out, t)
		}
		if df < rarestDF {
			rarest, rarestDF = t, df
		}
	}
	if len(out) == 0 {
		out = append(out, rarest)
	}
	return out
}
