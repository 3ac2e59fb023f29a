package search

import (
	"github.com/vanban/vanban/corpus/abbrev"
	"github.com/vanban/vanban/search/query"
)

// builtinAbbrevs is the built-in abbreviation table: what ParseQuery
// expands with, on any index (query.Abbrevs). A Searcher adds the
// definitions its index holds (abbrevindex.go).
var builtinAbbrevs = query.Abbrevs()

// foldedWords are the folded syllables of s outside document numbers.
func foldedWords(s string) []string { return abbrev.FoldedWords(s) }
