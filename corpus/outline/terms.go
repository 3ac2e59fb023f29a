package outline

import (
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// Terms is the terms of text (ScanTerms), in order, with repeats.
func Terms(text string) []string {
	var ts []string
	ScanTerms(text, func(t string) { ts = append(ts, t) })
	return ts
}

// ScanTerms calls add for every folded syllable of s and every pair of
// adjacent syllables not separated by punctuation. Numbers and citations ("Nghị quyết số 347/NQ-CP ngày 24/10/2025") are
// left out: that a text cites a document says nothing of its topic. They
// are the words passages are compared by (collapseRepeats) and the
// linker's terms.
func ScanTerms(s string, add func(term string)) {
	scanTerms(s, false, func(term string, _ bool) { add(term) })
}

// ScanTermsTitled is ScanTerms telling add whether the term lies in the
// title of a document the text cites (cite.Titles: "… của Bộ Chính trị về
// đột phá phát triển khoa học …"); a pair across a title's edge counts as
// in it.
func ScanTermsTitled(s string, add func(term string, inTitle bool)) {
	scanTerms(s, true, add)
}

func scanTerms(s string, titled bool, add func(term string, inTitle bool)) {
	var cites []cite.Ref
	var titles []cite.Span
	if cite.MayCite(s) {
		cites = cite.ParseRefs(s)
		if titled {
			titles = cite.Titles(s, cites)
		}
	}
	inTitle := func(start int) bool {
		for _, sp := range titles {
			if start >= sp.Start && start < sp.End {
				return true
			}
		}
		return false
	}
	inCite := func(start int) bool {
		for _, r := range cites {
			if start >= r.Start && start < r.End {
				return true
			}
		}
		return false
	}
	prev, prevEnd, prevIn, numEnd := "", 0, false, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			numEnd = t.End
			prev = ""
			return
		}
		tok := s[t.Start:t.End]
		if t.End <= numEnd || isAllDigits(tok) || inCite(t.Start) {
			prev = ""
			return
		}
		w := viet.Fold(tok)
		in := inTitle(t.Start)
		add(w, in)
		if prev != "" && !strings.ContainsAny(s[prevEnd:t.Start], ".,;:!?()\"“”-–|\n") {
			add(prev+" "+w, in || prevIn)
		}
		prev, prevEnd, prevIn = w, t.End, in
	})
}

// isAllDigits reports s made of ASCII digits only.
func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
