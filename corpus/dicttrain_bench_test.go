package corpus

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkStoreRecords: the records of real documents (the 2,249 law
// articles of ../shared/eval/alqac23-train) in a store that trains its
// dictionary at trainAt ("trained") and in one that never does
// ("builtin", recordDict): bytes per record against the JSON, and the
// cost of what reads records — a document page (Get), the snippets of a
// result page (Bodies of 10 documents) — and of writing one (encode).
//
//	go test -run '^$' -bench StoreRecords -count 6 ./corpus
func BenchmarkStoreRecords(b *testing.B) {
	docs, err := ReadJSONLFile(shared.Path(b, "eval", "alqac23-train", "corpus.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		trainAt int
	}{{"trained", trainAt}, {"builtin", 1 << 30}} {
		s, err := OpenStore(b.TempDir(), false, 0)
		if err != nil {
			b.Fatal(err)
		}
		s.trainAt = tc.trainAt
		if _, err := s.PutBatch(copyDocs(docs)); err != nil {
			b.Fatal(err)
		}
		c := s.recs()
		var recBytes, jsonBytes int
		for _, d := range docs {
			raw, _ := json.Marshal(d)
			rec, _ := c.encode(d)
			recBytes += len(rec)
			jsonBytes += len(raw)
		}
		// report adds the process's CPU time per operation since cpu
		// (what a loaded machine inflates far less than ns/op).
		report := func(b *testing.B, cpu time.Duration) {
			b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
			b.ReportMetric(float64(recBytes)/float64(len(docs)), "B/record")
			b.ReportMetric(float64(recBytes)/float64(jsonBytes), "ratio")
		}
		b.Run(tc.name+"/encode", func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Now()
			i := 0
			for b.Loop() {
				if _, err := c.encode(docs[i%len(docs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			report(b, cpu)
		})
		b.Run(tc.name+"/page", func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Now()
			i := 0
			for b.Loop() {
				if _, err := s.Get(docs[i%len(docs)].ID); err != nil {
					b.Fatal(err)
				}
				i++
			}
			report(b, cpu)
		})
		b.Run(tc.name+"/snippets10", func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Now()
			ids := make([]string, 10)
			i := 0
			for b.Loop() {
				for k := range ids {
					ids[k] = docs[(i*37+k*101)%len(docs)].ID
				}
				if _, err := s.Bodies(b.Context(), ids); err != nil {
					b.Fatal(err)
				}
				i++
			}
			report(b, cpu)
		})
		s.Close()
	}
}
