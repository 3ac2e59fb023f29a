package search

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
)

// sentences are the demo articles' sentences.
func sentences() []string {
	var out []string
	for _, a := range demo.Articles() {
		for _, s := range strings.FieldsFunc(a.Body, func(r rune) bool { return r == '.' || r == '\n' || r == ';' }) {
			if s = strings.TrimSpace(s); len(strings.Fields(s)) >= 4 {
				out = append(out, s)
			}
		}
	}
	return out
}

// scaleIndex indexes n documents made of random runs of the demo
// sentences (a fixed seed), with titles, types and the demo articles
// themselves: enough documents for long postings lists, MaxDF pruning and
// the intents' type terms.
func scaleIndex(t testing.TB, n int) *indexer.Index {
	t.Helper()
	ss := sentences()
	rng := rand.New(rand.NewPCG(7, 9))
	types := []string{"", "", "", "Nghị quyết", "Kế hoạch", "Quyết định", "Thông tư"}
	var docs []*corpus.Document
	for _, a := range demo.Articles() {
		docs = append(docs, &corpus.Document{URL: "http://demo.test" + a.Path, Title: a.Title, Body: a.Body, Type: a.Type, Number: a.Number,
			Published: a.Published, Issuer: a.Issuer, Site: "demo.test"})
	}
	// a document found only by its own number: its text has neither the
	// number nor the words of the query that names it (topOnlyQueries)
	docs = append(docs, &corpus.Document{URL: "http://scale.test/own-number", Title: "Quy chế phối hợp giữa các sở, ngành",
		Body: "Quy chế quy định việc phối hợp trong công tác thi đua, khen thưởng.", Type: "Nghị định", Number: "99/2099/NĐ-CP"})
	for i := len(docs); i < n; i++ {
		var body strings.Builder
		for range 2 + rng.IntN(12) {
			body.WriteString(ss[rng.IntN(len(ss))])
			body.WriteString(". ")
		}
		title := ss[rng.IntN(len(ss))]
		if rng.IntN(20) == 0 {
			title = "Giải thích từ ngữ"
		}
		docs = append(docs, &corpus.Document{URL: fmt.Sprintf("http://scale.test/%d", i), Title: title, Body: body.String(), Type: types[rng.IntN(len(types))]})
	}
	// facet values (own generator: the texts stay as they were): dates
	// over 40 years, some outside the year facet's 30, some missing;
	// issuers, some missing, one held by a single document
	meta := rand.New(rand.NewPCG(11, 13))
	issuers := []string{"", "UBND tỉnh", "HĐND tỉnh", "Sở Tài chính", "Sở Nội vụ", "Tỉnh ủy"}
	this := time.Now().Year()
	for i, d := range docs[len(demo.Articles())+1:] {
		d.Site = "scale.test"
		if meta.IntN(5) > 0 {
			d.Published = fmt.Sprintf("%04d-%02d-%02d", this-meta.IntN(40), 1+meta.IntN(12), 1+meta.IntN(28))
		}
		d.Issuer = issuers[meta.IntN(len(issuers))]
		if i == 100 {
			d.Issuer = "Ban Dân tộc"
		}
	}
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, d := range docs {
		d.ID = corpus.IDForURL(d.URL)
	}
	// several batches (segments), and deleted documents in them
	for i := 0; i < len(docs); i += 1000 {
		if err := ix.Add(context.Background(), docs[i:min(i+1000, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	for i := len(demo.Articles()) + 1; i < len(docs); i += 7 { // not the own-number document
		if err := ix.Bleve().Delete(docs[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// topOnlyQueries are long sentence queries (as given and accent-free, with
// and without intents) and the ranking set's queries.
func topOnlyQueries(t testing.TB) []string {
	ss := sentences()
	rng := rand.New(rand.NewPCG(3, 5))
	var qs []string
	for range 40 {
		s := ss[rng.IntN(len(ss))]
		w := strings.Fields(s)
		if len(w) > 25 {
			w = w[:25]
		}
		s = strings.Join(w, " ")
		qs = append(qs, s, viet.Fold(s), s+" là gì?", "nghị quyết nào quy định "+s)
	}
	qs = append(qs, "tin tức 99/2099/NĐ-CP", "bản tin 99/2099/ND-CP")
	f, err := os.Open(filepath.Join("testdata", "ranking", "queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q, _, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(q, "#") {
			qs = append(qs, q)
		}
	}
	return qs
}

// TestTopOnlySameHits checks that the top-k evaluation returns exactly
// bleve's hits, in order, with bleve's scores, and that it skips documents:
// with one engine, and with two engines on the two halves of the index at
// once (as for long queries on large indexes).
func TestTopOnlySameHits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 3,000 documents")
	}
	ix := scaleIndex(t, 3000)
	t.Run("one engine", func(t *testing.T) {
		s := New(ix.Bleve())
		s.parallel = 0
		checkTopOnly(t, s)
	})
	t.Run("two engines", func(t *testing.T) {
		if runtime.GOMAXPROCS(0) < 2 {
			t.Skip("GOMAXPROCS < 2: queries are never split")
		}
		s := New(ix.Bleve())
		s.parallel = 1
		checkTopOnly(t, s)
	})
}

func checkTopOnly(t *testing.T, s *Searcher) {
	ctx := context.Background()
	var queries, pruned, topk int
	var scored, total uint64
	for _, q := range topOnlyQueries(t) {
		for _, page := range []struct{ from, k int }{{0, 1}, {0, 10}, {5, 5}, {0, 30}} {
			k := page.k
			want, err := s.Search(ctx, Request{Query: q, From: page.from, Size: k})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Search(ctx, Request{Query: q, From: page.from, Size: k, TopOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			queries++
			if got.TotalIsLowerBound {
				topk++
			}
			scored += got.Total
			total += want.Total
			if got.Total < want.Total {
				pruned++
			}
			sameHits(t, fmt.Sprintf("%q k=%d", q, k), got.Hits, want.Hits)
		}
		// the page's search: the same total and facets as bleve's
		want, err := s.Search(ctx, Request{Query: q, Size: 10, Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(ctx, Request{Query: q, Size: 10, Facets: true, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || got.TotalIsLowerBound || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%q with facets: total %d (lower bound %v), facets %v; bleve %d, %v", q, got.Total, got.TotalIsLowerBound, got.Facets, want.Total, want.Facets)
		}
		sameHits(t, fmt.Sprintf("%q with facets", q), got.Hits, want.Hits)
	}
	t.Logf("%d searches, %d ranked top-k, %d skipped documents; scored %d of %d matches (%.1f%%)",
		queries, topk, pruned, scored, total, 100*float64(scored)/float64(total))
	if topk < queries/2 || pruned < topk/2 {
		t.Errorf("top-k used on %d and skipped documents on %d of %d searches", topk, pruned, queries)
	}
}

func sameScore(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }

// sameHits reports unless got has want's scores in want's order, and
// want's documents. Documents of equal scores may come in another order:
// a document's term scores are summed in the order its lists were read
// (bleve: its postings heap), so equal scores differ in their last bits.
func sameHits(t *testing.T, label string, got, want []Hit) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d hits, want %d", label, len(got), len(want))
		return
	}
	wantIDs := map[string]bool{}
	for _, h := range want {
		wantIDs[h.ID] = true
	}
	for i := range want {
		g, w := got[i], want[i]
		if !sameScore(g.Score, w.Score) {
			t.Errorf("%s hit %d: %s %.12g, want %s %.12g", label, i, g.ID, g.Score, w.ID, w.Score)
		}
		first, last := want[0].Score, want[len(want)-1].Score
		if !wantIDs[g.ID] && !sameScore(g.Score, last) && !sameScore(g.Score, first) {
			t.Errorf("%s hit %d: %s (%.12g) is not among the wanted hits", label, i, g.ID, g.Score)
		}
	}
}

// BenchmarkTopK compares the top-k evaluation with bleve's on long sentence
// queries over 3,000 documents, top 10.
//
//	go test ./search -run '^$' -bench TopK -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkTopK(b *testing.B) {
	ix := scaleIndex(b, 3000)
	s := New(ix.Bleve())
	qs := topOnlyQueries(b)
	for _, mode := range []struct {
		name    string
		topOnly bool
	}{{"exhaustive", false}, {"topk", true}} {
		b.Run(mode.name, func(b *testing.B) {
			ctx := context.Background()
			var scored uint64
			n := 0
			for b.Loop() {
				res, err := s.Search(ctx, Request{Query: qs[n%len(qs)], Size: 10, TopOnly: mode.topOnly})
				if err != nil {
					b.Fatal(err)
				}
				scored += res.Total
				n++
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/query")
			b.ReportMetric(float64(scored)/float64(n), "docs-scored/query")
		})
	}
}

// TestTopOnlyTwoEngines runs in -short (and so under the race detector):
// two engines on a small index give the hits of one.
func TestTopOnlyTwoEngines(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("GOMAXPROCS < 2: queries are never split")
	}
	ix := scaleIndex(t, 400)
	one, two := New(ix.Bleve()), New(ix.Bleve())
	one.parallel, two.parallel = 0, 1
	ctx := context.Background()
	for _, q := range topOnlyQueries(t)[:40] {
		a, err := one.Search(ctx, Request{Query: q, Size: 10, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := two.Search(ctx, Request{Query: q, Size: 10, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sameHits(t, fmt.Sprintf("%q, two engines", q), b.Hits, a.Hits)
		// the page's search: ranking and counting pass at once, sharing
		// the plan (run under -race in CI), against bleve's one pass
		page, err := two.Search(ctx, Request{Query: q, Size: 10, TopOnly: true, Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		full, err := one.Search(ctx, Request{Query: q, Size: 10, Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		sameHits(t, fmt.Sprintf("%q, page", q), page.Hits, full.Hits)
		if page.Total != full.Total || !reflect.DeepEqual(page.Facets, full.Facets) {
			t.Errorf("%q: page total %d, facets %v; bleve %d, %v", q, page.Total, page.Facets, full.Total, full.Facets)
		}
	}
}

// FuzzTopOnly compares the top-k evaluation with bleve's on any query
// text: numbers, abbreviations, intents, phrases, exclusions, accents.
func FuzzTopOnly(f *testing.F) {
	ix := scaleIndex(f, 400)
	s := New(ix.Bleve())
	s.parallel = 1 // exercise the two engines too
	for _, q := range []string{
		"kế hoạch triển khai nghị quyết 154/NQ-CP", "UBND tỉnh ban hành kế hoạch chuyển đổi số",
		"HĐND là gì", "nq 154 cp", "\"chuyển đổi số\" -tin", "quyet dinh phe duyet", "Thông tư số 02",
		"giải thích từ ngữ là gì", "236/KH-UBND ngày", "BLDS 2015 đúng hay sai",
	} {
		f.Add(q, uint8(10))
	}
	f.Fuzz(func(t *testing.T, q string, size uint8) {
		k := int(size%40) + 1
		ctx := context.Background()
		want, err := s.Search(ctx, Request{Query: q, Size: k})
		if err != nil {
			return // an empty or unusable query fails both ways
		}
		got, err := s.Search(ctx, Request{Query: q, Size: k, TopOnly: true})
		if err != nil {
			t.Fatalf("%q: top-k failed where bleve did not: %v", q, err)
		}
		sameHits(t, fmt.Sprintf("%q k=%d", q, k), got.Hits, want.Hits)
	})
}
