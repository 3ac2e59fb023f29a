package corpus

// A syllable matched alone. Vietnamese words are mostly two syllables,
// and folding joins syllables of different words ("thu" gom and "Thủ"
// tướng, môi "trường" and Bộ "trưởng", "quần" áo and "quân" đội) or the
// same syllable serves several words ("vệ" sinh and tự "vệ", "cận" nghèo
// and tiếp "cận"). A long general passage collects such matches. When a
// passage holds a syllable of the item but none of the item's pairs that
// hold it, the syllable is likely another word there: with IsoWeight < 1
// it counts IsoWeight of its score. A syllable the item says alone (no
// pair of the item holds it) keeps its score.

// isoPairs maps each syllable of q's terms to q's pairs holding it (nil
// when IsoWeight is 1).
func (l *linker) isoPairs(q itemQuery) map[string][]string {
	if l.p.IsoWeight >= 1 {
		return nil
	}
	m := map[string][]string{}
	for t := range q.terms {
		if i := pairSplit(t); i < len(t) {
			m[t[:i]] = append(m[t[:i]], t)
			m[t[i+1:]] = append(m[t[i+1:]], t)
		}
	}
	return m
}

// isoFactor is the factor of term's score in target j: IsoWeight for a
// syllable of the item's pairs none of which target j holds, else 1.
func (l *linker) isoFactor(pairs map[string][]string, term string, j int) float64 {
	ps, ok := pairs[term]
	if !ok {
		return 1
	}
	tf := l.targets[j].bag.tf
	for _, p := range ps {
		if tf[p] > 0 {
			return 1
		}
	}
	return l.p.IsoWeight
}

// pairSplit is the index of the space in pair t (len(t) for a syllable).
func pairSplit(t string) int {
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			return i
		}
	}
	return len(t)
}
