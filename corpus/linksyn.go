package corpus

// Synonyms in linking: the thesaurus (corpus/thesaurus, the one table of
// administrative synonym groups) lets a passage phrase in the same group
// as a phrase of the item count at ThesaurusWeight, below an exact match:
// an item saying "truyền thông" meets a passage saying "tuyên truyền".
// Like a search engine's synonym query, a group counts once: a passage
// gets ThesaurusWeight × the BM25 score of its best phrase of the group
// (all of the phrase's terms held), and nothing from a group whose phrase
// the item says and the passage holds too (that is an exact match,
// already scored). The weight was chosen by leave-one-pair-out
// (docs/design.md, i17-thes).

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/thesaurus"
)

// synGroup is a thesaurus group an item reaches: the terms of the
// phrases of it the item says (found) and of those it does not (others,
// only those some passage may hold).
type synGroup struct {
	found  [][]string
	others [][]string
}

// synonyms is the thesaurus groups the phrases of text (the item's own
// words) stand in (nil when ThesaurusWeight is 0).
func (l *linker) synonyms(q *itemQuery, text string) {
	if l.p.ThesaurusWeight == 0 {
		return
	}
	th := thesaurus.Default()
	found := map[int][]string{} // group → its phrases the item says, joined
	var order []int
	linkRuns(text, func(run []string) {
		th.Find(run, func(g int, phrase []string) {
			if _, ok := found[g]; !ok {
				order = append(order, g)
			}
			found[g] = append(found[g], strings.Join(phrase, " "))
		})
	})
	for _, g := range order {
		var sg synGroup
		for _, phrase := range th.Group(g).Phrases {
			terms := phraseTerms(phrase)
			if slices.Contains(found[g], strings.Join(phrase, " ")) {
				sg.found = append(sg.found, terms)
				continue
			}
			ok := true
			for _, t := range terms {
				if _, in := q.terms[t]; in || len(l.post[t]) == 0 {
					ok = false // said by the item already, or in no passage
					break
				}
			}
			if ok {
				sg.others = append(sg.others, terms)
			}
		}
		if len(sg.others) > 0 {
			q.syn = append(q.syn, sg)
		}
	}
}

// synScores sets l.syn to the synonym score of every target for q (before
// ThesaurusWeight).
func (l *linker) synScores(q itemQuery) {
	clear(l.syn)
	if len(q.syn) == 0 {
		return
	}
	best := map[int]float64{}
	for _, sg := range q.syn {
		clear(best)
		for _, terms := range sg.others {
			for _, p := range l.post[terms[0]] {
				if s, ok := l.phraseScore(p.target, terms); ok {
					best[p.target] = max(best[p.target], s)
				}
			}
		}
		for j, s := range best {
			if !l.holdsAny(j, sg.found) {
				l.syn[j] += s
			}
		}
	}
}

// phraseScore is the BM25 score of target j over terms, and whether it
// holds every one.
func (l *linker) phraseScore(j int, terms []string) (float64, bool) {
	b := &l.targets[j].bag
	s := 0.0
	for _, t := range terms {
		tf := b.tf[t]
		if tf == 0 {
			return 0, false
		}
		s += l.weight(t) * bm25(tf, l.df[t], l.n, b.n, l.avg)
	}
	return s, true
}

// holdsAny reports target j holding every term of one of phrases.
func (l *linker) holdsAny(j int, phrases [][]string) bool {
	for _, terms := range phrases {
		if _, ok := l.phraseScore(j, terms); ok {
			return true
		}
	}
	return false
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

// phraseTerms is the terms a phrase is matched by: the syllable of a
// one-syllable phrase, the syllable pairs of a longer one (its single
// syllables are too common to stand for it).
func phraseTerms(phrase []string) []string {
	if len(phrase) == 1 {
		return []string{phrase[0]}
	}
	out := make([]string, 0, len(phrase)-1)
	for i := 1; i < len(phrase); i++ {
		out = append(out, phrase[i-1]+" "+phrase[i])
	}
	return out
}
