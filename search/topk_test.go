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

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
)

// sentences are the demo articles' sentences.
func sentences() []string { return demo.Sentences() }

// scaleDocs are n documents: the demo portal's articles, one found only
// by its number, and sentences of the ranking corpus in random documents
// with random types, dates, issuers and sites.
func scaleDocs(n int) []*corpus.Document {
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
	// plans that share a number with other issuers' plans, so that a
	// partial number ("kh 45") matches several keys
	for i, code := range []string{"SYT", "SNV", "UBND"} {
		docs = append(docs, &corpus.Document{URL: fmt.Sprintf("http://scale.test/kh45-%d", i),
			Title: "Kế hoạch số 45/KH-" + code + " về chuyển đổi số",
			Body:  "Thực hiện Kế hoạch số 45/KH-" + code + " và Nghị quyết số 154/NQ-HĐND, các đơn vị báo cáo kết quả chuyển đổi số.",
			Type:  "Kế hoạch", Number: "45/KH-" + code})
	}
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
	for _, d := range docs {
		d.ID = corpus.IDForURL(d.URL)
	}
	return docs
}

// scaleIndex indexes n documents made of random runs of the demo
// sentences (a fixed seed), with titles, types and the demo articles
// themselves: enough documents for long postings lists, MaxDF pruning and
// the intents' type terms. The index is read-only and the same for the
// same n, so the package's tests share it (fixtures.scale): it is built
// once a size, not once a test.
func scaleIndex(t testing.TB, n int) *indexer.Index {
	t.Helper()
	fixtures.mu.Lock()
	defer fixtures.mu.Unlock()
	if ix := fixtures.scale[n]; ix != nil {
		return ix
	}
	path := filepath.Join(fixtures.dir(t), fmt.Sprintf("scale-%d", n))
	os.RemoveAll(path) // what a failed build left
	ix := buildScaleIndex(t, path, n)
	fixtures.scale[n] = ix
	return ix
}

