package corpus

import "github.com/vanban/vanban/corpus/internal/graphdocs"

// The documents of the graph's tests that corpus/graph's tests write too:
// lines of a fictional province written for the tests, graphdocs's, read
// here as Documents.

// document is the fixture f as corpus's tests store it.
func document(f graphdocs.Doc) *Document {
	return &Document{ID: f.ID, URL: f.URL, Type: f.Type, Number: f.Number, Published: f.Published, Title: f.Title, Body: f.Body}
}

func documents(fs []graphdocs.Doc) []*Document {
	var docs []*Document
	for _, f := range fs {
		docs = append(docs, document(f))
	}
	return docs
}

// crawled is the fixture f stored as a crawled page: by its URL alone, the
// store giving it the URL's ID (IDForURL).
func crawled(f graphdocs.Doc) *Document {
	d := document(f)
	d.ID = ""
	return d
}

// graphDocs are graphdocs.Chain: a resolution implementing a Party
// resolution, a plan implementing both, and a page citing the plan.
var graphDocs = documents(graphdocs.Chain())

// refsCiting is graphdocs.Citing: a decision citing n documents, amending
// and repealing some (a long refs value, the compressed form).
func refsCiting(n int) *Document { return document(graphdocs.Citing(n)) }

// decisionA (1579/QĐ-UBND) is in force from its signing; decisionB
// replaces it from 2025-07-01.
var decisionA, decisionB = document(graphdocs.DecisionA()), document(graphdocs.DecisionB())

// groupDocs are graphdocs.Group: 1579/QĐ-UBND (a new decisionA), n
// decisions based on it and one that repeals it, crawled pages.
func groupDocs(n int) []*Document {
	fs := graphdocs.Group(n)
	docs := []*Document{document(fs[0])}
	for _, f := range fs[1:] {
		docs = append(docs, crawled(f))
	}
	return docs
}

// amendDocs are graphdocs.Amending: n decisions each amending a clause of
// 1579/QĐ-UBND, crawled pages.
func amendDocs(n int) []*Document {
	var docs []*Document
	for _, f := range graphdocs.Amending(n) {
		docs = append(docs, crawled(f))
	}
	return docs
}
