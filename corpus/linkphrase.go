package corpus

// Phrases an item and a passage share. The terms of linking are syllables
// and syllable pairs, so a long general passage (a hub) that has an item's
// words one by one, each in another sentence, scores as a task that states
// the item's phrases ("vệ sinh môi trường", "thải công nghiệp"): both match
// the pairs. With PhraseWeight > 0 three syllables in a row not broken by
// punctuation (a phrase) are terms too, scored like the others (BM25 over
// the passages and the plan's items) at PhraseWeight: a passage saying the
// item's phrases gains on one that only has its words.

// phrasesOf returns the phrases of terms (termsOf's order: each syllable,
// then the pair it ends, when no punctuation comes between): "a b c" for
// pairs "a b" and "b c" one syllable apart.
func phrasesOf(terms []string) []string {
	var out []string
	last, since := "", 0 // the last pair and the syllables after it
	for _, t := range terms {
		if !isPair(t) {
			since++
			continue
		}
		if last != "" && since == 1 {
			out = append(out, last+t[pairSplit(t):])
		}
		last, since = t, 0
	}
	return out
}

// pairSplit is the index of the space in pair t.
func pairSplit(t string) int {
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			return i
		}
	}
	return len(t)
}

// phraseBag counts the phrases of terms.
func phraseBag(terms []string) map[string]float64 {
	ps := phrasesOf(terms)
	if len(ps) == 0 {
		return nil
	}
	m := make(map[string]float64, len(ps))
	for _, p := range ps {
		m[p]++
	}
	return m
}

// phraseScore adds to acc (and to raw when it is another slice) the phrase
// score of every target sharing a phrase with q.
func (l *linker) phraseScore(q itemQuery, raw []float64) {
	for ph := range q.phrases {
		for _, p := range l.ppost[ph] {
			l.acc[p.target] += l.p.PhraseWeight * p.w
			if &raw[0] != &l.acc[0] {
				raw[p.target] += l.p.PhraseWeight * p.w
			}
		}
	}
}

// phraseSelf is the phrase score of the item's phrases against itself
// (its length that of self).
func (l *linker) phraseSelf(phrases map[string]float64, self *bag) float64 {
	s := 0.0
	for ph, tf := range phrases {
		s += l.p.PhraseWeight * l.bm25(tf, l.pdf[ph], l.n, self.n, l.avg)
	}
	return s
}
