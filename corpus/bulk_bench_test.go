package corpus

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cputime"
)

// Store write benchmarks: one fsync per document (Put) against one per
// batch (PutBatch). Compare two versions with:
//
//	go test -run '^$' -bench 'Put' -count 6 ./corpus > new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt

func benchStoreDocs(n int) []*Document {
	body := strings.Repeat("Ủy ban nhân dân tỉnh triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022 về phát triển kinh tế - xã hội. ", 10)
	docs := make([]*Document, n)
	for i := range docs {
		docs[i] = &Document{ID: fmt.Sprintf("s%07d", i), Title: "Kế hoạch số 45/KH-UBND", Body: body}
	}
	return docs
}

func reportDocs(b *testing.B, docs []*Document) {
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body) + len(d.Title))
	}
	b.SetBytes(size)
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkPut(b *testing.B) {
	docs := benchStoreDocs(200)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := OpenStore(b.TempDir(), false, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, d := range copyDocs(docs) {
			if _, err := s.Put(d); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	reportDocs(b, docs)
}

func BenchmarkPutBatch(b *testing.B) {
	docs := benchStoreDocs(200)
	benchPutBatch(b, docs)
}

// BenchmarkPutBatchPrepared writes batches of 1,000 new made-up documents
// (genDocs: a trained store, as a bulk ingest after its first batch) with
// PutBatch, whose hashing, citation parsing and record encoding run on
// every core beside the write transaction (bulkprep.go), against the same
// batches written by the one writer alone (putBatchSerial, PutBatch
// before it). cpu-µs/doc is the process's CPU (user + sys) per document.
//
//	go test -run '^$' -bench PutBatchPrepared -count 6 ./corpus
func BenchmarkPutBatchPrepared(b *testing.B) {
	for _, bc := range []struct {
		name string
		put  func(*Store, []*Document) ([]Change, error)
	}{{"serial", putBatchSerial}, {"prepared", (*Store).PutBatch}} {
		b.Run(bc.name, func(b *testing.B) {
			const batches, per = 4, 1000
			docs := genDocs(3, batches*per)
			// the training's log line would split the benchmark's output
			logger := slog.Default()
			slog.SetDefault(slog.New(slog.DiscardHandler))
			b.Cleanup(func() { slog.SetDefault(logger) })
			// a trained store, copied for every round
			tmpl := b.TempDir()
			s, err := OpenStore(tmpl, false, 0)
			if err != nil {
				b.Fatal(err)
			}
			s.trainAt = testTrainAt
			if _, err := s.PutBatch(genDocs(4, testTrainAt)); err != nil {
				b.Fatal(err)
			}
			s.Close()
			trained, err := os.ReadFile(filepath.Join(tmpl, "store.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				dir := b.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "store.db"), trained, 0o644); err != nil {
					b.Fatal(err)
				}
				s, err := OpenStore(dir, false, 0)
				if err != nil {
					b.Fatal(err)
				}
				in := copyDocs(docs)
				c0 := cputime.Now()
				b.StartTimer()
				for i := 0; i < len(in); i += per {
					if _, err := bc.put(s, in[i:i+per]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				cpu += cputime.Now() - c0
				s.Close()
				b.StartTimer()
			}
			n := float64(len(docs) * b.N)
			b.ReportMetric(n/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(cpu.Microseconds())/n, "cpu-µs/doc")
		})
	}
}

// BenchmarkPutBatchEdges writes a batch of 1,000 decisions each stating
// six links of its own (three căn cứ of 500 decisions, three amendments
// of parts of 700 others) into a new store: the write path of the graph
// and its link counts (corpus/graph's relcount.go), which BenchmarkPutBatch, whose
// documents all state one link, barely exercises.
//
//	go test -run '^$' -bench PutBatchEdges -benchtime 10x ./corpus
func BenchmarkPutBatchEdges(b *testing.B) {
	var docs []*Document
	for i := range 1000 {
		var sb strings.Builder
		for j := range 3 {
			fmt.Fprintf(&sb, "Căn cứ Quyết định số %d/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh;\n", 100+(i*7+j)%500)
		}
		for j := range 3 {
			fmt.Fprintf(&sb, "Điều %d. Sửa đổi khoản %d Điều 2 Quyết định số %d/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\n", j+1, i%9+1, 1000+(i*3+j)%700)
		}
		docs = append(docs, &Document{ID: fmt.Sprintf("e%05d", i), URL: fmt.Sprintf("https://phuan.example/e/%d", i), Type: "Quyết định",
			Number: fmt.Sprintf("%d/QĐ-UBND", 5000+i), Published: "2025-01-02", Title: "Quyết định", Body: sb.String()})
	}
	benchPutBatch(b, docs)
}

// benchPutBatch times PutBatch of docs into a fresh store, one store an
// iteration (opening and closing it untimed).
func benchPutBatch(b *testing.B, docs []*Document) {
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := OpenStore(b.TempDir(), false, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.PutBatch(copyDocs(docs)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	reportDocs(b, docs)
}
