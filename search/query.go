package search

import "github.com/vanban/vanban/search/query"

// Query is a parsed user query: package query describes it (its one
// owner), Build turns it into the index's query.
type Query = query.Query

// PartialNumber is a number with a document-type code, e.g. 154 + "nq"
// (query.PartialNumber).
type PartialNumber = query.PartialNumber

// ParseQuery splits a query into phrases, exclusions, document numbers and
// free text (query.Parse). It never fails: anything it does not recognise
// is free text.
func ParseQuery(raw string) Query { return query.Parse(raw) }
