// Package memstat measures memory for benchmarks: the largest Go heap in
// use while a piece of work runs, and the process's peak resident set.
package memstat

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// PeakHeap samples runtime.MemStats.HeapInuse every 5 ms until the
// returned function is called; that function returns the largest value
// seen, in bytes.
func PeakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	return func() uint64 {
		once.Do(func() { close(done); wg.Wait() })
		return peak.Load()
	}
}
