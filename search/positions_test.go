package search

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// frequentPairs are the k most frequent pairs of adjacent words of the
// demo sentences (folded), most frequent first: phrases of them are held
// by nearly every document of scaleIndex.
func frequentPairs(k int) []string {
	n := map[string]int{}
	for _, s := range sentences() {
		w := strings.Fields(viet.Fold(strings.ToLower(s)))
		for i := 1; i < len(w); i++ {
			if hasWords(w[i-1]) && hasWords(w[i]) && !strings.ContainsAny(w[i-1]+w[i], ".,;:()\"") {
				n[w[i-1]+" "+w[i]]++
			}
		}
	}
	ps := make([]string, 0, len(n))
	for p := range n {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b string) int {
		if n[a] != n[b] {
			return n[b] - n[a]
		}
		return strings.Compare(a, b)
	})
	return ps[:min(k, len(ps))]
}

// quoted is each phrase quoted, joined by spaces.
func quoted(ps []string) string {
	return `"` + strings.Join(ps, `" "`) + `"`
}

// TestPositionsBudget: ten quoted phrases of the most frequent word pairs,
// which the shape budget admits (about 300 units of 400: before the price
// on the index, the query ran, ~190 ms of CPU a phrase on 6,000
// documents), are refused before they run on a real on-disk index, with a
// message naming the costliest phrases and how many fit; as many as it
// says fit run; a phrase holding a rare word is cheap whatever its common
// words.
func TestPositionsBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 1,500 documents")
	}
	ix := scaleIndex(t, 1500)
	s := New(ix.Bleve(), WithTexts(scaleTexts(1500)))
	pairs := frequentPairs(10)
	q := quoted(pairs)
	if c := ParseQuery(q); len(c.Phrases) != 10 {
		t.Fatalf("%q parses to %d phrases", q, len(c.Phrases))
	}
	p := Build(ParseQuery(q), Filters{}, s.weights)
	if units := p.Cost(true).Units(); units > s.budget.Max {
		t.Fatalf("the shape budget refuses it already (%d units): the test needs a query it admits", units)
	}
	_, err := s.Search(context.Background(), Request{Query: q, TopOnly: true, Facets: true})
	var ce *CostError
	if !errors.As(err, &ce) || ce.Stopped {
		t.Fatalf("10 frequent pairs quoted: %v, want refused before running (CostError)", err)
	}
	msg := err.Error()
	for _, want := range []string{"postings with positions", `"` + pairs[0] + `"`, "quote fewer or rarer words"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if ce.Fit >= 10 || ce.Cost.Positions <= s.budget.MaxPositions {
		t.Errorf("fit %d, positions %d (max %d)", ce.Fit, ce.Cost.Positions, s.budget.MaxPositions)
	}
	if s.Stats().PostingsRead != 0 || s.Stats().Refused != 1 {
		t.Errorf("stats %+v: want nothing read, one refused", s.Stats())
	}
	if ce.Fit > 0 {
		if _, err := s.Search(context.Background(), Request{Query: quoted(pairs[:ce.Fit]), TopOnly: true}); err != nil {
			t.Errorf("the %d phrases the message says fit: %v", ce.Fit, err)
		}
	}
	t.Logf("%s", msg)
	// a rare word makes a phrase of common words cheap: the conjunction
	// reads its words only where the rare one is
	rare := pairs[0] + " " + "rarewordxyz"
	c, err := s.Price(Request{Query: strings.Repeat(`"`+rare+`" `, 10), TopOnly: true})
	if err != nil || c.Positions != 0 {
		t.Errorf("10 phrases holding a word no document has: positions %d, %v; want 0, admitted", c.Positions, err)
	}
}

// TestPositionsStop: a search whose phrases the price did not see (the
// price skipped, as when the index changes between the price and the
// search) is stopped once it has read twice the budget in positions, with
// the same 400, having read little more than that.
func TestPositionsStop(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 1,500 documents")
	}
	ix := scaleIndex(t, 1500)
	const limit = 2000
	s := New(ix.Bleve(), WithTexts(scaleTexts(1500)), WithBudget(Budget{Max: 400, MaxPositions: limit}))
	s.unpriced = true
	_, err := s.Search(context.Background(), Request{Query: quoted(frequentPairs(10)), TopOnly: true, Facets: true})
	var ce *CostError
	if !errors.As(err, &ce) || !ce.Stopped {
		t.Fatalf("unpriced costly phrases: %v, want stopped (CostError, Stopped)", err)
	}
	read := s.Stats().PositionsRead
	if read > 2*limit+4*checkEvery {
		t.Errorf("read %d positions before stopping, limit %d", read, 2*limit)
	}
	if !strings.Contains(err.Error(), "stopped after") {
		t.Errorf("message %q does not say it was stopped", err)
	}
	t.Logf("stopped after %d positions: %v", read, err)
}

