package corpus

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

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
	fillBenchStore(b, s, n)
	live := liveHeap
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
		err := s.db.Update(func(tx *bolt.Tx) error { return touchLive(tx, s.codec.Load(), touchBatch, p) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(start, "start-MB")
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(start*1e6/float64(n), "start-B/rec")
}

// fillBenchStore writes n made-up documents (genDocs) into s, a fifth of
// them changed after their first write, so that the order of changes is
// not the IDs'.
func fillBenchStore(b *testing.B, s *Store, n int) {
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
}

// liveHeap is the live heap in MB after a collection — twice: the first
// moves sync.Pool's objects (the encoders' buffers) to its victim cache,
// the second frees them, so that a base does not hold what a later
// collection frees.
func liveHeap() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / 1e6
}

// BenchmarkUpgrade is a read-write Open of a store whose citation graph
// another graph.Version built (every release's upgrade: the graph rebuilt,
// every live record renumbered, the task table's marks), as a command
// runs it. peak-MB is the most live heap (after a collection) above the
// heap before the Open at any progress report of any of its passes. The
// renumbering commits touchBatch records a transaction (upgradebatch.go):
// in one transaction bbolt held every rewritten record's page until the
// commit and peak-MB grew with the store (docs/log/i26-store.md,
// docs/log/i27-upgrade.md). graph-, touch- and finish-alloc-MB are the
// bytes allocated in the graph's build, the renumbering and the last
// transaction (the task table's marks: it reads every record), finish-ms
// the last transaction's time (docs/log/i28-rev-upgrade.md).
//
//	flock /tmp/lead/heavy.lock go test ./corpus -run '^$' -bench Upgrade -benchtime 1x
func BenchmarkUpgrade(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			s, err := OpenStore(dir, false, 0)
			if err != nil {
				b.Fatal(err)
			}
			fillBenchStore(b, s, n)
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			var peak float64
			peakBy := map[string]float64{} // the peak at each step's reports
			reports := 0
			// allocated bytes by stage: a batch's (the transaction after
			// afterBatch) counted to the step last reported, the last
			// transaction (passFinish, after the last afterBatch) apart
			alloc := map[string]uint64{}
			// the largest transaction's allocation (the last included), and
			// the graph build's transactions' in order (its growth with the
			// staged graph's size: i30-upgrade)
			var maxTx uint64
			var graphTx []uint64
			var finish time.Duration
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				db, err := bolt.Open(filepath.Join(dir, "store.db"), 0o644, nil)
				if err == nil {
					err = db.Update(func(tx *bolt.Tx) error { return markOlderGraph(tx) })
					err = errors.Join(err, db.Close())
				}
				if err != nil {
					b.Fatal(err)
				}
				base := liveHeap()
				step, last, lastAt := "open", totalAlloc(), time.Now()
				b.StartTimer()
				s, err := Open(b.Context(), dir, OpenOptions{Progress: func(pr Progress) {
					b.StopTimer()
					reports++
					live := liveHeap() - base
					peak = max(peak, live)
					peakBy[pr.Step] = max(peakBy[pr.Step], live)
					step = pr.Step
					b.StartTimer()
				}, afterBatch: func(int) {
					b.StopTimer()
					now := totalAlloc()
					alloc[step] += now - last
					maxTx = max(maxTx, now-last)
					if step == StepGraph {
						graphTx = append(graphTx, now-last)
					}
					last, lastAt = now, time.Now()
					b.StartTimer()
				}})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				alloc["finish"] += totalAlloc() - last
				maxTx = max(maxTx, totalAlloc()-last)
				finish += time.Since(lastAt)
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(peak*1e6/float64(n), "peak-B/rec")
			b.ReportMetric(float64(reports)/float64(b.N), "reports/op")
			b.ReportMetric(float64(alloc[StepGraph])/1e6/float64(b.N), "graph-alloc-MB/op")
			b.ReportMetric(float64(alloc[StepTouch])/1e6/float64(b.N), "touch-alloc-MB/op")
			// the task table's marks: in batches since i29-upgrade (before,
			// in the last transaction: finish-alloc)
			b.ReportMetric(float64(alloc[StepTasks])/1e6/float64(b.N), "tasks-alloc-MB/op")
			b.ReportMetric(peakBy[StepGraph], "graph-peak-MB")
			b.ReportMetric(peakBy[StepTouch], "touch-peak-MB")
			b.ReportMetric(peakBy[StepTasks], "tasks-peak-MB")
			b.ReportMetric(float64(alloc["finish"])/1e6/float64(b.N), "finish-alloc-MB/op")
			b.ReportMetric(float64(finish.Milliseconds())/float64(b.N), "finish-ms/op")
			b.ReportMetric(float64(maxTx)/1e6, "max-tx-alloc-MB")
			// the build's transactions: a batch each (the last one part of
			// a batch), then the swap's: its second full batch and its
			// last full one
			if len(graphTx) > 4 {
				b.ReportMetric(float64(graphTx[1])/1e6, "graph-tx2-alloc-MB")
				b.ReportMetric(float64(graphTx[len(graphTx)-3])/1e6, "graph-txlast-alloc-MB")
			}
		})
	}
}

// totalAlloc is the bytes allocated since the process began.
func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// markOlderGraph stamps the graph and the task table as a binary of
// another graph.Version left them (the task table's stamp names the
// graph.Version: tasktable.Current), so that Open upgrades both, as every
// release's upgrade does. Before i28-rev-upgrade only the graph was
// stamped older and the upgrade of the base code skipped the task table's
// marks, which the batched one runs whatever the stamp (remarkTasks).
func markOlderGraph(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	return errors.Join(meta.Put([]byte("graph"), []byte("0")), meta.Put([]byte("tasks"), []byte("0/0")))
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
