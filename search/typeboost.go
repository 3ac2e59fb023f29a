package search

import (
	"context"
	"encoding/json"
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/indexer"
)

// namedTypes are the canonical document types the query names, in order:
// type names in the free text ("nghị quyết", "ke hoach"; the longest name
// wins, so "thông tư liên tịch" is one type) and the type codes among its
// expansions ("NQ", "KL" → Nghị quyết, Kết luận: every code of
// corpus/doctype, with the capitalisation rules of abbrev.go). Names that
// running text mostly uses as ordinary phrases (doctype.Type.Common: "theo
// quy định", "kỷ luật", "hợp đồng lao động", "dự án đầu tư") are left out.
func namedTypes(q Query) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append([]string{q.Text}, q.Expansions...) {
		fw := foldedWords(s)
		for i := 0; i < len(fw); {
			t, n, ok := doctype.Match(fw[i:])
			if !ok {
				i++
				continue
			}
			if !t.Common && !seen[t.Name] {
				seen[t.Name] = true
				out = append(out, t.Name)
			}
			i += n
		}
	}
	return out
}

// docTypeClauses are, for each document type the query names, a clause on
// the type field: documents of that type (a resolution for
// "nghị quyết …") rank above news that only mention the words. The clause
// is the type term and the query's text once more, both weighed by
// w.DocType: a document of the type gains a constant (the type term,
// weighed like a query term of the same rarity) plus w.DocType times its
// text score, so among the plans "kế hoạch chuyển đổi số" still puts the
// plan on digital transformation first. A constant alone large enough to
// lift every plan above the news put a plan on another subject first; the
// text share alone (up to ×5) did not lift the plan above a short news
// item with the words in its title.
func docTypeClauses(q Query, w Weights) []query.Query {
	if w.DocType <= 0 {
		return nil
	}
	var out []query.Query
	for _, t := range namedTypes(q) {
		out = append(out, &typeQuery{typ: t, text: queryText(q), w: w})
	}
	return out
}

// typeQuery is the conjunction of a term query on the type field, weighed
// like a query term of the same rarity (idf^IDFPower, see termWeight)
// times Weights.DocType so that the boost keeps its meaning whatever the
// size of the index, and of the text weighed by Weights.DocType.
type typeQuery struct {
	typ, text string
	w         Weights
}

func (q *typeQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return q.expand(newStats(r)).Searcher(ctx, r, m, o)
}

// boost is the weight of the type term.
func (q *typeQuery) boost(st *termStats) float64 {
	g := q.w.DocType
	if st != nil && q.w.IDFPower != 2 {
		if idf := st.idf(indexer.FieldType, q.typ); idf > 0 {
			g *= math.Pow(idf, q.w.IDFPower-2)
		}
	}
	return g
}

func (q *typeQuery) intent(st *termStats) intent {
	return intent{field: indexer.FieldType, term: q.typ, boost: q.boost(st), text: q.text, factor: q.w.DocType}
}

func (q *typeQuery) expand(st *termStats) query.Query {
	tq := term(indexer.FieldType, q.typ, q.boost(st))
	if q.text == "" {
		return tq
	}
	return bleve.NewConjunctionQuery(tq, &textQuery{text: q.text, w: q.w, boost: q.w.DocType})
}

// MarshalJSON writes the query as built without index statistics.
func (q *typeQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.expand(nil)) }