// TestPositionsPrice: the price bounds what a phrase search reads with
// positions (the ranking and, for exclusions, the count beside it: twice),
// and is not far above it for phrases of common words; logged with the
// CPU each took, the calibration of DefaultMaxPositions.
func TestPositionsPrice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 1,500 documents")
	}
	ix := scaleIndex(t, 1500)
	s := New(ix.Bleve(), WithTexts(scaleTexts(1500)), WithBudget(Budget{Max: 400, MaxPositions: 1 << 40}))
	pairs := frequentPairs(10)
	words := strings.Fields(strings.Join(sentences()[:3], " "))
	for _, q := range []string{
		quoted(pairs[:1]), quoted(pairs[:3]), quoted(pairs[:10]),
		`"` + strings.Join(words[:6], " ") + `"`,
		"kế hoạch -\"" + pairs[1] + "\"",
		"chuyển đổi số \"" + pairs[2] + " rarewordxyz\"",
	} {
		c, err := s.Price(Request{Query: q, TopOnly: true})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		before, cpu := s.Stats().PositionsRead, cputime.Now()
		if _, err := s.Search(context.Background(), Request{Query: q, TopOnly: true, Facets: true}); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		took, read := cputime.Now()-cpu, s.Stats().PositionsRead-before
		if read > 2*uint64(c.Positions)+4*checkEvery {
			t.Errorf("%.60q: read %d positions, priced %d", q, read, c.Positions)
		}
		t.Logf("%.60q: priced %d, read %d positions, CPU %v", q, c.Positions, read, took)
	}
}

// TestPositionsRealQueries: no query of the ALQAC sets, of our short-query
// dev sets (each priced on an on-disk index of its own corpus), of the
// ranking set or of the demo (priced on the demo's and the scale index) is
// refused: the share refused is 0.
func TestPositionsRealQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the ALQAC corpora")
	}
	sets := []struct{ queries, corpus string }{
		{shared.Path(t, "eval", "alqac22", "queries.jsonl"), "alqac22"},
		{shared.Path(t, "eval", "alqac23-train", "queries.jsonl"), "alqac23-train"},
		{shared.Path(t, "eval", "alqac23-test", "queries.jsonl"), "alqac23-test"},
		{shared.Path(t, "eval", "alqac23oct-test", "queries.jsonl"), "alqac23oct-test"},
	}
	devs, err := filepath.Glob("../devsets/*/queries.jsonl")
	if err != nil || len(devs) == 0 {
		t.Fatalf("dev sets: %v (%d)", err, len(devs))
	}
	for _, d := range devs {
		c := "alqac23-train"
		if strings.HasSuffix(filepath.Dir(d), "alqac22") {
			c = "alqac22"
		}
		sets = append(sets, struct{ queries, corpus string }{d, c})
	}
	total, refused := 0, 0
	check := func(s *Searcher, name string, qs []string) {
		worst, at := 0, ""
		for _, q := range qs {
			for _, sort := range []string{"", "date"} {
				c, err := s.Price(Request{Query: q, TopOnly: true, Sort: sort})
				total++
				if err != nil && !errors.Is(err, ErrEmptyQuery) {
					refused++
					t.Errorf("%s: %q (sort %q): %v", name, q, sort, err)
				}
				if c.Positions > worst {
					worst, at = c.Positions, q
				}
			}
		}
		t.Logf("%s: %d queries; the costliest phrases %d positions (budget %d): %.80q", name, len(qs), worst, s.budget.MaxPositions, at)
	}
	// one index a corpus, by content: alqac23-train and alqac23-test
	// share theirs (indexing it twice was a fifth of the test)
	indexes := map[[sha256.Size]byte]*Searcher{}
	for _, set := range sets {
		file := shared.Path(t, "eval", set.corpus, "corpus.jsonl")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		s := indexes[sum]
		if s == nil {
			s = searcherOf(t, alqacDocs(t, file))
			indexes[sum] = s
		}
		check(s, filepath.Base(filepath.Dir(set.queries)), readQueries(t, set.queries))
	}
	demoQs := append(topOnlyQueries(t), demo.Sentences()...)
	check(demoSearcher(t), "demo", demoQs)
	check(New(scaleIndex(t, 1500).Bleve(), WithTexts(scaleTexts(1500))), "ranking set on the scale index", demoQs)
	t.Logf("refused %d of %d (%.1f %%)", refused, total, 100*float64(refused)/float64(total))
}

// readQueries reads the texts of a queries.jsonl file.
func readQueries(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var q struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, q.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

// alqacDocs are the articles of an ALQAC corpus.jsonl as documents.
func alqacDocs(t *testing.T, path string) []*corpus.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*corpus.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct {
			ID          string `json:"_id"`
			Title, Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d := &corpus.Document{URL: "http://alqac.test/" + a.ID, Title: a.Title, Body: a.Text}
		d.ID = corpus.IDForURL(d.URL)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}
