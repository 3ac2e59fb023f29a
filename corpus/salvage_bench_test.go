package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkSalvage copies a sound store of made-up documents (genDocs, a
// trained store), a fifth of them changed after their first write so
// that the order of changes is not the IDs', with Salvage: the tolerant
// read, the writes through PutBatch and keepAsStored. Beside the time it
// reports the peak of the heap during the salvage above the heap before
// it (peak-MB, sampled every millisecond, with the collector run at 10 %
// growth so that the peak is near the live heap), and that per document
// (peak-B/doc), and the live heap after a collection once every record
// is copied (copied-live-MB): what salvage holds for every record (the
// order it renumbers them in) shows as its growth from the small store to
// the large (the peak is set by other steps: the dictionary's training).
//
//	go test ./corpus -run '^$' -bench Salvage -benchtime 2x
func BenchmarkSalvage(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) { benchSalvage(b, n) })
	}
}

func benchSalvage(b *testing.B, n int) {
	src := b.TempDir()
	s, err := OpenStore(src, false, 0)
	if err != nil {
		b.Fatal(err)
	}
	docs := genDocs(23, n)
	for i := 0; i < len(docs); i += 1000 {
		if _, err := s.PutBatch(docs[i:min(i+1000, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	var edits []*Document
	for i := 0; i < len(docs); i += 5 {
		d := *docs[i]
		d.Body += " Sửa đổi."
		edits = append(edits, &d)
	}
	if _, err := s.PutBatch(edits); err != nil {
		b.Fatal(err)
	}
	s.Close()
	docs, edits = nil, nil
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var peak, live uint64
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "store.db"), raw, 0o644); err != nil {
			b.Fatal(err)
		}
		old := debug.SetGCPercent(10) // the peak near the live heap, not its garbage
		runtime.GC()
		base := heapLive()
		stop := sampleHeap(&peak, base)
		b.StartTimer()
		rep, err := Salvage(context.Background(), dir, func(p Progress) {
			if p.Step == StepSalvageCopy && p.Done == p.Total {
				live = max(live, liveAbove(base))
			}
		})
		b.StopTimer()
		stop()
		debug.SetGCPercent(old)
		if err != nil || rep.Documents != n {
			b.Fatalf("salvage: %+v, %v", rep, err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
	b.ReportMetric(float64(peak)/float64(n), "peak-B/doc")
	b.ReportMetric(float64(live)/1e6, "copied-live-MB")
}

// liveAbove is the live heap above base after a collection: at the end of
// the copy, what salvage holds for the renumbering (the records' order)
// beside what the copy and the tolerant reader keep.
func liveAbove(base uint64) uint64 {
	runtime.GC()
	return max(heapLive(), base) - base
}

// heapLive is the bytes of the heap's objects (live and not yet swept).
func heapLive() uint64 {
	m := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// sampleHeap keeps in *peak the largest heapLive above base (of every
// round) until stop is called.
func sampleHeap(peak *uint64, base uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if h := heapLive(); h > base && h-base > *peak {
					*peak = h - base
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
