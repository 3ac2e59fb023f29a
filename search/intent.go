package search

import "strings"

// intentRules are the rules by which a query asks for more than its words,
// in the order their clauses nest (the first innermost). Each returns the
// intents it finds in q, weighed with w. A new intent is one more entry
// here: its clause in bleve's query (bleve.go), in the top-k engine
// (topk.go) and in the plan follow from the Intent values it returns.
// A rule here works for any collection (a unit test with examples from
// outside the evaluation sets, its dev-set effect in docs/log/ranking-10-intent.md);
// a rule fitted to one kind of questions is weighed 0 by default and
// switched on by a profile (profile.go).
//
// Each intent's clause is the one should clause of a boolean query around
// the previous ones, not one more should clause beside the expansion:
// bleve scales the should clauses of a boolean query by the share of them
// a document matches, so a clause that matches nothing in this index (a
// document type the ALQAC articles do not have) would halve the
// abbreviation expansions of every document.
var intentRules = []func(q Query, w Weights) []Intent{
	docTypeIntents,    // typeboost.go: a document type named ("kế hoạch …", "NQ")
	definitionIntents, // definition.go: what something is ("… là gì")
	articleIntents,    // article.go: an article cited by number ("điều 29 luật viên chức")
}

// queryText is the free text and the phrases of q, which the intent
// clauses search once more (Plan.text).
func queryText(q Query) string {
	return strings.TrimSpace(strings.Join(append([]string{q.Text}, q.Phrases...), " "))
}
