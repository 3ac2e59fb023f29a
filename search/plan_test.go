package search

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
)

func TestBuild(t *testing.T) {
	w := DefaultWeights
	number := func(k string) []engine.Term {
		return []engine.Term{{Field: indexer.FieldNumber, Term: k, Boost: w.Number}, {Field: indexer.FieldCites, Term: k, Boost: w.Cites}}
	}
	partial := func(re string) []engine.Pattern {
		return []engine.Pattern{{Field: indexer.FieldNumber, Regexp: re, Boost: w.Number}, {Field: indexer.FieldCites, Regexp: re, Boost: w.Cites}}
	}
	typ := func(name string) Intent {
		return Intent{Name: "type " + name, Field: indexer.FieldType, Term: name, Boost: w.DocType, IDF: true, Factor: w.DocType}
	}
	definition := func(g float64) Intent {
		return Intent{Name: "definition", Field: indexer.FieldTitleBigram, Term: definitionTitle, Factor: g * w.Definition}
	}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		q    string
		f    Filters
		want Plan
	}{
		{"thời hạn khiếu nại", Filters{}, Plan{Texts: []Text{{Text: "thời hạn khiếu nại"}}}},
		{`"chuyển đổi số" 154/NQ-CP -"kinh tế"`, Filters{}, Plan{
			Texts:   []Text{{Text: "154/NQ-CP"}, {Text: "chuyển đổi số"}},
			Numbers: number("154/nq-cp"),
			Phrases: []Phrase{{Text: "chuyển đổi số", Body: w.Phrase, Title: w.Phrase * w.Title}},
			Exclude: []string{"kinh tế"},
		}},
		{"nghị quyết 154 là gì", Filters{Type: "Nghị quyết"}, Plan{
			Texts:    []Text{{Text: "nghị quyết 154 là gì"}},
			Partials: partial(`154(/\d{4})?[/-]nq[/-].*`),
			Intents:  []Intent{typ("Nghị quyết"), definition(1)},
			Filters:  Filters{Type: "Nghị quyết"},
		}},
		{"UBND tỉnh là cơ quan hành chính", Filters{}, Plan{
			Texts:     []Text{{Text: "UBND tỉnh là cơ quan hành chính"}},
			Expansion: &Text{Text: "Ủy ban nhân dân", Boost: w.Expansion},
		}},
		{"KH chuyển đổi số", Filters{}, Plan{
			Texts:     []Text{{Text: "KH chuyển đổi số"}},
			Expansion: &Text{Text: "CĐS; Kế hoạch", Boost: w.Expansion},
			Intents:   []Intent{typ("Kế hoạch")},
		}},
		{"", Filters{From: day}, Plan{Filters: Filters{From: day}}},
	} {
		tt.want.Weights = w
		got := Build(ParseQuery(tt.q), tt.f, w)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Build(%q, %+v) =\n\t%+v\nwant\n\t%+v", tt.q, tt.f, got, tt.want)
		}
	}
	for _, q := range []string{"", "   ", "-tin -\"báo cáo\""} {
		if p := Build(ParseQuery(q), Filters{}, w); !p.empty() || p.bleveQuery(nil) != nil {
			t.Errorf("Build(%q): %+v is not empty", q, p)
		}
	}
}

// TestEvaluation: which searches the top-k engine ranks, and why the others
// are bleve's.
func TestEvaluation(t *testing.T) {
	for _, tt := range []struct {
		q    string
		r    Request
		want string // "" for top-k
	}{
		{"kế hoạch chuyển đổi số", Request{TopOnly: true}, ""},
		{"kế hoạch chuyển đổi số", Request{TopOnly: true, Sort: "relevance", Filters: Filters{Type: "Kế hoạch"}, Facets: true}, ""},
		{"nghị quyết 154 -ubnd 45/KH-UBND là gì", Request{TopOnly: true}, ""},
		{"kế hoạch chuyển đổi số", Request{}, whyNotAsked},
		{"kế hoạch chuyển đổi số", Request{TopOnly: true, Sort: "date"}, whySorted},
		{`"chuyển đổi số" kế hoạch`, Request{TopOnly: true}, whyPhrases},
		{`"chuyển đổi số"`, Request{TopOnly: true}, whyPhrases},
		{"", Request{TopOnly: true, Filters: Filters{Type: "Kế hoạch"}}, whyNoText},
		{"-tin", Request{TopOnly: true, Filters: Filters{Site: "demo"}}, whyNoText},
	} {
		topK, why := evaluation(Build(ParseQuery(tt.q), tt.r.Filters, DefaultWeights), tt.r)
		if topK != (tt.want == "") || why != tt.want {
			t.Errorf("evaluation(%q, %+v) = %v, %q; want %q", tt.q, tt.r, topK, why, tt.want)
		}
	}
}

// TestNewIntent adds an intent the way docs/log/design-search-architecture.md shows (one more
// rule in intentRules, nothing else) and checks that it changes the
// ranking, and that the top-k engine still returns bleve's hits and
// scores with it.
func TestNewIntent(t *testing.T) {
	ix := scaleIndex(t, 400)
	s := New(ix.Bleve(), WithTexts(scaleTexts(400)))
	ctx := context.Background()
	queries := topOnlyQueries(t)[:40]
	if testing.Short() {
		queries = queries[:20] // -race in CI
	}
	before := map[string][]Hit{}
	for _, q := range queries {
		res, err := s.Search(ctx, Request{Query: q, Size: 10, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		before[q] = res.Hits
	}
	// a question about regulations ("quy định") lifts circulars (Thông tư)
	rules := intentRules
	t.Cleanup(func() { intentRules = rules })
	intentRules = append(rules[:len(rules):len(rules)], func(q Query, w Weights) []Intent {
		if !strings.Contains(" "+foldedText(q.Text)+" ", " quy dinh ") {
			return nil
		}
		return []Intent{{Name: "circulars", Field: indexer.FieldType, Term: "Thông tư", Boost: 2, IDF: true, Factor: 3}}
	})
	changed, applied := 0, 0
	for _, q := range queries {
		for _, in := range Build(ParseQuery(q), Filters{}, DefaultWeights).Intents {
			if in.Name == "circulars" {
				applied++
			}
		}
		want, err := s.Search(ctx, Request{Query: q, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(ctx, Request{Query: q, Size: 10, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sameHits(t, fmt.Sprintf("%q with the new intent", q), got.Hits, want.Hits)
		if !reflect.DeepEqual(hitIDs(got.Hits), hitIDs(before[q])) {
			changed++
		}
	}
	t.Logf("the new intent applied to %d of %d queries and changed the ranking of %d", applied, len(queries), changed)
	if applied == 0 || changed == 0 {
		t.Errorf("the new intent applied to %d of %d queries and changed the ranking of %d", applied, len(queries), changed)
	}
}

func foldedText(s string) string { return strings.Join(foldedWords(s), " ") }

func hitIDs(hs []Hit) []string {
	var ids []string
	for _, h := range hs {
		ids = append(ids, h.ID)
	}
	return ids
}
