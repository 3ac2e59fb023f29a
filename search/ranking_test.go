package search

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
)

var update = flag.Bool("update", false, "rewrite testdata/ranking/*.golden")

// rankingSearcher searches rankingIndex with the texts of its documents.
func rankingSearcher(t testing.TB) (*indexer.Index, *Searcher) {
	t.Helper()
	ix := rankingIndex(t)
	return ix, New(ix.Bleve(), WithTexts(docTexts(rankingDocs(t))))
}

// rankingIndex indexes testdata/ranking/docs.jsonl into an on-disk index.
func rankingIndex(t testing.TB) *indexer.Index {
	t.Helper()
	docs := rankingDocs(t)
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// rankingDocs are the documents of testdata/ranking/docs.jsonl.
func rankingDocs(t testing.TB) []*corpus.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ranking", "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*corpus.Document
	dec := json.NewDecoder(f)
	for dec.More() {
		var d corpus.Document
		if err := dec.Decode(&d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &d)
	}
	return docs
}

// TestRanking runs the checked-in queries (accented, accent-free, NFD, the
// other tone style, abbreviations, document numbers, short staff queries)
// on a small corpus of administrative documents, including near-duplicates
// that differ only in diacritics (ma túy / mồ mả / mã số / mạ, hòa / hoà).
// It compares the top results and the rank statistics with
// testdata/ranking/ranking.golden; run with -update to rewrite it.
func TestRanking(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	ix, s := rankingSearcher(t)
	defer ix.Close()

	f, err := os.Open(filepath.Join("testdata", "ranking", "queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	var n, at1, at5 int
	var mrr float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, _ := strings.Cut(line, "\t")
		rel := map[string]bool{}
		for _, id := range strings.Split(want, ",") {
			rel[id] = true
		}
		res, err := s.Search(context.Background(), Request{Query: q, Size: 5})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var ids []string
		first := 0
		for i, h := range res.Hits {
			ids = append(ids, h.ID)
			if rel[h.ID] && first == 0 {
				first = i + 1
			}
		}
		n++
		if first == 1 {
			at1++
		} else if first == 0 {
			t.Errorf("query %q: no relevant document (%s) in the top 5: %v", q, want, ids)
		}
		if first > 0 {
			at5++
			mrr += 1 / float64(first)
		}
		fmt.Fprintf(&out, "%q\t%s\n", q, strings.Join(ids, " "))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&out, "rank_stats: queries %d recall@1 %.3f recall@5 %.3f mrr %.3f\n",
		n, float64(at1)/float64(n), float64(at5)/float64(n), mrr/float64(n))
	golden := filepath.Join("testdata", "ranking", "ranking.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestRanking -update)", err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("ranking changed; diff %s against the output below, then rerun with -update if intended:\n%s", golden, got)
	}
}

// BenchmarkSearch measures query latency on the ranking corpus.
//
//	go test ./search -run '^$' -bench Search -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkSearch(b *testing.B) {
	ix, s := rankingSearcher(b)
	defer ix.Close()
	queries := []string{"thời hạn khiếu nại", "luat vien chuc ky luat", "154/NQ-CP", "UBND tỉnh ủy quyền ký văn bản",
		"Người khiếu nại được nhận quyết định giải quyết khiếu nại trong thời hạn bao nhiêu ngày?"}
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	cpu := cputime.Now()
	for b.Loop() {
		if _, err := s.Search(ctx, Request{Query: queries[n%len(queries)]}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/query")
	reportCPU(b, cpu, n)
}
