package engine

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// The engine is tested on its own vocabulary: an index of generated
// documents with a plain mapping (no vanban analysis), queries built as
// Query values, and bleve's own evaluation of the query the Query doc
// comment says it equals. search's TestTopOnlySameHits does the same with
// vanban's plans on vanban's index.

var words = strings.Fields(`an bình chi dân đất giao hạ kế lao mạng nghị
ngân phát quy sách tài thuế tỉnh trường văn vốn xã y dịch số`)

type doc struct {
	Body, Title, Num, Type, Site string
	Year                         float64
}

// testIndex is an on-disk index of n generated documents in batches of
// 150 (several segments), every seventh document deleted, reopened
// read-only so that no merge changes it between two searches.
func testIndex(t testing.TB, n int) bleve.Index {
	t.Helper()
	idx, path := writableIndex(t, n)
	return readOnly(t, idx, path)
}

// readOnly closes idx, built at path, and opens it again read-only (closed
// at the end of the test).
func readOnly(t testing.TB, idx bleve.Index, path string) bleve.Index {
	t.Helper()
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// writableIndex is testIndex before it is reopened read-only, and its
// path; the caller closes it.
func writableIndex(t testing.TB, n int) (bleve.Index, string) {
	t.Helper()
	var batches []int
	for i := 0; i < n; i += 150 {
		batches = append(batches, min(150, n-i))
	}
	return buildIndex(t, batches, func(j int) bool { return j%7 == 3 })
}

// buildIndex is an index of generated documents indexed in batches of the
// given sizes (a segment each: no merges), the documents deleted says
// deleted; the caller closes it.
func buildIndex(t testing.TB, batches []int, deleted func(j int) bool) (bleve.Index, string) {
	t.Helper()
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	dm := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = "standard"
	kw := bleve.NewKeywordFieldMapping()
	dm.AddFieldMappingsAt("Body", text)
	dm.AddFieldMappingsAt("Title", text)
	for _, f := range []string{"Num", "Type", "Site"} {
		dm.AddFieldMappingsAt(f, kw)
	}
	dm.AddFieldMappingsAt("Year", bleve.NewNumericFieldMapping())
	m.DefaultMapping = dm
	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": 1}})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sentence := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			// a skewed choice: some words common, some rare
			b.WriteString(words[int(float64(len(words))*math.Pow(rng.Float64(), 2))])
		}
		return b.String()
	}
	types := []string{"", "Nghị quyết", "Kế hoạch", "Quyết định"}
	n := 0
	for _, size := range batches {
		i := n
		n += size
		b := idx.NewBatch()
		for j := i; j < n; j++ {
			d := doc{Body: sentence(5 + rng.IntN(60)), Title: sentence(2 + rng.IntN(6)), Type: types[rng.IntN(len(types))],
				Site: fmt.Sprintf("site%d", rng.IntN(3)), Year: float64(2000 + rng.IntN(30)),
				Num: fmt.Sprintf("%d/kh-%s", 1+rng.IntN(40), []string{"ubnd", "syt", "snv"}[rng.IntN(3)])}
			if err := b.Index(fmt.Sprintf("d%05d", j), d); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
	del := idx.NewBatch()
	for j := range n {
		if deleted(j) {
			del.Delete(fmt.Sprintf("d%05d", j))
		}
	}
	if err := idx.Batch(del); err != nil {
		t.Fatal(err)
	}
	return idx, path
}

// randomQuery is a Query of text clauses in two fields, and sometimes
// numbers, patterns, an expansion, intents, a filter and an exclusion.
func randomQuery(rng *rand.Rand) *Query {
	clause := func(field string, boost float64) Clause {
		var c Clause
		seen := map[string]bool{}
		for range 1 + rng.IntN(6) {
			w := words[rng.IntN(len(words))]
			if !seen[w] {
				seen[w] = true
				c = append(c, Term{Field: field, Term: w, Boost: boost * (0.2 + rng.Float64())})
			}
		}
		return c
	}
	q := &Query{Text: []Clause{clause("Body", 1), clause("Title", 0.6)}}
	if rng.IntN(3) == 0 {
		q.Text = append(q.Text, clause("Body", 0.5))
	}
	if rng.IntN(3) == 0 {
		q.Numbers = []Term{{Field: "Num", Term: fmt.Sprintf("%d/kh-ubnd", 1+rng.IntN(40)), Boost: 30}}
	}
	if rng.IntN(3) == 0 {
		q.Patterns = []Pattern{{Field: "Num", Regexp: fmt.Sprintf("^%d/kh-.*", 1+rng.IntN(40)), Boost: 10}}
	}
	if rng.IntN(2) == 0 {
		q.Expansion = []Clause{clause("Body", 0.1)}
	}
	for range rng.IntN(3) {
		q.Intents = append(q.Intents, Intent{Field: "Type", Term: []string{"Nghị quyết", "Kế hoạch", "Không có"}[rng.IntN(3)],
			Boost: rng.Float64() * 4, Factor: rng.Float64() * 5})
	}
	if rng.IntN(3) == 0 {
		f := bleve.NewTermQuery(fmt.Sprintf("site%d", rng.IntN(3)))
		f.SetField("Site")
		q.Filter = f
	}
	if rng.IntN(4) == 0 {
		x := bleve.NewTermQuery(words[rng.IntN(len(words))])
		x.SetField("Title")
		q.Exclude = x
	}
	return q
}

// bleveOf is the bleve query the Query doc comment says q equals.
func bleveOf(q *Query) query.Query {
	term := func(t Term, scale float64) query.Query {
		tq := bleve.NewTermQuery(t.Term)
		tq.SetField(t.Field)
		tq.SetBoost(t.Boost * scale)
		return tq
	}
	clauses := func(cs []Clause, scale float64) query.Query {
		var qs []query.Query
		for _, c := range cs {
			var ts []query.Query
			for _, t := range c {
				ts = append(ts, term(t, scale))
			}
			qs = append(qs, bleve.NewDisjunctionQuery(ts...))
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	must := []query.Query{clauses(q.Text, 1)}
	for _, n := range q.Numbers {
		must = append(must, term(n, 1))
	}
	for _, p := range q.Patterns {
		rq := bleve.NewRegexpQuery(p.Regexp)
		rq.SetField(p.Field)
		rq.SetBoost(p.Boost)
		must = append(must, rq)
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(bleve.NewDisjunctionQuery(must...))
	if len(q.Expansion) > 0 {
		b.AddShould(clauses(q.Expansion, 1))
	}
	if q.Filter != nil {
		b.AddFilter(q.Filter)
	}
	if q.Exclude != nil {
		b.AddMustNot(q.Exclude)
	}
	var out query.Query = b
	for _, in := range q.Intents {
		n := bleve.NewBooleanQuery()
		n.AddMust(out)
		n.AddShould(bleve.NewConjunctionQuery(term(Term{Field: in.Field, Term: in.Term, Boost: in.Boost}, 1), clauses(q.Text, in.Factor)))
		out = n
	}
	return out
}

// ranked is a Query as a bleve query, ranked by the engine.
type ranked struct {
	q   *Query
	opt Options
}

func (r ranked) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return NewSearcher(ctx, i, m, r.q, r.opt, o)
}

type hit struct {
	id    string
	score float64
}

func search(t *testing.T, idx bleve.Index, q query.Query, k int) ([]hit, uint64) {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, k, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var hs []hit
	for _, h := range res.Hits {
		hs = append(hs, hit{h.ID, h.Score})
	}
	return hs, res.Total
}

func sameScore(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }

// TestSameHits: the engine's k best are bleve's, with bleve's scores, for
// one engine and for two on the two halves of the index, with the k1
// bounds, with the exact bounds (kept between the searches, as a
// Searcher keeps them) and with block maxima; and it scores fewer
// documents than match.
func TestSameHits(t *testing.T) {
	idx := testIndex(t, 1200)
	rng := rand.New(rand.NewPCG(5, 6))
	bounds, blocks := NewCache(1<<16), smallBlocks()
	var searches, pruned int
	n := 150
	if testing.Short() {
		n = 40 // -race in CI
	}
	for range n {
		q := randomQuery(rng)
		k := 1 + rng.IntN(20)
		want, total := search(t, idx, bleveOf(q), k)
		for pass, split := range []uint64{0, 1, 0, 1, 0, 1} {
			if split == 1 && runtime.GOMAXPROCS(0) < 2 {
				continue
			}
			opt := Options{K: k, Split: split}
			switch {
			case pass >= 4:
				opt.Cache = blocks
			case pass >= 2:
				opt.Cache = bounds
			}
			got, scored := search(t, idx, ranked{q, opt}, k)
			searches++
			if scored < total {
				pruned++
			}
			if len(got) != len(want) {
				t.Fatalf("%+v k=%d split=%d: %d hits, bleve %d", q, k, split, len(got), len(want))
			}
			for i := range want {
				// equal scores may come in another order: their last bits
				// depend on the order of summation
				if !sameScore(got[i].score, want[i].score) || (got[i].id != want[i].id && !sameScore(got[i].score, want[min(i+1, len(want)-1)].score) && !sameScore(got[i].score, want[max(i-1, 0)].score)) {
					t.Fatalf("%+v k=%d split=%d pass=%d: hit %d is %v, bleve's %v", q, k, split, pass, i, got[i], want[i])
				}
			}
		}
	}
	t.Logf("%d searches, %d scored fewer documents than match", searches, pruned)
	if pruned < searches/2 {
		t.Errorf("only %d of %d searches skipped documents", pruned, searches)
	}
}

// TestCount: the total and facets on the postings bitmaps are bleve's
// (an unscored disjunction of the same terms, with its facet requests).
func TestCount(t *testing.T) {
	idx := testIndex(t, 900)
	reader := snapshotReader(t, idx)
	rng := rand.New(rand.NewPCG(7, 8))
	years := []int{2029, 2020, 2010, 2005, 1999}
	facets := &Facets{Fields: []string{"Type", "Site"}, Size: 2, YearField: "Year", Years: years}
	for range 60 {
		q := randomQuery(rng)
		m := &Match{Patterns: q.Patterns, Filter: q.Filter}
		var ts []query.Query
		for _, c := range q.Text {
			m.Terms = append(m.Terms, c...)
		}
		m.Terms = append(m.Terms, q.Numbers...)
		for _, t := range m.Terms {
			tq := bleve.NewTermQuery(t.Term)
			tq.SetField(t.Field)
			ts = append(ts, tq)
		}
		for _, p := range q.Patterns {
			rq := bleve.NewRegexpQuery(p.Regexp)
			rq.SetField(p.Field)
			ts = append(ts, rq)
		}
		b := bleve.NewBooleanQuery()
		b.AddMust(bleve.NewDisjunctionQuery(ts...))
		if q.Filter != nil {
			b.AddFilter(q.Filter)
		}
		if rng.IntN(2) == 0 {
			deny := Term{Field: "Body", Term: words[rng.IntN(len(words))]}
			m.Deny = []Term{deny}
			dq := bleve.NewTermQuery(deny.Term)
			dq.SetField(deny.Field)
			b.AddMustNot(dq)
		}
		req := bleve.NewSearchRequestOptions(b, 0, 0, false)
		req.Score = "none"
		for _, f := range facets.Fields {
			req.AddFacet(f, bleve.NewFacetRequest(f, facets.Size))
		}
		yf := bleve.NewFacetRequest("Year", len(years))
		for _, y := range years {
			lo, hi := float64(y), float64(y+1)
			yf.AddNumericRange(fmt.Sprint(y), &lo, &hi)
		}
		req.AddFacet("Year", yf)
		res, err := idx.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		total, fs, ok, err := Count(context.Background(), reader, idx.Mapping(), m, facets)
		if err != nil || !ok {
			t.Fatalf("Count: ok %v, %v", ok, err)
		}
		want := map[string][]Facet{}
		for name, fr := range res.Facets {
			var list []Facet
			if fr.Terms != nil {
				for _, tf := range fr.Terms.Terms() {
					list = append(list, Facet{Value: tf.Term, Count: tf.Count})
				}
			}
			for _, nr := range fr.NumericRanges {
				if nr.Count > 0 {
					list = append(list, Facet{Value: nr.Name, Count: nr.Count})
				}
			}
			sort.SliceStable(list, func(i, j int) bool {
				if list[i].Count != list[j].Count {
					return list[i].Count > list[j].Count
				}
				return list[i].Value < list[j].Value
			})
			want[name] = list
		}
		if total != res.Total || !reflect.DeepEqual(fs, want) {
			t.Errorf("%+v: Count %d, %v; bleve %d, %v", m, total, fs, res.Total, want)
		}
	}
}

// TestRefused: what the engine does not do is an error, not a silent
// answer of another kind.
func TestRefused(t *testing.T) {
	idx := testIndex(t, 20)
	q := &Query{Text: []Clause{{{Field: "Body", Term: "an", Boost: 1}}}}
	for _, tt := range []struct {
		q       *Query
		opt     Options
		explain bool
		score   string
	}{
		{q, Options{K: 0}, false, ""},
		{&Query{}, Options{K: 10}, false, ""},
		{q, Options{K: 10}, true, ""},
		{q, Options{K: 10}, false, "none"},
	} {
		req := bleve.NewSearchRequest(ranked{tt.q, tt.opt})
		req.Explain, req.Score = tt.explain, tt.score
		if _, err := idx.Search(req); err == nil {
			t.Errorf("%+v %+v explain %v score %q: no error", tt.q, tt.opt, tt.explain, tt.score)
		}
	}
	// bleve's scorer with other BM25 parameters than the bounds'
	k1 := bsearch.BM25_k1
	t.Cleanup(func() { bsearch.BM25_k1 = k1 })
	bsearch.BM25_k1 = 2
	if _, err := idx.Search(bleve.NewSearchRequest(ranked{q, Options{K: 10}})); err == nil || !strings.Contains(err.Error(), "BM25") {
		t.Errorf("bleve's k1 changed: error %v", err)
	}
}
