package indexer

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMappedLimit: the soft memory limit goes down by the bytes the
// merges running map, never below half of the limit the build found, and
// is the build's limit again after the merges and after restore; a
// process without a limit keeps none.
func TestMappedLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const mb = 1 << 20
	for _, tc := range []struct {
		name  string
		base  int64
		adds  []int64
		wants []int64
	}{
		{"one merge", 512 * mb, []int64{100 * mb, -100 * mb}, []int64{412 * mb, 512 * mb}},
		{"two merges", 512 * mb, []int64{100 * mb, 60 * mb, -100 * mb, -60 * mb}, []int64{412 * mb, 352 * mb, 452 * mb, 512 * mb}},
		{"at least half", 512 * mb, []int64{300 * mb, -300 * mb}, []int64{256 * mb, 512 * mb}},
		{"no limit", math.MaxInt64, []int64{100 * mb, -100 * mb}, []int64{math.MaxInt64, math.MaxInt64}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(tc.base)
			l, restore := newMappedLimit()
			for i, n := range tc.adds {
				l.add(n)
				if got := debug.SetMemoryLimit(-1); got != tc.wants[i] {
					t.Errorf("after %d MB: limit %d MB, want %d MB", n/mb, got/mb, tc.wants[i]/mb)
				}
			}
			l.add(50 * mb)
			restore()
			if got := debug.SetMemoryLimit(-1); got != tc.base {
				t.Errorf("after restore: limit %d, want %d", got, tc.base)
			}
		})
	}
	var none *mappedLimit
	none.add(mb) // a segment writer without one: nothing to do
}
