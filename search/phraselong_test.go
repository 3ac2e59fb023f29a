package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
)

// longDocs are n documents of about size bytes each, the demo's sentences
// drawn at random (a fixed seed): the length of real decrees (the
// govdocs collection averages 67 KB, its candidates for "mức lương cơ
// sở" 99 KB), where a short scale document is 1–2 KB.
func longDocs(n, size int) []*corpus.Document {
	ss := sentences()
	rng := rand.New(rand.NewPCG(21, 23))
	docs := make([]*corpus.Document, n)
	for i := range docs {
		var body strings.Builder
		for body.Len() < size {
			body.WriteString(ss[rng.IntN(len(ss))])
			if rng.IntN(6) == 0 {
				body.WriteString(".\n")
			} else {
				body.WriteString(". ")
			}
		}
		docs[i] = &corpus.Document{URL: fmt.Sprintf("http://long.test/%d", i), Title: ss[rng.IntN(len(ss))], Body: body.String()}
	}
	return docs
}

// BenchmarkBodyPhraseLong: quoted phrases verified on the texts of 200
// documents of 8, 32 and 128 KB read from a corpus store on disk, as
// vanban search reads them (docs/log/i20-phrase-performance.md): the cost of
// a phrase against the length of the documents its candidates are.
// Reports ms/query, the process's CPU a query, the candidates' texts
// read and their megabytes a query.
func BenchmarkBodyPhraseLong(b *testing.B) {
	queries := []string{`"chuyển đổi số"`, `"ủy ban nhân dân tỉnh"`, `"cán bộ, công chức"`, `"tổ chức thực hiện"`}
	for _, size := range []int{8 << 10, 32 << 10, 128 << 10} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			docs := longDocs(200, size)
			dir := b.TempDir()
			store, err := corpus.OpenStore(dir, false, time.Second)
			if err != nil {
				b.Fatal(err)
			}
			defer store.Close()
			for _, d := range docs {
				if _, err := store.Put(d); err != nil {
					b.Fatal(err)
				}
			}
			ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			if err := ix.Add(context.Background(), docs); err != nil {
				b.Fatal(err)
			}
			ct := &countingTexts{Texts: store}
			s := New(ix.Bleve(), WithTexts(ct), WithBudget(Budget{Max: 400, MaxPositions: 1 << 40}))
			ctx := context.Background()
			hits := 0
			for _, q := range queries {
				res, err := s.Search(ctx, Request{Query: q})
				if err != nil {
					b.Fatal(err)
				}
				hits += int(res.Total)
			}
			if hits == 0 {
				b.Fatal("no query matched")
			}
			ct.n.Store(0)
			cpu := cputime.Now()
			for b.Loop() {
				for _, q := range queries {
					if _, _, err := s.rank(ctx, mustPin(b, s), Request{Query: q}, MaxSize); err != nil {
						b.Fatal(err)
					}
				}
			}
			n := float64(b.N * len(queries))
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/n, "ms/query")
			b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/1e3/n, "cpu-ms/query")
			b.ReportMetric(float64(ct.n.Load())/n, "texts/query")
			b.ReportMetric(float64(ct.n.Load())/n*float64(size)/(1<<20), "MB-read/query")
			b.ReportMetric(float64(hits)/float64(len(queries)), "hits/query")
		})
	}
}
