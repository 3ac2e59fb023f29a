package link

import (
	"math/rand"
	"slices"
	"testing"
)

// TestSortShort: sortShort orders as slices.Sort does, on lists short
// (insertion) and long (slices.Sort), with ties and zeros.
func TestSortShort(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	cases := map[string][]float64{
		"empty":      {},
		"one":        {2.5},
		"sorted":     {0, 1, 2, 3},
		"reversed":   {9, 7, 7, 3, 0},
		"ties":       {1.5, 0.25, 1.5, 0.25, 1.5},
		"at the cut": nil,
		"over it":    nil,
		"long":       nil,
	}
	for name, n := range map[string]int{"at the cut": shortSort, "over it": shortSort + 1, "long": 500} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(r.Intn(40)) * r.Float64() // ties and zeros
		}
		cases[name] = xs
	}
	for name, xs := range cases {
		got, want := slices.Clone(xs), slices.Clone(xs)
		sortShort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: sortShort gives %v, want %v", name, got, want)
		}
	}
}
