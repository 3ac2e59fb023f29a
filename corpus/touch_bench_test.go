package corpus

import (
	"fmt"
	"runtime"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkTouchLive renumbers every live record of a store of made-up
// documents (genDocs; a fifth of them changed after their first write, so
// that the order of changes is not the IDs') with touchLive, the pass a
// graph rebuild runs on every read-write open of an older store, in one
// transaction as the upgrade does. Beside the time it reports the live
// heap (after a collection) above the heap before the pass: at the
// pass's first progress report (start-MB: what the pass holds before it
// has renumbered more than a batch — the IDs it collected, when it
// collects them all first), and the most at any report (peak-MB: that
// plus the transaction's dirty pages, which bbolt keeps until the commit
// and which grow with the records touched in either version).
//
//	flock /tmp/lead/heavy.lock go test ./corpus -run '^$' -bench TouchLive -benchtime 1x
func BenchmarkTouchLive(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) { benchTouchLive(b, n) })
	}
}

func benchTouchLive(b *testing.B, n int) {
	dir := b.TempDir()
	s, err := OpenStore(dir, false, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < n; i += 2000 {
		docs := genDocs(uint64(29+i), min(2000, n-i))
		if _, err := s.PutBatch(docs); err != nil {
			b.Fatal(err)
		}
		for j := range docs {
			if j%5 == 0 {
				docs[j].Body += " Sửa đổi."
			} else {
				docs[j] = nil
			}
		}
		if _, err := s.PutBatch(compactDocs(docs)); err != nil {
			b.Fatal(err)
		}
	}
	live := func() float64 {
		// twice: the first moves sync.Pool's objects (the encoders'
		// buffers) to its victim cache, the second frees them, so that
		// the base does not hold what a later collection frees
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / 1e6
	}
	var start, peak, base float64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		start, peak, base = -1, 0, live()
		b.StartTimer()
		p := newPass(b.Context(), func(pr Progress) {
			if pr.Step != StepTouch {
				return
			}
			b.StopTimer()
			h := live() - base
			if start < 0 {
				start = h
			}
			peak = max(peak, h)
			b.StartTimer()
		})
		err := s.db.Update(func(tx *bolt.Tx) error { return touchLive(tx, s.codec.Load(), p) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(start, "start-MB")
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(start*1e6/float64(n), "start-B/rec")
}

// compactDocs is docs without its nils.
func compactDocs(docs []*Document) []*Document {
	var out []*Document
	for _, d := range docs {
		if d != nil {
			out = append(out, d)
		}
	}
	return out
}
