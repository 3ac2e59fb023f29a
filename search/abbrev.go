package search

import (
	"github.com/vanban/vanban/corpus/abbrev"
)

// builtinAbbrevs is the built-in abbreviation table (corpus/abbrev, its
// one owner): what ParseQuery expands with, on any index. A Searcher adds
// the definitions its index holds (abbrevindex.go).
var builtinAbbrevs = abbrev.NewDict(abbrev.Builtin())

// expand returns the other side of every built-in abbreviation in text:
// "UBND tỉnh" gives "Ủy ban nhân dân", and "Ủy ban nhân dân tỉnh" gives
// "UBND".
func expand(text string) []string { return builtinAbbrevs.Expand(text) }

// foldedWords are the folded syllables of s outside document numbers.
func foldedWords(s string) []string { return abbrev.FoldedWords(s) }
