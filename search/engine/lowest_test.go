package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveLowest is the scan lowest replaced: the lowest document and the
// indexes of the proposers on it, in order.
func naiveLowest(pid []uint64) (uint64, []int) {
	d := uint64(math.MaxUint64)
	var at []int
	for i, id := range pid {
		switch {
		case id < d:
			d, at = id, append(at[:0], i)
		case id == d:
			at = append(at, i)
		}
	}
	return d, at
}

func TestLowest(t *testing.T) {
	tests := []struct {
		name string
		pid  []uint64
	}{
		{"none", nil},
		{"one", []uint64{7}},
		{"all at the end", []uint64{math.MaxUint64, math.MaxUint64, math.MaxUint64}},
		{"lowest last, past the lanes", []uint64{9, 9, 9, 9, 9, 3}},
		{"ties across lanes", []uint64{5, 2, 8, 2, 2, 6, 2, 9, 2}},
		{"lowest first", []uint64{0, 1, 2, 3, 4, 5, 6, 7}},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		pid := make([]uint64, n%90)
		for i := range pid {
			pid[i] = uint64(r.IntN(6)) * 1000
			if r.IntN(10) == 0 {
				pid[i] = math.MaxUint64
			}
		}
		tests = append(tests, struct {
			name string
			pid  []uint64
		}{"random", pid})
	}
	var s maxScoreSearcher
	for _, tt := range tests {
		s.pid = tt.pid
		wantD, wantAt := naiveLowest(tt.pid)
		if d := s.lowest(); d != wantD || !slices.Equal(s.atI, wantAt) && len(wantAt)+len(s.atI) > 0 {
			t.Errorf("%s %v: lowest = %d at %v, want %d at %v", tt.name, tt.pid, d, s.atI, wantD, wantAt)
		}
	}
}

// BenchmarkLowest: the candidate scan over 72 proposers (the long
// questions' mean on the 100k index) with two or three on the lowest.
func BenchmarkLowest(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	var s maxScoreSearcher
	s.pid = make([]uint64, 72)
	for i := range s.pid {
		s.pid[i] = 1000 + uint64(r.IntN(100000))
	}
	s.pid[5], s.pid[40], s.pid[41] = 10, 10, 10
	var at int
	for b.Loop() {
		s.lowest()
		at += len(s.atI)
	}
	b.ReportMetric(float64(at)/float64(b.N), "lists/op")
}
