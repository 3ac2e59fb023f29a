package link

// Passage cover: how much of the passage the item says. The "implements
// nothing" measure raw/self (linknone.go) reads the match from the
// item's side — the share of what the item says that the passage says
// too — and never asks how much of the passage the item holds. A long
// item restating most of a short passage ("Bộ Y tế chỉ đạo … bảo đảm
// thuốc, hóa chất khử khuẩn …") scores low on raw/self, its own many
// other words in the denominator, though it says what the passage asks;
// an item meeting a long passage on a few common words scores the same.
//
// A passage's cover by an item is the part of the passage's own weight —
// its terms' BM25 weights in the collection summed, each distinct term
// once, the weights the postings hold — that the item's terms hold (each
// at its query weight, at most 1), over the whole: 0 when the item holds
// none of the passage's terms, 1 when it holds them all. BM25's length
// normalisation is in both parts, so a 10-word and a 200-word passage
// held in the same proportion have about the same cover. The measure
// noneCover is raw/self + CoverNone × cover (docs/log/i22-linkn.md has
// the figures; as a ranking factor it was measured and not kept).

// passageTerms is the distinct terms of a passage's bag in the order
// they are added (its own terms, then its heading context's), so that
// sums over them run in the same order on every run.
func passageTerms(own, context []string) []string {
	seen := make(map[string]bool, len(own))
	out := make([]string, 0, len(own))
	for _, ts := range [2][]string{own, context} {
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// coverScratch is the cleared per-target sum of an item's covered
// weight, or nil when no measure reads the cover (CoverNone 0).
func (l *linker) coverScratch() []float64 {
	if l.p.CoverNone == 0 {
		return nil
	}
	if l.cov == nil {
		l.cov = make([]float64, len(l.targets))
	}
	clear(l.cov)
	return l.cov
}

// coverShare is target j's cover by the item whose covered weight
// coverScratch's sums hold.
func (l *linker) coverShare(j int) float64 {
	if l.mass[j] <= 0 {
		return 0
	}
	return l.cov[j] / l.mass[j]
}
