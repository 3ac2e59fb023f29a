package corpus

// Synonyms in linking: the thesaurus (corpus/thesaurus, the one table of
// administrative synonym groups) lets a passage word in the same group as
// an item word count at ThesaurusWeight, below an exact match (1): an item
// saying "truyền thông" meets a passage saying "tuyên truyền". The weight
// was chosen by leave-one-pair-out (docs/design.md, i17-thes).

import (
	"strings"

	"github.com/vanban/vanban/corpus/thesaurus"
)

// synonyms adds to q the terms of the phrases the thesaurus groups with a
// phrase of text (the item's own words), at ThesaurusWeight, when the
// query lacks them and some passage holds them; they join the item's own
// words (q.own) for the "nothing specific" decision.
func (l *linker) synonyms(q *itemQuery, text string) {
	if l.p.ThesaurusWeight == 0 {
		return
	}
	th := thesaurus.Default()
	add := map[string]bool{}
	linkRuns(text, func(run []string) {
		th.Related(run, func(phrase []string) {
			phraseTerms(phrase, func(term string) {
				if _, ok := q.terms[term]; !ok && len(l.post[term]) > 0 {
					add[term] = true
				}
			})
		})
	})
	for term := range add {
		q.terms[term] = l.p.ThesaurusWeight
		q.own[term] = 1
	}
}

// linkRuns calls fn with each run of folded syllables of s that linkTerms
// pairs (not broken by punctuation, a number or a citation).
func linkRuns(s string, fn func(run []string)) {
	var run []string
	linkWords(s, func(w string, joined bool) {
		if !joined && len(run) > 0 {
			fn(run)
			run = run[:0]
		}
		run = append(run, w)
	})
	if len(run) > 0 {
		fn(run)
	}
}

// phraseTerms calls fn with the terms a phrase is matched by: the
// syllable of a one-syllable phrase, the syllable pairs of a longer one
// (its single syllables are too common to stand for it).
func phraseTerms(phrase []string, fn func(term string)) {
	if len(phrase) == 1 {
		fn(phrase[0])
		return
	}
	for i := 1; i < len(phrase); i++ {
		fn(strings.Join(phrase[i-1:i+1], " "))
	}
}
