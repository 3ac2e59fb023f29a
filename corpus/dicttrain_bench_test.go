package corpus

import (
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkStoreRecords: the records of real documents (the 2,249 law
// articles of ../shared/eval/alqac23-train) in a store that trains its
// dictionary at trainAt ("trained") and in one that never does
// ("builtin", recordDict): bytes per record against the JSON, and the
// cost of what reads records — a document page (Get), the snippets of a
// result page (Bodies of 10 documents), a phrase candidate's text (Bodies
// of one) — and of writing one (encode).
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
		// run benchmarks op (given the iteration) and adds the
		// process's CPU time per operation (what a loaded machine
		// inflates far less than ns/op) and the records' size.
		run := func(name string, op func(i int) error) {
			b.Run(tc.name+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				cpu := cputime.Now()
				i := 0
				for b.Loop() {
					if err := op(i); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
				b.ReportMetric(float64(recBytes)/float64(len(docs)), "B/record")
				b.ReportMetric(float64(recBytes)/float64(jsonBytes), "ratio")
			})
		}
		run("encode", func(i int) error {
			_, err := c.encode(docs[i%len(docs)])
			return err
		})
		run("page", func(i int) error {
			_, err := s.Get(docs[i%len(docs)].ID)
			return err
		})
		run("body", func(i int) error { // a quoted phrase's candidate (search/phrase.go)
			_, err := s.Bodies(b.Context(), []string{docs[(i*37)%len(docs)].ID})
			return err
		})
		ids := make([]string, 10)
		run("snippets10", func(i int) error {
			for k := range ids {
				ids[k] = docs[(i*37+k*101)%len(docs)].ID
			}
			_, err := s.Bodies(b.Context(), ids)
			return err
		})
		s.Close()
	}
}
