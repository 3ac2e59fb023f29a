package search

import (
	"slices"
	"testing"
)

func TestPrune(t *testing.T) {
	st := &termStats{n: 10000, cache: map[[2]string]uint64{
		{"body", "của"}: 9000, {"body", "và"}: 5000, {"body", "thuế"}: 120, {"body", "mã"}: 2999, {"body", "zzz"}: 0,
	}}
	tests := []struct {
		terms []string
		maxDF float64
		want  []string
	}{
		{[]string{"mã", "số", "của", "thuế", "và", "zzz"}, 0.3, []string{"mã", "thuế", "zzz"}},
		{[]string{"của", "và"}, 0.3, []string{"và"}},      // the rarest stays
		{[]string{"của", "và"}, 0, []string{"của", "và"}}, // off
		{[]string{"của"}, 0.3, []string{"của"}},
	}
	st.cache[[2]string{"body", "số"}] = 3001
	for _, tt := range tests {
		if got := prune(tt.terms, "body", st, tt.maxDF); !slices.Equal(got, tt.want) {
			t.Errorf("prune(%q, %g) = %q, want %q", tt.terms, tt.maxDF, got, tt.want)
		}
	}
	small := &termStats{n: pruneMinDocs - 1, cache: st.cache}
	if got := prune([]string{"của", "thuế"}, "body", small, 0.3); len(got) != 2 {
		t.Errorf("prune on a small index = %q, want every term", got)
	}
}
