package indexer

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkIndexViews measures what each text view costs bleve to index on
// its own: an index holding only that one field of every document, loaded
// the way `vanban ingest` loads (0.5 MB batches, two in flight), next to the
// peers' setup (bleve's unicode tokenizer, lowercase, ASCII folding) and
// the whole vanban mapping. It answers "how fast can bleve index this at
// best" (docs/log/perf-indexing-floor.md).
//
// It reads an ALQAC corpus from ../shared, or VANBAN_BENCH_CORPUS (a
// scalecorpus.py file) for figures at scale:
//
//	VANBAN_BENCH_CORPUS=/tmp/corpus100k.jsonl go test -run '^$' -bench IndexViews -benchtime 1x -timeout 1h ./indexer
func BenchmarkIndexViews(b *testing.B) {
	docs := readBenchCorpus(b, benchCorpusPath(b))
	var size int64
	for _, d := range docs {
		size += int64(len(d.Title) + len(d.Body))
	}
	one := func(analyzer string, pos bool) func() (*mapping.IndexMappingImpl, func(*corpus.Document) map[string]any) {
		return func() (*mapping.IndexMappingImpl, func(*corpus.Document) map[string]any) {
			m := bleve.NewIndexMapping()
			if err := m.AddCustomAnalyzer("peer", map[string]any{
				"type":          custom.Name,
				"char_filters":  []string{asciifolding.Name},
				"tokenizer":     unicode.Name,
				"token_filters": []string{lowercase.Name},
			}); err != nil {
				b.Fatal(err)
			}
			f := textField(analyzer, false)
			f.IncludeTermVectors = pos
			doc := bleve.NewDocumentStaticMapping()
			doc.AddFieldMappingsAt("text", f)
			m.DefaultMapping = doc
			m.ScoringModel = "bm25"
			return m, func(d *corpus.Document) map[string]any { return map[string]any{"text": d.Title + "\n" + d.Body} }
		}
	}
	for _, c := range []struct {
		name  string
		setup func() (*mapping.IndexMappingImpl, func(*corpus.Document) map[string]any)
	}{
		{"peer", one("peer", false)},
		{"exact", one(AnalyzerExact, false)},
		{"fold", one(AnalyzerFold, false)},
		{"fold+positions", one(AnalyzerFold, true)},
		{"bigram", one(AnalyzerBigram, false)},
		{"bigram-sample", one(AnalyzerBigramSample, false)},
		{"vanban", func() (*mapping.IndexMappingImpl, func(*corpus.Document) map[string]any) { return NewMapping(), Fields }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				b.StopTimer()
				m, fields := c.setup()
				idx, err := bleve.NewUsing(b.TempDir()+"/index", m, scorch.Name, scorch.Name, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				loadViews(b, idx, docs, fields)
				b.StopTimer()
				idx.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// loadViews indexes docs in 0.5 MB batches with two batches in flight.
func loadViews(b *testing.B, idx bleve.Index, docs []*corpus.Document, fields func(*corpus.Document) map[string]any) {
	slots := make(chan struct{}, 2)
	errs := make(chan error, len(docs)/100+2)
	apply := func(batch *bleve.Batch) {
		slots <- struct{}{}
		go func() {
			defer func() { <-slots }()
			if err := idx.Batch(batch); err != nil {
				errs <- err
			}
		}()
	}
	batch := idx.NewBatch()
	var bytes int
	for _, d := range docs {
		if err := batch.Index(d.ID, fields(d)); err != nil {
			b.Fatal(err)
		}
		if bytes += len(d.Title) + len(d.Body); bytes > 1<<19 {
			apply(batch)
			batch, bytes = idx.NewBatch(), 0
		}
	}
	apply(batch)
	for range cap(slots) {
		slots <- struct{}{}
	}
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}

// readBenchCorpus reads BEIR corpus lines ({"_id","title","text"}).
// benchCorpusPath is VANBAN_BENCH_CORPUS, or the alqac23-test corpus.
func benchCorpusPath(b *testing.B) string {
	if path := os.Getenv("VANBAN_BENCH_CORPUS"); path != "" {
		return path
	}
	return shared.Path(b, "eval", "alqac23-test", "corpus.jsonl")
}

func readBenchCorpus(b testing.TB, path string) []*corpus.Document {
	return readBenchCorpusN(b, path, 0)
}

// readBenchCorpusN reads the first n documents of the corpus at path (all
// of them when n ≤ 0).
func readBenchCorpusN(b testing.TB, path string, n int) []*corpus.Document {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*corpus.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for (n <= 0 || len(docs) < n) && sc.Scan() {
		var line struct {
			ID    string `json:"_id"`
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, &corpus.Document{ID: line.ID, Title: line.Title, Body: line.Text})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if len(docs) == 0 {
		b.Fatalf("%s: no documents", path)
	}
	return docs
}
