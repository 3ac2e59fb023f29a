package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// withIntents adds to b the clauses of what the query asks for beyond its
// words: a definition (definition.go) and documents of a named type
// (typeboost.go). Each clause is the one should clause of a boolean query
// around the previous one, not one more should clause of b: bleve scales
// the should clauses of a boolean query by the share of them a document
// matches, so a clause that matches nothing in this index (a document type
// the ALQAC articles do not have) would halve the abbreviation expansions
// of every document.
func withIntents(b *query.BooleanQuery, q Query, w Weights) query.Query {
	var out query.Query = b
	cs := docTypeClauses(q, w)
	if c := definitionClause(q, w); c != nil {
		cs = append(cs, c)
	}
	for _, c := range cs {
		n := bleve.NewBooleanQuery()
		n.AddMust(out)
		n.AddShould(c)
		out = n
	}
	return out
}

// queryText is the free text and the phrases of q, which the intent
// clauses search once more.
func queryText(q Query) string {
	return strings.TrimSpace(strings.Join(append([]string{q.Text}, q.Phrases...), " "))
}
