package indexer

import (
	"math"
	"runtime/debug"
	"sync"
)

// mappedLimit keeps the process's soft memory limit (runtime/debug) below
// the limit it had by the bytes the build's merges map while they run
// (their inputs' segment files and term lists, mergeMapped). The Go
// runtime counts only its own memory against the limit, while a merge's
// mapped inputs are resident too: at 100k the level merges mapped ~100 MB
// beside a heap allowed to grow to the whole limit, and the process's
// peak was the limit and that (docs/log/i21-wall.md). A
// process without a limit is left alone.
type mappedLimit struct {
	mu     sync.Mutex
	base   int64 // the limit before the build (math.MaxInt64: none)
	mapped int64 // bytes mapped by the merges running
	peak   int64 // the most mapped at once
}

// newMappedLimit reads the process's limit; restore sets it back.
func newMappedLimit() (*mappedLimit, func()) {
	l := &mappedLimit{base: debug.SetMemoryLimit(-1)}
	return l, func() {
		if l.base < math.MaxInt64 {
			debug.SetMemoryLimit(l.base)
		}
	}
}

// add counts n more bytes mapped (negative: unmapped) and lowers or
// raises the limit, to half the base at the least (the heap the build
// needs; a larger merge then costs resident memory, not a collector that
// never stops).
func (l *mappedLimit) add(n int64) {
	if l == nil || l.base == math.MaxInt64 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.mapped += n
	l.peak = max(l.peak, l.mapped)
	debug.SetMemoryLimit(max(l.base-l.mapped, l.base/2))
}

// mostMapped is the most bytes the merges mapped at once (0 without a
// limit).
func (l *mappedLimit) mostMapped() int64 {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.peak
}