func buildScaleIndex(t testing.TB, path string, n int) *indexer.Index {
	t.Helper()
	docs := scaleDocs(n)
	ix, err := indexer.Open(path, indexer.Options{})
	if err != nil {
		t.Fatal(err)
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
	// reopened read-only, so that no background merge changes the
	// statistics between the two searches a test compares
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = indexer.Open(path, indexer.Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	return ix
}

// topOnlyFilters are the filters the page sets: facet values, date
// ranges open at either end, and both at once (scaleIndex's metadata).
var topOnlyFilters = func() []Filters {
	this := time.Now().Year()
	day := func(y int) time.Time { return time.Date(y, 6, 15, 0, 0, 0, 0, time.UTC) }
	return []Filters{
		{Type: "Kế hoạch"},
		{Issuer: "UBND tỉnh"},
		{Site: "demo.test"},
		{From: day(this - 10)},
		{To: day(this - 20)},
		{From: day(this - 25), To: day(this - 5)},
		{Type: "Nghị quyết", From: day(this - 15)},
		{Issuer: "Ban Dân tộc"},
		{Type: "Không có loại này"},
	}
}()

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
	// partial numbers (a regexp over number keys): one, two, none in the index
	qs = append(qs, "quyết định 45 phê duyệt", "kh 236 ubnd", "nghị quyết 154 và kế hoạch 45",
		"nghị quyết 57 chuyển đổi số", "nq 9999 về an toàn", "thong tu 02 huong dan")
	// exclusions: words, phrases, accent-free, with a partial number
	qs = append(qs, "kế hoạch chuyển đổi số -ubnd", "nghị quyết -\"chính phủ\" phát triển", "chuyen doi so -ke -hoach",
		"kh 45 -syt", "hòa giải ở cơ sở -\"hòa giải viên\"")
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
	// bleve's answers do not depend on the engines: made once, compared
	// with both
	wants := map[string]*Result{}
	t.Run("one engine", func(t *testing.T) {
		s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
		s.parallel = 0
		checkTopOnly(t, s, wants)
	})
	t.Run("two engines", func(t *testing.T) {
		if runtime.GOMAXPROCS(0) < 2 {
			t.Skip("GOMAXPROCS < 2: queries are never split")
		}
		s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
		s.parallel = 1
		checkTopOnly(t, s, wants)
	})
}

// checkTopOnly compares s's top-k answers with bleve's exhaustive ones,
// which wants keeps by request.
func checkTopOnly(t *testing.T, s *Searcher, wants map[string]*Result) {
	ctx := context.Background()
	exhaustive := func(r Request) (*Result, error) {
		key := fmt.Sprintf("%+v", r)
		if w, ok := wants[key]; ok {
			return w, nil
		}
		w, err := s.Search(ctx, r)
		if err == nil {
			wants[key] = w
		}
		return w, err
	}
	var queries, pruned, topk, filtered, matchedFiltered, topkFiltered int
	var scored, total uint64
	for _, q := range topOnlyQueries(t) {
		for _, page := range []struct{ from, k int }{{0, 1}, {0, 10}, {5, 5}, {0, 30}} {
			k := page.k
			want, err := exhaustive(Request{Query: q, From: page.from, Size: k})
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
		want, err := exhaustive(Request{Query: q, Size: 10, Facets: true})
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
		// filtered, as when a facet chip or a date range is set: one
		// filter per query, in turn
		f := topOnlyFilters[filtered%len(topOnlyFilters)]
		filtered++
		for _, facets := range []bool{false, true} {
			want, err := exhaustive(Request{Query: q, Size: 10, Facets: facets, Filters: f})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Search(ctx, Request{Query: q, Size: 10, Facets: facets, Filters: f, TopOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			what := fmt.Sprintf("%q filtered %+v, facets %v", q, f, facets)
			sameHits(t, what, got.Hits, want.Hits)
			if facets && (got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets)) {
				t.Errorf("%s: total %d, facets %v; bleve %d, %v", what, got.Total, got.Facets, want.Total, want.Facets)
			}
			if len(want.Hits) > 0 {
				matchedFiltered++
			}
			if !facets && got.TotalIsLowerBound {
				topkFiltered++
			}
		}
	}
	if matchedFiltered < filtered/2 || topkFiltered < filtered/2 {
		t.Errorf("of %d filtered searches, %d matched anything and %d were ranked top-k: the comparison says little", 2*filtered, matchedFiltered, topkFiltered)
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
	s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
	qs := topOnlyQueries(b)
	for _, mode := range []struct {
		name    string
		topOnly bool
	}{{"exhaustive", false}, {"topk", true}} {
		b.Run(mode.name, func(b *testing.B) {
			ctx := context.Background()
			var scored uint64
			n := 0
			cpu := cputime.Now()
			for b.Loop() {
				res, err := s.Search(ctx, Request{Query: qs[n%len(qs)], Size: 10, TopOnly: mode.topOnly})
				if err != nil {
					b.Fatal(err)
				}
				scored += res.Total
				n++
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/query")
			reportCPU(b, cpu, n)
			b.ReportMetric(float64(scored)/float64(n), "docs-scored/query")
		})
	}
}

// BenchmarkPageSearch times the web page's search (hits, exact total,
// facets) over 3,000 documents: bleve's evaluation with facets counted hit
// by hit against top-k with the bitmap count, unfiltered and filtered.
//
//	go test ./search -run '^$' -bench PageSearch -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkPageSearch(b *testing.B) {
	ix := scaleIndex(b, 3000)
	s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
	qs := topOnlyQueries(b)
	for _, f := range []struct {
		name string
		f    Filters
	}{{"all", Filters{}}, {"type", Filters{Type: "Kế hoạch"}}, {"dates", topOnlyFilters[5]}} {
		for _, mode := range []struct {
			name    string
			topOnly bool
		}{{"bleve", false}, {"topk", true}} {
			b.Run(f.name+"/"+mode.name, func(b *testing.B) {
				ctx := context.Background()
				n := 0
				cpu := cputime.Now()
				for b.Loop() {
					if _, err := s.Search(ctx, Request{Query: qs[n%len(qs)], Size: 10, Facets: true, Filters: f.f, TopOnly: mode.topOnly}); err != nil {
						b.Fatal(err)
					}
					n++
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/query")
				reportCPU(b, cpu, n)
			})
		}
	}
}

// reportCPU reports the CPU time per query since start (cputime.Now),
// when it is measured: the shared machine's load moves it far less than
// ns/op.
func reportCPU(b *testing.B, start time.Duration, n int) {
	if c := cputime.Now(); c > 0 && n > 0 {
		b.ReportMetric(float64((c-start).Nanoseconds())/float64(n), "cpu-ns/query")
	}
}

// TestTopOnlyTwoEngines runs in -short (and so under the race detector):
// two engines on a small index give the hits of one.
func TestTopOnlyTwoEngines(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("GOMAXPROCS < 2: queries are never split")
	}
	ix := scaleIndex(t, 400)
	one, two := New(ix.Bleve(), WithTexts(scaleTexts(400))), New(ix.Bleve(), WithTexts(scaleTexts(400)))
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
	s := New(ix.Bleve(), WithTexts(scaleTexts(400)))
	s.parallel = 1 // exercise the two engines too
	for _, q := range []string{
		"kế hoạch triển khai nghị quyết 154/NQ-CP", "UBND tỉnh ban hành kế hoạch chuyển đổi số",
		"HĐND là gì", "nq 154 cp", "\"chuyển đổi số\" -tin", "quyet dinh phe duyet", "Thông tư số 02",
		"giải thích từ ngữ là gì", "236/KH-UBND ngày", "BLDS 2015 đúng hay sai",
	} {
		f.Add(q, uint8(10), uint8(0))
	}
	f.Add("kế hoạch chuyển đổi số", uint8(5), uint8(0x11))
	f.Add("nghi quyet", uint8(20), uint8(0x26))
	// filter: the low 4 bits pick one of topOnlyFilters (past the end:
	// none), bit 4 asks for facets (the page's search)
	f.Fuzz(func(t *testing.T, q string, size, filter uint8) {
		k := int(size%40) + 1
		var fl Filters
		if i := int(filter & 15); i < len(topOnlyFilters) {
			fl = topOnlyFilters[i]
		}
		facets := filter&16 != 0
		ctx := context.Background()
		want, err := s.Search(ctx, Request{Query: q, Size: k, Filters: fl, Facets: facets})
		if err != nil {
			return // an empty or unusable query fails both ways
		}
		got, err := s.Search(ctx, Request{Query: q, Size: k, Filters: fl, Facets: facets, TopOnly: true})
		if err != nil {
			t.Fatalf("%q: top-k failed where bleve did not: %v", q, err)
		}
		label := fmt.Sprintf("%q k=%d %+v", q, k, fl)
		sameHits(t, label, got.Hits, want.Hits)
		if facets && (got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets)) {
			t.Errorf("%s: total %d, facets %v; bleve %d, %v", label, got.Total, got.Facets, want.Total, want.Facets)
		}
	})
}

// TestTopOnlyFilteredSegments checks filtered page searches where the
// filter's documents must be placed in the right segment: an index of
// exactly three segments, one per batch, with deleted documents in each, so
// that live and whole segment sizes differ. The layout does not depend on
// timing: scorch's merger only merges segments of fewer than
// MaxSegmentSize/2 live documents, and with MaxSegmentSize 1 there are
// none; each batch is persisted as its own segment before the next one
// (safe batches), so the persister has no two segments to merge either.
func TestTopOnlyFilteredSegments(t *testing.T) {
	const batches, perBatch = 3, 300
	cfg := map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": 1}}
	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.NewUsing(path, indexer.NewMapping(), scorch.Name, scorch.Name, cfg)
	if err != nil {
		t.Fatal(err)
	}
	docs := scaleDocs(batches * perBatch)
	for i := 0; i < len(docs); i += perBatch {
		b := idx.NewBatch()
		ids := docs[i : i+perBatch]
		for _, d := range ids {
			doc, err := indexer.Document(idx.Mapping(), d)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.IndexAdvanced(doc); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
		for j, d := range ids {
			if j%5 == 1 {
				if err := idx.Delete(d.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// reopened read-only: no merge or persister changes the snapshot (and
	// the statistics) between bleve's search and the top-k one
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if idx, err = bleve.OpenUsing(path, map[string]any{"read_only": true}); err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	r := snapshot(t, idx)
	segs := r.(*scorch.IndexSnapshot).Segments()
	var layout []string
	for _, ss := range segs {
		layout = append(layout, fmt.Sprintf("%d of %d live", ss.Count(), ss.Segment().Count()))
	}
	r.Close()
	if len(segs) != batches {
		t.Fatalf("%d segments (%s), want %d: one per batch", len(segs), strings.Join(layout, ", "), batches)
	}
	for i, ss := range segs {
		if ss.Segment().Count() != perBatch || ss.Count() != perBatch-perBatch/5 {
			t.Fatalf("segment %d: %s, want %d of %d live", i, layout[i], perBatch-perBatch/5, perBatch)
		}
	}
	s := New(idx, WithTexts(docTexts(docs)))
	ctx := context.Background()
	for i, q := range topOnlyQueries(t)[:60] {
		f := topOnlyFilters[i%len(topOnlyFilters)]
		want, err := s.Search(ctx, Request{Query: q, Size: 10, Facets: true, Filters: f})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(ctx, Request{Query: q, Size: 10, Facets: true, Filters: f, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sameHits(t, fmt.Sprintf("%q %+v", q, f), got.Hits, want.Hits)
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%q %+v: total %d, facets %v; bleve %d, %v", q, f, got.Total, got.Facets, want.Total, want.Facets)
		}
	}
}
